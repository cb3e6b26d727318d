package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.secrets.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forked scan hands back exactly what the scan in Maven's JVM gives (so that the de-duplication, the baseline, the
 * log and the reports are the same), and never a secret in the clear.
 */
class ForkedScanTest {
    @TempDir
    Path project;

    /** In the sources (and copied to the build output). */
    private String sourceKey;
    /** Only in the build output (resource filtering, say). */
    private String builtKey;

    @BeforeEach
    void tree() throws Exception {
        // generated, so the repository holds no key for its own self-scan to find
        sourceKey = randomKey();
        builtKey = randomKey();
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.createDirectories(project.resolve("target/classes"));
        Files.writeString(project.resolve("src/main/resources/application.properties"), properties(sourceKey));
        Files.writeString(project.resolve("target/classes/application.properties"), properties(sourceKey));
        Files.writeString(project.resolve("target/classes/application-prod.properties"), properties(builtKey));
        // not valid UTF-8: a warning, and text with a replacement character
        Files.write(project.resolve("Notes.java"), new byte[] {'c', 'l', 'a', 's', 's', ' ', 'N', ' ', '{', '}', ' ',
            '/', '/', ' ', (byte) 0xC3, '(', '\n'});
    }

    private static String randomKey() {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String properties(String key) {
        return "spring.application.name=orders\n"
                + "azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey="
                + key + ";EndpointSuffix=core.windows.net\n";
    }

    private ForkedScan.Request request() {
        return new ForkedScan.Request(project, null, FingerprintKey.DEFAULT, true, List.of("/target/"), List.of(),
                project.resolve("target/classes"), List.of(), false);
    }

    @Test
    void theChildHasOneCompilerThreadOnOneOrTwoProcessors() {
        assertThat(ForkedScan.jvmOptions(2)).contains("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
        assertThat(ForkedScan.jvmOptions(1)).contains("-XX:CICompilerCount=1");
        assertThat(ForkedScan.jvmOptions(8)).contains("-XX:TieredStopAtLevel=1")
                .noneMatch(o -> o.startsWith("-XX:CICompilerCount"));
    }

    @Test
    void theChildsOutcome_equalsTheScanInThisJvm_andTeachesTheRedactorItsSecrets() throws Exception {
        ForkedScan.Scans here;
        try (Redactor.Scope scope = Redactor.open()) {
            here = ForkedScan.scan(request());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path result = project.resolve("target/result");
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        ForkedScan.send(stdin, key, result, request(), List.of());

        assertThat(ForkedScan.child(new ByteArrayInputStream(stdin.toByteArray()))).isZero();

        byte[] boxed = Files.readAllBytes(result);
        assertThat(contains(boxed, sourceKey) || contains(boxed, builtKey)).as("a key in the result file").isFalse();
        Redactor build = Redactor.create();
        ForkedScan.Scans forked = ForkedScan.readOutcome(ForkedScan.unseal(key, boxed), build);

        assertThat(here.sources().findings()).hasSize(1);
        assertThat(here.sources().warnings()).hasSize(1);
        assertThat(here.output().findings()).hasSize(2);
        assertThat(same(forked.sources(), here.sources())).as("the source scans are equal").isTrue();
        assertThat(same(forked.output(), here.output())).as("the build output's scans are equal").isTrue();
        assertThat(forked.listed()).isEqualTo(here.listed());
        // the de-duplication of the build output gives the same on both
        BuildOutput.Merged a = BuildOutput.merge(here.sources(), here.output(), k -> null);
        BuildOutput.Merged b = BuildOutput.merge(forked.sources(), forked.output(), k -> null);
        assertThat(a.result().findings().equals(b.result().findings())).isTrue();
        assertThat(b.copies()).isEqualTo(1);
        assertThat(b.onlyInOutput()).hasSize(1);
        // the build's redactor now masks what the child found
        assertThat(build.size()).isEqualTo(2);
        assertThat(build.redact("x " + sourceKey + " " + builtKey).contains(sourceKey.substring(0, 20))
                || build.redact(builtKey).contains(builtKey.substring(0, 20))).isFalse();
    }

    @Test
    void theSecretsTheBuildKnows_reachTheChild_andComeBackWithItsOwn() throws Exception {
        Redactor build = Redactor.create();
        String earlier = randomKey(); // found by an earlier module
        build.add(earlier);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path result = project.resolve("target/result");
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        ForkedScan.send(stdin, key, result, request(), build.learned());

        assertThat(ForkedScan.child(new ByteArrayInputStream(stdin.toByteArray()))).isZero();
        ForkedScan.readOutcome(ForkedScan.unseal(key, Files.readAllBytes(result)), build);

        assertThat(build.size()).isEqualTo(3);
    }

    @Test
    void aResultFileChanged_orReadWithAnotherKey_isRejected() throws Exception {
        byte[] key = new byte[32];
        byte[] boxed = ForkedScan.seal(key, "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(ForkedScan.unseal(key, boxed), StandardCharsets.UTF_8)).isEqualTo("hello");
        boxed[boxed.length - 1] ^= 1;
        assertThatThrownBy(() -> ForkedScan.unseal(key, boxed)).hasMessageContaining("does not decrypt");
        byte[] other = key.clone();
        other[0] = 1;
        assertThatThrownBy(() -> ForkedScan.unseal(other, ForkedScan.seal(key, new byte[3])))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void aBadConfiguration_comesBackAsTheFailureTheScanHereGives() throws Exception {
        Files.writeString(project.resolve("bad.yml"), "failOn: [unclosed\n");
        ForkedScan.Request r = new ForkedScan.Request(project, project.resolve("bad.yml"), FingerprintKey.DEFAULT,
                false, List.of(), List.of(), null, List.of(), false);
        byte[] key = new byte[32];
        Path result = project.resolve("target/result");
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        ForkedScan.send(stdin, key, result, r, List.of());

        assertThat(ForkedScan.child(new ByteArrayInputStream(stdin.toByteArray()))).isZero();

        assertThatThrownBy(() -> ForkedScan.readOutcome(ForkedScan.unseal(key, Files.readAllBytes(result)),
                Redactor.create())).isInstanceOfSatisfying(ForkedScan.Failure.class, f -> {
                    assertThat(f.config()).isTrue();
                    assertThat(f.getMessage()).contains("bad.yml");
                });
    }

    /** The whole way: a JVM of its own, its exchange file deleted, nothing left in the build directory. */
    @Test
    void aRealChild_givesTheSameFindings_andLeavesNothingBehind() throws Exception {
        ForkedScan.Scans here;
        try (Redactor.Scope scope = Redactor.open()) {
            here = ForkedScan.scan(request());
        }
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Path work = Files.createDirectories(project.resolve("target/work"));
        Redactor build = Redactor.create();

        ForkedScan.Scans forked = ForkedScan.fork(request(), classPath, work, build);

        assertThat(same(forked.sources(), here.sources()) && same(forked.output(), here.output())).isTrue();
        assertThat(build.size()).isEqualTo(2);
        try (var left = Files.list(work)) {
            assertThat(left.count()).isZero();
        }
    }

    @Test
    void aChildThatCannotStart_isAnErrorNamingItsExitCode() throws Exception {
        Path work = Files.createDirectories(project.resolve("target/work"));
        assertThatThrownBy(() -> ForkedScan.fork(request(), List.of(project.resolve("nothing.jar")), work,
                Redactor.create())).hasMessageContaining("the forked scan ended with exit code 1");
        try (var left = Files.list(work)) {
            assertThat(left.count()).isZero();
        }
    }

    @Test
    void theSize_countsFilesUntilTheThreshold_withoutGitNestedModulesOrTheBuildDirectory() throws Exception {
        Path git = Files.createDirectories(project.resolve(".git"));
        Files.write(git.resolve("pack"), new byte[5000]);
        Path module = Files.createDirectories(project.resolve("module"));
        Files.write(module.resolve("big.txt"), new byte[5000]);
        Files.write(project.resolve("target/big.jar"), new byte[5000]);
        long sources = Files.size(project.resolve("src/main/resources/application.properties"))
                + Files.size(project.resolve("Notes.java"));
        List<Path> skip = List.of(module, project.resolve("target"));

        assertThat(ForkedScan.larger(project, skip, List.of(), sources)).isFalse();
        assertThat(ForkedScan.larger(project, skip, List.of(), sources - 1)).isTrue();
        assertThat(ForkedScan.larger(project, skip, List.of(project.resolve("target/big.jar")), sources + 4999))
                .isTrue();
    }

    @Test
    void theMode_isAutoAlwaysOrNever() {
        assertThat(ForkedScan.Mode.parse(null)).isEqualTo(ForkedScan.Mode.AUTO);
        assertThat(ForkedScan.Mode.parse(" Always ")).isEqualTo(ForkedScan.Mode.ALWAYS);
        assertThat(ForkedScan.Mode.parse("never")).isEqualTo(ForkedScan.Mode.NEVER);
        assertThatThrownBy(() -> ForkedScan.Mode.parse("sometimes"))
                .hasMessage("unknown fork 'sometimes': use auto, always or never");
    }

    private static boolean same(ScanResult a, ScanResult b) {
        return a.findings().equals(b.findings()) && a.suppressedFindings().equals(b.suppressedFindings())
                && a.warnings().equals(b.warnings()) && a.rules().equals(b.rules())
                && a.filesScanned() == b.filesScanned() && a.bytesScanned() == b.bytesScanned()
                && a.suppressed() == b.suppressed() && a.filesBinary() == b.filesBinary()
                && a.baseDir().equals(b.baseDir())
                && a.fingerprintKey().saltBase64().equals(b.fingerprintKey().saltBase64())
                && a.findings().stream().allMatch(f -> f.fingerprint() != null);
    }

    private static boolean contains(byte[] data, String text) {
        return contains(data, text.substring(0, 16).getBytes(StandardCharsets.US_ASCII))
                || contains(data, text.substring(0, 16).getBytes(StandardCharsets.UTF_16BE));
    }

    private static boolean contains(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (data[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
