package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.FailOn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log text of real findings: the rules module is on the test class path, as in the plugin. */
class FindingLogTest {
    @TempDir
    Path project;

    private String key;
    private ScanResult result;

    @BeforeEach
    void scan() throws IOException {
        // Generated, so the repository holds no key for its own self-scan to find.
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        key = Base64.getEncoder().encodeToString(bytes);
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("src/main/resources/application.properties"),
                "spring.application.name=orders\n"
                + "azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey="
                + key + ";EndpointSuffix=core.windows.net\n");
        result = new Engine(RuleRegistry.load()).scan(ScanRequest.of(project, List.of(project)));
    }

    @Test
    void aFinding_isLoggedWithFileLineAndFix_neverTheSecret() {
        Finding f = result.findings().get(0);
        List<String> lines = FindingLog.lines(f, UnaryOperator.identity());

        assertThat(lines.get(0)).startsWith("src/main/resources/application.properties:2:")
                .contains("  MI-STORAGE-CONNSTR  ");
        assertThat(lines).anyMatch(l -> l.startsWith("  fix: "));
        assertThat(lines).anyMatch(l -> l.startsWith("  role: Storage Blob Data"));
        assertThat(String.join("\n", lines)).doesNotContain(key);
    }

    /** Three keys of one rule (two accounts): three lines, and the rule's fix once, naming the finding it is for. */
    @Test
    void compactLog_oneLinePerFinding_andTheFixOncePerRule() throws IOException {
        Files.writeString(project.resolve("src/main/resources/more.properties"),
                "a=" + connectionString("contosodata") + "\nb=" + connectionString("contosodata") + "\nc="
                        + connectionString("archive") + "\n");
        ScanResult three = new Engine(RuleRegistry.load()).scan(ScanRequest.of(project,
                List.of(project.resolve("src/main/resources/more.properties"))));
        assertThat(three.findings()).hasSize(3);
        java.util.Set<String> shown = new java.util.HashSet<>();

        List<FindingLog.Line> log = FindingLog.log(three.findings(), p -> "app/" + p, false, shown::add);

        List<String> text = log.stream().map(FindingLog.Line::text).toList();
        assertThat(text).hasSize(4);
        assertThat(text.subList(0, 3)).allMatch(l -> l.startsWith("app/src/main/resources/more.properties:")
                && l.contains("  MI-STORAGE-CONNSTR  "));
        assertThat(text.get(3)).startsWith("  fix (MI-STORAGE-CONNSTR, as for app/src/main/resources/more.properties:1): Remove the account key");
        assertThat(log).allMatch(l -> l.severity() == dev.miscan.core.api.Severity.ERROR);
        assertThat(String.join("\n", text)).doesNotContain("role:").doesNotContain("run:").doesNotContain("preview:");

        // the build has shown this rule's fix already: the next module logs its findings only
        assertThat(FindingLog.log(result.findings(), UnaryOperator.identity(), false, shown::add))
                .extracting(FindingLog.Line::text).singleElement().asString().contains("  MI-STORAGE-CONNSTR  ");
    }

    @Test
    void compactLog_aFixForNoResourceInParticular_isSaidPlainly_elseForTheFindingItNames() {
        Finding f = result.findings().get(0);
        assertThat(FindingLog.fixLine("MI-STORAGE-CONNSTR", List.of(f, f), UnaryOperator.identity()))
                .as("the fix names the account").startsWith(
                        "  fix (MI-STORAGE-CONNSTR, as for src/main/resources/application.properties:2): Remove the account key");

        dev.miscan.core.api.Remediation r = f.remediation();
        Finding generic = f.withRemediation(new dev.miscan.core.api.Remediation(r.service(), "", r.summary(),
                r.language(), r.replacement(), r.dependency(), r.roles(), r.scope(), r.commands()));
        assertThat(FindingLog.fixLine("MI-STORAGE-CONNSTR", List.of(generic, generic), UnaryOperator.identity()))
                .startsWith("  fix (MI-STORAGE-CONNSTR): Remove the account key");
    }

    @Test
    void verboseLog_givesEachFindingItsDetails_neverTheSecret() {
        List<String> text = FindingLog.log(result.findings(), UnaryOperator.identity(), true, r -> true).stream()
                .map(FindingLog.Line::text).toList();

        assertThat(text.get(0)).startsWith("src/main/resources/application.properties:2:");
        assertThat(text).anyMatch(l -> l.startsWith("  fix: ")).anyMatch(l -> l.startsWith("  role: Storage Blob Data"))
                .anyMatch(l -> l.startsWith("  run: az ")).anyMatch(l -> l.startsWith("  line: azure.storage"))
                .noneMatch(l -> l.startsWith("  fix ("));
        assertThat(String.join("\n", text)).doesNotContain(key);
    }

    private static String connectionString(String account) {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return "DefaultEndpointsProtocol=https;AccountName=" + account + ";AccountKey="
                + Base64.getEncoder().encodeToString(bytes) + ";EndpointSuffix=core.windows.net";
    }

    @Test
    void summary_countsBySeverity() {
        assertThat(FindingLog.summary(result))
                .startsWith("1 finding (1 error, 0 warnings, 0 notes) in 1 file; 0 binary; 0 skipped");
    }

    @Test
    void failureMessage_listsFindingsAndEndsWithWhatToDo() {
        String message = FindingLog.failureMessage(result.findings(), FailOn.ERROR, "orders",
                p -> "app/" + p, "app/target/mi-scan.sarif");

        List<String> lines = message.lines().toList();
        assertThat(lines.get(0)).isEqualTo("mi-scan found 1 credential finding at or above 'error' in orders:");
        assertThat(lines.get(1)).startsWith("  app/src/main/resources/application.properties:2:");
        assertThat(lines.get(lines.size() - 1))
                .startsWith("Remove each credential and use Managed Identity")
                .contains("(all details in app/target/mi-scan.sarif)")
                .endsWith("add a comment 'mi-scan:allow RULE-ID reason' on its line or the line before.");
        assertThat(message).doesNotContain(key);
    }

    @Test
    void failureMessage_listsAtMostTenFindings() {
        List<Finding> many = new ArrayList<>(Collections.nCopies(12, result.findings().get(0)));
        String message = FindingLog.failureMessage(many, FailOn.WARNING, "orders", UnaryOperator.identity(), "");

        assertThat(message).startsWith("mi-scan found 12 credential findings at or above 'warning' in orders:");
        assertThat(message.lines().filter(l -> l.contains("MI-STORAGE-CONNSTR")).count()).isEqualTo(10);
        assertThat(message).contains("  … and 2 more (see the log above)");
        assertThat(message).doesNotContain("all details in");
    }
}
