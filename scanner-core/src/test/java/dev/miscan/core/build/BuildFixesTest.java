package dev.miscan.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Fix;
import dev.miscan.core.engine.Fixes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFixesTest {
    private static final String IDENTITY = "com.azure:azure-identity";
    private static final String JAVA = "src/main/java/demo/App.java";

    @TempDir
    Path tree;

    private void write(String path, String text) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BuildFixes.Decision decide(String javaPath) throws IOException {
        write(javaPath, "package demo;\nclass App {}\n");
        return new BuildFixes(tree).decide(javaPath, IDENTITY);
    }

    /** The text of the changed build file after the decision's edits. */
    private String after(BuildFixes.Decision d) throws IOException {
        assertThat(d).isInstanceOf(BuildFixes.Change.class);
        Fix.FileChange c = ((BuildFixes.Change) d).change();
        return Fixes.apply(Files.readString(tree.resolve(c.path())), c.edits());
    }

    private static String pom(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>app</artifactId>
                  <version>1.0</version>
                """ + body + "</project>\n";
    }

    @Test
    void bomImported_addsTheDependencyWithoutAVersion_keepingCommentsAndIndentation() throws IOException {
        write("pom.xml", pom("""
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
                    <!-- storage -->
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-storage-blob</artifactId>
                    </dependency>
                  </dependencies>
                """));
        String after = after(decide(JAVA));
        assertThat(after).isEqualTo(pom("""
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
                    <!-- storage -->
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-storage-blob</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-identity</artifactId>
                    </dependency>
                  </dependencies>
                """));
    }

    @Test
    void springCloudAzureBom_addsTheDependencyWithoutAVersion() throws IOException {
        write("pom.xml", pom("""
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>com.azure.spring</groupId>
                        <artifactId>spring-cloud-azure-dependencies</artifactId>
                        <version>5.19.0</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                """));
        BuildFixes.Decision d = decide(JAVA);
        assertThat(((BuildFixes.Change) d).change().description()).contains("spring-cloud-azure-dependencies");
        // no <dependencies> yet: created after the management section
        assertThat(after(d)).contains("""
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-identity</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """);
    }

    @Test
    void starterWithoutBom_bringsAzureIdentity_nothingToChange() throws IOException {
        write("pom.xml", pom("""
                  <dependencies>
                    <dependency>
                      <groupId>com.azure.spring</groupId>
                      <artifactId>spring-cloud-azure-starter-storage-blob</artifactId>
                      <version>5.19.0</version>
                    </dependency>
                  </dependencies>
                """));
        assertThat(decide(JAVA)).isInstanceOf(BuildFixes.Ready.class);
    }

    @Test
    void declaredInTheParentsDependencies_nothingToChange() throws IOException {
        write("pom.xml", pom("""
                  <packaging>pom</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-identity</artifactId>
                      <version>1.18.4</version>
                    </dependency>
                  </dependencies>
                """).replace("<artifactId>app</artifactId>", "<artifactId>parent</artifactId>"));
        write("app/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>demo</groupId>
                    <artifactId>parent</artifactId>
                    <version>1.0</version>
                  </parent>
                  <artifactId>app</artifactId>
                </project>
                """);
        BuildFixes.Decision d = decide("app/" + JAVA);
        assertThat(d).isInstanceOf(BuildFixes.Ready.class);
        assertThat(((BuildFixes.Ready) d).why()).contains("declared in pom.xml");
    }

    @Test
    void bomImportedByAParentAtARelativePath_withAPropertyVersion_addsToTheModule() throws IOException {
        write("build/parent/pom.xml", pom("""
                  <packaging>pom</packaging>
                  <properties>
                    <sdk.version>1.3.8</sdk.version>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>com.azure</groupId>
                        <artifactId>azure-sdk-bom</artifactId>
                        <version>${sdk.version}</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                """).replace("<artifactId>app</artifactId>", "<artifactId>parent</artifactId>"));
        write("app/pom.xml", """
                <project>
                \t<modelVersion>4.0.0</modelVersion>
                \t<parent>
                \t\t<groupId>demo</groupId>
                \t\t<artifactId>parent</artifactId>
                \t\t<version>1.0</version>
                \t\t<relativePath>../build/parent</relativePath>
                \t</parent>
                \t<artifactId>app</artifactId>
                \t<dependencies/>
                </project>
                """);
        BuildFixes.Decision d = decide("app/" + JAVA);
        assertThat(((BuildFixes.Change) d).change().path()).isEqualTo("app/pom.xml");
        assertThat(after(d)).contains("""
                \t<dependencies>
                \t\t<dependency>
                \t\t\t<groupId>com.azure</groupId>
                \t\t\t<artifactId>azure-identity</artifactId>
                \t\t</dependency>
                \t</dependencies>
                </project>
                """);
    }

    @Test
    void noBom_importsTheBomOfTheProjectsAzureCore_resolvedFromProperties() throws IOException {
        write("pom.xml", pom("""

                  <properties>
                    <azure.version>1.54.1</azure.version>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-core</artifactId>
                      <version>${azure.version}</version>
                    </dependency>
                  </dependencies>

                  <build>
                  </build>
                """));
        String after = after(decide(JAVA));
        assertThat(after).isEqualTo(pom("""

                  <properties>
                    <azure.version>1.54.1</azure.version>
                  </properties>

                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>com.azure</groupId>
                        <artifactId>azure-sdk-bom</artifactId>
                        <version>1.2.30</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>

                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-core</artifactId>
                      <version>${azure.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-identity</artifactId>
                    </dependency>
                  </dependencies>

                  <build>
                  </build>
                """));
    }

    @Test
    void noBomNoAzureCore_theClientVersionsChooseTheBom() throws IOException {
        write("pom.xml", pom("""
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-storage-blob</artifactId>
                      <version>12.29.0</version>
                    </dependency>
                  </dependencies>
                """));
        assertThat(after(decide(JAVA))).contains("<version>1.2.30</version>");
    }

    @Test
    void anAzureCoreNoKnownBomManages_isRefusedWithTheVersion() throws IOException {
        write("pom.xml", pom("""
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-core</artifactId>
                      <version>1.55.0</version>
                    </dependency>
                  </dependencies>
                """));
        BuildFixes.Decision d = decide(JAVA);
        assertThat(d).isInstanceOf(BuildFixes.Refused.class);
        assertThat(((BuildFixes.Refused) d).reason()).contains("azure-core 1.55.0 (pom.xml)");
    }

    @Test
    void aVersionFromAnUndefinedProperty_isRefused() throws IOException {
        write("pom.xml", pom("""
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-core</artifactId>
                      <version>${azure.version}</version>
                    </dependency>
                  </dependencies>
                """));
        BuildFixes.Decision d = decide(JAVA);
        assertThat(((BuildFixes.Refused) d).reason()).contains("${azure.version}, which no POM in the tree defines");
    }

    @Test
    void noAzureVersionAtAll_isRefused() throws IOException {
        write("pom.xml", pom(""));
        assertThat(((BuildFixes.Refused) decide(JAVA)).reason()).contains("names no version of azure-core");
    }

    @Test
    void aPomThatDoesNotParse_isRefusedWithItsLine() throws IOException {
        write("pom.xml", "<project>\n  <dependencies>\n    <dependency>\n</project>\n");
        assertThat(((BuildFixes.Refused) decide(JAVA)).reason()).contains("pom.xml does not parse as a POM (line");
    }

    @Test
    void noBuildFile_isRefused() throws IOException {
        assertThat(((BuildFixes.Refused) decide(JAVA)).reason()).contains("no pom.xml or Gradle build file");
    }

    @Test
    void aParentOutsideTheTree_isNotRead() throws IOException {
        write("pom.xml", pom("""
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>3.5.7</version>
                    <relativePath/>
                  </parent>
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-core</artifactId>
                      <version>1.58.1</version>
                    </dependency>
                  </dependencies>
                """));
        assertThat(after(decide(JAVA))).contains("<version>1.3.8</version>");
    }

    @Test
    void gradleGroovy_isRefusedWithTheLinesToAdd_inItsSyntax() throws IOException {
        write("build.gradle", "dependencies {\n    implementation 'com.azure:azure-core:1.54.1'\n}\n");
        assertThat(((BuildFixes.Refused) decide(JAVA)).reason()).contains(
                "add implementation platform('com.azure:azure-sdk-bom:1.2.30') and implementation"
                        + " 'com.azure:azure-identity' to its dependencies");
    }

    @Test
    void gradleKotlin_withoutKnownVersions_namesTheNewestBom() throws IOException {
        write("build.gradle.kts", "dependencies {\n    implementation(\"com.azure:azure-storage-blob:12.99.0\")\n}\n");
        assertThat(((BuildFixes.Refused) decide(JAVA)).reason()).contains(
                "add implementation(platform(\"com.azure:azure-sdk-bom:1.3.8\")) and"
                        + " implementation(\"com.azure:azure-identity\")", "the newest azure-sdk-bom mi-scan knows");
    }

    @Test
    void gradleDeclaringIt_inTheRootBuildOrAVersionCatalogue_needsNothing() throws IOException {
        write("build.gradle", "subprojects {\n  dependencies {\n    implementation 'com.azure:azure-identity:1.18.4'\n  }\n}\n");
        write("app/build.gradle", "plugins { id 'java' }\n");
        assertThat(decide("app/" + JAVA)).isInstanceOf(BuildFixes.Ready.class);

        write("lib/build.gradle.kts", "dependencies {\n    implementation(libs.azure.identity)\n}\n");
        write("lib/gradle/libs.versions.toml", "[libraries]\nazure-identity = { module = \"com.azure:azure-identity\" }\n");
        assertThat(decide("lib/" + JAVA)).isInstanceOf(BuildFixes.Ready.class);
    }

    @Test
    void declaredForTheTestsOnly_isRefusedForMainCode_andEnoughForTestCode() throws IOException {
        write("pom.xml", pom("""
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-identity</artifactId>
                      <version>1.18.4</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                """));
        assertThat(((BuildFixes.Refused) decide(JAVA)).reason()).contains("declares it for the tests only");
        assertThat(decide("src/test/java/demo/AppTest.java")).isInstanceOf(BuildFixes.Ready.class);
    }

    @Test
    void severalJavaFilesOfOneModule_getTheSameEdit() throws IOException {
        write("pom.xml", pom("""
                  <dependencies>
                    <dependency>
                      <groupId>com.azure</groupId>
                      <artifactId>azure-core</artifactId>
                      <version>1.58.1</version>
                    </dependency>
                  </dependencies>
                """));
        write("src/main/java/demo/B.java", "package demo;\nclass B {}\n");
        BuildFixes builds = new BuildFixes(tree);
        BuildFixes.Decision a = builds.decide(JAVA, IDENTITY);
        BuildFixes.Decision b = builds.decide("src/main/java/demo/B.java", IDENTITY);
        assertThat(a).isEqualTo(b);
        // applied together, identical edits are applied once
        Fix.FileChange c = ((BuildFixes.Change) a).change();
        java.util.List<Fix.Edit> both = new java.util.ArrayList<>(c.edits());
        both.addAll(((BuildFixes.Change) b).change().edits());
        String once = Fixes.apply(Files.readString(tree.resolve("pom.xml")), both);
        assertThat(once.split("<artifactId>azure-identity</artifactId>", -1)).hasSize(2);
    }
}
