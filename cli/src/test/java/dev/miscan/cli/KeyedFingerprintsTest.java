package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.secrets.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines and reports hold keyed fingerprints only: the defect was an unsalted SHA-256 chain of each secret in
 * the committed baseline and in SARIF, from which a password was brute-forced. Keys are generated at run time;
 * assertions are on booleans or on the names of the leaked forms, so that a failure never prints a secret.
 */
class KeyedFingerprintsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path tree(Path dir, String connectionString) throws IOException {
        Path file = dir.resolve("src/main/resources/application.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "spring.cloud.azure.storage.blob.connection-string=" + connectionString + "\n");
        return dir;
    }

    /** The findings of the tree as the engine has them in memory (rule, path and the plain secret hash). */
    private static List<Finding> inMemory(Path tree) throws IOException {
        return new Engine(RuleRegistry.load()).scan(ScanRequest.of(tree, List.of(tree))).findings();
    }

    /** Every unkeyed form of a secret that format 1 and SARIF v1 wrote, or that a tool could derive, by name. */
    private static Map<String, String> unkeyedForms(List<Finding> findings, String key, String connectionString) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("sha256(key)", Redaction.sha256(key));
        forms.put("sha256(connection string)", Redaction.sha256(connectionString));
        for (Finding f : findings) {
            String id = f.rule().id();
            String path = f.location().path();
            forms.put("sha256(secret) of " + id, f.secretHash());
            forms.put("sha256(rule\\npath\\nsha256(secret)) of " + id,
                    Redaction.sha256(id + "\n" + path + "\n" + f.secretHash()));
            forms.put("sha256(rule\\nsha256(secret)) of " + id, Redaction.sha256(id + "\n" + f.secretHash()));
        }
        return forms;
    }

    /** The names of the forms of which {@code text} holds any 16-hex-digit piece. */
    private static List<String> leaked(String text, Map<String, String> forms) {
        List<String> names = new ArrayList<>();
        forms.forEach((name, hash) -> {
            for (int i = 0; i + 16 <= hash.length(); i++) {
                if (text.contains(hash.substring(i, i + 16))) {
                    names.add(name);
                    return;
                }
            }
        });
        return names;
    }

    private static List<String> sarifFingerprints(String sarif) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(sarif).at("/runs/0/results")) {
            out.add(r.path("partialFingerprints").path("miScanFingerprint/v2").asText());
        }
        return out;
    }

    private static List<String> baselineFingerprints(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(file.toFile()).path("findings").forEach(e -> out.add(e.path("fingerprint").asText()));
        return out;
    }

    private static String salt(Path file) throws IOException {
        return JSON.readTree(file.toFile()).at("/fingerprints/salt").asText();
    }

    @Test
    void baselineDoesNotHoldAnUnkeyedHashOfTheSecret() throws IOException {
        String key = GitFixtures.storageKey();
        String connectionString = "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=" + key
                + ";EndpointSuffix=core.windows.net";
        Path tree = tree(dir, connectionString);
        Map<String, String> forms = unkeyedForms(inMemory(tree), key, connectionString);
        assertThat(forms).hasSizeGreaterThan(2);
        Map<String, String> outputs = new LinkedHashMap<>();
        // without a baseline: the default salt
        outputs.put("SARIF without a baseline", run("scan", "--format", "sarif", tree.toString()).out());
        outputs.put("JSON without a baseline", run("scan", "--format", "json", tree.toString()).out());

        CliRun create = run("baseline", "create", tree.toString());
        assertThat(create.exitCode()).as(create.toString()).isZero();
        Path file = tree.resolve(".mi-scan-baseline.json");
        outputs.put("baseline", Files.readString(file));
        outputs.put("SARIF with the baseline", run("scan", "--format", "sarif", tree.toString()).out());
        outputs.put("JSON with the baseline", run("scan", "--format", "json", tree.toString()).out());
        outputs.put("update's output", run("baseline", "update", tree.toString()).out());

        outputs.forEach((what, text) -> {
            assertThat(text).as(what + " is empty").isNotBlank();
            assertThat(text.contains(key)).as(what + " holds the key").isFalse();
            assertThat(leaked(text, forms)).as(what + " holds a piece of an unkeyed hash of the secret").isEmpty();
        });
        assertThat(outputs.get("baseline")).contains("\"formatVersion\" : 2").contains("PBKDF2-HMAC-SHA256");
        assertThat(sarifFingerprints(outputs.get("SARIF with the baseline")))
                .as("the SARIF fingerprints are the baseline's").isEqualTo(baselineFingerprints(file));
        assertThat(sarifFingerprints(outputs.get("SARIF without a baseline")))
                .doesNotContainAnyElementsOf(baselineFingerprints(file));
    }

    @Test
    void sameSecretInTwoRepositories_differentFingerprints_butStableOnesWithinARepository() throws IOException {
        String connectionString = GitFixtures.connectionString();
        Path one = tree(Files.createDirectories(dir.resolve("one")), connectionString);
        Path two = tree(Files.createDirectories(dir.resolve("two")), connectionString);
        Path fileOne = one.resolve(".mi-scan-baseline.json");
        Path fileTwo = two.resolve(".mi-scan-baseline.json");

        assertThat(run("baseline", "create", one.toString()).exitCode()).isZero();
        assertThat(run("baseline", "create", two.toString()).exitCode()).isZero();

        assertThat(salt(fileOne)).isNotBlank().isNotEqualTo(salt(fileTwo)).isNotEqualTo(FingerprintKey.DEFAULT_SALT_BASE64);
        assertThat(baselineFingerprints(fileOne)).isNotEmpty().doesNotContainAnyElementsOf(baselineFingerprints(fileTwo));
        String sarifOne = run("scan", "--format", "sarif", one.toString()).out();
        String sarifTwo = run("scan", "--format", "sarif", two.toString()).out();
        assertThat(sarifFingerprints(sarifOne)).doesNotContainAnyElementsOf(sarifFingerprints(sarifTwo));

        // the same repository: the same fingerprints from run to run, and the same bytes when re-created
        assertThat(sarifFingerprints(run("scan", "--format", "sarif", one.toString()).out()))
                .isEqualTo(sarifFingerprints(sarifOne)).isEqualTo(baselineFingerprints(fileOne));
        byte[] before = Files.readAllBytes(fileOne);
        CliRun recreate = run("baseline", "create", "--force", one.toString());
        assertThat(recreate.exitCode()).as(recreate.toString()).isZero();
        assertThat(Files.readAllBytes(fileOne)).as("re-created baseline").isEqualTo(before);
        assertThat(run("baseline", "update", one.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(fileOne)).as("updated unchanged baseline").isEqualTo(before);

        // no baseline: the default salt, stable too (GitHub keeps tracking the alerts)
        Path three = tree(Files.createDirectories(dir.resolve("three")), connectionString);
        List<String> first = sarifFingerprints(run("scan", "--format", "sarif", three.toString()).out());
        assertThat(first).isNotEmpty().allSatisfy(f -> assertThat(f).matches("[0-9a-f]{32}:1"));
        assertThat(sarifFingerprints(run("scan", "--format", "sarif", three.toString()).out())).isEqualTo(first);
    }

    /** A format 1 baseline of the tree's findings, as mi-scan wrote it before keyed fingerprints. */
    private static String formatOne(List<Finding> findings) {
        StringBuilder json = new StringBuilder("{\n  \"tool\" : \"mi-scan\",\n  \"formatVersion\" : 1,\n  \"findings\" : [");
        String sep = "\n";
        for (Finding f : findings) {
            String id = f.rule().id();
            String path = f.location().path();
            json.append(sep).append("    {\"ruleId\" : \"").append(id).append("\", \"path\" : \"").append(path)
                    .append("\", \"fingerprint\" : \"")
                    .append(Redaction.sha256(id + "\n" + path + "\n" + f.secretHash()).substring(0, 32)).append(":1")
                    .append("\", \"contentHash\" : \"")
                    .append(Redaction.sha256(id + "\n" + f.secretHash()).substring(0, 32)).append("\"}");
            sep = ",\n";
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void formatOneBaseline_stillSuppresses_warnsOnce_andUpdateRewritesItKeyed() throws IOException {
        String key = GitFixtures.storageKey();
        String connectionString = "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=" + key
                + ";EndpointSuffix=core.windows.net";
        Path tree = tree(dir, connectionString);
        // a second accepted secret in another file, and an entry whose finding was fixed since
        Files.writeString(tree.resolve("other.properties"), "azure.storage.connection-string="
                + GitFixtures.connectionString() + "\n");
        List<Finding> findings = inMemory(tree);
        assertThat(findings).hasSize(2);
        Path file = tree.resolve(".mi-scan-baseline.json");
        Files.writeString(file, formatOne(findings));
        Map<String, String> forms = unkeyedForms(findings, key, connectionString);
        assertThat(leaked(Files.readString(file), forms)).as("what the defect left in a baseline is detected")
                .contains("sha256(rule\\npath\\nsha256(secret)) of " + findings.get(0).rule().id());

        CliRun scan = run("scan", tree.toString());

        assertThat(scan.exitCode()).as("exit code of a scan with a format 1 baseline").isZero();
        assertThat(scan.out()).contains("2 suppressed (2 baseline)");
        assertThat(count(scan.err(), "baseline of format 1")).as("warnings about the format").isEqualTo(1);
        assertThat(scan.err()).contains("unsalted").contains("'mi-scan baseline update'");
        CliRun sarif = run("scan", "--format", "sarif", tree.toString());
        assertThat(sarif.exitCode()).isZero();
        assertThat(JSON.readTree(sarif.out()).at("/runs/0/results/0/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(leaked(sarif.out(), forms)).as("SARIF holds an unkeyed hash").isEmpty();

        CliRun update = run("baseline", "update", tree.toString());

        assertThat(update.exitCode()).as("exit code of the update").isZero();
        assertThat(update.out()).contains("kept 2, added 0, removed 0 stale").contains("rewrote the baseline of format 1");
        String rewritten = Files.readString(file);
        assertThat(rewritten).contains("\"formatVersion\" : 2").contains("\"iterations\" : " + FingerprintKey.DEFAULT_ITERATIONS);
        assertThat(salt(file)).isNotBlank().isNotEqualTo(FingerprintKey.DEFAULT_SALT_BASE64);
        assertThat(leaked(rewritten, forms)).as("the rewritten baseline holds an unkeyed hash").isEmpty();
        assertThat(leaked(update.out() + update.err(), forms)).as("the update's output holds an unkeyed hash").isEmpty();
        CliRun after = run("scan", tree.toString());
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).contains("2 suppressed (2 baseline)");
        assertThat(after.err()).doesNotContain("format 1");
    }

    @Test
    void formatOneBaseline_isAlsoRewrittenByCreateForce_withAFreshSalt() throws IOException {
        Path tree = tree(dir, GitFixtures.connectionString());
        List<Finding> findings = inMemory(tree);
        Path file = tree.resolve("accepted.json");
        Files.writeString(file, formatOne(findings));

        CliRun scan = run("scan", "--baseline", file.toString(), tree.toString());
        assertThat(scan.exitCode()).isZero();
        assertThat(scan.err()).contains("'mi-scan baseline update --file " + file + "'");

        CliRun create = run("baseline", "create", "--force", "--file", file.toString(), tree.toString());

        assertThat(create.exitCode()).as("exit code of create --force").isZero();
        assertThat(create.out()).contains("rewrote the baseline of format 1");
        assertThat(Files.readString(file)).contains("\"formatVersion\" : 2");
        assertThat(salt(file)).isNotBlank().isNotEqualTo(FingerprintKey.DEFAULT_SALT_BASE64);
        assertThat(leaked(Files.readString(file), unkeyedForms(findings, "-", "-"))).isEmpty();
        CliRun again = run("scan", "--baseline", file.toString(), tree.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).doesNotContain("format 1");
    }

    @Test
    void aTextReportWithoutABaseline_computesNoKeyedDigest() throws IOException {
        Path tree = tree(dir, GitFixtures.connectionString());
        Engine engine = new Engine(RuleRegistry.load());
        ReportOptions report = new ReportOptions();

        report.format = dev.miscan.core.session.ReportFormat.TEXT;
        assertThat(report.engineFor(engine, false).scan(ScanRequest.of(tree, List.of(tree))).findings()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.fingerprint()).isNull());
        assertThat(engine.digestsComputed()).isZero();
        assertThat(report.engineFor(engine, true)).as("a baseline compares fingerprints").isSameAs(engine);

        report.format = dev.miscan.core.session.ReportFormat.SARIF;
        assertThat(report.engineFor(engine, false)).isSameAs(engine);
        report.format = dev.miscan.core.session.ReportFormat.JSON;
        assertThat(report.engineFor(engine, false)).isSameAs(engine);
    }
}
