package dev.miscan.core.suppress;
// mi-scan:allow-file test vectors

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineAllowTest {
    private final Engine engine = new Engine(TestRules.registry(new TestSecretRule()));

    /** Scans; the only warnings allowed are about the allow markers themselves (see the tests below). */
    private Engine.FileResult scan(String text) {
        List<ScanWarning> warnings = new ArrayList<>();
        Engine.FileResult result = engine.scanFragment(new Fragment("app.properties", text), warnings::add);
        assertThat(warnings).allSatisfy(w -> assertThat(w.message()).contains("mi-scan:allow"));
        return result;
    }

    private List<String> warnings(String text) {
        List<ScanWarning> warnings = new ArrayList<>();
        engine.scanFragment(new Fragment("app.properties", text), warnings::add);
        return warnings.stream().map(ScanWarning::toString).toList();
    }

    private static List<Integer> lines(Engine.FileResult result) {
        return result.findings().stream().map(f -> f.location().startLine()).toList();
    }

    @Test
    void allowNamingTheRulesFormerId_suppresses_withoutAWarning() {
        List<String> warnings = warnings("""
                # mi-scan:allow MI-TEST-FORMER written before the rule was renamed
                secret=Allowed000001
                secret=Reported00001
                """);
        var result = scan("""
                # mi-scan:allow MI-TEST-FORMER written before the rule was renamed
                secret=Allowed000001
                secret=Reported00001
                """);

        assertThat(warnings).isEmpty();
        assertThat(lines(result)).containsExactly(3);
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void allowOnLineBefore_suppresses() {
        var result = scan("""
                # mi-scan:allow
                secret=Allowed000001
                secret=Reported00001
                """);

        assertThat(lines(result)).containsExactly(3);
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void trailingAllowOnSameLine_suppresses() {
        var result = scan("""
                String s = "secret=Allowed000001"; // mi-scan:allow

                String t = "secret=Reported00001";
                """);

        assertThat(lines(result)).containsExactly(3);
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void allowTwoLinesAbove_doesNotSuppress() {
        var result = scan("""
                # mi-scan:allow
                name=app
                secret=Reported00001
                """);

        assertThat(lines(result)).containsExactly(3);
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void allowForOtherRuleId_doesNotSuppress() {
        var result = scan("""
                # mi-scan:allow MI-OTHER
                secret=Reported00001
                secret=Reported00002 # mi-scan:allow MI-OTHER-RULE, MI-THIRD
                """);

        assertThat(lines(result)).containsExactly(2, 3);
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void allowForThisRuleIdWithReason_suppresses() {
        var result = scan("""
                # mi-scan:allow MI-TEST-SECRET reason text
                secret=Allowed000001
                secret=Allowed000002 # mi-scan:allow MI-OTHER, MI-TEST-SECRET fixture for a test
                """);

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(2);
    }

    @Test
    void allowFileInFirstTenLines_suppressesWholeFile() {
        var result = scan("""
                line 1
                line 2
                line 3
                line 4
                line 5
                line 6
                line 7
                line 8
                line 9
                # mi-scan:allow-file fixtures
                secret=Allowed000001
                line 12
                line 13
                secret=Allowed000002
                """);

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(2);
    }

    @Test
    void allowFileForOtherRule_doesNotSuppress() {
        var result = scan("""
                # mi-scan:allow-file MI-OTHER
                name=app
                secret=Reported00001
                """);

        assertThat(lines(result)).containsExactly(3);
    }

    @Test
    void allowFileOnLineEleven_doesNotSuppress() {
        var result = scan("""
                line 1
                line 2
                line 3
                line 4
                line 5
                line 6
                line 7
                line 8
                line 9
                line 10
                # mi-scan:allow-file fixtures
                secret=Reported00001
                line 13
                secret=Reported00002
                """);

        assertThat(lines(result)).containsExactly(12, 14);
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void scanResult_countsSuppressedFindings(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("a.properties"), """
                # mi-scan:allow
                secret=Allowed000001
                secret=Reported00001
                """);
        Files.writeString(root.resolve("b.properties"), """
                # mi-scan:allow-file
                secret=Allowed000002
                secret=Allowed000003
                """);

        ScanResult result = engine.scan(new ScanRequest(root, List.of(root), List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 2));

        assertThat(result.findings()).extracting(f -> f.location().path() + ":" + f.location().startLine())
                .containsExactly("a.properties:3");
        assertThat(result.suppressed()).isEqualTo(3);
    }

    @Test
    void scanFragmentWithoutSuppressions_reportsAllowedFindings() {
        String text = """
                # mi-scan:allow-file
                secret=Allowed000001 // mi-scan:allow
                """;
        List<ScanWarning> warnings = new ArrayList<>();

        Engine.FileResult result = engine.scanFragment(new Fragment("a.txt", text), warnings::add, Engine.Options.UNSUPPRESSED);

        assertThat(result.findings()).extracting(Finding::fingerprint).hasSize(1);
        assertThat(result.suppressed()).isZero();
        assertThat(scan(text).findings()).isEmpty();
    }

    @Test
    void suppressedFindings_keepTheirOccurrenceNumbers_soAnAllowDoesNotRenumberTheOthers() {
        String before = """
                secret=Repeated00001
                name=app
                secret=Repeated00001
                """;
        String after = before.replaceFirst("\n", " # mi-scan:allow test value\n");

        var unsuppressed = scan(before);
        var result = scan(after);

        assertThat(lines(result)).containsExactly(3);
        assertThat(result.findings().get(0).fingerprint()).endsWith(":2")
                .isEqualTo(unsuppressed.findings().get(1).fingerprint());
        assertThat(result.suppressedFindings()).extracting(Finding::fingerprint)
                .containsExactly(unsuppressed.findings().get(0).fingerprint());
    }

    // --- suppressed findings are kept, with their suppression --------------------------------------------

    @Test
    void suppressedFinding_isKeptWithAnInSourceSuppressionAndItsReason() {
        var result = scan("""
                # mi-scan:allow MI-TEST-SECRET documented example value
                secret=Allowed000001
                """);

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressedFindings()).singleElement().satisfies(f -> {
            assertThat(f.suppression().origin()).isEqualTo(Suppression.Origin.INLINE);
            assertThat(f.suppression().origin().sarifKind()).isEqualTo("inSource");
            assertThat(f.suppression().justification()).isEqualTo("documented example value");
            assertThat(f.fingerprint()).endsWith(":1");
            assertThat(f.snippet()).doesNotContain("Allowed000001");
        });
    }

    @Test
    void reasonInABlockOrXmlComment_excludesTheCommentEnd() {
        var java = scan("String s = \"secret=Allowed000001\"; /* mi-scan:allow MI-TEST-SECRET sample */\n");
        var xml = scan("<!-- mi-scan:allow MI-TEST-SECRET demo value -->\n<v>secret=Allowed000002</v>\n");

        assertThat(java.suppressedFindings()).extracting(f -> f.suppression().justification()).containsExactly("sample");
        assertThat(xml.suppressedFindings()).extracting(f -> f.suppression().justification())
                .containsExactly("demo value");
    }

    // --- problems with markers are warnings ----------------------------------------------------------------

    @Test
    void allowWithoutReason_suppressesButWarns() {
        String text = """
                # mi-scan:allow MI-TEST-SECRET
                secret=Allowed000001
                """;

        assertThat(scan(text).findings()).isEmpty();
        assertThat(warnings(text)).singleElement().asString()
                .startsWith("app.properties: line 1: mi-scan:allow gives no reason")
                .contains("mi-scan:allow MI-TEST-SECRET test fixture");
    }

    @Test
    void allowForAnUnknownRule_warnsAndDoesNotSuppress() {
        String text = "secret=Reported00001 # mi-scan:allow MI-TEST-SECRT typo in the id\n";

        assertThat(lines(scan(text))).containsExactly(1);
        assertThat(warnings(text)).containsExactly("app.properties: line 1: mi-scan:allow names MI-TEST-SECRT, "
                + "which is not a rule ('mi-scan rules' lists them)");
    }

    @Test
    void allowFileWithoutReason_warnsOnceForTheWholeFile() {
        String text = """
                # mi-scan:allow-file
                secret=Allowed000001
                secret=Allowed000002
                """;

        assertThat(warnings(text)).singleElement().asString().contains("line 1: mi-scan:allow-file gives no reason");
    }

    @Test
    void markerThatNoFindingConsults_isNotChecked() {
        assertThat(warnings("""
                Put mi-scan:allow in a comment to allow a finding.
                name=app
                secret=Reported00001
                """)).isEmpty();
    }

    @Test
    void markerWithReasonAndKnownRule_isQuiet() {
        assertThat(warnings("secret=Allowed000001 // mi-scan:allow MI-TEST-SECRET test fixture\n")).isEmpty();
    }

    @Test
    void trailingAllowOnACodeLine_doesNotCoverTheNextLine() {
        var result = scan("""
                String s = "secret=Allowed000001"; // mi-scan:allow
                String t = "secret=Reported00001";
                """);

        assertThat(lines(result)).containsExactly(2);
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void lowerCaseRuleIds_areRuleIdsNotReasons() {
        var other = scan("""
                # mi-scan:allow mi-other not this rule
                secret=Reported00001
                """);
        var same = scan("""
                # mi-scan:allow mi-test-secret lower-case id
                secret=Allowed000001
                """);

        assertThat(lines(other)).containsExactly(2);
        assertThat(same.findings()).isEmpty();
    }
}
