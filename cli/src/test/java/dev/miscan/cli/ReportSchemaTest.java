package dev.miscan.cli;

import static dev.miscan.cli.CliRun.SAMPLES;
import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON report's published schema, {@code docs/report.schema.json} (draft 2020-12), holds for real reports: the
 * samples, a repository's history, an empty scan, suppressed findings and warnings. The schema itself is checked
 * against the draft's meta-schema, which the validator ships (no network).
 */
class ReportSchemaTest {
    private static final Path SCHEMA = Path.of("..", "docs", "report.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaRegistry registry;
    private static Schema schema;

    @BeforeAll
    static void load() throws IOException {
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        schema = registry.getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    /** The places and keywords that fail, never the values (a report's values are the scanned files'). */
    private static List<String> problems(String report) {
        return schema.validate(report, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getKeyword()).toList();
    }

    private static String report(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        return r.out();
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        Schema meta = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<String> errors = meta.validate(Files.readString(SCHEMA), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();

        assertThat(errors).isEmpty();
        assertThat(JSON.readTree(SCHEMA.toFile()).path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void theSamplesReportIsValid_andItsFindingsCarryNoCommitObject() throws IOException {
        String report = report("scan", SAMPLES.toString(), "--format", "json", "--fail-on", "none");

        assertThat(problems(report)).isEmpty();
        JsonNode findings = JSON.readTree(report).path("findings");
        assertThat(findings.size()).isGreaterThan(20);
        assertThat(findings).noneMatch(f -> f.has("commit"));
        assertThat(findings).as("the samples' modules give related locations").anyMatch(f -> f.has("related"));
    }

    @Test
    void anEmptyScanIsValid(@TempDir Path dir) throws IOException {
        String report = report("scan", dir.toString(), "--format", "json");

        assertThat(problems(report)).isEmpty();
        assertThat(JSON.readTree(report).path("findings")).isEmpty();
    }

    @Test
    void suppressedFindingsAndWarningsAreValid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.properties"), "# mi-scan:allow MI-STORAGE-CONNSTR test account\n"
                + "azure.storage.connection-string=" + GitFixtures.connectionString() + "\n"
                + "other.storage.connection-string=" + GitFixtures.connectionString() + "\n");
        Files.write(dir.resolve("big.properties"), new byte[4096]);
        Files.writeString(dir.resolve("bad.yaml"), "a: [unclosed\n  b: {\n");

        String report = report("scan", dir.toString(), "--format", "json", "--max-file-size", "1k");

        assertThat(problems(report)).isEmpty();
        JsonNode doc = JSON.readTree(report);
        assertThat(doc.path("suppressedFindings")).isNotEmpty();
        assertThat(doc.path("warnings")).isNotEmpty();
    }

    @Test
    void aHistoryReportIsValid_andItsFindingsNameTheirCommit(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.com", Instant.parse("2024-05-01T10:00:00Z"),
                    ZoneOffset.UTC);
            Files.writeString(dir.resolve("app.properties"), "storage=" + GitFixtures.connectionString() + "\n");
            git.add().addFilepattern("app.properties").call();
            git.commit().setMessage("add key").setAuthor(who).setCommitter(who).setSign(false).call();
            Files.writeString(dir.resolve("app.properties"), "storage=${STORAGE}\n");
            git.add().addFilepattern("app.properties").call();
            git.commit().setMessage("remove key").setAuthor(who).setCommitter(who).setSign(false).call();
        }

        String report = report("history", dir.toString(), "--format", "json");

        assertThat(problems(report)).isEmpty();
        JsonNode findings = JSON.readTree(report).path("findings");
        assertThat(findings).isNotEmpty().allMatch(f -> f.has("commit"));
        assertThat(findings.get(0).at("/commit/presentAtHead").asBoolean()).isFalse();
    }

    @Test
    void theSchemaRejectsAnEmptyCommitObject_andAMissingKey() throws IOException {
        String report = report("scan", SAMPLES.resolve("spring-boot-app/vulnerable").toString(), "--format", "json");
        ObjectNode doc = (ObjectNode) JSON.readTree(report);
        ((ObjectNode) doc.path("findings").get(0)).putObject("commit");

        assertThat(problems(JSON.writeValueAsString(doc))).anyMatch(p -> p.startsWith("/findings/0/commit"));

        ObjectNode other = (ObjectNode) JSON.readTree(report);
        other.remove("summary");
        assertThat(problems(JSON.writeValueAsString(other))).isNotEmpty();
    }
}
