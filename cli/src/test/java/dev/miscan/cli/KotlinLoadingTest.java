package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kotlin compiler (tens of megabytes of classes in the CLI jar) is loaded only by a scan that meets a Kotlin
 * source: a scan of a Java-only tree, in a child JVM that logs every class it loads, loads none of it (so its
 * start-up is what it was without Kotlin support); the same scan with one {@code .kt} file does, and finds the
 * Kotlin file's finding.
 */
class KotlinLoadingTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> loaded) {
    }

    private Run scan(Path tree) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + tree.getFileName() + ".txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:off", "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "dev.miscan.cli.Main", "scan", tree.toString(),
                "--fail-on", "warning", "--format", "json", "--output", dir.resolve("report-" + tree.getFileName() + ".json").toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the scan did not finish in 180 s");
        }
        return new Run(p.exitValue(), Files.readAllLines(log));
    }

    private static long kotlinClasses(Run r) {
        return r.loaded().stream().filter(l -> l.contains(" org.jetbrains.kotlin.") || l.contains(" kotlin.")
                || l.contains(" dev.miscan.kotlin.KotlinPsi")).count();
    }

    @Test
    void aJavaOnlyTree_loadsNoKotlinClass_andATreeWithKotlinDoes() throws Exception {
        Path java = Files.createDirectories(dir.resolve("java-only/src/main/java/app"));
        Files.writeString(java.resolve("App.java"), """
                package app;
                class App {
                    String greeting = "hello";
                }
                """);
        Path kotlin = Files.createDirectories(dir.resolve("with-kotlin/src/main/kotlin/app"));
        Files.writeString(kotlin.resolve("App.kt"), """
                package app
                import com.azure.storage.blob.BlobServiceClientBuilder
                class App {
                    fun client() = BlobServiceClientBuilder().connectionString(System.getenv("STORAGE")).buildClient()
                }
                """);

        Run javaOnly = scan(dir.resolve("java-only"));
        Run withKotlin = scan(dir.resolve("with-kotlin"));

        assertThat(javaOnly.exitCode()).isZero();
        assertThat(javaOnly.loaded().stream().anyMatch(l -> l.contains(" dev.miscan.cli.Main "))).isTrue();
        assertThat(kotlinClasses(javaOnly)).as("Kotlin classes loaded by a Java-only scan").isZero();
        assertThat(withKotlin.exitCode()).as("the key-based auth warning fails the scan").isEqualTo(1);
        assertThat(kotlinClasses(withKotlin)).as("Kotlin classes loaded by a scan of a Kotlin file").isPositive();
        assertThat(Files.readString(dir.resolve("report-with-kotlin.json"))).contains("MI-STORAGE-KEY-AUTH")
                .contains("App.kt");
    }
}
