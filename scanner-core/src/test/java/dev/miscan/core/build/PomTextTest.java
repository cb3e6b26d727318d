package dev.miscan.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.engine.Fixes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PomTextTest {
    private static String add(String pom, String bom) {
        PomText text = PomText.of(pom).orElseThrow();
        return Fixes.apply(pom, List.of(text.addDependency("com.azure", bom == null ? "azure-identity" : "azure-sdk-bom",
                bom)));
    }

    @Test
    void tagsInCommentsCdataAndAttributes_areNotElements() {
        String pom = "<project a=\"x>y\">\n  <!-- <dependencies> -->\n  <name><![CDATA[<dependencies>]]></name>\n</project>\n";
        PomText text = PomText.of(pom).orElseThrow();
        assertThat(text.project().children).extracting(e -> e.name).containsExactly("name");
    }

    @Test
    void tagsThatDoNotNest_areNotAStructure() {
        assertThat(PomText.of("<project><a></b></project>")).isEmpty();
        assertThat(PomText.of("<project>")).isEmpty();
    }

    @Test
    void dependenciesInProfilesOrPlugins_areNotTheProjects() {
        String pom = """
                <project>
                    <build>
                        <plugins>
                            <plugin>
                                <dependencies>
                                </dependencies>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """;
        assertThat(add(pom, null)).isEqualTo("""
                <project>
                    <dependencies>
                        <dependency>
                            <groupId>com.azure</groupId>
                            <artifactId>azure-identity</artifactId>
                        </dependency>
                    </dependencies>
                    <build>
                        <plugins>
                            <plugin>
                                <dependencies>
                                </dependencies>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """);
    }

    @Test
    void aBomImport_goesIntoAnExistingManagementSection() {
        String pom = """
                <project>
                  <dependencyManagement>
                    <dependencies>
                    </dependencies>
                  </dependencyManagement>
                </project>
                """;
        assertThat(add(pom, "1.3.8")).isEqualTo("""
                <project>
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
                </project>
                """);
    }

    @Test
    void aProjectWithoutChildrenOnTheirOwnLines_stillGetsWellFormedXml() {
        String out = add("<project><modelVersion>4.0.0</modelVersion></project>", null);
        assertThat(PomText.of(out)).isPresent();
        assertThat(out).contains("<artifactId>azure-identity</artifactId>");
    }
}
