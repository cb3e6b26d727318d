package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static dev.miscan.cli.GitFixtures.check;
import static dev.miscan.cli.GitFixtures.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mi-scan history} on a partial clone ({@code git clone --filter=blob:none}) whose file versions with secrets
 * are not in it: JGit cannot read them, and the run must not pass as clean. One warning says how many are missing
 * and how to fetch them, and the exit code is 3; after that fetch, the same command finds the secrets. Real git, a
 * local repository cloned over {@code file://}; keys are generated here.
 */
class PartialCloneHistoryTest {

    private static long missingObjects(Path repo) throws Exception {
        String out = check(git(repo, "rev-list", "--objects", "--all", "--missing=print")).output();
        return out.lines().filter(l -> l.startsWith("?")).count();
    }

    private static long lines(CliRun r, String text) {
        return (r.out() + "\n" + r.err()).lines().filter(l -> l.contains(text)).count();
    }

    @Test
    void historyOfAPartialCloneMissingBlobsWithSecretsWarnsOnceAndExits3(@TempDir Path dir) throws Exception {
        assumeTrue(GitFixtures.onPath("git"), "git is not installed");
        Path src = dir.resolve("src");
        GitFixtures.initRepo(src);
        Files.writeString(src.resolve("app.properties"),
                "spring.cloud.azure.storage.blob.connection-string=" + GitFixtures.connectionString() + "\n");
        check(git(src, "add", "."));
        check(git(src, "commit", "-q", "-m", "app settings"));
        Files.writeString(src.resolve("orders.properties"),
                "spring.cloud.azure.storage.blob.connection-string=" + GitFixtures.connectionString() + "\n");
        Files.writeString(src.resolve("app.properties"), "app.name=orders\n", java.nio.file.StandardOpenOption.APPEND);
        check(git(src, "add", "."));
        check(git(src, "commit", "-q", "-m", "orders settings"));
        check(git(src, "config", "uploadpack.allowFilter", "true"));
        check(git(dir, "clone", "-q", "--filter=blob:none", "--no-checkout", src.toUri().toString(), "clone"));
        Path clone = dir.resolve("clone");
        // three file versions (two of app.properties, one of orders.properties), none fetched
        assumeTrue(missingObjects(clone) == 3, "this git made a partial clone without its blobs");

        CliRun history = run("history", clone.toString());

        assertThat(history.exitCode()).as(history.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(lines(history, "partial clone")).as(history.toString()).isEqualTo(1);
        assertThat(history.out()).contains("a partial clone: 3 file versions are missing from it and were not scanned")
                .contains("git -c remote.origin.partialclonefilter= fetch --refetch origin");
        assertThat(lines(history, "cannot read")).as("no warning per file").isZero();

        // the same in JSON: the warning in the report, and once on standard error; the same exit code
        CliRun json = run("history", clone.toString(), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(json.err().lines().filter(l -> l.contains("partial clone")).count()).isEqualTo(1);

        // the advice works: with the contents fetched, the history is read whole and its secrets found
        check(git(clone, "-c", "remote.origin.partialclonefilter=", "fetch", "-q", "--refetch", "origin"));
        assumeTrue(missingObjects(clone) == 0, "this git fetched the contents");
        CliRun fetched = run("history", clone.toString());
        assertThat(fetched.exitCode()).as(fetched.toString()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(lines(fetched, "partial clone")).isZero();
        assertThat(fetched.out()).contains("app.properties").contains("orders.properties");
    }

    @Test
    void aPartialCloneMissingOnlyOldVersionsStillScansTheCheckedOutOnesWholeAndExits3(@TempDir Path dir)
            throws Exception {
        assumeTrue(GitFixtures.onPath("git"), "git is not installed");
        Path src = dir.resolve("src");
        GitFixtures.initRepo(src);
        Files.writeString(src.resolve("app.properties"), "app.name=orders\n");
        check(git(src, "add", "."));
        check(git(src, "commit", "-q", "-m", "app"));
        Files.writeString(src.resolve("app.properties"),
                "spring.cloud.azure.storage.blob.connection-string=" + GitFixtures.connectionString() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        check(git(src, "commit", "-q", "-am", "storage"));
        check(git(src, "config", "uploadpack.allowFilter", "true"));
        check(git(dir, "clone", "-q", "--filter=blob:none", src.toUri().toString(), "clone"));
        Path clone = dir.resolve("clone");
        assumeTrue(missingObjects(clone) == 1, "this git checked out the tip's blobs only");

        CliRun history = run("history", clone.toString());

        assertThat(history.exitCode()).as(history.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(history.out()).contains("a partial clone: 1 file version is missing from it and was not scanned");
        // the version that is there is scanned whole (its old version cannot be compared): its secret is reported
        assertThat(history.out()).contains("MI-STORAGE-CONNSTR");
    }
}
