package dev.miscan.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Helm template's setting filled from the chart's values is judged by its neighbours there, in a project of many
 * YAML files: ones at shorter paths than the chart's (a root {@code docker-compose.yml}) once made every rule fail
 * on the template, and other charts' values files are not the chart's.
 */
class HelmValuesTest {
    @TempDir
    Path root;

    @Test
    void aTemplatesPasswordIsJudgedByItsOwnChartsValuesWhateverElseTheProjectHolds() throws IOException {
        write("docker-compose.yml", "services: {}\n");
        write(".pre-commit-config.yaml", "repos: []\n");
        write("deploy/charts/orders-service/values.yaml", """
                database:
                  host: orders.postgres.database.azure.com
                  password: ""
                """);
        write("deploy/charts/orders-service/templates/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: orders-db
                stringData:
                  DB_PASSWORD: "{{ .Values.database.password }}"
                """);
        // another chart, whose values name no database host: its template's password has no Azure neighbour
        write("deploy/charts/audit/values.yaml", "database:\n  host: localhost\n  password: \"\"\n");
        write("deploy/charts/audit/templates/values-like.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n"
                + "  DB_PASSWORD: \"{{ .Values.database.password }}\"\n");

        Engine engine = new Engine(RuleRegistry.load());
        ScanResult result = engine.scan(ScanRequest.of(root, List.of(root)));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-DATABASE-PASSWORD-AUTH");
            assertThat(f.location().path()).endsWith("orders-service/templates/secret.yaml");
            assertThat(f.severity().name()).isEqualTo("WARNING");
        });
    }

    @Test
    void eachOfManyTemplatesIsJudgedByTheFirstOfItsValuesSettingsWithNeighbours() throws IOException {
        // the chart's values name an Azure database beside every even service's password, a local one beside the odd
        // ones'; db.password is set twice, the second time beside an Azure host (in another document of the file);
        // cache.password is set only in values-prod.yaml, beside an Azure Cache for Redis host
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            values.append("svc").append(i).append(":\n  db:\n    host: ")
                    .append(i % 2 == 0 ? "svc" + i + ".postgres.database.azure.com" : "localhost")
                    .append("\n    password: \"\"\n");
        }
        values.append("db:\n  password: \"\"\n---\ndb:\n  host: orders.mysql.database.azure.com\n  password: \"\"\n");
        write("chart/values.yaml", values.toString());
        write("chart/values-prod.yaml", "cache:\n  host: orders.redis.cache.windows.net\n  password: \"\"\n");
        for (int i = 0; i < 30; i++) {
            write("chart/templates/t" + i + ".yaml", "apiVersion: v1\nkind: Secret\nstringData:\n"
                    + "  DB_PASSWORD: \"{{ .Values.svc" + i + ".db.password }}\"\n");
        }
        write("chart/templates/db.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n"
                + "  DB_PASSWORD: \"{{ .Values.db.password }}\"\n");
        write("chart/templates/cache.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n"
                + "  REDIS_PASSWORD: \"{{ .Values.cache.password }}\"\n");

        Engine engine = new Engine(RuleRegistry.load());
        ScanResult result = engine.scan(ScanRequest.of(root, List.of(root)));

        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i += 2) {
            expected.add("MI-DATABASE-PASSWORD-AUTH t" + i + ".yaml");
        }
        expected.add("MI-DATABASE-PASSWORD-AUTH db.yaml");
        expected.add("MI-REDIS-KEY-AUTH cache.yaml");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.findings()).extracting(f -> f.rule().id() + " "
                + f.location().path().substring(f.location().path().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
