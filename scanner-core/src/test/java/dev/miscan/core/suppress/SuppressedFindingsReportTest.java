package dev.miscan.core.suppress;

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Provenance;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import dev.miscan.core.report.JsonWriter;
import dev.miscan.core.report.SarifWriter;
import dev.miscan.core.report.TextWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressed findings are reported, not dropped: SARIF suppressions, JSON suppressedFindings, text counts. */
class SuppressedFindingsReportTest {
    private static final String HELP = "https://example.com/rules/";

    @TempDir
    Path root;

    private ScanResult result;

    @BeforeEach
    void scan() throws IOException {
        Files.writeString(root.resolve("a.properties"), """
                secret=Reported00001
                secret=Inline000001 # mi-scan:allow MI-TEST-SECRET documented sample
                secret=Baselined001
                """);
        Engine engine = new Engine(TestRules.registry(new TestSecretRule()));
        ScanResult raw = engine.scan(ScanRequest.of(root, List.of(root)));
        Finding baselined = raw.findings().get(1);
        result = Baseline.of(List.of(baselined), raw.fingerprintKey()).apply(raw, p -> true).result();
    }

    @Test
    void sarif_keepsSuppressedResults_withTheirKindAndJustification() throws IOException {
        StringWriter out = new StringWriter();
        new SarifWriter("1.0.0", HELP).write(result, out);
        JsonNode results = new ObjectMapper().readTree(out.toString()).at("/runs/0/results");

        assertThat(results).hasSize(3);
        assertThat(results.get(0).has("suppressions")).isFalse();
        JsonNode inline = results.get(1).at("/suppressions/0");
        JsonNode baseline = results.get(2).at("/suppressions/0");
        assertThat(inline.path("kind").asText()).isEqualTo("inSource");
        assertThat(inline.path("status").asText()).isEqualTo("accepted");
        assertThat(inline.path("justification").asText()).isEqualTo("documented sample");
        assertThat(baseline.path("kind").asText()).isEqualTo("external");
        assertThat(baseline.path("justification").asText()).isEqualTo("in baseline .mi-scan-baseline.json");
        assertThat(results).allSatisfy(r -> assertThat(r.at("/partialFingerprints/miScanFingerprint~1v2").asText())
                .isNotEmpty());
        assertThat(out.toString()).doesNotContain("Inline000001").doesNotContain("Baselined001");
    }

    @Test
    void json_listsSuppressedFindingsAndCountsThemByOrigin() throws IOException {
        StringWriter out = new StringWriter();
        new JsonWriter("1.0.0").write(result, out);
        JsonNode doc = new ObjectMapper().readTree(out.toString());

        assertThat(doc.path("findings")).hasSize(1);
        assertThat(doc.at("/summary/suppressed").asInt()).isEqualTo(2);
        assertThat(doc.at("/summary/suppressedBy/inline").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/suppressedBy/config").asInt()).isZero();
        assertThat(doc.at("/summary/suppressedBy/baseline").asInt()).isEqualTo(1);
        assertThat(doc.path("suppressedFindings")).hasSize(2);
        assertThat(doc.at("/suppressedFindings/0/suppression/origin").asText()).isEqualTo("inline");
        assertThat(doc.at("/suppressedFindings/0/suppression/kind").asText()).isEqualTo("inSource");
        assertThat(doc.at("/suppressedFindings/1/suppression/origin").asText()).isEqualTo("baseline");
        // not read from a commit: no commit object at all (an empty one said nothing)
        assertThat(doc.at("/findings/0").has("commit")).isFalse();
    }

    @Test
    void text_countsSuppressedFindingsByOrigin_andDoesNotListThem() throws IOException {
        StringWriter out = new StringWriter();
        new TextWriter(false).write(result, out);

        assertThat(out.toString()).endsWith("; 2 suppressed (1 inline, 1 baseline)\n");
        assertThat(out.toString()).contains("a.properties:1:").doesNotContain("a.properties:2:");
    }

    @Test
    void historyFindings_carryTheirCommitInEveryFormat() throws IOException {
        Provenance gone = new Provenance("0123456789abcdef0123456789abcdef01234567", "Ada Lovelace", "ada@example.com",
                Instant.parse("2024-03-01T11:00:00Z"), false);
        Finding f = result.findings().get(0).withProvenance(gone);
        ScanResult history = result.withFindings(List.of(f), List.of());

        StringWriter text = new StringWriter();
        new TextWriter(false).write(history, text);
        StringWriter json = new StringWriter();
        new JsonWriter("1.0.0").write(history, json);
        StringWriter sarif = new StringWriter();
        new SarifWriter("1.0.0", HELP).write(history, sarif);

        assertThat(text.toString()).contains("  commit: 0123456789 2024-03-01 Ada Lovelace <ada@example.com>"
                + "  (removed since, still in history: rotate it)\n");
        JsonNode commit = new ObjectMapper().readTree(json.toString()).at("/findings/0/commit");
        assertThat(commit.path("id").asText()).isEqualTo(gone.commit());
        assertThat(commit.path("date").asText()).isEqualTo("2024-03-01T11:00:00Z");
        assertThat(commit.path("presentAtHead").asBoolean()).isFalse();
        JsonNode result0 = new ObjectMapper().readTree(sarif.toString()).at("/runs/0/results/0");
        assertThat(result0.at("/properties/commit/author").asText()).isEqualTo("Ada Lovelace");
        assertThat(result0.at("/message/text").asText()).endsWith("still in the history: rotate it.");
    }

    @Test
    void briefText_keepsTheFirstLineAndTheFix_only() throws IOException {
        StringWriter out = new StringWriter();
        new TextWriter(false, true).write(result, out);

        assertThat(out.toString().lines().takeWhile(l -> !l.isEmpty()).toList()).hasSize(2)
                .first().asString().startsWith("a.properties:1:8  ERROR  MI-TEST-SECRET");
        assertThat(out.toString()).contains("  fix: Use a managed identity\n").doesNotContain("preview:");
    }
}
