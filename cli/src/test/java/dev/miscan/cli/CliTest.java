package dev.miscan.cli;

import static dev.miscan.cli.CliRun.SAMPLES;
import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPRING_VULNERABLE = SAMPLES.resolve("spring-boot-app/vulnerable").toString();
    private static final String INFRA_VULNERABLE = SAMPLES.resolve("infra-app/vulnerable").toString();
    private static final String SPRING_FIXED = SAMPLES.resolve("spring-boot-app/fixed").toString();
    private static final String INFRA_FIXED = SAMPLES.resolve("infra-app/fixed").toString();

    /** Rule ids as listed by {@code mi-scan rules}: the first word of every line. */
    private static List<String> listedRuleIds() {
        CliRun rules = run("rules");
        assertThat(rules.exitCode()).as(rules.toString()).isZero();
        return rules.out().lines().filter(l -> !l.isBlank()).map(l -> l.strip().split("\\s+")[0]).toList();
    }

    private static void assertNoStackTrace(CliRun r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("    at ");
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** An Application Insights connection string with a fresh, random instrumentation key. */
    private static String appInsightsConnectionString() {
        return "InstrumentationKey=" + UUID.randomUUID()
                + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";
    }

    @Nested
    class HelpAndVersion {
        @Test
        void helpListsTheCommandsAndEveryExitCode() {
            CliRun r = run("--help");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Commands:").contains("Exit codes:");
            List<String> lines = r.out().lines().toList();
            for (String command : List.of("scan", "rules", "explain")) {
                assertThat(lines).as("command %s", command).anyMatch(l -> l.matches("\\s+" + command + "\\s+\\S.*"));
            }
            for (int code = 0; code <= 3; code++) {
                int c = code;
                assertThat(lines).as("exit code %d", code).anyMatch(l -> l.matches("\\s+" + c + "\\s+\\S.*"));
            }
            assertThat(r.out()).contains("--fail-on");
        }

        @Test
        void versionPrintsTheToolNameAndVersion() {
            CliRun r = run("--version");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("mi-scan ");
            assertThat(r.out().strip()).matches("mi-scan \\S+");
        }

        @Test
        void eachSubcommandIsRegisteredUnderItsOwnName_aloneWhenTheRunNamesIt() {
            assertThat(Main.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Main.SUBCOMMANDS);
            for (String name : Main.SUBCOMMANDS) {
                assertThat(new picocli.CommandLine(Main.subcommand(name)).getCommandName()).isEqualTo(name);
                assertThat(Main.commandLine(new Main(), name).getSubcommands().keySet()).as(name)
                        .containsExactlyElementsOf(name.equals("help") ? Main.SUBCOMMANDS : List.of(name));
            }
            assertThat(Main.commandLine(new Main(), "sacn").getSubcommands().keySet())
                    .containsExactlyElementsOf(Main.SUBCOMMANDS);
        }

        @Test
        void aCommandsHelp_isTheSameRegisteredAloneAsWithTheOthers() {
            for (String name : Main.SUBCOMMANDS) {
                if (!name.equals("help")) {
                    CliRun alone = run(name, "--help");
                    CliRun all = run("help", name);
                    assertThat(alone.exitCode()).as(name).isZero();
                    assertThat(alone.out()).as(name).isNotBlank().isEqualTo(all.out());
                }
            }
        }

        @Test
        void aMistypedCommandIsAUsageErrorNamingIt() {
            CliRun r = run("sacn", ".");

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("Unmatched arguments from index 0: 'sacn'");
            assertNoStackTrace(r);
        }

        @Test
        void noCommandIsAUsageError() {
            CliRun r = run();

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("Missing command");
            assertNoStackTrace(r);
        }
    }

    @Nested
    class Rules {
        @Test
        void listsEveryRuleOnceWithItsTierAndLevel() {
            CliRun r = run("rules");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<String> ids = listedRuleIds();
            assertThat(ids).contains("MI-STORAGE-CONNSTR", "MI-ID-CLIENT-SECRET", "MI-APPINSIGHTS-CONNSTR")
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id.matches("MI-[A-Z0-9-]+"))
                    .hasSize(dev.miscan.core.engine.RuleRegistry.load().rules().size());
            assertThat(r.out().lines()).filteredOn(l -> l.startsWith("MI-APPINSIGHTS-CONNSTR "))
                    .singleElement().asString().contains("hardening").contains("note");
            assertThat(r.out().lines()).filteredOn(l -> l.startsWith("MI-STORAGE-CONNSTR "))
                    .singleElement().asString().contains("secret").contains("error");
        }
    }

    @Nested
    class Explain {
        @Test
        void explainsARuleWithExamplesAndTheRoleToGrant() {
            CliRun r = run("explain", "MI-STORAGE-CONNSTR");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("MI-STORAGE-CONNSTR ");
            assertThat(r.out().replaceAll("\\s+", " "))
                    .contains("storage connection string is the storage account's shared key")
                    .contains("Bad:")
                    .contains("Good:")
                    .contains("Storage Blob Data Contributor")
                    .contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe");
            assertThat(r.out().lines())
                    .anyMatch(l -> l.startsWith("  - Storage Blob Data Contributor")
                            && l.contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe"));
            assertThat(r.err()).isEmpty();
        }

        @Test
        void acceptsARuleIdInLowerCase() {
            CliRun lower = run("explain", "mi-storage-connstr");
            CliRun upper = run("explain", "MI-STORAGE-CONNSTR");

            assertThat(lower.exitCode()).as(lower.toString()).isZero();
            assertThat(lower.out()).isEqualTo(upper.out());
        }

        @Test
        void explainsEveryListedRule() {
            for (String id : listedRuleIds()) {
                CliRun r = run("explain", id);
                assertThat(r.exitCode()).as("explain %s: %s", id, r).isZero();
                assertThat(r.out()).as(id).startsWith(id + " ").contains("Bad:").contains("Good:");
            }
        }

        @Test
        void formerIdExplainsTheRulesItBecameAndSaysItWasRenamed() {
            CliRun split = run("explain", "MI-JAVA-STORAGE-KEY");
            CliRun single = run("explain", "mi-java-cosmos-key-auth");

            assertThat(split.exitCode()).as(split.toString()).isZero();
            assertThat(split.out().split("\n\n")[0].replace('\n', ' ')).startsWith("MI-JAVA-STORAGE-KEY was renamed: it is now ")
                    .contains("MI-STORAGE-CONNSTR").contains("MI-STORAGE-SAS").contains("MI-STORAGE-SHAREDKEY");
            assertThat(split.out()).contains("\nMI-STORAGE-CONNSTR (").contains("\nMI-STORAGE-SAS (")
                    .contains("Former ids: MI-JAVA-STORAGE-KEY");
            assertThat(single.exitCode()).as(single.toString()).isZero();
            assertThat(single.out()).startsWith("MI-JAVA-COSMOS-KEY-AUTH was renamed: it is now MI-COSMOS-KEY-AUTH.")
                    .contains("\nMI-COSMOS-KEY-AUTH (").contains("level: warning");
        }

        @Test
        void unknownRuleIsAUsageErrorNamingTheRule() {
            CliRun r = run("explain", "MI-NOPE");

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            String first = r.err().lines().findFirst().orElse("");
            assertThat(first).startsWith("mi-scan: ").contains("MI-NOPE");
            // The message is one line; picocli's handler adds a single usage hint after it.
            assertThat(r.err().lines().filter(l -> l.contains("MI-NOPE"))).hasSize(1);
            assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
            assertNoStackTrace(r);
        }
    }

    @Nested
    class UsageErrors {
        @Test
        void nonexistentPathExitsTwoNamingThePath() {
            String missing = Path.of("no-such-dir-" + UUID.randomUUID()).toString();

            CliRun r = run("scan", missing);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains(missing);
            assertThat(r.out()).isEmpty();
            assertNoStackTrace(r);
        }

        @Test
        void unknownOptionExitsTwo() {
            CliRun r = run("scan", "--no-such-option", SPRING_FIXED);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--no-such-option");
            assertNoStackTrace(r);
        }

        @Test
        void unknownFormatExitsTwo() {
            CliRun r = run("scan", "--format", "xml", SPRING_FIXED);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("xml");
            assertThat(r.out()).isEmpty();
            assertNoStackTrace(r);
        }

        @Test
        void malformedMaxFileSizeExitsTwo() {
            CliRun r = run("scan", "--max-file-size", "12q", SPRING_FIXED);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("12q");
            assertThat(r.out()).isEmpty();
            assertNoStackTrace(r);
        }

        @Test
        void unknownFailOnLevelExitsTwo() {
            CliRun r = run("scan", "--fail-on", "critical", SPRING_FIXED);

            assertThat(r.exitCode()).isEqualTo(2);
            assertNoStackTrace(r);
        }
    }

    @Nested
    class ExitCodes {
        @ParameterizedTest
        @ValueSource(strings = {"spring-boot-app", "infra-app"})
        void fixedSampleIsClean(String sample) {
            CliRun r = run("scan", SAMPLES.resolve(sample).resolve("fixed").toString());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("0 findings");
            assertThat(r.out().lines().reduce((a, b) -> b).orElse("")).startsWith("0 findings (0 errors");
        }

        @Test
        void vulnerableSamplesFailAtTheDefaultThreshold() {
            CliRun r = run("scan", SPRING_VULNERABLE, INFRA_VULNERABLE);

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).doesNotContain(" 0 findings").contains("ERROR");
        }

        @Test
        void failOnNoneNeverFails() {
            CliRun r = run("scan", "--fail-on", "none", SPRING_VULNERABLE, INFRA_VULNERABLE);

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("ERROR");
        }

        @Test
        void failOnNoteFailsOnVulnerableSamples() {
            CliRun r = run("scan", "--fail-on", "note", SPRING_VULNERABLE, INFRA_VULNERABLE);

            assertThat(r.exitCode()).isEqualTo(1);
        }

        @Test
        void aNoteOnlyFailsWhenTheThresholdIsNote(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("appinsights.env"),
                    "APPLICATIONINSIGHTS_CONNECTION_STRING=" + appInsightsConnectionString() + "\n");

            CliRun atError = run("scan", dir.toString());
            CliRun atWarning = run("scan", "--fail-on", "warning", dir.toString());
            CliRun atNote = run("scan", "--fail-on", "note", dir.toString());

            assertThat(atError.exitCode()).as(atError.toString()).isZero();
            assertThat(atError.out()).contains("MI-APPINSIGHTS-CONNSTR").contains("1 finding (0 errors, 0 warnings, 1 note)");
            assertThat(atWarning.exitCode()).as(atWarning.toString()).isZero();
            assertThat(atNote.exitCode()).as(atNote.toString()).isEqualTo(1);
        }
    }

    @Nested
    class Coverage {
        @Test
        void everyRuleFiresOnTheVulnerableSamples() throws IOException {
            List<String> ruleIds = listedRuleIds();

            CliRun r = run("scan", "--format", "json", SPRING_VULNERABLE, INFRA_VULNERABLE);

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode report = JSON.readTree(r.out());
            Set<String> found = StreamSupport.stream(report.get("findings").spliterator(), false)
                    .map(f -> f.get("ruleId").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).as("rule ids found in the vulnerable samples").containsAll(ruleIds);
            assertThat(ruleIds).containsAll(found);
            assertThat(report.get("warnings")).isEmpty();
        }
    }

    @Nested
    class OutputFile {
        @ParameterizedTest
        @ValueSource(strings = {"sarif", "json", "text"})
        void reportGoesToTheFileAndASummaryToStderr(String format, @TempDir Path dir) throws IOException {
            Path file = dir.resolve("report." + format);

            CliRun r = run("scan", "--format", format, "--output", file.toString(), SPRING_VULNERABLE);

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).singleElement().asString()
                    .startsWith("mi-scan: ")
                    .contains("finding(s)")
                    .contains(file.toString());
            assertThat(file).isRegularFile();
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(content).contains("MI-STORAGE-CONNSTR");
            switch (format) {
                case "sarif" -> assertThat(JSON.readTree(content).get("version").asText()).isEqualTo("2.1.0");
                case "json" -> assertThat(JSON.readTree(content).get("tool").asText()).isEqualTo("mi-scan");
                default -> assertThat(content).contains(" findings (").doesNotContain("\u001b");
            }
        }

        @Test
        void cleanScanStillWritesTheFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("clean.json");

            CliRun r = run("scan", "--format", "json", "-o", file.toString(), SPRING_FIXED);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).singleElement().asString().contains("0 finding(s)");
            assertThat(JSON.readTree(file.toFile()).get("findings")).isEmpty();
        }
    }

    @Nested
    class FileSizeLimit {
        /** A directory with a small file holding a note-level finding and a 2 KiB file that would hold another. */
        private Path prepare(Path dir) throws IOException {
            Files.writeString(dir.resolve("small.env"),
                    "APPLICATIONINSIGHTS_CONNECTION_STRING=" + appInsightsConnectionString() + "\n");
            StringBuilder big = new StringBuilder("# padding\n");
            while (big.length() < 2048) {
                big.append("# lorem ipsum dolor sit amet, consectetur adipiscing elit\n");
            }
            big.append("APPLICATIONINSIGHTS_CONNECTION_STRING=").append(appInsightsConnectionString()).append('\n');
            Files.writeString(dir.resolve("big.env"), big);
            return dir;
        }

        @Test
        void largeFileIsSkippedWithAWarningOnStderr(@TempDir Path tmp) throws IOException {
            Path dir = prepare(tmp);

            CliRun r = run("scan", "--format", "json", "--max-file-size", "1k", "--fail-on", "note", dir.toString());

            assertThat(r.exitCode()).as("exit code comes from the small file's finding").isEqualTo(1);
            assertThat(r.err().lines()).anyMatch(l -> l.startsWith("mi-scan: warning:") && l.contains("big.env")
                    && l.contains("skipped"));
            JsonNode report = JSON.readTree(r.out());
            assertThat(report.get("findings")).hasSize(1);
            assertThat(report.get("findings").get(0).get("path").asText()).isEqualTo("small.env");
            assertThat(report.get("summary").get("filesSkipped").asInt()).isEqualTo(1);
            assertThat(report.get("summary").get("filesScanned").asInt()).isEqualTo(1);
            assertThat(report.get("warnings")).singleElement().satisfies(w -> {
                assertThat(w.get("path").asText()).isEqualTo("big.env");
                assertThat(w.get("skipped").asBoolean()).isTrue();
            });
        }

        @Test
        void skippedFileDoesNotFailTheScan(@TempDir Path tmp) throws IOException {
            Path dir = prepare(tmp);

            CliRun r = run("scan", "--format", "json", "--max-file-size", "1k", dir.toString());

            assertThat(r.exitCode()).as("only a note was found, below the default threshold").isZero();
            assertThat(r.err()).contains("big.env");
        }

        @Test
        void textReportToStdoutCarriesTheWarning(@TempDir Path tmp) throws IOException {
            Path dir = prepare(tmp);

            CliRun r = run("scan", "--max-file-size", "1k", dir.toString());

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("small.env").contains("MI-APPINSIGHTS-CONNSTR");
            assertThat(r.out().lines()).anyMatch(l -> l.startsWith("warning: big.env: skipped"));
            assertThat(r.out()).contains("1 finding (0 errors, 0 warnings, 1 note) in 1 file; 0 binary; 1 skipped");
        }

        @Test
        void withoutTheLimitBothFilesAreScanned(@TempDir Path tmp) throws IOException {
            Path dir = prepare(tmp);

            CliRun r = run("scan", "--format", "json", dir.toString());

            assertThat(JSON.readTree(r.out()).get("findings")).hasSize(2);
            assertThat(r.err()).doesNotContain("warning");
        }
    }

    @Nested
    class TextOutput {
        @Test
        void hasNoAnsiEscapesWhenNotOnATerminal() {
            CliRun r = run("scan", SPRING_VULNERABLE, INFRA_VULNERABLE);

            assertThat(r.out()).isNotEmpty().doesNotContain("\u001b");
            assertThat(r.err()).doesNotContain("\u001b");
        }

        @Test
        void noColorAlsoHasNoAnsiEscapes() {
            CliRun r = run("scan", "--no-color", SPRING_VULNERABLE);

            assertThat(r.out()).isNotEmpty().doesNotContain("\u001b");
        }
    }
}
