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
    private final Engine engine = new Engine(TestRules.registry(new TestSecretRule()));

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
        Baseline.of(scan().findings()).write(file);
        Files.writeString(file, "\uFEFF" + Files.readString(file));

        assertThat(Baseline.load(file).entries()).hasSize(1);
    }

    @Test
    void file_holdsRuleIdPathAndHashes_neverTheSecretNorALineNumber() throws IOException {
        write("app.properties", "name=app\nsecret=Baselined0001\n");
        Path file = root.resolve(Baseline.DEFAULT_FILE);

        Baseline.of(scan().findings()).write(file);
        String json = Files.readString(file);

        assertThat(json).doesNotContain("Baselined0001").doesNotContain("Base…")
                .doesNotContain("\"line").doesNotContain("startLine")
                .contains("\"ruleId\" : \"MI-TEST-SECRET\"").contains("\"path\" : \"app.properties\"")
                .contains("\"formatVersion\" : 1");
        assertThat(Baseline.load(file).entries()).singleElement().satisfies(e -> {
            assertThat(e.fingerprint()).matches("[0-9a-f]{32}:1");
            assertThat(e.contentHash()).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void baselineWrittenBeforeARuleWasRenamed_stillSuppresses_andAnUpdateWritesTheNewId() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        write("moved.properties", "secret=Accepted0002\n");
        List<Baseline.Entry> current = Baseline.of(scan().findings()).entries();
        // the same file as an earlier version wrote it: the former id, fingerprints and content hashes under it
        List<Baseline.Entry> former = new ArrayList<>();
        for (Finding f : scan().findings()) {
            former.add(new Baseline.Entry("MI-TEST-FORMER",
                    f.location().path().equals("moved.properties") ? "old/moved.properties" : f.location().path(),
                    dev.miscan.core.api.Fingerprints.under("MI-TEST-FORMER", f),
                    Redaction.sha256("MI-TEST-FORMER\n" + f.secretHash()).substring(0, 32)));
        }
        assertThat(former).extracting(Baseline.Entry::fingerprint)
                .doesNotContainAnyElementsOf(current.stream().map(Baseline.Entry::fingerprint).toList());
        Path file = root.resolve(Baseline.DEFAULT_FILE);
        StringBuilder json = new StringBuilder("{\"tool\": \"mi-scan\", \"formatVersion\": 1, \"findings\": [");
        for (Baseline.Entry e : former) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"ruleId\": \"").append(e.ruleId())
                    .append("\", \"path\": \"").append(e.path()).append("\", \"fingerprint\": \"")
                    .append(e.fingerprint()).append("\", \"contentHash\": \"").append(e.contentHash()).append("\"}");
        }
        Files.writeString(file, json.append("]}").toString());

        Baseline.Applied applied = apply(Baseline.load(file));

        assertThat(applied.result().findings()).isEmpty();
        assertThat(applied.stale()).isEmpty();
        assertThat(Baseline.load(file).update(applied).entries()).extracting(Baseline.Entry::ruleId)
                .containsOnly("MI-TEST-SECRET");
    }

    @Test
    void recreatingAnUnchangedBaseline_writesTheSameBytes() throws IOException {
        write("b.properties", "secret=Second000001\n");
        write("a.properties", "secret=First0000001\nsecret=Third0000001\n");

        StringWriter one = new StringWriter();
        StringWriter two = new StringWriter();
        Baseline.of(scan().findings()).write(one);
        Baseline.of(scan().findings()).write(two);

        assertThat(one.toString()).isEqualTo(two.toString());
        assertThat(one.toString().indexOf("a.properties")).isLessThan(one.toString().indexOf("b.properties"));
    }

    @Test
    void baselinedFinding_movedByEditsAbove_staysBaselined_andNewOnesAreReported() throws IOException {
        write("app.properties", "secret=Accepted0001\n");
        Baseline baseline = Baseline.of(scan().findings());
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
        Baseline baseline = Baseline.of(scan().findings());
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
        Baseline baseline = Baseline.of(scan().findings());
        write("app.properties", "secret=Replaced0001\n");

        assertThat(places(apply(baseline).result().findings())).containsExactly("app.properties:1");
    }

    @Test
    void fixedFindings_areStale_andUpdateDropsThemAndAddsNewOnes() throws IOException {
        write("a.properties", "secret=Fixed0000001\nsecret=Kept00000001\n");
        Baseline baseline = Baseline.of(scan().findings());
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
        Baseline baseline = Baseline.of(scan().findings());
        Files.move(root.resolve("a.properties"), root.resolve("b.properties"));

        Baseline updated = baseline.update(apply(baseline));

        assertThat(updated.entries()).extracting(Baseline.Entry::path).containsExactly("b.properties");
    }

    @Test
    void repeatedSecret_eachOccurrenceNeedsItsOwnEntry() throws IOException {
        write("a.properties", "secret=Twice0000001\n");
        Baseline baseline = Baseline.of(scan().findings());
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
