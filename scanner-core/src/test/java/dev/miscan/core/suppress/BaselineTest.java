package dev.miscan.core.suppress;

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.secrets.Redaction;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    /** A repository's own salt, as 'baseline create' makes one. */
    private final FingerprintKey key = FingerprintKey.random();
    private final Engine engine = new Engine(TestRules.registry(new TestSecretRule()), FindingPolicy.DEFAULT, key);

    @TempDir
    Path root;

    private ScanResult scan() throws IOException {
        return engine.scan(ScanRequest.of(root, List.of(root)));
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Baseline.Applied apply(Baseline baseline) throws IOException {
        return baseline.apply(scan(), Baseline.existingFilesUnder(root));
    }

    private static List<String> places(List<Finding> findings) {
        return findings.stream().map(f -> f.location().path() + ":" + f.location().startLine()).toList();
    }

    @Test
    void aBaselineSavedWithAByteOrderMarkIsRead() throws IOException {
        write("app.properties", "name=app\nsecret=Baselined0001\n");
        Path file = root.resolve(Baseline.DEFAULT_FILE);
        Baseline.of(scan()).write(file);
        Files.writeString(file, "\uFEFF" + Files.readString(file));

        assertThat(Baseline.load(file).entries()).hasSize(1);
    }

    @Test
    void file_holdsRuleIdPathAndHashes_neverTheSecretNorALineNumber() throws IOException {
        write("app.properties", "name=app\nsecret=Baselined0001\n");
        Path file = root.resolve(Baseline.DEFAULT_FILE);

        Baseline.of(scan()).write(file);
        String json = Files.readString(file);

        assertThat(json.contains("Baselined0001")).as("the baseline holds the secret").isFalse();
        assertThat(json.contains("Base…")).as("the baseline holds the preview").isFalse();
        assertThat(json).doesNotContain("\"line").doesNotContain("startLine")
                .contains("\"ruleId\" : \"MI-TEST-SECRET\"").contains("\"path\" : \"app.properties\"")
                .contains("\"formatVersion\" : 2")
                .contains("\"algorithm\" : \"PBKDF2-HMAC-SHA256\"")
                .contains("\"iterations\" : " + FingerprintKey.DEFAULT_ITERATIONS)
                .contains("\"salt\" : \"" + key.saltBase64() + "\"");
        Baseline loaded = Baseline.load(file);
        assertThat(loaded.keyed()).isTrue();
        assertThat(loaded.formatVersion()).isEqualTo(2);
        assertThat(loaded.scanKey()).isEqualTo(key);
        assertThat(loaded.advice()).isEmpty();
        assertThat(loaded.entries()).singleElement().satisfies(e -> {
            assertThat(e.fingerprint()).matches("[0-9a-f]{32}:1");
            assertThat(e.contentHash()).matches("[0-9a-f]{32}");
        });
    }

    /** The fingerprint a format 1 baseline held for {@code f} under {@code ruleId}: a plain SHA-256 chain. */
    static String unkeyedFingerprint(String ruleId, Finding f) {
        return Redaction.sha256(ruleId + "\n" + f.location().path() + "\n" + f.secretHash()).substring(0, 32)
                + f.fingerprint().substring(f.fingerprint().lastIndexOf(':'));
    }

    /** The content hash a format 1 baseline held for {@code f} under {@code ruleId}. */
    static String unkeyedContentHash(String ruleId, Finding f) {
        return Redaction.sha256(ruleId + "\n" + f.secretHash()).substring(0, 32);
    }

    /** A baseline file as mi-scan wrote it in format 1 (no key) or 2 ({@code key}). */
    static void writeFile(Path file, List<Baseline.Entry> entries, FingerprintKey key) throws IOException {
        StringBuilder json = new StringBuilder("{\"tool\": \"mi-scan\", \"formatVersion\": " + (key == null ? 1 : 2) + ", ");
        if (key != null) {
            json.append("\"fingerprints\": {\"algorithm\": \"").append(key.algorithm()).append("\", \"iterations\": ")
                    .append(key.iterations()).append(", \"salt\": \"").append(key.saltBase64()).append("\"}, ");
        }
        json.append("\"findings\": [");
        for (Baseline.Entry e : entries) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"ruleId\": \"").append(e.ruleId())
                    .append("\", \"path\": \"").append(e.path()).append("\", \"fingerprint\": \"")
                    .append(e.fingerprint()).append("\", \"contentHash\": \"").append(e.contentHash()).append("\"}");
        }
        Files.writeString(file, json.append("]}").toString());
    }

    @Test
    void baselineWrittenBeforeARuleWasRenamed_stillSuppresses_andAnUpdateWritesTheNewId() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        write("moved.properties", "secret=Accepted0002\n");
        List<Baseline.Entry> current = Baseline.of(scan()).entries();
        // the same file as an earlier version wrote it: the former id, fingerprints and content hashes under it
        List<Baseline.Entry> former = new ArrayList<>();
        for (Finding f : scan().findings()) {
            former.add(new Baseline.Entry("MI-TEST-FORMER",
                    f.location().path().equals("moved.properties") ? "old/moved.properties" : f.location().path(),
                    dev.miscan.core.api.Fingerprints.under("MI-TEST-FORMER", f),
                    dev.miscan.core.api.Fingerprints.contentHash("MI-TEST-FORMER", f.secretDigest())));
        }
        assertThat(former).extracting(Baseline.Entry::fingerprint)
                .doesNotContainAnyElementsOf(current.stream().map(Baseline.Entry::fingerprint).toList());
        Path file = root.resolve(Baseline.DEFAULT_FILE);
        writeFile(file, former, key);

        Baseline.Applied applied = apply(Baseline.load(file));

        assertThat(applied.result().findings()).isEmpty();
        assertThat(applied.stale()).isEmpty();
        assertThat(Baseline.load(file).update(applied).entries()).extracting(Baseline.Entry::ruleId)
                .containsOnly("MI-TEST-SECRET");
    }

    @Test
    void formatOneBaseline_writtenBeforeARuleWasRenamed_stillSuppresses_andAnUpdateRewritesItKeyed() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        write("moved.properties", "secret=Accepted0002\n");
        // format 1 as an earlier version wrote it, under the former id: plain SHA-256 chains of the secret
        List<Baseline.Entry> former = new ArrayList<>();
        for (Finding f : scan().findings()) {
            former.add(new Baseline.Entry("MI-TEST-FORMER",
                    f.location().path().equals("moved.properties") ? "old/moved.properties" : f.location().path(),
                    unkeyedFingerprint("MI-TEST-FORMER", f), unkeyedContentHash("MI-TEST-FORMER", f)));
        }
        Path file = root.resolve(Baseline.DEFAULT_FILE);
        writeFile(file, former, null);
        Baseline v1 = Baseline.load(file);
        assertThat(v1.keyed()).isFalse();
        assertThat(v1.formatVersion()).isEqualTo(1);
        assertThat(v1.scanKey()).isEqualTo(FingerprintKey.DEFAULT);

        Baseline.Applied applied = apply(v1);

        assertThat(applied.result().findings()).isEmpty();
        assertThat(applied.stale()).isEmpty();
        Baseline updated = v1.update(applied);
        assertThat(updated.keyed()).isTrue();
        assertThat(updated.scanKey()).isEqualTo(key);
        assertThat(updated.entries()).extracting(Baseline.Entry::ruleId).containsOnly("MI-TEST-SECRET");
        StringWriter out = new StringWriter();
        updated.write(out);
        for (Baseline.Entry e : former) {
            assertThat(out.toString().contains(e.fingerprint().substring(0, 32))).as("an unkeyed fingerprint is left").isFalse();
            assertThat(out.toString().contains(e.contentHash())).as("an unkeyed content hash is left").isFalse();
        }
        assertThat(updated.apply(scan(), Baseline.existingFilesUnder(root)).result().findings()).isEmpty();
    }

    @Test
    void formatOneBaseline_isReadAndAdvisedOnce_butNeverWritten() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        Path file = root.resolve(Baseline.DEFAULT_FILE);
        Finding f = scan().findings().get(0);
        writeFile(file, List.of(new Baseline.Entry(f.rule().id(), "app.properties", unkeyedFingerprint(f.rule().id(), f),
                unkeyedContentHash(f.rule().id(), f))), null);

        Baseline v1 = Baseline.load(file);

        assertThat(v1.advice()).hasValueSatisfying(a -> assertThat(a).contains("format 1").contains("unsalted")
                .contains("mi-scan baseline update").doesNotContain("--file"));
        assertThatThrownBy(() -> v1.write(new StringWriter())).isInstanceOf(IllegalStateException.class);
        Path other = root.resolve("accepted.json");
        Files.copy(file, other);
        assertThat(Baseline.load(other).advice()).hasValueSatisfying(a -> assertThat(a)
                .contains("mi-scan baseline update --file " + other));
    }

    @Test
    void formatOneMatching_hashesOnlyTheFindingsWhoseRuleAndPathAreInTheFile() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        write("other.properties", "secret=NotInFile001\n");
        Path file = root.resolve(Baseline.DEFAULT_FILE);
        Finding f = scan().findings().stream().filter(x -> x.location().path().equals("app.properties")).findFirst()
                .orElseThrow();
        writeFile(file, List.of(new Baseline.Entry(f.rule().id(), "app.properties", unkeyedFingerprint(f.rule().id(), f),
                unkeyedContentHash(f.rule().id(), f))), null);

        Baseline.Applied applied = apply(Baseline.load(file));

        assertThat(places(applied.result().findings())).containsExactly("other.properties:1");
        assertThat(places(applied.result().suppressedFindings())).containsExactly("app.properties:1");
    }

    @Test
    void aScanFingerprintedWithAnotherKey_isRefused() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        Baseline baseline = Baseline.of(scan());
        ScanResult defaultKeyed = new Engine(TestRules.registry(new TestSecretRule())).scan(ScanRequest.of(root, List.of(root)));

        assertThatThrownBy(() -> baseline.apply(defaultKeyed, p -> true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }

    @Test
    void aFormatTwoFileWithAWeakOrMissingKey_isRefused() throws IOException {
        Path bad = root.resolve("bad.json");
        Files.writeString(bad, "{\"formatVersion\": 2, \"findings\": []}");
        assertThatThrownBy(() -> Baseline.load(bad)).hasMessageContaining("bad.json").hasMessageContaining("fingerprints");
        Files.writeString(bad, "{\"formatVersion\": 2, \"fingerprints\": {\"algorithm\": \"PBKDF2-HMAC-SHA256\", "
                + "\"iterations\": 1, \"salt\": \"" + key.saltBase64() + "\"}, \"findings\": []}");
        assertThatThrownBy(() -> Baseline.load(bad)).hasMessageContaining("iterations 1");
        Files.writeString(bad, "{\"formatVersion\": 2, \"fingerprints\": {\"algorithm\": \"SHA-256\", "
                + "\"iterations\": 15000, \"salt\": \"" + key.saltBase64() + "\"}, \"findings\": []}");
        assertThatThrownBy(() -> Baseline.load(bad)).hasMessageContaining("algorithm");
        Files.writeString(bad, "{\"formatVersion\": 2, \"fingerprints\": {\"algorithm\": \"PBKDF2-HMAC-SHA256\", "
                + "\"iterations\": 15000, \"salt\": \"c2hvcnQ=\"}, \"findings\": []}");
        assertThatThrownBy(() -> Baseline.load(bad)).hasMessageContaining("salt");
        Files.writeString(bad, "{\"formatVersion\": 3, \"findings\": []}");
        assertThatThrownBy(() -> Baseline.load(bad)).hasMessageContaining("newer");
    }

    @Test
    void recreatingAnUnchangedBaseline_writesTheSameBytes() throws IOException {
        write("b.properties", "secret=Second000001\n");
        write("a.properties", "secret=First0000001\nsecret=Third0000001\n");

        StringWriter one = new StringWriter();
        StringWriter two = new StringWriter();
        Baseline.of(scan()).write(one);
        Baseline.of(scan()).write(two);

        assertThat(one.toString()).isEqualTo(two.toString());
        assertThat(one.toString().indexOf("a.properties")).isLessThan(one.toString().indexOf("b.properties"));
    }

    @Test
    void baselinedFinding_movedByEditsAbove_staysBaselined_andNewOnesAreReported() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        Baseline baseline = Baseline.of(scan());
        write("app.properties", "# new header\nname=app\n\nsecret=Accepted0001\nsecret=BrandNew0001\n");

        Baseline.Applied applied = apply(baseline);

        assertThat(places(applied.result().findings())).containsExactly("app.properties:5");
        assertThat(applied.result().suppressedFindings()).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(4);
            assertThat(f.suppression().origin()).isEqualTo(Suppression.Origin.BASELINE);
            assertThat(f.suppression().origin().sarifKind()).isEqualTo("external");
            assertThat(f.suppression().justification()).isEqualTo("in baseline .mi-scan-baseline.json");
        });
        assertThat(applied.stale()).isEmpty();
        assertThat(applied.result().suppressed()).isEqualTo(1);
    }

    @Test
    void renamedFile_stillMatches_butACopyIsReported() throws IOException {
        write("old/app.properties", "secret=Renamed00001\n");
        Baseline baseline = Baseline.of(scan());
        Files.createDirectories(root.resolve("new"));
        Files.move(root.resolve("old/app.properties"), root.resolve("new/app.properties"));

        Baseline.Applied renamed = apply(baseline);

        assertThat(renamed.result().findings()).isEmpty();
        assertThat(places(renamed.result().suppressedFindings())).containsExactly("new/app.properties:1");
        assertThat(renamed.stale()).isEmpty();

        write("old/app.properties", "secret=Renamed00001\n");

        Baseline.Applied copied = apply(baseline);

        assertThat(places(copied.result().findings())).containsExactly("new/app.properties:1");
        assertThat(places(copied.result().suppressedFindings())).containsExactly("old/app.properties:1");
    }

    @Test
    void sameSecretUnderAnotherRuleOrAnotherValueAtTheSamePath_isNotBaselined() throws IOException {
        write("app.properties", "secret=Original0001\n");
        Baseline baseline = Baseline.of(scan());
        write("app.properties", "secret=Replaced0001\n");

        assertThat(places(apply(baseline).result().findings())).containsExactly("app.properties:1");
    }

    @Test
    void fixedFindings_areStale_andUpdateDropsThemAndAddsNewOnes() throws IOException {
        write("a.properties", "secret=Fixed0000001\nsecret=Kept00000001\n");
        Baseline baseline = Baseline.of(scan());
        write("a.properties", "secret=Kept00000001\nsecret=Added0000001\n");

        Baseline.Applied applied = apply(baseline);
        Baseline updated = baseline.update(applied);

        assertThat(applied.stale()).hasSize(1);
        assertThat(applied.matched()).hasSize(1);
        assertThat(updated.entries()).hasSize(2).doesNotContain(applied.stale().get(0));
        assertThat(updated.apply(scan(), Baseline.existingFilesUnder(root)).result().findings()).isEmpty();
    }

    @Test
    void update_movesARenamedEntryToItsNewPath() throws IOException {
        write("a.properties", "secret=Moving000001\n");
        Baseline baseline = Baseline.of(scan());
        Files.move(root.resolve("a.properties"), root.resolve("b.properties"));

        Baseline updated = baseline.update(apply(baseline));

        assertThat(updated.entries()).extracting(Baseline.Entry::path).containsExactly("b.properties");
    }

    @Test
    void repeatedSecret_eachOccurrenceNeedsItsOwnEntry() throws IOException {
        write("a.properties", "secret=Twice0000001\n");
        Baseline baseline = Baseline.of(scan());
        write("a.properties", "secret=Twice0000001\nsecret=Twice0000001\n");

        assertThat(apply(baseline).result().findings()).hasSize(1);
    }

    @Test
    void loadingAMissingOrMalformedFile_failsWithTheFileName() throws IOException {
        assertThatThrownBy(() -> Baseline.load(root.resolve("none.json"))).isInstanceOf(NoSuchFileException.class);

        Path bad = root.resolve("bad.json");
        Files.writeString(bad, "{\"findings\": [");
        assertThatThrownBy(() -> Baseline.load(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json: not a mi-scan baseline");

        Files.writeString(bad, "{\"something\": 1}");
        assertThatThrownBy(() -> Baseline.load(bad)).hasMessageContaining("formatVersion");
    }
}
