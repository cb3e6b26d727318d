package dev.miscan.rules.java;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java files that JavaParser cannot read, and files without a sink keyword. */
class JavaParsingTest {
    private static final String KEY = "AvIo5X60/587WOGFl7Il2dsaE3LwBI561qQJlJbTvS4RPmUpeLdcxMq+nqc+THcDP8uRqgH16jxAS803Jb2FEw==";
    private final Engine engine = new Engine(RuleRegistry.load());

    @Test
    void fileThatDoesNotParse_warnsOnceAndTheValueRulesStillRun() {
        String text = """
                package broken;

                class Broken {
                    void a() {
                        new BlobServiceClientBuilder().connectionString(
                            "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net")
                        int = ;
                    }
                }
                """.formatted(KEY);
        List<String> warnings = new ArrayList<>();
        List<Finding> findings = engine.scanFragment(new Fragment("src/Broken.java", text), w -> warnings.add(w.message()), Engine.Options.UNSUPPRESSED).findings();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("Java does not parse: line ").doesNotContain("\n").doesNotContain(KEY);
        assertThat(findings).extracting(f -> f.rule().id()).containsExactly("MI-STORAGE-CONNSTR");
    }

    @Test
    void newestLanguageFeatures_parse() {
        String text = """
                package modern;

                import com.azure.storage.common.StorageSharedKeyCredential;

                record Account(String name, String key) {
                    Object kind(Object o) {
                        return switch (o) {
                            case String s when s.isEmpty() -> "empty";
                            case Account(var n, var k) -> new StorageSharedKeyCredential(n, System.getenv("KEY"));
                            default -> "other";
                        };
                    }
                }
                """;
        List<String> warnings = new ArrayList<>();
        List<Finding> findings = engine.scanFragment(new Fragment("src/Account.java", text), w -> warnings.add(w.message()), Engine.Options.UNSUPPRESSED).findings();
        assertThat(warnings).isEmpty();
        assertThat(findings).extracting(f -> f.rule().id()).containsExactly("MI-STORAGE-KEY-AUTH");
    }

    @Test
    void sinkFindingReplacesTheValueFindingOfTheSameKey() {
        String text = """
                class A {
                    void a() {
                        new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(
                            "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net");
                    }
                }
                """.formatted(KEY);
        List<Finding> findings = engine.scanFragment(new Fragment("src/A.java", text), w -> { }, Engine.Options.UNSUPPRESSED).findings();
        assertThat(findings).extracting(f -> f.rule().id() + " " + f.detector())
                .containsExactly("MI-STORAGE-CONNSTR java");
        assertThat(findings.get(0).message()).contains("BlobServiceClientBuilder.connectionString").contains("line 3");
    }

    @Test
    void keyBasedAuthSnippet_showsTheSinkCode() {
        String text = """
                class A {
                    void a(com.azure.storage.blob.BlobServiceClientBuilder builder) {
                        builder.connectionString(System.getenv("AZURE_STORAGE_CONNECTION_STRING"));
                    }
                }
                """;
        List<Finding> findings = engine.scanFragment(new Fragment("src/A.java", text), w -> { }, Engine.Options.UNSUPPRESSED).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-STORAGE-KEY-AUTH");
            assertThat(f.snippet()).isEqualTo("builder.connectionString(System.getenv(\"AZURE_STORAGE_CONNECTION_STRING\"));");
            assertThat(f.message()).contains("environment variable AZURE_STORAGE_CONNECTION_STRING");
        });
    }
}
