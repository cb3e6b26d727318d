package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Integration test with the real pre-commit framework ({@code apt-get install pre-commit}; CI's .ci/run
 * installs it): a hook repository made of this project's {@code .pre-commit-hooks.yaml}, used by a project that
 * commits a storage key, in both variants:
 * <ul>
 *   <li>{@code script}: the hooks {@code mi-scan} and {@code mi-scan-full} run the repository's real launcher,
 *       whose first run "builds" the jar (a stand-in {@code mvn} on PATH copies a jar that starts this build) and
 *       says so in one line; no {@code mi-scan} is on PATH;</li>
 *   <li>{@code system}: {@code mi-scan-system} and {@code mi-scan-full-system} run the {@code mi-scan} found on
 *       PATH (a script that starts this build).</li>
 * </ul>
 */
class PreCommitFrameworkTest {
    private static final Path HOOKS_YAML = Path.of("..", ".pre-commit-hooks.yaml");
    private static final Path LAUNCHER = Path.of("..", "mi-scan");
    /** The advice line that names a command, and the command. */
    private static final Pattern BASELINE_ADVICE =
            Pattern.compile("Accept everything already in the repository: (.+) baseline create");

    @TempDir
    Path tmp;

    /** The staged hook: the key is blocked, with advice naming only commands that exist; allowed, it passes. */
    @ParameterizedTest(name = "{0} variant")
    @ValueSource(strings = {"script", "system"})
    void stagedHook_blocksAStorageKey_andTheSameCommitPassesOnceAllowed(String variant) throws Exception {
        Setup s = setUp(variant);
        Path project = s.project(s.stagedId());
        String connectionString = GitFixtures.connectionString();
        String key = key(connectionString);
        Files.writeString(project.resolve("local.settings.properties"), "storage=" + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(project, "add", "local.settings.properties"));

        GitFixtures.Result blocked = s.exec(project, "git", "commit", "-m", "add storage");

        assertThat(blocked.exitCode()).as(blocked.toString()).isNotZero();
        assertThat(blocked.output()).contains("Failed").contains("MI-STORAGE-CONNSTR").contains("commit blocked")
                .doesNotContain(key)
                // no whole-repository hook in this configuration: none is suggested
                .doesNotContain("pre-commit run");
        assertSuggestedCommandExists(blocked, variant);
        if (variant.equals("script")) {
            // one line, where the person waiting sees it: with no terminal, in the output pre-commit shows
            assertThat(countBuildLines(blocked.output())).as(blocked.toString()).isLessThanOrEqualTo(1);
            if (s.detached()) {
                assertThat(countBuildLines(blocked.output())).as(blocked.toString()).isEqualTo(1);
            }
        }

        Files.writeString(project.resolve("local.settings.properties"),
                "# mi-scan:allow MI-STORAGE-CONNSTR emulator-like throwaway account for tests\nstorage="
                        + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(project, "add", "local.settings.properties"));

        GitFixtures.Result allowed = s.exec(project, "git", "commit", "-m", "add storage (allowed)");

        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.output()).contains("Passed");
    }

    /**
     * {@code pre-commit run --all-files} passes a committed key with the staged hook alone (nothing is staged) and
     * fails with the whole-repository hook; the staged hook still blocks a staged key, and its advice points to the
     * whole-repository hook.
     */
    @ParameterizedTest(name = "{0} variant")
    @ValueSource(strings = {"script", "system"})
    void fullHook_failsRunAllFilesOnACommittedKey_andTheStagedHookStillBlocksAStagedOne(String variant)
            throws Exception {
        Setup s = setUp(variant);
        Path project = s.project(s.stagedId(), s.fullId());
        String committed = GitFixtures.connectionString();
        Files.createDirectories(project.resolve("config"));
        Files.writeString(project.resolve("config/app.properties"), "storage=" + committed + "\n");
        GitFixtures.check(GitFixtures.git(project, "add", "config/app.properties"));
        GitFixtures.check(s.exec(project, "git", "commit", "-q", "--no-verify", "-m", "a key, unchecked"));

        GitFixtures.Result all = s.exec(project, "pre-commit", "run", "--all-files");

        assertThat(all.exitCode()).as(all.toString()).isNotZero();
        assertThat(all.output()).doesNotContain(key(committed)).contains("config/app.properties")
                .contains("MI-STORAGE-CONNSTR");
        assertThat(statusOf(all.output(), "mi-scan (Azure")).as(all.toString()).isEqualTo("Passed");
        assertThat(statusOf(all.output(), "mi-scan, whole repository")).as(all.toString()).isEqualTo("Failed");

        String staged = GitFixtures.connectionString();
        Files.writeString(project.resolve("local.settings.properties"), "storage=" + staged + "\n");
        GitFixtures.check(GitFixtures.git(project, "add", "local.settings.properties"));

        GitFixtures.Result blocked = s.exec(project, "git", "commit", "-m", "add another key");

        assertThat(blocked.exitCode()).as(blocked.toString()).isNotZero();
        assertThat(blocked.output()).contains("commit blocked: 1 credential finding in the staged changes")
                .contains("Every finding in the repository: pre-commit run " + s.fullId() + " --all-files")
                .doesNotContain(key(committed)).doesNotContain(key(staged));
        assertThat(statusOf(blocked.output(), "mi-scan (Azure")).as(blocked.toString()).isEqualTo("Failed");
        assertSuggestedCommandExists(blocked, variant);
        assertThat(GitFixtures.git(project, "rev-list", "--count", "HEAD").output().strip()).isEqualTo("1");
    }

    /** A hook repository, the environment the hooks run in, and whether runs have no controlling terminal. */
    private record Setup(String variant, Path hookRepo, String rev, Map<String, String> env, boolean detached) {
        String stagedId() {
            return variant.equals("script") ? "mi-scan" : "mi-scan-system";
        }

        String fullId() {
            return variant.equals("script") ? "mi-scan-full" : "mi-scan-full-system";
        }

        /** A project whose .pre-commit-config.yaml uses these hooks, with pre-commit installed as its git hook. */
        Path project(String... hookIds) throws Exception {
            Path project = hookRepo.resolveSibling("project");
            GitFixtures.initRepo(project);
            StringBuilder config = new StringBuilder("repos:\n  - repo: " + hookRepo.toAbsolutePath() + "\n    rev: "
                    + rev + "\n    hooks:\n");
            for (String id : hookIds) {
                config.append("      - id: ").append(id).append('\n');
            }
            Files.writeString(project.resolve(".pre-commit-config.yaml"), config);
            GitFixtures.check(GitFixtures.git(project, "add", ".pre-commit-config.yaml"));
            GitFixtures.check(exec(project, "pre-commit", "install"));
            return project;
        }

        /**
         * Runs a command with the hooks' environment; without a controlling terminal when {@code setsid} is there,
         * so that the launcher's one line about building goes to the output pre-commit shows, as in CI.
         */
        GitFixtures.Result exec(Path dir, String... command) throws Exception {
            List<String> cmd = new ArrayList<>();
            if (detached) {
                cmd.addAll(List.of("setsid", "-w"));
            }
            cmd.addAll(List.of(command));
            return GitFixtures.exec(dir, env, cmd.toArray(new String[0]));
        }
    }

    private Setup setUp(String variant) throws Exception {
        Assumptions.assumeTrue(GitFixtures.onPath("git"), "git is not on PATH");
        Assumptions.assumeTrue(GitFixtures.onPath("pre-commit"),
                "the pre-commit tool is not installed (apt-get install pre-commit); .ci/run installs it");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Map<String, String> env = new HashMap<>();
        env.put("PRE_COMMIT_HOME", tmp.resolve("cache").toString());
        env.put("PATH", bin + java.io.File.pathSeparator + GitFixtures.pathWithout("mi-scan"));

        // The hook repository: our hook definitions, and what they run.
        Path hookRepo = tmp.resolve("mi-scan-hooks");
        GitFixtures.initRepo(hookRepo);
        Files.copy(HOOKS_YAML, hookRepo.resolve(".pre-commit-hooks.yaml"));
        if (variant.equals("script")) {
            // The real launcher; the build it runs on first use is a stand-in mvn that copies a ready jar.
            assertThat(Files.copy(LAUNCHER, hookRepo.resolve("mi-scan")).toFile().setExecutable(true)).isTrue();
            Files.writeString(hookRepo.resolve("pom.xml"), "<project/>\n");
            Path jar = GitFixtures.writeManifestJar(tmp.resolve("built/mi-scan.jar"));
            Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nmkdir -p cli/target && cp "
                    + InstallHookCommand.quote(jar.toString()) + " cli/target/mi-scan.jar\n");
            assertThat(mvn.toFile().setExecutable(true)).isTrue();
        } else {
            GitFixtures.writeLauncher(bin.resolve("mi-scan"));
        }
        GitFixtures.check(GitFixtures.git(hookRepo, "add", "."));
        GitFixtures.check(GitFixtures.git(hookRepo, "commit", "-q", "-m", "hooks"));
        String rev = GitFixtures.check(GitFixtures.git(hookRepo, "rev-parse", "HEAD")).output().strip();
        return new Setup(variant, hookRepo, rev, env, GitFixtures.onPath("setsid"));
    }

    /**
     * The advice names a command that can run where the hook ran: {@code mi-scan} when it is on PATH (the system
     * variant), else the launcher pre-commit runs, by a path that exists.
     */
    private static void assertSuggestedCommandExists(GitFixtures.Result blocked, String variant) {
        Matcher m = BASELINE_ADVICE.matcher(blocked.output());
        assertThat(m.find()).as(blocked.toString()).isTrue();
        String command = m.group(1);
        if (variant.equals("system")) {
            assertThat(command).isEqualTo("mi-scan");
        } else {
            String path = command.startsWith("'") ? command.substring(1, command.length() - 1) : command;
            assertThat(path).as(blocked.toString()).endsWith("/mi-scan").isNotEqualTo("mi-scan");
            assertThat(Path.of(path)).isExecutable();
        }
    }

    /** The launcher's line about building the jar, in pre-commit's output when no terminal took it. */
    private static long countBuildLines(String output) {
        return output.lines().filter(l -> l.startsWith("mi-scan: first run: building ")).count();
    }

    /** The status pre-commit printed for the hook whose name starts so: Passed, Failed, Skipped. */
    private static String statusOf(String output, String hookName) {
        return output.lines().filter(l -> l.startsWith(hookName)).findFirst()
                .map(l -> l.substring(l.lastIndexOf('.') + 1).strip()).orElse("(not run)");
    }

    private static String key(String connectionString) {
        return connectionString.substring(connectionString.indexOf("AccountKey=") + 11,
                connectionString.indexOf(";End"));
    }
}
