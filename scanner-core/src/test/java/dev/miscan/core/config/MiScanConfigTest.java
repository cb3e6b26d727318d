package dev.miscan.core.config;

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import dev.miscan.core.secrets.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiScanConfigTest {

    private static MiScanConfig parse(String yaml) throws ConfigException {
        return MiScanConfig.parse(yaml, ".mi-scan.yml", Path.of("/repo/.mi-scan.yml"));
    }

    @Nested
    class Loading {
        @Test
        void everyKey_isRead() throws ConfigException {
            MiScanConfig c = parse("""
                    version: 1
                    exclude: [docs/, "*.md"]
                    rules:
                      MI-TEST-SECRET: warning
                      MI-OTHER: off
                      MI-THIRD: on
                    allow:
                      paths: [src/test/a.properties]
                      path-patterns: ["^fixtures/"]
                      values: [not-a-secret]
                      value-patterns: ["^dummy"]
                    baseline: config/baseline.json
                    fail-on: warning
                    max-file-size: 500k
                    """);

            assertThat(c.excludes()).containsExactly("docs/", "*.md");
            assertThat(c.rules()).containsEntry("MI-TEST-SECRET", new MiScanConfig.RuleSetting(true, Severity.WARNING))
                    .containsEntry("MI-OTHER", new MiScanConfig.RuleSetting(false, null))
                    .containsEntry("MI-THIRD", new MiScanConfig.RuleSetting(true, null));
            assertThat(c.baselinePath()).isEqualTo(Path.of("/repo/config/baseline.json"));
            assertThat(c.failOn()).isEqualTo("warning");
            assertThat(c.maxFileSize()).isEqualTo(500 * 1024L);
            assertThat(c.allowList().isEmpty()).isFalse();
        }

        @Test
        void emptyFileAndEmptyValues_meanDefaults() throws ConfigException {
            for (String yaml : List.of("", "# only a comment\n", "exclude:\nrules:\nallow:\n")) {
                MiScanConfig c = parse(yaml);
                assertThat(c.excludes()).isEmpty();
                assertThat(c.rules()).isEmpty();
                assertThat(c.baselinePath()).isNull();
                assertThat(c.failOn()).isNull();
                assertThat(c.maxFileSize()).isNull();
                assertThat(c.allowList().isEmpty()).isTrue();
            }
        }

        @Test
        void template_loads_andChangesNothing() throws ConfigException {
            MiScanConfig c = parse(MiScanConfig.template());

            assertThat(c.excludes()).isEmpty();
            assertThat(c.rules()).isEmpty();
            assertThat(c.allowList().isEmpty()).isTrue();
            assertThat(c.failOn()).isEqualTo("error");
            assertThat(c.maxFileSize()).isEqualTo(ScanRequest.DEFAULT_MAX_FILE_SIZE);
            assertThat(c.baselinePath()).isNull();
            assertThat(MiScanConfig.template()).contains("# ").contains("mi-scan:allow");
        }

        @Test
        void discover_findsTheFileInTheDirectory_orReturnsDefaults(@TempDir Path dir) throws Exception {
            assertThat(MiScanConfig.discover(dir).file()).isNull();

            Files.writeString(dir.resolve(".mi-scan.yml"), "fail-on: none\n");

            MiScanConfig c = MiScanConfig.discover(dir);
            assertThat(c.file()).isEqualTo(dir.resolve(".mi-scan.yml").toAbsolutePath().normalize());
            assertThat(c.failOn()).isEqualTo("none");
        }

        @Test
        void missingFile_isAConfigError(@TempDir Path dir) {
            assertThatThrownBy(() -> MiScanConfig.load(dir.resolve("nope.yml"))).isInstanceOf(ConfigException.class)
                    .hasMessageEndingWith("nope.yml: no such file");
        }
    }

    @Nested
    class Validation {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                exclude: []\\nexlude: [docs/]                 | .mi-scan.yml:2: unknown key 'exlude' (known keys: version, exclude, rules, allow, baseline, fail-on, max-file-size)
                allow:\\n  path: [a]                          | .mi-scan.yml:2: unknown key 'allow.path' (known keys under allow: paths, path-patterns, values, value-patterns)
                exclude: docs/                               | .mi-scan.yml:1: 'exclude' must be a list, e.g. exclude: ["…"]
                rules:\\n  MI-TEST-SECRET: loud              | .mi-scan.yml:2: 'rules.MI-TEST-SECRET' must be one of off, on, error, warning, note, not 'loud'
                rules:\\n  storage: off                      | .mi-scan.yml:2: 'rules.storage' is not a rule id (MI-…; 'mi-scan rules' lists them)
                rules: [MI-TEST-SECRET]                      | .mi-scan.yml:1: 'rules' must be a mapping of keys to values
                allow:\\n  path-patterns: ["[unclosed"]      | .mi-scan.yml:2: 'allow.path-patterns' entry is not a valid regular expression: Unclosed character class
                fail-on: sometimes                           | .mi-scan.yml:1: 'fail-on' must be one of error, warning, note, none, not 'sometimes'
                max-file-size: huge                          | .mi-scan.yml:1: 'max-file-size' must be a number of bytes with an optional k, m or g suffix, at most 2047m, e.g. 2m
                version: 2                                   | .mi-scan.yml:1: 'version' must be 1
                baseline: ''                                 | .mi-scan.yml:1: 'baseline' must not be empty
                fail-on: error\\nfail-on: none              | .mi-scan.yml:2: duplicate key 'fail-on'
                - a list                                     | .mi-scan.yml:1: the file must be a mapping of keys to values
                exclude: [docs/                              | .mi-scan.yml:1: not valid YAML: expected ',' or ']', but got <stream end>
                """)
        void badConfiguration_namesTheFileLineAndKey(String yaml, String message) {
            assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n"))).isInstanceOf(ConfigException.class)
                    .hasMessage(message);
        }

        @Test
        void unknownRuleId_isAnErrorOnceTheCatalogueIsKnown() throws ConfigException {
            MiScanConfig c = parse("rules:\n  MI-TEST-SECRET: off\n  MI-NOT-A-RULE: warning\n");

            assertThatThrownBy(() -> c.checkRuleIds(Set.of("MI-TEST-SECRET"))).isInstanceOf(ConfigException.class)
                    .hasMessage(".mi-scan.yml:3: unknown rule 'rules.MI-NOT-A-RULE' ('mi-scan rules' lists the rule ids)");
        }

        @Test
        void aliasBombs_areRefused() {
            StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
            for (char c = 'b'; c <= 'k'; c++) {
                char p = (char) (c - 1);
                yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                        .append(p).append(", *").append(p).append("]\n");
            }

            assertThatThrownBy(() -> parse(yaml.toString())).isInstanceOf(ConfigException.class);
        }
    }

    @Nested
    class Policy {
        @TempDir
        Path root;

        private ScanResult scan(String yaml) throws IOException, ConfigException {
            MiScanConfig c = MiScanConfig.parse(yaml, ".mi-scan.yml", root.resolve(".mi-scan.yml"));
            Engine engine = new Engine(TestRules.registry(new TestSecretRule()), c.policy());
            return engine.scan(ScanRequest.of(root, List.of(root)));
        }

        private void write(String path, String content) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }

        @Test
        void ruleOff_doesNotRun_evenAsYamlBoolean() throws Exception {
            write("a.txt", "secret=Value0000001\n");

            assertThat(scan("rules:\n  MI-TEST-SECRET: off\n").findings()).isEmpty();
            assertThat(scan("rules:\n  MI-TEST-SECRET: 'off'\n").rules()).isEmpty();
            assertThat(scan("rules:\n  MI-TEST-SECRET: on\n").findings()).hasSize(1);
        }

        @Test
        void ruleNamedByItsFormerId_isTurnedOffOrReLevelled_andTheFormerIdIsAKnownId() throws Exception {
            write("a.txt", "secret=Value0000001\n");

            assertThat(scan("rules:\n  MI-TEST-FORMER: off\n").findings()).isEmpty();
            assertThat(scan("rules:\n  MI-TEST-FORMER: note\n").findings()).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.NOTE));
            // the current id wins over a former one when a file names both
            assertThat(scan("rules:\n  MI-TEST-FORMER: off\n  MI-TEST-SECRET: on\n").findings()).hasSize(1);
            MiScanConfig c = MiScanConfig.parse("rules:\n  MI-TEST-FORMER: off\n", ".mi-scan.yml", root);
            c.checkRuleIds(TestRules.registry(new TestSecretRule()).knownIds());
        }

        @Test
        void severityOverride_changesTheFindingsLevel() throws Exception {
            write("a.txt", "secret=Value0000001\n");

            assertThat(scan("rules:\n  MI-TEST-SECRET: note\n").findings())
                    .extracting(Finding::severity).containsExactly(Severity.NOTE);
        }

        @Test
        void allowLists_suppressByExactOrPatternPathAndValue_withoutNamingTheValue() throws Exception {
            write("src/test/exact.txt", "secret=PathExact0001\n");
            write("fixtures/x.txt", "secret=PathRegex0001\n");
            write("a.txt", "secret=ValueExact001\nsecret=dummy-value01\nsecret=HashedValue1\nsecret=Reported0001\n");

            ScanResult result = scan("""
                    allow:
                      paths: [src/test/exact.txt]
                      path-patterns: ["^fixtures/"]
                      values: [ValueExact001, "sha256:%s"]
                      value-patterns: ["^dummy-"]
                    """.formatted(Redaction.sha256("HashedValue1").toUpperCase()));

            assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.location().startLine()).isEqualTo(4));
            assertThat(result.suppressedFindings()).hasSize(5).allSatisfy(f -> {
                assertThat(f.suppression().origin()).isEqualTo(Suppression.Origin.CONFIG);
                assertThat(f.suppression().justification()).startsWith("allowed by .mi-scan.yml allow.")
                        .doesNotContain("ValueExact001").doesNotContain("HashedValue1");
            });
            assertThat(result.suppressedFindings()).extracting(f -> f.suppression().justification()).containsExactly(
                    "allowed by .mi-scan.yml allow.values[0]",
                    "allowed by .mi-scan.yml allow.value-patterns[0]",
                    "allowed by .mi-scan.yml allow.values[1]",
                    "allowed by .mi-scan.yml allow.path-patterns[0] ^fixtures/",
                    "allowed by .mi-scan.yml allow.paths[0] src/test/exact.txt");
        }

        @Test
        void inlineAllow_winsOverConfig() throws Exception {
            write("a.txt", "secret=Value0000001 # mi-scan:allow MI-TEST-SECRET sample\n");

            ScanResult result = scan("allow:\n  value-patterns: [Value]\n");

            assertThat(result.suppressedFindings()).singleElement()
                    .satisfies(f -> assertThat(f.suppression().origin()).isEqualTo(Suppression.Origin.INLINE));
        }
    }
}
