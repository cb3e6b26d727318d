package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mi-scan fix} and the SARIF {@code fixes} with the build file edits the Java fixes need. */
class FixBuildFilesTest {
    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
                <modelVersion>4.0.0</modelVersion>
                <groupId>demo</groupId>
                <artifactId>app</artifactId>
                <version>1.0</version>
                <dependencyManagement>
                    <dependencies>
                        <dependency>
                            <groupId>com.azure</groupId>
                            <artifactId>azure-sdk-bom</artifactId>
                            <version>1.3.8</version>
                            <type>pom</type>
                            <scope>import</scope>
                        </dependency>
                    </dependencies>
                </dependencyManagement>
                <dependencies>
                    <dependency>
                        <groupId>com.azure</groupId>
                        <artifactId>azure-storage-blob</artifactId>
                    </dependency>
                </dependencies>
            </project>
            """;

    private static String java(String name) {
        return """
                package demo;

                import com.azure.storage.blob.BlobServiceClient;
                import com.azure.storage.blob.BlobServiceClientBuilder;

                class NAME {
                    BlobServiceClient client() {
                        return new BlobServiceClientBuilder()
                                .endpoint("https://contoso.blob.core.windows.net")
                                .sasToken(System.getenv("SAS"))
                                .buildClient();
                    }
                }
                """.replace("NAME", name);
    }

    private static void tree(Path dir, boolean pom) throws IOException {
        Files.createDirectories(dir.resolve("src/main/java/demo"));
        if (pom) {
            Files.writeString(dir.resolve("pom.xml"), POM);
        }
        Files.writeString(dir.resolve("src/main/java/demo/A.java"), java("A"));
        Files.writeString(dir.resolve("src/main/java/demo/B.java"), java("B"));
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void theJavaFixesOfAModule_addAzureIdentityToItsPomOnce(@TempDir Path dir) throws IOException {
        tree(dir, true);
        String[] r = run("fix", dir.toString());
        assertThat(r[0]).isEqualTo("0");
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertThat(pom.split("<artifactId>azure-identity</artifactId>", -1)).hasSize(2);
        assertThat(pom).startsWith(POM.substring(0, POM.lastIndexOf("        </dependency>")));
        assertThat(r[1]).contains("+++ b/pom.xml", "# add com.azure:azure-identity to pom.xml (its version comes from"
                + " com.azure:azure-sdk-bom, imported in pom.xml)", "mi-scan: fixed 3 file(s); re-scan: 0 finding(s) left");
        assertThat(Files.readString(dir.resolve("src/main/java/demo/B.java"))).contains("DefaultAzureCredentialBuilder");
    }

    @Test
    void aDryRun_showsThePomEdit_andWritesNothing(@TempDir Path dir) throws IOException {
        tree(dir, true);
        String[] r = run("fix", "--dry-run", dir.toString());
        assertThat(Files.readString(dir.resolve("pom.xml"))).isEqualTo(POM);
        assertThat(r[1]).contains("+++ b/pom.xml", "dry run: 3 file(s) would change");
    }

    @Test
    void aPomWithUncommittedChanges_keepsItsJavaFixesOut(@TempDir Path dir) throws Exception {
        tree(dir, true);
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setSign(false).setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").call();
        }
        String edited = POM.replace("<modelVersion>", "<!-- local edit -->\n    <modelVersion>");
        Files.writeString(dir.resolve("pom.xml"), edited);

        String[] r = run("fix", dir.toString());

        assertThat(Files.readString(dir.resolve("pom.xml"))).isEqualTo(edited);
        assertThat(Files.readString(dir.resolve("src/main/java/demo/A.java"))).isEqualTo(java("A"));
        assertThat(r[2]).contains("pom.xml: not changed: it has uncommitted changes");
        assertThat(r[1]).containsPattern("not fixed automatically: src/main/java/demo/A.java:\\d+  MI-STORAGE-KEY-AUTH"
                + "  \\(its fix needs a change of pom.xml, and it has uncommitted changes");
        assertThat(r[0]).isEqualTo("1");
    }

    @Test
    void withoutABuildFile_theJavaFixIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        tree(dir, false);
        String[] r = run("fix", dir.toString());
        assertThat(Files.readString(dir.resolve("src/main/java/demo/A.java"))).isEqualTo(java("A"));
        assertThat(r[1]).contains("(the fix needs com.azure:azure-identity, and no pom.xml or Gradle build file");
        assertThat(r[0]).isEqualTo("1");
    }

    @Test
    void sarifFixes_carryThePomEdit_besideTheJavaFiles(@TempDir Path dir) throws IOException {
        tree(dir, true);
        Path sarif = dir.resolve("out.sarif");
        run("scan", dir.toString(), "--format", "sarif", "-o", sarif.toString());
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0).path("results");
        assertThat(results.size()).isEqualTo(2);
        for (JsonNode result : results) {
            JsonNode changes = result.path("fixes").path(0).path("artifactChanges");
            assertThat(changes.size()).isEqualTo(2);
            assertThat(changes.path(1).path("artifactLocation").path("uri").asText()).isEqualTo("pom.xml");
            assertThat(changes.path(1).path("replacements").path(0).path("insertedContent").path("text").asText())
                    .contains("<artifactId>azure-identity</artifactId>");
        }
        Path json = dir.resolve("out.json");
        run("scan", dir.toString(), "--format", "json", "-o", json.toString());
        JsonNode finding = new ObjectMapper().readTree(json.toFile()).path("findings").path(0);
        assertThat(finding.path("remediation").path("fixAlsoChanges").toString()).isEqualTo("[\"pom.xml\"]");
    }
}
