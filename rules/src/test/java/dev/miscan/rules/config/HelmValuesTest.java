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

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
