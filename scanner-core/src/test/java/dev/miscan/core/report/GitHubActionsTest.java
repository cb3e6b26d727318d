package dev.miscan.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Tier;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.Redactor;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubActionsTest {
    private static final RuleDescriptor SECRET = rule("MI-TEST-SECRET", Tier.SECRET, 9.1);
    private static final RuleDescriptor LESSER_SECRET = rule("MI-TEST-LESSER", Tier.SECRET, 7.0);
    private static final RuleDescriptor KEY_AUTH = rule("MI-TEST-KEY-AUTH", Tier.KEY_BASED_AUTH, 5.0);
    private static final RuleDescriptor HARDENING = rule("MI-TEST-HARDENING", Tier.HARDENING, 3.0);
    private static final Remediation FIX = new Remediation("Azure Blob Storage", "mystorage",
            "Use DefaultAzureCredential", "java", "", "", List.of(), "", List.of());
    private static final UnaryOperator<String> AS_IS = p -> p;

    private static RuleDescriptor rule(String id, Tier tier, double severity) {
        return new RuleDescriptor(id, id.toLowerCase(java.util.Locale.ROOT), tier, "test", "", "A test rule",
                "Description.", "Help.", "bad", "good", severity, List.of(), "CWE-798", List.of(), "");
    }

    private static Finding finding(RuleDescriptor rule, Severity severity, String path, int line, String message) {
        return new Finding(rule, severity, message, new Location(path, line, 5, line, 25), "snippet", "AbCd…(88 chars)",
                "hash", "fp", FIX);
    }

    private static ScanResult result(List<Finding> findings, List<ScanWarning> warnings) {
        return new ScanResult(Path.of("."), List.of(SECRET, KEY_AUTH, HARDENING), findings, warnings, 12, 100, 0);
    }

    private static List<Finding> many(RuleDescriptor rule, Severity severity, int n) {
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(finding(rule, severity, "src/f" + i + ".properties", i, "Finding " + i));
        }
        return out;
    }

    @Test
    void annotation_isOneWorkflowCommandWithFileLineColumnAndTheRuleAsTitle() {
        List<String> lines = GitHubActions.annotations(result(List.of(
                finding(SECRET, Severity.ERROR, "src/App.java", 3, "A storage key"),
                finding(KEY_AUTH, Severity.WARNING, "deploy.sh", 7, "Key auth"),
                finding(HARDENING, Severity.NOTE, "main.tf", 9, "No identity")), List.of()), AS_IS, "mi-scan.sarif");

        assertThat(lines).containsExactly(
                "::error file=src/App.java,line=3,endLine=3,col=5,endColumn=25,title=MI-TEST-SECRET::A storage key. "
                        + "Use DefaultAzureCredential.",
                "::warning file=deploy.sh,line=7,endLine=7,col=5,endColumn=25,title=MI-TEST-KEY-AUTH::Key auth. "
                        + "Use DefaultAzureCredential.",
                "::notice file=main.tf,line=9,endLine=9,col=5,endColumn=25,title=MI-TEST-HARDENING::No identity. "
                        + "Use DefaultAzureCredential.");
    }

    @Test
    void annotation_escapesPropertiesAndDataAsTheRunnerUnescapesThem() {
        assertThat(GitHubActions.data("100% done\r\nnext")).isEqualTo("100%25 done%0D%0Anext");
        assertThat(GitHubActions.property("a:b,c%d\ne")).isEqualTo("a%3Ab%2Cc%25d%0Ae");

        String line = GitHubActions.annotations(result(List.of(finding(SECRET, Severity.ERROR, "dir,x/a:b 100%.yml", 1,
                "Value 50%, then a::b")), List.of()), AS_IS, "r").get(0);

        assertThat(line).startsWith("::error file=dir%2Cx/a%3Ab 100%25.yml,line=1,");
        assertThat(line).endsWith("::Value 50%25, then a::b. Use DefaultAzureCredential.");
        // a file name cannot break out of its property or start a new command on another line
        String hostile = GitHubActions.annotations(result(List.of(finding(SECRET, Severity.ERROR,
                "x\n::set-output name=a::b\u001b[31m", 1, "m")), List.of()), AS_IS, "r").get(0);
        assertThat(hostile).doesNotContain("\n").doesNotContain("\u001b").contains("file=x\\x0a%3A%3Aset-output");
    }

    @Test
    void annotations_areCappedAtTenPerLevel_mostSevereFirst_thenOneNoticeCountsTheRest() {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(many(LESSER_SECRET, Severity.ERROR, 8));
        findings.addAll(many(SECRET, Severity.ERROR, 7));
        findings.addAll(many(KEY_AUTH, Severity.WARNING, 12));
        findings.addAll(many(HARDENING, Severity.NOTE, 11));

        List<String> lines = GitHubActions.annotations(result(findings, List.of()), AS_IS, "out/mi-scan.sarif");

        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(10);
        assertThat(lines.stream().filter(l -> l.startsWith("::warning "))).hasSize(10);
        // nine notes and the closing notice: ten notices, GitHub's limit
        assertThat(lines.stream().filter(l -> l.startsWith("::notice "))).hasSize(10);
        assertThat(lines.subList(0, 7)).allMatch(l -> l.contains("title=MI-TEST-SECRET::"));
        assertThat(lines.subList(7, 10)).allMatch(l -> l.contains("title=MI-TEST-LESSER::"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("::notice title=mi-scan::9 more finding(s) not annotated "
                + "(5 error, 2 warning, 2 note): GitHub shows at most 10 annotations of each level per step. Every "
                + "finding is in out/mi-scan.sarif.");
    }

    @Test
    void annotations_withinTheLimits_haveNoClosingNotice() {
        List<Finding> findings = new ArrayList<>(many(SECRET, Severity.ERROR, 10));
        findings.addAll(many(HARDENING, Severity.NOTE, 10));

        List<String> lines = GitHubActions.annotations(result(findings, List.of()), AS_IS, "r");

        assertThat(lines).hasSize(20).noneMatch(l -> l.contains("title=mi-scan::"));
        assertThat(GitHubActions.annotations(result(List.of(), List.of()), AS_IS, "r")).isEmpty();
    }

    @Test
    void stepSummary_isATableWithCountsByLevel_andSkippedFilesOnlyCounted() {
        List<ScanWarning> warnings = new ArrayList<>();
        for (int i = 0; i < 116; i++) {
            warnings.add(new ScanWarning("img/logo" + i + ".png", "binary file", true));
        }
        warnings.add(new ScanWarning("conf/bad.yaml", "YAML did not parse; scanned as plain lines", false));

        String md = GitHubActions.stepSummary(result(List.of(
                finding(SECRET, Severity.ERROR, "src/App.java", 3, "A storage key"),
                finding(KEY_AUTH, Severity.WARNING, "deploy.sh", 7, "Key auth")), warnings), "mi-scan", AS_IS,
                "mi-scan.sarif");

        assertThat(md).startsWith("### mi-scan (mi-scan): 2 finding(s): 1 error, 1 warning, 0 note\n\n"
                + "| Level | Rule | Location | Message |\n|---|---|---|---|\n"
                + "| error | MI-TEST-SECRET | src/App.java:3 | A storage key. Use DefaultAzureCredential. |\n"
                + "| warning | MI-TEST-KEY-AUTH | deploy.sh:7 | Key auth. Use DefaultAzureCredential. |\n");
        assertThat(md).contains("12 file(s) scanned, 116 skipped (too large or unreadable), 1 scanned in part.");
        ScanResult withBinary = result(List.of(), List.of());
        withBinary = new ScanResult(withBinary.baseDir(), withBinary.rules(), List.of(), List.of(), 12, 100, 0,
                List.of(), withBinary.fingerprintKey(), 40);
        assertThat(GitHubActions.stepSummary(withBinary, null, AS_IS, "mi-scan.sarif"))
                .contains("12 file(s) scanned, 40 binary (left out).");
        assertThat(md).doesNotContain("logo").doesNotContain("binary file");
    }

    @Test
    void stepSummary_listsAtMostAHundredFindings_andSaysHowManyMore() {
        String md = GitHubActions.stepSummary(result(many(SECRET, Severity.ERROR, 130), List.of()), null, AS_IS,
                "mi-scan.sarif");

        assertThat(md.lines().filter(l -> l.startsWith("| error |"))).hasSize(100);
        assertThat(md).startsWith("### mi-scan: 130 finding(s): 130 error, 0 warning, 0 note\n");
        assertThat(md).contains("\nand 30 more: every finding is in mi-scan.sarif.\n");
        assertThat(GitHubActions.stepSummary(result(List.of(), List.of()), null, AS_IS, "r"))
                .startsWith("### mi-scan: no findings\n\n12 file(s) scanned.");
    }

    @Test
    void stepSummary_cellsEscapePipesMarkdownAndHtml() {
        String md = GitHubActions.stepSummary(result(List.of(finding(SECRET, Severity.ERROR, "a|b/<img src=x>.md", 2,
                "See [here](https://example.invalid) | *now*")), List.of()), null, AS_IS, "r");
        String row = md.lines().filter(l -> l.startsWith("| error |")).findFirst().orElseThrow();

        assertThat(row).isEqualTo("| error | MI-TEST-SECRET | a\\|b/\\<img src=x\\>.md:2 | See \\[here\\](https://"
                + "example.invalid) \\| \\*now\\*. Use DefaultAzureCredential. |");
        // a pipe that is not escaped would add a column
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5);
    }

    @Test
    void annotationsAndSummary_areRedacted_evenWhenASecretIsInAFileName(@TempDir Path dir) throws IOException {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        Path summary = dir.resolve("summary.md");
        List<String> lines;
        try (Redactor.Scope scope = Redactor.open()) {
            scope.redactor().add(secret);
            ScanResult r = result(List.of(finding(SECRET, Severity.ERROR, "leak-" + secret + ".txt", 1,
                    "Found " + secret + " here")), List.of());
            lines = GitHubActions.annotations(r, AS_IS, "r");
            GitHubActions.appendStepSummary(summary, GitHubActions.stepSummary(r, null, AS_IS, "r"));
            GitHubActions.appendStepSummary(summary, "second\n");
        }
        String md = Files.readString(summary, StandardCharsets.UTF_8);

        boolean leaked = String.join("\n", lines).contains(secret.substring(0, 12)) || md.contains(secret.substring(0, 12));
        assertThat(leaked).isFalse();
        assertThat(lines).hasSize(1);
        assertThat(md).contains("| error | MI-TEST-SECRET |").endsWith("second\n");
    }

    @Test
    void workspacePath_isRelativeToTheWorkspace_whenTheFileIsInIt(@TempDir Path dir) throws IOException {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path sub = Files.createDirectories(ws.resolve("service"));

        assertThat(GitHubActions.workspacePath(sub, "src/App.java", ws)).isEqualTo("service/src/App.java");
        assertThat(GitHubActions.workspacePath(sub, "src/App.java", null)).isEqualTo("src/App.java");
        assertThat(GitHubActions.workspacePath(dir, "elsewhere/App.java", ws)).isEqualTo("elsewhere/App.java");
    }
}
