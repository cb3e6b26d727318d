package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static dev.miscan.cli.GitFixtures.check;
import static dev.miscan.cli.GitFixtures.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against fixing over uncommitted changes fails closed: when git's view of a file cannot be read (a
 * SHA-256 repository, a split or corrupt index), {@code fix} leaves the file alone and says why, unless
 * {@code --force}. Real git makes each repository; asserts are on booleans, so that a failure prints no key.
 */
class FixGitGuardTest {
    private static final String SETTING = "spring.cloud.azure.storage.blob.connection-string=";

    /** A repository with a committed settings file, then a key added to it (an uncommitted change). */
    private static Path repository(Path dir, String... initArgs) throws Exception {
        assumeTrue(GitFixtures.onPath("git"), "git is needed");
        Files.createDirectories(dir);
        String[] withBranch = new String[initArgs.length + 4];
        System.arraycopy(new String[] {"init", "-q", "-b", "main"}, 0, withBranch, 0, 4);
        System.arraycopy(initArgs, 0, withBranch, 4, initArgs.length);
        GitFixtures.Result r = git(dir, withBranch);
        assumeTrue(r.exitCode() == 0, "this git cannot make such a repository");
        Path settings = dir.resolve("application.properties");
        Files.writeString(settings, "spring.application.name=orders\n", StandardCharsets.UTF_8);
        check(git(dir, "add", "-A"));
        check(git(dir, "commit", "-q", "-m", "settings"));
        Files.writeString(settings, "spring.application.name=orders\n" + SETTING + GitFixtures.connectionString() + "\n",
                StandardCharsets.UTF_8);
        return settings;
    }

    private static void assertRefused(Path settings, CliRun fix) throws IOException {
        assertThat(Files.readString(settings).contains("AccountKey=")).as("the key is left for a person").isTrue();
        assertThat(fix.err()).contains("application.properties: its git status cannot be read")
                .contains("use --force to fix it anyway");
        assertThat(fix.exitCode()).isNotEqualTo(ExitCode.CLEAN.code());
    }

    @Test
    void theGuardFailsClosedOnASha256Repository(@TempDir Path dir) throws Exception {
        Path settings = repository(dir.resolve("repo"), "--object-format=sha256");

        assertRefused(settings, run("fix", dir.resolve("repo").toString()));
    }

    @Test
    void theGuardFailsClosedOnASplitIndex(@TempDir Path dir) throws Exception {
        Path settings = repository(dir.resolve("repo"));
        check(git(dir.resolve("repo"), "update-index", "--split-index"));

        assertRefused(settings, run("fix", dir.resolve("repo").toString()));
    }

    @Test
    void theGuardFailsClosedOnACorruptIndex(@TempDir Path dir) throws Exception {
        Path settings = repository(dir.resolve("repo"));
        Files.writeString(dir.resolve("repo/.git/index"), "garbage");

        assertRefused(settings, run("fix", dir.resolve("repo").toString()));
    }

    @Test
    void withForceTheFileIsFixedWhateverGitSays(@TempDir Path dir) throws Exception {
        Path settings = repository(dir.resolve("repo"));
        Files.writeString(dir.resolve("repo/.git/index"), "garbage");

        CliRun fix = run("fix", "--force", dir.resolve("repo").toString());

        assertThat(Files.readString(settings).contains("AccountKey=")).as("key left").isFalse();
        assertThat(fix.exitCode()).isEqualTo(ExitCode.CLEAN.code());
    }
}
