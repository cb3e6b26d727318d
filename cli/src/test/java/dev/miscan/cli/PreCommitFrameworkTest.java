package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration test with the real pre-commit framework ({@code apt-get install pre-commit}; CI's .ci/run
 * installs it): a hook repository made of this project's {@code .pre-commit-hooks.yaml} and a launcher
 * for this build, used by a project that commits a storage key. The key is blocked; the same commit with
 * {@code mi-scan:allow} passes.
 */
class PreCommitFrameworkTest {
    private static final Path HOOKS_YAML = Path.of("..", ".pre-commit-hooks.yaml");

    /** {@code mi-scan} runs the hook repository's script; {@code mi-scan-system} the mi-scan found on PATH. */
    @ParameterizedTest(name = "hook id {0}")
    @ValueSource(strings = {"mi-scan", "mi-scan-system"})
    void storageKeyIsBlocked_andTheSameCommitPassesOnceAllowed(String hookId, @TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(GitFixtures.onPath("git"), "git is not on PATH");
        Assumptions.assumeTrue(GitFixtures.onPath("pre-commit"),
                "the pre-commit tool is not installed (apt-get install pre-commit); .ci/run installs it");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        GitFixtures.writeLauncher(bin.resolve("mi-scan"));
        Map<String, String> env = Map.of("PRE_COMMIT_HOME", tmp.resolve("cache").toString(),
                "PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));

        // The hook repository: our hook definitions, and 'mi-scan' starting this build instead of building one.
        Path hookRepo = tmp.resolve("mi-scan-hooks");
        GitFixtures.initRepo(hookRepo);
        Files.copy(HOOKS_YAML, hookRepo.resolve(".pre-commit-hooks.yaml"));
        GitFixtures.writeLauncher(hookRepo.resolve("mi-scan"));
        GitFixtures.check(GitFixtures.git(hookRepo, "add", "."));
        GitFixtures.check(GitFixtures.git(hookRepo, "commit", "-q", "-m", "hooks"));
        String rev = GitFixtures.check(GitFixtures.git(hookRepo, "rev-parse", "HEAD")).output().strip();

        Path project = tmp.resolve("project");
        GitFixtures.initRepo(project);
        Files.writeString(project.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: %s
                """.formatted(hookRepo.toAbsolutePath(), rev, hookId));
        GitFixtures.check(GitFixtures.git(project, "add", ".pre-commit-config.yaml"));
        GitFixtures.check(GitFixtures.exec(project, env, "pre-commit", "install"));

        String connectionString = GitFixtures.connectionString();
        String key = connectionString.substring(connectionString.indexOf("AccountKey=") + 11, connectionString.indexOf(";End"));
        Files.writeString(project.resolve("local.settings.properties"), "storage=" + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(project, "add", "local.settings.properties"));

        GitFixtures.Result blocked = GitFixtures.exec(project, env, "git", "commit", "-m", "add storage");

        assertThat(blocked.exitCode()).as(blocked.toString()).isNotZero();
        assertThat(blocked.output()).contains("Failed").contains("MI-STORAGE-CONNSTR").contains("commit blocked")
                .doesNotContain(key);

        Files.writeString(project.resolve("local.settings.properties"),
                "# mi-scan:allow MI-STORAGE-CONNSTR emulator-like throwaway account for tests\nstorage="
                        + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(project, "add", "local.settings.properties"));

        GitFixtures.Result allowed = GitFixtures.exec(project, env, "git", "commit", "-m", "add storage (allowed)");

        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.output()).contains("Passed");
    }
}
