package dev.miscan.cli;
// mi-scan:allow-file test data: a generated storage key

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan makes no network connection, ever: the command line runs in a child JVM whose every way out to the
 * network fails and is reported ({@link NetworkGuard}), over the samples (all file formats, SARIF output),
 * a directory with a credential, and a staged scan of a git repository. {@code .ci/run} also scans in a
 * network namespace without any interface ({@code unshare -n}).
 */
class NoNetworkTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Run guarded(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow", "-cp", System.getProperty("java.class.path"),
                NetworkGuard.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the guarded scan did not finish in 180 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String storageConnectionString() {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        return "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey="
                + Base64.getEncoder().encodeToString(key) + ";EndpointSuffix=core.windows.net";
    }

    @Test
    void scanningEverySampleToSarif_makesNoNetworkConnection() throws Exception {
        Path samples = CliRun.SAMPLES.toAbsolutePath().normalize();
        Path sarif = dir.resolve("samples.sarif");

        Run r = guarded(samples, "scan", ".", "--format", "sarif", "--output", sarif.toString(), "--fail-on", "none");

        assertThat(r.err()).as(r.toString()).doesNotContain(NetworkGuard.MARK);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(sarif)).contains("\"ruleId\"");
        if (Runtime.version().feature() < 24) {
            assertThat(r.err()).as("the security manager guard is on").contains(NetworkGuard.SECURITY_MANAGER_ON);
        }
    }

    @Test
    void stagedScanOfAGitRepository_makesNoNetworkConnection() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("README.md"), "demo\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("Ada", "ada@example.com").setCommitter("Ada", "ada@example.com")
                    .setSign(false).call();
            Files.writeString(repo.resolve("app.properties"), "storage=" + storageConnectionString() + "\n",
                    StandardCharsets.UTF_8);
            git.add().addFilepattern("app.properties").call();
        }

        Run staged = guarded(repo, "scan", "--staged");
        Run tree = guarded(repo, "scan", ".", "--format", "json");

        for (Run r : List.of(staged, tree)) {
            assertThat(r.err()).as(r.toString()).doesNotContain(NetworkGuard.MARK);
            assertThat(r.exitCode()).as("the key is found: " + r).isEqualTo(1);
            assertThat(r.out() + r.err()).contains("MI-STORAGE-CONNSTR");
        }
    }

    @Test
    void theGuardCatchesEveryWayOut() throws Exception {
        Run r = guarded(dir, "--probe");

        // a client socket (factory and security manager), an NIO channel and a name lookup (security manager)
        int expected = Runtime.version().feature() < 24 ? 3 : 1;
        assertThat(r.err().lines().filter(l -> l.startsWith(NetworkGuard.MARK)).count()).as(r.toString())
                .isGreaterThanOrEqualTo(expected);
    }
}
