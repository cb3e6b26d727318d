package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code mi-scan fix} processes (two JVMs) started at once on one tree that is not a git repository, many
 * rounds: every file ends untouched or exactly as a fix of the tree alone leaves it (never half-edited, never mixed),
 * no temporary file is left behind, and never do both runs change the same file. Half the rounds start the second run on a
 * folder inside the tree, from another working directory: the same files, reached under another base folder. Keys
 * are generated at run time; assertions are booleans.
 */
class FixConcurrencyTest {
    private static final int ROUNDS = 5;
    private static final int FILES = 16;

    /** Starts {@code mi-scan fix --force} on {@code target} in its own JVM (this build's classes), from {@code cwd}. */
    static Process startFix(Path cwd, Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.miscan.cli.Main", "fix", target.toString(),
                "--force");
        Path log = Files.createTempFile(cwd, "fix-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private static String javaFile(int i) {
        return "package demo;\n\n"
                + "import com.azure.storage.blob.BlobServiceClient;\n"
                + "import com.azure.storage.blob.BlobServiceClientBuilder;\n\n"
                + "class Store" + i + " {\n"
                + "    BlobServiceClient client() {\n"
                + "        return new BlobServiceClientBuilder()\n"
                + "                .connectionString(\"" + GitFixtures.connectionString() + "\")\n"
                + "                .buildClient();\n"
                + "    }\n"
                + "}\n";
    }

    private static String propertiesFile(int i) {
        return "app.name=orders-" + i + "\n"
                + "spring.cloud.azure.storage.blob.connection-string=" + GitFixtures.connectionString() + "\n"
                + "spring.cloud.azure.servicebus.connection-string=Endpoint=sb://orders-" + i
                + ".servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey="
                + GitFixtures.storageKey().substring(0, 43) + "=\n"
                + "server.port=808" + (i % 10) + "\n";
    }

    @Test
    void twoFixProcessesAtOnceLeaveEveryFileUntouchedOrExactlyFixed(@TempDir Path dir) throws Exception {
        Map<String, byte[]> original = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            original.put("src/main/java/demo/Store" + i + ".java", javaFile(i).getBytes(StandardCharsets.UTF_8));
            original.put("sub/config/app" + i + ".properties", propertiesFile(i).getBytes(StandardCharsets.UTF_8));
        }
        // what one fix alone makes of the tree
        Path alone = dir.resolve("alone");
        lay(alone, original);
        CliRun single = run("fix", alone.toString(), "--force");
        assertThat(single.exitCode()).as("a single fix exits 0").isZero();
        Map<String, byte[]> fixed = read(alone, original.keySet());
        for (String name : original.keySet()) {
            assertThat(Arrays.equals(fixed.get(name), original.get(name))).as("%s is changed by a fix", name).isFalse();
        }

        int bothChanged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path tree = dir.resolve("round" + round);
            lay(tree, original);
            boolean nested = round % 2 == 1;
            Path other = Files.createDirectories(dir.resolve("cwd" + round));
            Process a = startFix(dir, tree);
            Process b = nested ? startFix(other, tree.resolve("sub")) : startFix(other, tree);
            boolean finished = a.waitFor(240, TimeUnit.SECONDS) & b.waitFor(240, TimeUnit.SECONDS);
            if (!finished) {
                a.destroyForcibly();
                b.destroyForcibly();
            }
            assertThat(finished).as("round %s: both runs finished", round).isTrue();
            List<Integer> codes = List.of(a.exitValue(), b.exitValue());
            // 0: it fixed all there was; 3: the other run was changing the tree (nothing was written by this one)
            assertThat(codes).as("round %s: exit codes", round).allMatch(c -> c == 0 || c == 3).contains(0);

            Map<String, byte[]> now = read(tree, original.keySet());
            for (String name : original.keySet()) {
                byte[] text = now.get(name);
                assertThat(Arrays.equals(text, original.get(name)) || Arrays.equals(text, fixed.get(name)))
                        .as("round %s: %s untouched or exactly fixed", round, name).isTrue();
            }
            assertThat(temporaryFiles(tree)).as("round %s: temporary files left", round).isEmpty();
            // which files each run wrote (its diff's "+++ b/…" lines): a file may be changed by one run only. Two runs
            // that did not overlap in time may both change files (a run on sub/ first, then the tree's run fixing the
            // rest), never the same one
            Map<String, Integer> writers = new TreeMap<>();
            for (Path log : logs(dir, other)) {
                String out = Files.readString(log);
                if (out.matches("(?s).*mi-scan: fixed [1-9][0-9]* file\\(s\\).*")) {
                    out.lines().filter(l -> l.startsWith("+++ b/")).map(l -> l.substring(l.lastIndexOf('/') + 1))
                            .distinct().forEach(name -> writers.merge(name, 1, Integer::sum));
                }
                Files.delete(log);
            }
            if (writers.values().stream().anyMatch(n -> n > 1)) {
                bothChanged++;
            }
        }
        assertThat(bothChanged).as("rounds where both runs changed the same file").isZero();
    }

    private static void lay(Path root, Map<String, byte[]> files) throws IOException {
        for (var e : files.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        // the build of the Java files, which declares the azure-identity their fixes need (left as it is)
        Files.writeString(root.resolve("pom.xml"), "<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>demo</groupId>\n  <artifactId>demo</artifactId>\n  <version>1</version>\n"
                + "  <dependencies>\n    <dependency>\n      <groupId>com.azure</groupId>\n"
                + "      <artifactId>azure-identity</artifactId>\n      <version>1.18.4</version>\n"
                + "    </dependency>\n  </dependencies>\n</project>\n");
    }

    private static Map<String, byte[]> read(Path root, Iterable<String> names) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String name : names) {
            out.put(name, Files.readAllBytes(root.resolve(name)));
        }
        return out;
    }

    private static List<Path> temporaryFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".mi-scan-")).toList();
        }
    }

    private static List<Path> logs(Path... dirs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().startsWith("fix-")).forEach(out::add);
            }
        }
        return out;
    }
}
