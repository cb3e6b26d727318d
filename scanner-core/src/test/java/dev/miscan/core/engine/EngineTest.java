package dev.miscan.core.engine;
// mi-scan:allow-file test vectors

import dev.miscan.core.suppress.FindingPolicy;
import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.source.ScanWarning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    @Test
    void aFileThatRunsOutOfMemoryIsSkippedWithAWarningAndTheScanGoesOn() throws Exception {
        dev.miscan.core.source.Source source = warnings -> List.of(
                new dev.miscan.core.source.Source.Entry() {
                    @Override
                    public String path() {
                        return "huge.bin";
                    }

                    @Override
                    public dev.miscan.core.source.Fragment read() {
                        throw new OutOfMemoryError("Java heap space");
                    }
                },
                new dev.miscan.core.source.Source.Entry() {
                    @Override
                    public String path() {
                        return "app.properties";
                    }

                    @Override
                    public dev.miscan.core.source.Fragment read() {
                        return new dev.miscan.core.source.Fragment("app.properties", "secret=Scanned0001\n");
                    }
                });
        ScanResult r = engine(new TestSecretRule()).scan(java.nio.file.Path.of("."), List.of(source), 1);
        assertThat(r.findings()).hasSize(1);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("huge.bin");
            assertThat(w.message()).contains("too large for the memory available");
        });
    }

    @Test
    void fixesApplyOnlyToTheTextTheScanSaw() {
        Engine engine = engine(new TestSecretRule());
        String text = "name=app\nsecret=Scanned0001\n";
        var findings = engine.scanFragment(new dev.miscan.core.source.Fragment("a.properties", text), w -> { })
                .findings();
        assertThat(findings).hasSize(1);
        assertThat(Fixes.unchanged(text, findings)).isTrue();
        // a line added above the secret since the scan: the finding's place now holds something else
        assertThat(Fixes.unchanged("name=app\nowner=ops\nsecret=Scanned0001\n", findings)).isFalse();
        assertThat(Fixes.unchanged("name=app\nsecret=Scanned0002\n", findings)).isFalse();
        assertThat(Fixes.unchanged("", findings)).isFalse();
    }

    /** Same findings as {@link TestSecretRule}, but more specific: wins the de-duplication. */
    @DetectorInfo(rules = "MI-TEST-SPECIFIC", keywords = {"secret="}, precedence = 10)
    static final class SpecificRule extends TestSecretRule {
    }

    /** Same findings as {@link TestSecretRule}, less specific, and with an id that sorts first. */
    @DetectorInfo(rules = "MI-TEST-AAA-GENERIC", keywords = {"secret="}, precedence = 90)
    static final class GenericRule extends TestSecretRule {
    }

    /** Reports only the first 4 characters of the value: a different secret at the same place. */
    @DetectorInfo(rules = "MI-TEST-PREFIX", keywords = {"secret="})
    static final class PrefixRule extends Detector {
        @Override
        public Remediation exampleRemediation() {
            return TestSecretRule.REMEDIATION;
        }

        @Override
        public void scan(Document doc, FindingSink sink) {
            for (int at : doc.occurrences("secret=")) {
                int start = at + "secret=".length();
                if (start + 4 <= doc.text().length()) {
                    report(doc, sink, start, doc.text().substring(start, start + 4), "A prefix",
                            TestSecretRule.REMEDIATION);
                }
            }
        }
    }

    /** Throws on any file that contains {@code boom}; its id sorts before MI-TEST-SECRET so it runs first. */
    @DetectorInfo(rules = "MI-TEST-BOOM", keywords = {"secret="})
    static final class ThrowingRule extends Detector {
        @Override
        public Remediation exampleRemediation() {
            return TestSecretRule.REMEDIATION;
        }

        @Override
        public void scan(Document doc, FindingSink sink) {
            if (doc.text().contains("boom")) {
                throw new IllegalStateException("boom");
            }
        }
    }

    @TempDir
    Path root;

    private static Engine engine(Detector... rules) {
        return new Engine(TestRules.registry(rules));
    }

    private ScanResult scan(Engine engine, int threads) throws IOException {
        return scan(engine, List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, threads);
    }

    private ScanResult scan(Engine engine, List<String> excludes, long maxFileSize, int threads) throws IOException {
        return engine.scan(new ScanRequest(root, List.of(root), excludes, maxFileSize, threads));
    }

    private ScanResult scan() throws IOException {
        return scan(engine(new TestSecretRule()), 1);
    }

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static Set<String> paths(ScanResult result) {
        return result.findings().stream().map(f -> f.location().path()).collect(Collectors.toSet());
    }

    // --- fingerprints ---------------------------------------------------------------------------------------

    @Test
    void ruleTurnedOff_itsFindingsDoNotComeBackUnderTheRuleThatLostThePlace() throws IOException {
        Files.writeString(root.resolve("a.properties"), "secret=Value0000001\n");
        var registry = TestRules.registry(new SpecificRule(), new GenericRule());
        FindingPolicy specificOff = new FindingPolicy() {
            @Override
            public boolean enabled(dev.miscan.core.api.RuleDescriptor rule) {
                return !rule.id().equals("MI-TEST-SPECIFIC");
            }
        };

        ScanResult all = new Engine(registry).scan(ScanRequest.of(root, List.of(root)));
        ScanResult off = new Engine(registry, specificOff).scan(ScanRequest.of(root, List.of(root)));

        assertThat(all.findings()).extracting(f -> f.rule().id()).containsExactly("MI-TEST-SPECIFIC");
        assertThat(off.findings()).isEmpty();
        assertThat(off.rules()).extracting(dev.miscan.core.api.RuleDescriptor::id).containsExactly("MI-TEST-AAA-GENERIC");
    }

    @Test
    void partialFingerprints_stayTheSame_whenLinesAreInsertedAbove() throws IOException {
        String body = """
                name=app
                secret=Fingerprint0001
                other secret=Fingerprint0002
                """;
        write("app.properties", body);
        ScanResult before = scan();

        write("app.properties", "# one\n# two\n# three\n" + body);
        ScanResult after = scan();

        assertThat(before.findings()).hasSize(2);
        assertThat(after.findings()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Finding b = before.findings().get(i);
            Finding a = after.findings().get(i);
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
            assertThat(a.location().startLine()).isEqualTo(b.location().startLine() + 3);
            assertThat(a.location().startColumn()).isEqualTo(b.location().startColumn());
        }
        assertThat(before.findings().get(0).fingerprint()).isNotEqualTo(before.findings().get(1).fingerprint());
    }

    @Test
    void sameSecretTwiceInFile_getsOccurrenceNumbers() throws IOException {
        write("a.txt", """
                secret=Repeated00001
                filler
                secret=Repeated00001
                """);

        List<Finding> findings = scan().findings();

        assertThat(findings).hasSize(2);
        String first = findings.get(0).fingerprint();
        String second = findings.get(1).fingerprint();
        assertThat(first).endsWith(":1");
        assertThat(second).endsWith(":2");
        assertThat(first.substring(0, first.lastIndexOf(':'))).isEqualTo(second.substring(0, second.lastIndexOf(':')));
    }

    @Test
    void sameSecretInTwoFiles_getsDifferentFingerprints() throws IOException {
        write("a.txt", "secret=Repeated00001\n");
        write("b.txt", "secret=Repeated00001\n");

        List<Finding> findings = scan().findings();

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).fingerprint()).isNotEqualTo(findings.get(1).fingerprint());
        assertThat(findings.get(0).secretHash()).isEqualTo(findings.get(1).secretHash());
    }

    @Test
    void eachSecretIsDigestedOnce_howeverManyFilesAndThreadsShareIt() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("f" + i + ".properties", "secret=Shared000001\nsecret=Other0000001\nsecret=Shared000001\n");
        }
        Engine engine = new Engine(TestRules.registry(new TestSecretRule()), FindingPolicy.DEFAULT,
                dev.miscan.core.secrets.FingerprintKey.random());

        ScanResult result = scan(engine, 2);

        assertThat(result.findings()).hasSize(120).allSatisfy(f -> assertThat(f.fingerprint()).matches("[0-9a-f]{32}:[12]"));
        assertThat(engine.digestsComputed()).isEqualTo(2);
        scan(engine, 2);
        assertThat(engine.digestsComputed()).as("the engine's memo outlives one scan").isEqualTo(2);
    }

    @Test
    void aFileOfThousandsOfDistinctSecrets_digestsOnlyTheFirstOnesAndSaysSo() throws IOException {
        StringBuilder text = new StringBuilder();
        int n = Engine.MAX_DIGESTS_PER_FILE + 50;
        for (int i = 0; i < n; i++) {
            text.append("secret=Distinct").append(100000 + i).append('\n');
        }
        text.append("secret=Distinct100000\n"); // an early secret again: its digest is known, so it is fingerprinted
        write("many.properties", text.toString());
        Engine engine = new Engine(TestRules.registry(new TestSecretRule()), FindingPolicy.DEFAULT,
                dev.miscan.core.secrets.FingerprintKey.random());

        ScanResult result = scan(engine, 2);

        assertThat(result.findings()).hasSize(n + 1);
        assertThat(engine.digestsComputed()).isEqualTo(Engine.MAX_DIGESTS_PER_FILE);
        assertThat(result.findings().stream().filter(f -> f.fingerprint() != null).count())
                .isEqualTo(Engine.MAX_DIGESTS_PER_FILE + 1L);
        assertThat(result.warnings()).hasSize(1).allSatisfy(w -> assertThat(w.message())
                .startsWith("more than " + Engine.MAX_DIGESTS_PER_FILE + " distinct secrets"));
    }

    @Test
    void fingerprints_areKeyed_sameKeySameFingerprints_anotherSaltOthers() throws IOException {
        write("a.properties", "secret=Keyed0000001\n");
        var registry = TestRules.registry(new TestSecretRule());
        var key = dev.miscan.core.secrets.FingerprintKey.random();

        Finding one = new Engine(registry, FindingPolicy.DEFAULT, key).scan(ScanRequest.of(root, List.of(root)))
                .findings().get(0);
        Finding again = new Engine(registry, FindingPolicy.DEFAULT, key).scan(ScanRequest.of(root, List.of(root)))
                .findings().get(0);
        Finding otherSalt = new Engine(registry, FindingPolicy.DEFAULT, dev.miscan.core.secrets.FingerprintKey.random())
                .scan(ScanRequest.of(root, List.of(root))).findings().get(0);
        Finding defaultKey = new Engine(registry).scan(ScanRequest.of(root, List.of(root))).findings().get(0);
        Finding defaultAgain = new Engine(registry).scan(ScanRequest.of(root, List.of(root))).findings().get(0);

        assertThat(again.fingerprint()).isEqualTo(one.fingerprint());
        assertThat(again.secretDigest()).isEqualTo(one.secretDigest());
        assertThat(otherSalt.fingerprint()).isNotEqualTo(one.fingerprint());
        assertThat(otherSalt.secretDigest()).isNotEqualTo(one.secretDigest());
        assertThat(defaultAgain.fingerprint()).as("no baseline: the default salt, stable from run to run")
                .isEqualTo(defaultKey.fingerprint()).isNotEqualTo(one.fingerprint());
        assertThat(one.secretDigest()).isEqualTo(key.digest("Keyed0000001")).isNotEqualTo(one.secretHash());
        // the plain chain that format 1 wrote is gone
        String unkeyed = dev.miscan.core.secrets.Redaction.sha256(TestSecretRule.ID + "\na.properties\n"
                + one.secretHash()).substring(0, 32);
        assertThat(one.fingerprint().startsWith(unkeyed)).as("the fingerprint is the unkeyed chain").isFalse();
    }

    @Test
    void aScanWithoutFingerprints_computesNoDigest() throws IOException {
        write("a.properties", "secret=Compared0001\n");
        Engine engine = engine(new TestSecretRule());

        ScanResult result = engine.withoutFingerprints().scan(ScanRequest.of(root, List.of(root)));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.fingerprint()).isNull();
            assertThat(f.secretDigest()).isNull();
        });
        assertThat(engine.digestsComputed()).isZero();
        assertThat(engine.withoutFingerprints().fingerprintKey()).isEqualTo(engine.fingerprintKey());
    }

    // --- order and determinism ------------------------------------------------------------------------------

    @Test
    void findings_areOrderedByPathLineColumnRule() throws IOException {
        write("b/z.txt", "secret=Zzzz00001 secret=Zzzz00002\nsecret=Zzzz00003\n");
        write("a.txt", "x\nsecret=Aaaa00002\nsecret=Aaaa00001 secret=Aaaa00003\n");
        write("b/a.txt", "secret=Baaa00001\n");
        write("a/b.txt", "secret=Abbb00001\n");

        List<Finding> findings = scan(engine(new TestSecretRule(), new PrefixRule()), 1).findings();

        Comparator<Finding> expected = Comparator.comparing((Finding f) -> f.location().path())
                .thenComparingInt(f -> f.location().startLine())
                .thenComparingInt(f -> f.location().startColumn())
                .thenComparing(f -> f.rule().id());
        assertThat(findings).hasSize(16).isSortedAccordingTo(expected);
        assertThat(findings.stream().map(f -> f.location().path()).distinct())
                .containsExactly("a.txt", "a/b.txt", "b/a.txt", "b/z.txt");
        assertThat(findings.get(0).rule().id()).isEqualTo("MI-TEST-PREFIX");
        assertThat(findings.get(1).rule().id()).isEqualTo(TestSecretRule.ID);
        assertThat(findings.get(0).location().path()).isEqualTo("a.txt");
        assertThat(findings.get(0).location().startLine()).isEqualTo(2);
        assertThat(findings.get(1).location().startLine()).isEqualTo(2);
        assertThat(findings.get(1).location().startColumn()).isEqualTo(findings.get(0).location().startColumn());
    }

    @Test
    void scanningWithOneOrFourThreads_givesIdenticalResults() throws IOException {
        for (int d = 0; d < 5; d++) {
            for (int f = 0; f < 8; f++) {
                StringBuilder sb = new StringBuilder();
                for (int line = 0; line < 20; line++) {
                    sb.append(line % 3 == 0 ? "secret=Value" + d + f + line + "x secret=Again" + d + "\n" : "text\n");
                }
                write("dir" + d + "/file" + f + ".txt", sb.toString());
            }
        }
        write("dir2/bin.dat", new byte[] {'s', 0, 'x'});
        write("dir3/bad.txt", new byte[] {'s', 'e', 'c', 'r', 'e', 't', '=', 'B', 'a', 'd', '1', '2', (byte) 0xC3, '('});
        Engine engine = engine(new TestSecretRule(), new PrefixRule());

        ScanResult one = scan(engine, 1);
        ScanResult four = scan(engine, 4);
        ScanResult again = scan(engine, 4);

        assertThat(one.findings()).hasSizeGreaterThan(500);
        assertThat(four.findings()).isEqualTo(one.findings());
        assertThat(again.findings()).isEqualTo(one.findings());
        assertThat(four.warnings()).isEqualTo(one.warnings());
        assertThat(four.filesScanned()).isEqualTo(one.filesScanned());
        assertThat(four.bytesScanned()).isEqualTo(one.bytesScanned());
    }

    // --- which files ----------------------------------------------------------------------------------------

    @Test
    void gitignore_isHonoured_filesDirectoriesNegationAndNested() throws IOException {
        write(".gitignore", """
                ignored.properties
                ignored-dir/
                *.txt
                !keep.txt
                """);
        write("ignored.properties", "secret=Ignored00001\n");
        write("ignored-dir/a.properties", "secret=Ignored00002\n");
        write("other.txt", "secret=Ignored00003\n");
        write("keep.txt", "secret=Visible00001\n");
        write("visible.properties", "secret=Visible00002\n");
        write("local.properties", "secret=Visible00003\n");
        write("sub/.gitignore", "local.properties\n");
        write("sub/local.properties", "secret=Ignored00004\n");
        write("sub/deep/local.properties", "secret=Ignored00005\n");
        write("sub/other.properties", "secret=Visible00004\n");
        write("sub/keep.txt", "secret=Visible00005\n");
        write("sub/drop.txt", "secret=Ignored00006\n");

        ScanResult result = scan();

        assertThat(paths(result)).containsExactlyInAnyOrder("keep.txt", "visible.properties", "local.properties",
                "sub/other.properties", "sub/keep.txt");
    }

    @Test
    void defaultExcludedDirectories_areSkipped() throws IOException {
        write("target/a.properties", "secret=Excluded0001\n");
        write("build/a.properties", "secret=Excluded0002\n");
        write("node_modules/pkg/a.properties", "secret=Excluded0003\n");
        write(".git/config", "secret=Excluded0004\n");
        write("module/target/classes/a.properties", "secret=Excluded0005\n");
        write("src/a.properties", "secret=Included0001\n");
        write("targets/a.properties", "secret=Included0002\n");

        assertThat(paths(scan())).containsExactlyInAnyOrder("src/a.properties", "targets/a.properties");
    }

    @Test
    void excludePatterns_useGitignoreSyntax() throws IOException {
        write("docs/a.txt", "secret=Excluded0001\n");
        write("sub/docs/b.txt", "secret=Excluded0002\n");
        write("README.md", "secret=Excluded0003\n");
        write("sub/NOTES.md", "secret=Excluded0004\n");
        write("src/a.txt", "secret=Included0001\n");
        write("docs.txt", "secret=Included0002\n");

        ScanResult result = scan(engine(new TestSecretRule()), List.of("docs/", "*.md"),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 1);

        assertThat(paths(result)).containsExactlyInAnyOrder("src/a.txt", "docs.txt");
    }

    @Test
    void symlinkToFileOutsideRoot_isNotFollowed(@TempDir Path outside) throws IOException {
        Path target = Files.writeString(outside.resolve("outside.txt"), "secret=Outside00001\n");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/inner.txt"), "secret=Outside00002\n");
        write("inside.txt", "secret=Inside000001\n");
        try {
            Files.createSymbolicLink(root.resolve("link.txt"), target);
            Files.createSymbolicLink(root.resolve("linkdir"), outside.resolve("dir"));
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            Assumptions.abort("symbolic links are not supported here: " + e.getClass().getSimpleName());
        }

        ScanResult result = scan();

        assertThat(paths(result)).containsExactly("inside.txt");
        assertThat(result.filesScanned()).isEqualTo(1);
    }

    // --- skipped and odd files ------------------------------------------------------------------------------

    @Test
    void binaryFile_isLeftOutSilentlyAndCounted_andOtherFilesStillScanned() throws IOException {
        write("bin.dat", "secret=Binary000001\u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        write("text.txt", "secret=Text00000001\n");

        ScanResult result = scan();

        assertThat(paths(result)).containsExactly("text.txt");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.filesBinary()).isEqualTo(1);
        assertThat(result.filesSkipped()).isZero();
        assertThat(result.filesScanned()).isEqualTo(1);
    }

    @Test
    void binaryFileOverTheSizeLimit_isBinary_notTooLarge() throws IOException {
        byte[] image = new byte[300];
        image[0] = (byte) 0x89;
        image[1] = 'P';
        image[2] = 'N';
        image[3] = 'G';
        write("logo.png", image);
        write("big.txt", "secret=Big000000001\n" + "x".repeat(300) + "\n");

        ScanResult result = scan(engine(new TestSecretRule()), List.of(), 100, 1);

        assertThat(result.filesBinary()).isEqualTo(1);
        assertThat(result.warnings()).extracting(ScanWarning::path).containsExactly("big.txt");
        assertThat(result.incompleteWarnings()).hasSize(1);
    }

    @Test
    void fileOverMaxFileSize_isSkippedWithWarningNamingTheLimit() throws IOException {
        write("big.txt", "secret=Big000000001\n" + "x".repeat(200) + "\n");
        write("small.txt", "secret=Small0000001\n");

        ScanResult result = scan(engine(new TestSecretRule()), List.of(), 64, 1);

        assertThat(paths(result)).containsExactly("small.txt");
        assertThat(result.warnings()).hasSize(1);
        ScanWarning warning = result.warnings().get(0);
        assertThat(warning.path()).isEqualTo("big.txt");
        assertThat(warning.skipped()).isTrue();
        assertThat(warning.message()).contains("64-byte limit");
    }

    @Test
    void invalidUtf8_isScannedWithWarning() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("line one \u00e9\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
        bytes.writeBytes("secret=Latin1Value01\n".getBytes(StandardCharsets.UTF_8));
        write("bad.txt", bytes.toByteArray());

        ScanResult result = scan();

        assertThat(result.findings()).hasSize(1);
        assertThat(result.findings().get(0).location())
                .isEqualTo(new Location("bad.txt", 3, 8, 3, 8 + "Latin1Value01".length()));
        assertThat(result.warnings()).hasSize(1);
        ScanWarning warning = result.warnings().get(0);
        assertThat(warning.path()).isEqualTo("bad.txt");
        assertThat(warning.message()).startsWith("not valid UTF-8");
        assertThat(warning.skipped()).isFalse();
        assertThat(result.filesScanned()).isEqualTo(1);
    }

    @Test
    void utf16LittleEndianWithBom_isDecoded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes("first\r\nkey: secret=Utf16Value001\r\n".getBytes(StandardCharsets.UTF_16LE));
        write("utf16.txt", bytes.toByteArray());

        ScanResult result = scan();

        assertThat(result.warnings()).isEmpty();
        assertThat(result.findings()).hasSize(1);
        assertThat(result.findings().get(0).location())
                .isEqualTo(new Location("utf16.txt", 2, 13, 2, 13 + "Utf16Value001".length()));
    }

    @Test
    void utf8WithBom_hasColumnsWithoutTheBom() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes("secret=BomValue00001\n".getBytes(StandardCharsets.UTF_8));
        write("bom.txt", bytes.toByteArray());

        List<Finding> findings = scan().findings();

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).location().startColumn()).isEqualTo(8);
    }

    @Test
    void crlfFile_hasCorrectColumns() throws IOException {
        write("crlf.txt", "first\r\n  secret=CrlfValue0001\r\nthird secret=CrlfValue0002\r\n");

        List<Finding> findings = scan().findings();

        assertThat(findings).extracting(Finding::location).containsExactly(
                new Location("crlf.txt", 2, 10, 2, 10 + "CrlfValue0001".length()),
                new Location("crlf.txt", 3, 14, 3, 14 + "CrlfValue0002".length()));
        assertThat(findings).allSatisfy(f -> assertThat(f.snippet()).doesNotContain("\r"));
    }

    @Test
    void failingRule_givesWarningNamingFileAndRule_andOtherRulesStillReport() throws IOException {
        write("a.txt", "boom\nsecret=AfterBoom0001\n");
        write("b.txt", "secret=NoBoom0000001\n");

        ScanResult result = scan(engine(new ThrowingRule(), new TestSecretRule()), 1);

        assertThat(paths(result)).containsExactlyInAnyOrder("a.txt", "b.txt");
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.rule().id()).isEqualTo(TestSecretRule.ID));
        assertThat(result.warnings()).hasSize(1);
        ScanWarning warning = result.warnings().get(0);
        assertThat(warning.path()).isEqualTo("a.txt");
        assertThat(warning.message()).contains("MI-TEST-BOOM");
        assertThat(warning.skipped()).isFalse();
        assertThat(result.filesScanned()).isEqualTo(2);
    }

    // --- redaction ------------------------------------------------------------------------------------------

    @Test
    void snippets_neverContainTheSecret_andPreviewShowsAtMostFourCharacters() throws IOException {
        String first = "Sup3rS3cretValue99";
        String second = "An0therS3cretValue";
        String shortOne = "abc12";
        write("app.txt", "config secret=" + first + " # keep\n"
                + "copy of " + first + " and secret=" + second + "\n"
                + "secret=" + shortOne + "\n");

        List<Finding> findings = scan().findings();

        assertThat(findings).hasSize(3);
        for (Finding f : findings) {
            for (String secret : List.of(first, second)) {
                assertThat(f.snippet().contains(secret)).isFalse();
                assertThat(f.message().contains(secret)).isFalse();
                assertThat(f.preview().contains(secret)).isFalse();
            }
            String shown = f.preview().substring(0, f.preview().indexOf('…'));
            assertThat(shown.length()).isLessThanOrEqualTo(4);
        }
        assertThat(findings.get(0).preview()).isEqualTo("Sup3…(18 chars)");
        assertThat(findings.get(0).snippet()).startsWith("config secret=");
        assertThat(findings.get(2).preview()).isEqualTo("…(5 chars)");
    }

    // --- de-duplication -------------------------------------------------------------------------------------

    @Test
    void duplicateFindingAtSamePlace_keepsLowerPrecedenceRule() throws IOException {
        write("a.txt", "secret=Duplicate0001\n");

        ScanResult specific = scan(engine(new TestSecretRule(), new SpecificRule()), 1);
        ScanResult generic = scan(engine(new GenericRule(), new TestSecretRule()), 1);

        assertThat(specific.findings()).extracting(f -> f.rule().id()).containsExactly("MI-TEST-SPECIFIC");
        assertThat(generic.findings()).extracting(f -> f.rule().id()).containsExactly(TestSecretRule.ID);
    }

    @Test
    void differentSecretsAtSamePlace_areBothKept() throws IOException {
        write("a.txt", "secret=Different0001\n");

        ScanResult result = scan(engine(new TestSecretRule(), new PrefixRule()), 1);

        assertThat(result.findings()).extracting(f -> f.rule().id())
                .containsExactly("MI-TEST-PREFIX", TestSecretRule.ID);
    }
}
