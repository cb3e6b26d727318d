package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that live in another file of the scan: a Helm chart's values, a pipeline's variable template. */
class CrossFileSettingsTest {

    private static List<String> scan(Path dir) throws IOException {
        Path report = dir.resolveSibling(dir.getFileName() + ".json");
        CliRun run = CliRun.run("scan", dir.toString(), "--format", "json", "--output", report.toString(),
                "--fail-on", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(report.toFile()).get("findings")) {
            String path = f.get("path").asText();
            String root = "/" + dir.getFileName() + "/";
            int at = path.lastIndexOf(root);
            out.add((at < 0 ? path : path.substring(at + root.length())) + ":" + f.get("startLine").asInt() + " "
                    + f.get("ruleId").asText());
        }
        return out;
    }

    @Test
    void aHelmTemplateTakesItsServiceFromTheChartsValues(@TempDir Path tmp) throws IOException {
        Path chart = tmp.resolve("repo").resolve("chart");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: catalog\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), """
                database:
                  host: psql-contoso-catalog.postgres.database.azure.com
                  password: ""
                search:
                  endpoint: https://srch-contoso-catalog.search.windows.net
                  apiKey: ""
                reporting:
                  host: reports.internal.example.com
                  password: ""
                """);
        Files.writeString(chart.resolve("templates").resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: {{ include "catalog.fullname" . }}
                data:
                  SPRING_DATASOURCE_PASSWORD: {{ .Values.database.password | b64enc | quote }}
                  CATALOG_SEARCH_API_KEY: {{ .Values.search.apiKey | b64enc | quote }}
                  REPORTING_DB_PASSWORD: {{ .Values.reporting.password | b64enc | quote }}
                """);
        assertThat(scan(tmp.resolve("repo"))).containsExactlyInAnyOrder(
                "chart/templates/secret.yaml:6 MI-DATABASE-PASSWORD-AUTH",
                "chart/templates/secret.yaml:7 MI-SEARCH-KEY-AUTH");
    }

    @Test
    void aPipelineTakesItsServerFromItsVariableTemplate(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("pipelines"));
        Files.writeString(repo.resolve("pipelines").resolve("prod-variables.yml"), """
                variables:
                  - name: sqlServer
                    value: sql-contoso-billing.database.windows.net
                """);
        Files.writeString(repo.resolve("azure-pipelines.yml"), """
                variables:
                  - template: pipelines/prod-variables.yml
                steps:
                  - script: sqlcmd -S $(sqlServer) -d billing -U admin -P "$(sqlAdminPassword)" -i seed.sql
                  - script: sqlcmd -S $(otherServer) -d billing -U admin -P "$(otherPassword)" -i seed.sql
                """);
        assertThat(scan(repo)).containsExactly("azure-pipelines.yml:4 MI-DATABASE-PASSWORD-AUTH");
    }

    @Test
    void aTemplateCompiledFromBicepBesideItIsScannedOnce(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("main.bicep"), """
                resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'stcontoso'
                  location: 'westeurope'
                  sku: { name: 'Standard_LRS' }
                  kind: 'StorageV2'
                }
                """);
        String compiled = """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470" } },
                  "resources": [
                    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "stcontoso",
                      "location": "westeurope", "sku": { "name": "Standard_LRS" }, "kind": "StorageV2" }
                  ]
                }
                """;
        Files.writeString(repo.resolve("main.json"), compiled);
        // a hand-written template, or one whose Bicep source is not in the scan, is scanned
        Files.writeString(repo.resolve("other.json"), compiled);
        assertThat(scan(repo)).containsExactlyInAnyOrder("main.bicep:1 MI-IAC-STORAGE-SHARED-KEY-ACCESS",
                "other.json:6 MI-IAC-STORAGE-SHARED-KEY-ACCESS");
    }

    @Test
    void compiledTemplatesAreNotSubjectToTheFileSizeCap(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        String head = """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "metadata": { "_generator": { "name": "bicep", "version": "0.30.23.60470" } },
                  "resources": [
                    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "stcontoso",
                      "location": "westeurope", "sku": { "name": "Standard_LRS" }, "kind": "StorageV2" }
                  ],
                  "outputs": { "padding": { "type": "string", "value": "%s" } }
                }
                """;
        String padding = "x".repeat(3 * 1024 * 1024);
        // compiled by Bicep (its source is elsewhere): generated, scanned whatever its size
        Files.writeString(repo.resolve("compiled.json"), head.formatted(padding));
        // a hand-written JSON file over the cap is skipped with a warning
        Files.writeString(repo.resolve("data.json"), head.replace("_generator", "author").formatted(padding));
        assertThat(scan(repo)).containsExactly("compiled.json:6 MI-IAC-STORAGE-SHARED-KEY-ACCESS");
    }

    @Test
    void aModuleArgumentIsReportedWhereItIsPassedWithTheModulesResourceRelated(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("modules"));
        Files.writeString(repo.resolve("modules/bus.bicep"), """
                param disableLocalAuth bool = false
                resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
                  name: 'orders-bus'
                  location: 'westeurope'
                  properties: {
                    disableLocalAuth: disableLocalAuth
                  }
                }
                """);
        Files.writeString(repo.resolve("main.bicep"), """
                module bus 'modules/bus.bicep' = {
                  name: 'bus'
                  params: {
                    disableLocalAuth: false
                  }
                }
                """);
        assertThat(scan(repo)).containsExactly("main.bicep:4 MI-IAC-LOCAL-AUTH-ENABLED");
        JsonNode finding = new ObjectMapper().readTree(tmp.resolve("repo.json").toFile()).get("findings").get(0);
        assertThat(finding.get("related").get(0).get("path").asText()).isEqualTo("modules/bus.bicep");
        assertThat(finding.get("related").get(0).get("startLine").asInt()).isEqualTo(6);

        Path sarif = tmp.resolve("repo.sarif");
        CliRun run = CliRun.run("scan", repo.toString(), "--format", "sarif", "--output", sarif.toString(),
                "--fail-on", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode related = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results/0/relatedLocations/0");
        assertThat(related.at("/physicalLocation/artifactLocation/uri").asText()).endsWith("modules/bus.bicep");
        assertThat(related.at("/physicalLocation/region/startLine").asInt()).isEqualTo(6);
        assertThat(related.at("/message/text").asText()).contains("disableLocalAuth");
    }
}
