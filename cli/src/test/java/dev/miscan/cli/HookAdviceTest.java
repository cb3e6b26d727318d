package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commands a blocked commit's advice names: only those that run where the hook ran. */
class HookAdviceTest {
    @TempDir
    Path tmp;

    private Path executable(String dir, String name) throws Exception {
        Path file = Files.createDirectories(tmp.resolve(dir)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    @Test
    void miScanOnPath_isNamedAsItIs() throws Exception {
        executable("bin", "mi-scan");
        Path launcher = executable("clone", "mi-scan");

        HookAdvice.Context c = HookAdvice.Context.detect(Map.of("PATH", tmp.resolve("bin").toString(),
                "MI_SCAN_LAUNCHER", launcher.toString()), tmp, null, Path.of("/jdk/bin/java"));

        assertThat(c.miScan()).isEqualTo("mi-scan");
    }

    @Test
    void withoutMiScanOnPath_theLauncherThatRuns_elseTheJar_elseNothing() throws Exception {
        Path launcher = executable("the clone", "mi-scan");
        Path jar = Files.writeString(tmp.resolve("mi-scan.jar"), "");
        Path javaDir = executable("jdk/bin", "java").getParent();
        String emptyPath = tmp.resolve("nothing-here").toString();

        assertThat(HookAdvice.Context.detect(Map.of("PATH", emptyPath, "MI_SCAN_LAUNCHER", launcher.toString()), tmp,
                jar, Path.of("/jdk/bin/java")).miScan()).isEqualTo("'" + launcher + "'");
        assertThat(HookAdvice.Context.detect(Map.of("PATH", emptyPath + File.pathSeparator + javaDir,
                "MI_SCAN_LAUNCHER", tmp.resolve("gone/mi-scan").toString()), tmp, jar, Path.of("/jdk/bin/java")).miScan())
                .isEqualTo("java -jar " + jar);
        assertThat(HookAdvice.Context.detect(Map.of("PATH", emptyPath), tmp, jar, Path.of("/opt/jdk 17/bin/java"))
                .miScan()).isEqualTo("'/opt/jdk 17/bin/java' -jar " + jar);
        assertThat(HookAdvice.Context.detect(Map.of("PATH", emptyPath), tmp, tmp.resolve("deleted.jar"),
                Path.of("/jdk/bin/java")).miScan()).isNull();
    }

    @Test
    void wholeRepositoryHook_isNamedInThePreCommitFrameworkWhenConfigured() throws Exception {
        Files.writeString(tmp.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: ../mi-scan-hooks
                    rev: v1
                    hooks:
                      - id: mi-scan
                      - id: mi-scan-full-system
                        stages: [manual]
                """);

        assertThat(HookAdvice.Context.detect(Map.of("PRE_COMMIT", "1"), tmp, null, Path.of("java")).fullHook())
                .isEqualTo("mi-scan-full-system");
        assertThat(HookAdvice.Context.detect(Map.of(), tmp, null, Path.of("java")).fullHook())
                .as("not run by pre-commit").isNull();

        Files.writeString(tmp.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: x\n    hooks:\n      - id: mi-scan\n");
        assertThat(HookAdvice.Context.detect(Map.of("PRE_COMMIT", "1"), tmp, null, Path.of("java")).fullHook())
                .as("not configured").isNull();
    }
}
