package dev.miscan.core.hostile;
// mi-scan:allow-file test data: hostile inputs with generated test secrets

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.core.source.FileTreeSource;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.Source;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to break a scanner. For each: the scan finishes within a generous guard (a hang guard, not a
 * speed test), the finding in an ordinary file next to the hostile one is still reported, and the hostile
 * file gets one one-line warning naming it and the reason. The rules are {@link TestSecretRule} (reports
 * {@code secret=VALUE}) and a rule that makes the engine build the structured view of every file it runs on,
 * so the YAML, JSON and properties readers see the hostile text too. Secrets are random, made here.
 */
class HostileInputTest {
    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Asks for the configuration entries of every document it runs on, so that the parsers run. */
    @DetectorInfo(rules = "MI-TEST-VIEWS", keywords = {"secret="})
    static final class ViewsRule extends Detector {
        @Override
        public Remediation exampleRemediation() {
            return new Remediation("Test", "", "None", "text", "", "", List.of(), "", List.of());
        }

        @Override
        public void scan(Document doc, FindingSink sink) {
            doc.view(ConfigView.ENTRIES);
        }
    }

    @TempDir
    Path root;

    private String goodSecret;

    @BeforeEach
    void ordinaryFileWithAFinding() throws IOException {
        goodSecret = randomSecret();
        Files.writeString(root.resolve("good.properties"), "app.name=demo\nsecret=" + goodSecret + "\n");
    }

    private static String randomSecret() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "t" + HexFormat.of().formatHex(b);
    }

    private static Engine engine() {
        return new Engine(TestRules.registry(new TestSecretRule(), new ViewsRule()));
    }

    private ScanResult scan(long maxFileSize) {
        return assertTimeoutPreemptively(GUARD, () -> engine().scan(new ScanRequest(root, List.of(root), List.of(),
                maxFileSize, 2)));
    }

    private ScanResult scan() {
        return scan(ScanRequest.DEFAULT_MAX_FILE_SIZE);
    }

    private ScanResult scan(Source source) {
        return assertTimeoutPreemptively(GUARD, () -> engine().scan(root, List.of(source), 2));
    }

    private static List<String> findingPaths(ScanResult r) {
        return r.findings().stream().map(f -> f.location().path()).toList();
    }

    /** The ordinary file's finding is there, and exactly one warning names {@code path}, with {@code reason}. */
    private static void assertGoodFindingAndOneWarning(ScanResult r, String path, String reason) {
        assertThat(findingPaths(r)).as("findings").contains("good.properties");
        List<ScanWarning> mine = r.warnings().stream().filter(w -> w.path().equals(path)).toList();
        assertThat(mine).as("warnings for %s in %s", path, r.warnings()).hasSize(1);
        assertThat(mine.get(0).message()).contains(reason).doesNotContain("\n");
        assertThat(mine.get(0).toString()).startsWith(path + ": ");
    }

    @Test
    void binaryFileWithATextExtension_isLeftOutSilentlyAndCounted() throws IOException {
        byte[] bytes = ("secret=" + randomSecret() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] binary = new byte[4096];
        RANDOM.nextBytes(binary);
        binary[0] = 0; // random bytes may open with a byte-order mark (FF FE: UTF-16 text), 1 run in 32,768
        binary[100] = 0;
        Files.write(root.resolve("logo.properties"), concat(binary, bytes));

        ScanResult r = scan();

        assertThat(findingPaths(r)).as("findings").contains("good.properties");
        assertThat(r.warnings()).extracting(ScanWarning::path).doesNotContain("logo.properties");
        assertThat(r.filesBinary()).isEqualTo(1);
        assertThat(findingPaths(r)).doesNotContain("logo.properties");
    }

    @Test
    void twoHundredMegabyteFile_isSkippedBySizeWithoutBeingRead() throws IOException {
        Path big = root.resolve("dump.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("a: b\n".repeat(2000).getBytes(StandardCharsets.US_ASCII)); // text: its first bytes are read
            f.setLength(200L * 1024 * 1024); // sparse: no disk space, and the rest never read
        }

        ScanResult r = scan();

        assertGoodFindingAndOneWarning(r, "dump.yaml", "over the " + ScanRequest.DEFAULT_MAX_FILE_SIZE + "-byte limit");
        assertThat(r.filesSkipped()).isEqualTo(1);
    }

    @Test
    void fiftyMegabyteSingleLine_isScannedWhenTheCapAllowsIt() throws IOException {
        String secret = randomSecret();
        Path line = root.resolve("minified.js");
        try (Writer w = Files.newBufferedWriter(line, StandardCharsets.US_ASCII)) {
            char[] chunk = new char[1 << 20];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=;,&:".charAt(i % 69);
            }
            for (int i = 0; i < 50; i++) {
                w.write(chunk);
            }
            w.write(" secret=" + secret + " end");
        }

        ScanResult r = scan(64L * 1024 * 1024);

        assertThat(findingPaths(r)).contains("good.properties", "minified.js");
        Finding f = r.findings().stream().filter(x -> x.location().path().equals("minified.js")).findFirst().orElseThrow();
        assertThat(f.location().startLine()).isEqualTo(1);
        assertThat(f.location().startColumn()).isGreaterThan(50 << 20);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void invalidUtf8_isScannedWithReplacementsAndAWarning() throws IOException {
        String secret = randomSecret();
        byte[] bad = {'x', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xE2, (byte) 0x82, '\n'};
        Files.write(root.resolve("latin1.properties"), concat(bad, ("secret=" + secret + "\n").getBytes(StandardCharsets.US_ASCII)));

        ScanResult r = scan();

        assertGoodFindingAndOneWarning(r, "latin1.properties", "not valid UTF-8");
        assertThat(findingPaths(r)).contains("latin1.properties");
    }

    @Test
    void utf16WithByteOrderMarks_isDecoded() throws IOException {
        String le = randomSecret();
        String be = randomSecret();
        Files.write(root.resolve("le.properties"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                ("a=b\r\nsecret=" + le + "\r\n").getBytes(StandardCharsets.UTF_16LE)));
        Files.write(root.resolve("be.properties"), concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                ("a=b\nsecret=" + be + "\n").getBytes(StandardCharsets.UTF_16BE)));

        ScanResult r = scan();

        assertThat(findingPaths(r)).contains("good.properties", "le.properties", "be.properties");
        Finding f = r.findings().stream().filter(x -> x.location().path().equals("le.properties")).findFirst().orElseThrow();
        assertThat(f.location().startLine()).isEqualTo(2);
        assertThat(f.location().startColumn()).isEqualTo("secret=".length() + 1);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void yamlAliasBomb_isRefusedByTheParserAndScannedAsText() throws IOException {
        String secret = randomSecret();
        StringBuilder y = new StringBuilder("# secret=" + secret + "\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p);
            for (int i = 0; i < 8; i++) {
                y.append(",*").append(p);
            }
            y.append("]\n");
        }
        Files.writeString(root.resolve("bomb.yaml"), y);

        ScanResult r = scan();

        assertGoodFindingAndOneWarning(r, "bomb.yaml", "YAML does not parse");
        assertThat(findingPaths(r)).contains("bomb.yaml");
    }

    @Test
    void yamlNestedTenThousandLevels_isRefusedByTheParser() throws IOException {
        // block style, compact: "- - - … x" is a sequence in a sequence in a sequence …
        Files.writeString(root.resolve("deep-block.yaml"), "# secret=" + randomSecret() + "\n" + "- ".repeat(10_000)
                + "x\n");
        Files.writeString(root.resolve("deep-flow.yml"), "# secret=" + randomSecret() + "\nx: " + "[".repeat(10_000)
                + "]".repeat(10_000) + "\n");

        ScanResult r = scan();

        assertGoodFindingAndOneWarning(r, "deep-block.yaml", "YAML does not parse");
        assertGoodFindingAndOneWarning(r, "deep-flow.yml", "YAML does not parse");
        assertThat(findingPaths(r)).contains("deep-block.yaml", "deep-flow.yml");
    }

    @Test
    void jsonNestedHundredThousandLevels_isRefusedByTheParser() throws IOException {
        Files.writeString(root.resolve("deep-array.json"), "[\"secret=" + randomSecret() + "\"," + "[".repeat(100_000)
                + "]".repeat(100_000) + "]");
        Files.writeString(root.resolve("deep-object.json"), "{\"v\":\"secret=" + randomSecret() + "\","
                + "\"a\":{".repeat(100_000) + "}".repeat(100_001));

        ScanResult r = scan();

        assertGoodFindingAndOneWarning(r, "deep-array.json", "JSON does not parse");
        assertGoodFindingAndOneWarning(r, "deep-object.json", "JSON does not parse");
        assertThat(findingPaths(r)).contains("deep-array.json", "deep-object.json");
    }

    @Test
    void aParserMessageThatQuotesTheText_neverCarriesAKeyLikeRun() throws IOException {
        byte[] b = new byte[30];
        RANDOM.nextBytes(b);
        String token = "k3" + HexFormat.of().formatHex(b); // a bare word: Jackson quotes it in its message
        Files.writeString(root.resolve("settings.json"), "{\"secret=x\": " + token + "}");

        ScanResult r = scan();

        ScanWarning w = r.warnings().stream().filter(x -> x.path().equals("settings.json")).findFirst().orElseThrow();
        // the word the parser quotes is the text's: none of it is shown
        assertThat(w.message()).contains("JSON does not parse").contains("'…'").doesNotContain(token.substring(0, 6));
    }

    @Test
    void sourceFilesThatDoNotParse_stillGetThePlainTextRules() throws IOException {
        Files.writeString(root.resolve("Broken.java"), "public class Broken { void f( { String s = \"secret="
                + randomSecret() + "\"; }}}} <<<>>> @@@\n");
        Files.writeString(root.resolve("main.bicep"), "param x string = 'secret=" + randomSecret()
                + "'\nresource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n  properties: {\n");
        Files.writeString(root.resolve("main.tf"), "resource \"azurerm_storage_account\" \"a\" {\n  name = \"secret="
                + randomSecret() + "\"\n  tags = {\n    a = \"");
        Files.writeString(root.resolve("broken.properties"), "a=\\\nsecret=" + randomSecret() + "\\u12\\");

        ScanResult r = scan();

        assertThat(findingPaths(r)).contains("good.properties", "Broken.java", "main.bicep", "main.tf",
                "broken.properties");
    }

    @Test
    void symbolicLinks_areNotFollowedAndSayWhy() throws IOException {
        Path outside = Files.createTempDirectory("mi-scan-outside");
        try {
            Files.writeString(outside.resolve("leak.properties"), "secret=" + randomSecret() + "\n");
            Path dir = Files.createDirectories(root.resolve("dir"));
            Files.createSymbolicLink(dir.resolve("loop"), root);            // a loop back to the root
            Files.createSymbolicLink(root.resolve("self"), root.resolve("self")); // a link to itself
            Files.createSymbolicLink(root.resolve("outside"), outside);     // out of the scanned tree
            Files.createSymbolicLink(root.resolve("leak.properties"), outside.resolve("leak.properties"));

            ScanResult r = scan();

            assertThat(findingPaths(r)).containsExactly("good.properties");
            for (String link : List.of("dir/loop", "self", "outside", "leak.properties")) {
                assertGoodFindingAndOneWarning(r, link, "symbolic link, not followed");
            }
        } finally {
            deleteTree(outside);
        }
    }

    @Test
    void aRootNamedOnTheCommandLineThatIsASymbolicLink_isFollowed() throws IOException {
        Path real = Files.createDirectories(root.resolve("real"));
        Files.writeString(real.resolve("app.properties"), "secret=" + randomSecret() + "\n");
        Path link = Files.createSymbolicLink(root.resolve("link"), real);

        ScanResult r = assertTimeoutPreemptively(GUARD, () -> engine().scan(new ScanRequest(root, List.of(link), List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 2)));

        assertThat(findingPaths(r)).containsExactly("link/app.properties");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aNamedPipe_isNotOpened() throws Exception {
        Path fifo = root.resolve("pipe.properties");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available");
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");

        ScanResult r = scan();

        assertGoodFindingAndOneWarning(r, "pipe.properties", "not a regular file");
    }

    @Test
    void unreadableFile_isSkippedWithAWarning() throws IOException {
        Path locked = root.resolve("locked.properties");
        Files.writeString(locked, "secret=" + randomSecret() + "\n");
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions here");
        }
        try {
            // root reads anything: the same path is then checked through a source whose read is refused
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: see unreadableEntry_isSkippedWithAWarning");

            ScanResult r = scan();

            assertGoodFindingAndOneWarning(r, "locked.properties", "permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void unreadableEntry_isSkippedWithAWarning() {
        Source refusing = withAfterListing(fileTree(), entries -> {
            List<Source.Entry> out = new ArrayList<>(entries);
            out.add(new Source.Entry() {
                @Override
                public String path() {
                    return "locked.properties";
                }

                @Override
                public Fragment read() throws IOException {
                    throw new AccessDeniedException(root.resolve("locked.properties").toString());
                }
            });
            return out;
        });

        ScanResult r = scan(refusing);

        assertGoodFindingAndOneWarning(r, "locked.properties", "permission denied");
    }

    @Test
    void pathWithSpacesAndNonAsciiCharacters_isReportedAsIs() throws IOException {
        Path dir = Files.createDirectories(root.resolve("config files/dépôt ключ 設定"));
        Files.writeString(dir.resolve("app settings é.properties"), "secret=" + randomSecret() + "\n");

        ScanResult r = scan();

        assertThat(findingPaths(r)).containsExactlyInAnyOrder("good.properties",
                "config files/dépôt ключ 設定/app settings é.properties");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void filesThatChangeBetweenListingAndReading_eachGetAWarning() throws IOException {
        Path deleted = root.resolve("deleted.properties");
        Path grown = root.resolve("grown.properties");
        Path replaced = root.resolve("replaced.properties");
        Path truncated = root.resolve("truncated.properties");
        for (Path p : List.of(deleted, grown, replaced, truncated)) {
            Files.writeString(p, "secret=" + randomSecret() + "\n");
        }
        Source changing = withAfterListing(fileTree(1024), entries -> {
            try {
                Files.delete(deleted);
                Files.writeString(grown, "x".repeat(4096));
                Files.delete(replaced);
                Files.createDirectory(replaced);
                Files.writeString(truncated, "");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return entries;
        });

        ScanResult r = scan(changing);

        assertGoodFindingAndOneWarning(r, "deleted.properties", "no longer exists");
        assertGoodFindingAndOneWarning(r, "grown.properties", "grew over the 1024-byte limit");
        assertGoodFindingAndOneWarning(r, "replaced.properties", "cannot read");
        assertThat(findingPaths(r)).containsExactly("good.properties");
    }

    @Test
    void fileAppendedToWhileTheScanRuns_doesNotBreakTheScan() throws Exception {
        Path log = root.resolve("app.log");
        Files.writeString(log, "secret=" + randomSecret() + "\n");
        for (int i = 0; i < 200; i++) {
            Files.writeString(root.resolve("f" + i + ".properties"), "a=" + i + "\n");
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
                // at most 8 MB: a slow machine's scan must not find the file over the size limit (64 MB) instead
                for (long written = 0; !stop.get() && written < 8L << 20; ) {
                    String line = "line secret=" + randomSecret() + "\n";
                    w.write(line);
                    w.flush();
                    written += line.length();
                }
            } catch (IOException ignored) {
                // the scan's outcome is what this test checks
            }
        });
        writer.start();
        try {
            // without fingerprints: the log holds thousands of distinct secrets by the time it is read, each of
            // which would cost a keyed digest (~3 ms, linear by design); what is checked is the read
            ScanResult r = assertTimeoutPreemptively(GUARD, () -> engine().withoutFingerprints().scan(new ScanRequest(root,
                    List.of(root), List.of(), 64L * 1024 * 1024, 2)));

            assertThat(findingPaths(r)).contains("good.properties", "app.log");
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void aRuleThatThrowsOrOverflowsTheStack_losesOnlyThatFile() throws IOException {
        Files.writeString(root.resolve("trigger.properties"), "boom secret=" + randomSecret() + "\n");
        Engine engine = new Engine(TestRules.registry(new TestSecretRule(), new StackOverflowRule()));

        ScanResult r = assertTimeoutPreemptively(GUARD, () -> engine.scan(ScanRequest.of(root, List.of(root))));

        assertGoodFindingAndOneWarning(r, "trigger.properties", "rule MI-TEST-OVERFLOW failed on this file");
        assertThat(findingPaths(r)).contains("trigger.properties");
    }

    /** Recurses without end on files that contain {@code boom}. */
    @DetectorInfo(rules = "MI-TEST-OVERFLOW", keywords = {"boom"})
    static final class StackOverflowRule extends Detector {
        @Override
        public Remediation exampleRemediation() {
            return new Remediation("Test", "", "None", "text", "", "", List.of(), "", List.of());
        }

        @Override
        public void scan(Document doc, FindingSink sink) {
            scan(doc, sink);
        }
    }

    private FileTreeSource fileTree() {
        return fileTree(ScanRequest.DEFAULT_MAX_FILE_SIZE);
    }

    private FileTreeSource fileTree(long maxFileSize) {
        return new FileTreeSource(root, root, List.of(), maxFileSize);
    }

    /** A source that lists {@code inner}'s entries, then lets {@code change} alter the files or the list. */
    private static Source withAfterListing(Source inner,
            java.util.function.Function<List<Source.Entry>, List<Source.Entry>> change) {
        return new Source() {
            @Override
            public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
                return change.apply(inner.entries(warnings));
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
