package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mi-scan install-hook}, and the hook it writes stopping a real {@code git commit}. */
class InstallHookTest {
    @TempDir
    Path repo;

    @BeforeEach
    void init() throws Exception {
        Assumptions.assumeTrue(GitFixtures.onPath("git"), "the git executable is not on PATH");
        GitFixtures.initRepo(repo);
    }

    private Path hook() {
        return repo.resolve(".git/hooks/pre-commit");
    }

    @Test
    void hookBlocksARealCommitWithAStorageKey_andLetsItThroughOnceAllowed() throws Exception {
        CliRun install = run("install-hook", repo.toString());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(hook()).isExecutable();
        assertThat(Files.readString(hook())).startsWith("#!/bin/sh\n" + InstallHookCommand.MARKER)
                .contains(" scan --staged").contains("-XX:TieredStopAtLevel=1");

        String connectionString = GitFixtures.connectionString();
        String key = connectionString.substring(connectionString.indexOf("AccountKey=") + 11, connectionString.indexOf(";End"));
        Files.writeString(repo.resolve("app.properties"), "name=app\nstorage=" + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(repo, "add", "app.properties"));

        GitFixtures.Result blocked = GitFixtures.git(repo, "commit", "-m", "add storage");

        assertThat(blocked.exitCode()).as(blocked.toString()).isNotZero();
        assertThat(blocked.output()).contains("MI-STORAGE-CONNSTR").contains("commit blocked")
                .contains("mi-scan:allow MI-STORAGE-CONNSTR").doesNotContain(key);
        assertThat(GitFixtures.git(repo, "rev-parse", "--verify", "-q", "HEAD").exitCode()).as("no commit was made")
                .isNotZero();

        Files.writeString(repo.resolve("app.properties"), "name=app\n"
                + "# mi-scan:allow MI-STORAGE-CONNSTR throwaway account for the demo\nstorage=" + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(repo, "add", "app.properties"));

        GitFixtures.Result allowed = GitFixtures.git(repo, "commit", "-m", "add storage (allowed)");

        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    }

    @Test
    void foreignHook_isKeptUnlessForced_thenBackedUp() throws Exception {
        Files.createDirectories(hook().getParent());
        Files.writeString(hook(), "#!/bin/sh\necho lint\n");

        CliRun refused = run("install-hook", repo.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("exists and was not written by mi-scan").contains("--force")
                .contains(" scan --staged || exit 1");
        assertThat(Files.readString(hook())).isEqualTo("#!/bin/sh\necho lint\n");

        CliRun forced = run("install-hook", "--force", repo.toString());

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(hook())).contains(InstallHookCommand.MARKER);
        assertThat(repo.resolve(".git/hooks/pre-commit.mi-scan-backup")).hasContent("#!/bin/sh\necho lint");
    }

    @Test
    void reinstalling_replacesOurOwnHookWithoutForce_andCommandCanBeChosen() throws Exception {
        assertThat(run("install-hook", repo.toString()).exitCode()).isZero();

        CliRun again = run("install-hook", "--command", "mi-scan", repo.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Files.readString(hook())).endsWith("exec mi-scan scan --staged\n");
        assertThat(repo.resolve(".git/hooks/pre-commit.mi-scan-backup")).doesNotExist();
    }

    @Test
    void hooksPathConfiguration_isHonoured() throws Exception {
        GitFixtures.check(GitFixtures.git(repo, "config", "core.hooksPath", ".githooks"));

        assertThat(run("install-hook", repo.toString()).exitCode()).isZero();

        assertThat(repo.resolve(".githooks/pre-commit")).exists();
    }

    @Test
    void hookForAJar_usesAClassDataSharingArchive_writtenAtomically(@TempDir Path tmp) throws Exception {
        String script = new InstallHookCommand().script(repo, Path.of("/opt/mi scan/mi-scan.jar"));

        assertThat(script).contains("    JAR='/opt/mi scan/mi-scan.jar'\n")
                .contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CompileThresholdScaling=3 -Xlog:cds=off -Xlog:cds+dynamic=off")
                .contains("\"-XX:SharedArchiveFile=$CDS\"").contains("\"-XX:ArchiveClassesAtExit=$TMP\"")
                .contains("mv -f \"$TMP\" \"$CDS\"").contains("CDS=$GIT_DIR_ABS/mi-scan.jsa")
                .doesNotContain(repo.toString());
        Path file = Files.writeString(tmp.resolve("pre-commit"), script);
        GitFixtures.check(GitFixtures.exec(tmp, java.util.Map.of(), "sh", "-n", file.toString()));
    }

    @Test
    void jarInsideTheRepository_isRecordedRelativeToIt() {
        String script = new InstallHookCommand().script(repo, repo.resolve("cli/target/mi-scan.jar"));

        assertThat(script).contains("    JAR=\"$(git rev-parse --show-toplevel)\"/'cli/target/mi-scan.jar'\n")
                .doesNotContain(repo.toString());
    }

    /**
     * The hook finds a jar inside the repository relative to it (moving the clone keeps it working); once the jar
     * is gone ('mvn clean') it says in one line how to repair or bypass it, and MI_SCAN_JAR repairs it.
     */
    @Test
    void hookSurvivesMovingTheClone_andSaysHowToRepairItOnceTheJarIsGone(@TempDir Path tmp) throws Exception {
        Path clone = tmp.resolve("clone");
        GitFixtures.initRepo(clone);
        Path jar = GitFixtures.writeManifestJar(clone.resolve("cli/target/mi-scan.jar"));
        CliRun install = run("install-hook", "--jar", jar.toString(), clone.toString());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        Path moved = Files.move(clone, tmp.resolve("moved"));
        String connectionString = GitFixtures.connectionString();
        String key = connectionString.substring(connectionString.indexOf("AccountKey=") + 11, connectionString.indexOf(";End"));
        Files.writeString(moved.resolve("app.properties"), "storage=" + connectionString + "\n");
        GitFixtures.check(GitFixtures.git(moved, "add", "app.properties"));
        // no mi-scan on PATH to fall back on
        java.util.Map<String, String> env = java.util.Map.of("PATH", GitFixtures.pathWithout("mi-scan"));

        GitFixtures.Result blocked = GitFixtures.exec(moved, env, "git", "commit", "-m", "add storage");

        assertThat(blocked.exitCode()).as(blocked.toString()).isNotZero();
        assertThat(blocked.output()).contains("MI-STORAGE-CONNSTR").contains("commit blocked").doesNotContain(key);

        Files.delete(moved.resolve("cli/target/mi-scan.jar"));
        GitFixtures.Result broken = GitFixtures.exec(moved, env, "git", "commit", "-m", "add storage");

        assertThat(broken.exitCode()).as(broken.toString()).isNotZero();
        assertThat(broken.output().strip().lines()).as(broken.toString()).singleElement().satisfies(line ->
                assertThat(line).contains("finds no mi-scan jar at " + moved.resolve("cli/target/mi-scan.jar"))
                        .contains("repair: run 'mi-scan install-hook'").contains("MI_SCAN_JAR")
                        .contains("bypass once: git commit --no-verify"));
        assertThat(broken.output()).doesNotContain("Unable to access jarfile");
        assertThat(GitFixtures.git(moved, "rev-parse", "--verify", "-q", "HEAD").exitCode()).as("no commit was made")
                .isNotZero();

        Path elsewhere = GitFixtures.writeManifestJar(tmp.resolve("opt/mi-scan.jar"));
        java.util.Map<String, String> repaired = new java.util.HashMap<>(env);
        repaired.put("MI_SCAN_JAR", elsewhere.toString());
        GitFixtures.Result blockedAgain = GitFixtures.exec(moved, repaired, "git", "commit", "-m", "add storage");

        assertThat(blockedAgain.exitCode()).as(blockedAgain.toString()).isNotZero();
        assertThat(blockedAgain.output()).contains("commit blocked").doesNotContain(key);
    }

    @Test
    void missingJarOption_isAUsageError(@TempDir Path tmp) {
        CliRun r = run("install-hook", "--jar", tmp.resolve("none.jar").toString(), repo.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--jar").contains("no such file");
        assertThat(hook()).doesNotExist();
    }

    @Test
    void outsideARepository_isAUsageError(@TempDir Path plain) {
        CliRun r = run("install-hook", plain.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not in a git repository");
    }
}
