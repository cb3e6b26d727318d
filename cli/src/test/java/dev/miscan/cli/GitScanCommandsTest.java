package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git-aware commands against real repositories built with JGit, with the real rules and storage keys
 * generated at run time. No output may contain a key.
 */
class GitScanCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Git git;
    String key;
    String connectionString;
    Instant clock = Instant.parse("2024-05-01T09:00:00Z");

    @BeforeEach
    void init() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        key = GitFixtures.storageKey();
        connectionString = "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=" + key
                + ";EndpointSuffix=core.windows.net";
    }

    @AfterEach
    void close() {
        git.close();
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void stage(String path, String content) throws Exception {
        write(path, content);
        git.add().addFilepattern(path).call();
    }

    private RevCommit commit(String message) throws Exception {
        clock = clock.plusSeconds(3600);
        PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.com", clock, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private CliRun mi(String... args) {
        CliRun r = run(args);
        assertThat(r.out() + r.err()).as("no output may contain the key").doesNotContain(key)
                .doesNotContain(key.substring(10, 30));
        return r;
    }

    private String repo() {
        return dir.toString();
    }

    @Nested
    class Staged {
        @Test
        void stagedKey_blocksWithTheFixAndHowToAllowIt_whileWorkingTreeChangesAreIgnored() throws Exception {
            stage("src/main/resources/application.properties", "spring.application.name=orders\n");
            commit("init");
            stage("src/main/resources/application.properties",
                    "spring.application.name=orders\nstorage.connection=" + connectionString + "\n");
            write("notes.txt", "copied for later: " + GitFixtures.connectionString() + "\n");

            CliRun r = mi("scan", "--staged", "--no-color", repo());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).startsWith("src/main/resources/application.properties:2:")
                    .contains("MI-STORAGE-CONNSTR").contains("  fix: ").contains("  role: Storage Blob Data")
                    .doesNotContain("notes.txt").doesNotContain("preview:")
                    .contains("1 finding (1 error, 0 warnings, 0 notes)");
            assertThat(r.err()).contains("commit blocked: 1 credential finding")
                    .contains("mi-scan:allow MI-STORAGE-CONNSTR <why this is not a secret>");
        }

        @Test
        void allowCommentOnTheLineAbove_letsTheCommitThrough_andIsCounted() throws Exception {
            stage("app.properties", "name=app\n# mi-scan:allow MI-STORAGE-CONNSTR shared test account, no data\n"
                    + "storage=" + connectionString + "\n");

            CliRun r = mi("scan", "--staged", repo());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("0 findings").contains("1 suppressed (1 inline)");
            assertThat(r.err()).isEmpty();
        }

        @Test
        void unchangedKeyInAnEditedFile_doesNotBlock() throws Exception {
            stage("app.properties", "storage=" + connectionString + "\n");
            commit("old key, already handled by a baseline or rotation");
            stage("app.properties", "storage=" + connectionString + "\nname=app\n");

            CliRun r = mi("scan", "--staged", repo());

            assertThat(r.exitCode()).as(r.toString()).isZero();
        }

        @Test
        void outsideARepository_isAUsageError(@TempDir Path plain) {
            CliRun r = mi("scan", "--staged", plain.toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("mi-scan: not in a git repository");
        }

        @Test
        void gitModesCannotBeCombined() {
            CliRun r = mi("scan", "--staged", "--since", "HEAD~1", repo());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("cannot be combined");
        }
    }

    @Nested
    class Ranges {
        @Test
        void diffRangeWithOneNewKey_reportsItWithItsCommit() throws Exception {
            stage("a.properties", "name=a\n");
            RevCommit base = commit("base");
            stage("b.txt", "unrelated\n");
            commit("unrelated");
            stage("a.properties", "name=a\nstorage=" + connectionString + "\n");
            RevCommit added = commit("adds a key");

            CliRun r = mi("scan", "--diff", base.name() + "..HEAD", "--format", "json", repo());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            JsonNode findings = JSON.readTree(r.out()).path("findings");
            assertThat(findings).hasSize(1);
            assertThat(findings.at("/0/commit/id").asText()).isEqualTo(added.name());
            assertThat(findings.at("/0/commit/author").asText()).isEqualTo("Ada Lovelace");
            assertThat(findings.at("/0/commit/presentAtHead").asBoolean()).isTrue();

            CliRun since = mi("scan", "--since", added.name(), repo());
            assertThat(since.exitCode()).as(since.toString()).isZero();
        }

        @Test
        void unknownRevision_isAUsageError() throws Exception {
            stage("a.txt", "x\n");
            commit("one");

            CliRun r = mi("scan", "--since", "no-such-rev", repo());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("mi-scan: unknown revision: 'no-such-rev'\n");
        }
    }

    @Nested
    class History {
        @Test
        void keyAddedThenRemoved_isReportedAsGoneWithCommitAuthorAndDate() throws Exception {
            stage("conf/app.properties", "storage=" + connectionString + "\n");
            RevCommit added = commit("add key");
            stage("conf/app.properties", "storage=${STORAGE}\n");
            commit("remove key");

            CliRun text = mi("history", "--no-color", repo());
            CliRun json = mi("history", "--format", "json", repo());

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
            assertThat(text.out()).contains("conf/app.properties:1:")
                    .contains("  commit: " + added.name().substring(0, 10) + " 2024-05-01 Ada Lovelace <ada@example.com>"
                            + "  (removed since, still in history: rotate it)");
            JsonNode f = JSON.readTree(json.out()).at("/findings/0");
            assertThat(f.at("/commit/id").asText()).isEqualTo(added.name());
            assertThat(f.at("/commit/date").asText()).isEqualTo("2024-05-01T10:00:00Z");
            assertThat(f.at("/commit/presentAtHead").asBoolean()).isFalse();
        }

        @Test
        void aShallowCloneSaysThatItsOlderHistoryWasNotScanned(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
                throws Exception {
            stage("conf/app.properties", "storage=" + connectionString + "\n");
            commit("add key");
            stage("conf/app.properties", "storage=${STORAGE}\n");
            commit("remove key");
            java.io.File clone = dir.toFile();
            try (org.eclipse.jgit.api.Git shallow = org.eclipse.jgit.api.Git.cloneRepository()
                    .setURI(new java.io.File(repo()).toURI().toString()).setDirectory(clone).setDepth(1).call()) {
                CliRun r = mi("history", "--format", "json", clone.getPath());
                assertThat(r.err()).as(r.toString()).contains("a shallow clone");
            }
        }

        @Test
        void strict_isAcceptedAndAFileNotFullyScannedInTheHistoryExits3() throws Exception {
            stage("conf/app.properties", "storage=${STORAGE}\n");
            stage("conf/broken.bicep", "resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  password: (\n");
            commit("add");

            CliRun plain = mi("history", "--format", "json", repo());
            CliRun strict = mi("history", "--strict", "--format", "json", repo());

            assertThat(plain.exitCode()).as(plain.toString()).isZero();
            assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(3);
            assertThat(strict.err()).contains("--strict:");
        }

        @Test
        void sarif_carriesTheCommitAndSaysTheSecretIsGone() throws Exception {
            stage("a.properties", "storage=" + connectionString + "\n");
            commit("add");
            git.rm().addFilepattern("a.properties").call();
            commit("delete");

            CliRun r = mi("history", "--format", "sarif", repo());

            JsonNode result = JSON.readTree(r.out()).at("/runs/0/results/0");
            assertThat(result.at("/properties/commit/presentAtHead").asBoolean()).isFalse();
            assertThat(result.at("/message/text").asText()).contains("rotate it.");
        }
    }

    @Nested
    class Baselines {
        @Test
        void createThenScan_reportsOnlyNewFindings_andUpdateListsStaleOnes() throws Exception {
            write("a.properties", "storage=" + connectionString + "\n");

            CliRun create = mi("baseline", "create", repo());
            assertThat(create.exitCode()).as(create.toString()).isZero();
            Path file = dir.resolve(".mi-scan-baseline.json");
            assertThat(file).exists();
            assertThat(Files.readString(file)).doesNotContain("AccountKey").doesNotContain("contosodata");

            CliRun clean = mi("scan", "--format", "sarif", repo());
            assertThat(clean.exitCode()).as(clean.toString()).isZero();
            JsonNode result = JSON.readTree(clean.out()).at("/runs/0/results/0");
            assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("external");
            assertThat(result.at("/suppressions/0/justification").asText()).isEqualTo("in baseline .mi-scan-baseline.json");

            write("a.properties", "storage=${STORAGE}\n");
            write("b.properties", "storage=" + GitFixtures.connectionString() + "\n");
            CliRun dirty = mi("scan", repo());
            assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(1);
            assertThat(dirty.out()).contains("b.properties:1:").doesNotContain("a.properties:1:");

            CliRun update = mi("baseline", "update", repo());
            assertThat(update.exitCode()).as(update.toString()).isZero();
            assertThat(update.out()).contains("stale: MI-STORAGE-CONNSTR  a.properties  ")
                    .contains("kept 0, added 1, removed 1 stale");
            assertThat(mi("scan", repo()).exitCode()).isZero();
        }

        @Test
        void renamedFile_staysBaselined() throws Exception {
            stage("config/old.properties", "storage=" + connectionString + "\n");
            commit("init");
            assertThat(mi("baseline", "create", repo()).exitCode()).isZero();
            Files.createDirectories(dir.resolve("settings"));
            Files.move(dir.resolve("config/old.properties"), dir.resolve("settings/new.properties"));
            git.add().addFilepattern("settings/new.properties").call();
            git.rm().addFilepattern("config/old.properties").setCached(true).call();

            CliRun tree = mi("scan", repo());
            CliRun staged = mi("scan", "--staged", repo());

            assertThat(tree.exitCode()).as(tree.toString()).isZero();
            assertThat(tree.out()).contains("1 suppressed (1 baseline)");
            assertThat(staged.exitCode()).as(staged.toString()).isZero();
        }

        @Test
        void createRefusesToOverwrite_andUpdateNeedsAFile() throws Exception {
            write("a.properties", "x=1\n");
            assertThat(mi("baseline", "update", repo()).err()).contains("run 'mi-scan baseline create'");
            assertThat(mi("baseline", "create", repo()).exitCode()).isZero();

            CliRun again = mi("baseline", "create", repo());

            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("already exists; run 'mi-scan baseline update'");
        }

        @Test
        void explicitBaselineThatDoesNotExist_isAUsageError() {
            CliRun r = mi("scan", "--baseline", dir.resolve("nope.json").toString(), repo());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("baseline file not found").contains("nope.json");
        }
    }

    @Nested
    class Configuration {
        @Test
        void unknownKey_exitsTwoNamingTheKeyAndLine() throws Exception {
            write(".mi-scan.yml", "fail-on: error\nexclud: [docs/]\n");

            CliRun r = mi("scan", repo());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains(".mi-scan.yml:2: unknown key 'exclud'");
            assertThat(r.out()).isEmpty();
        }

        @Test
        void unknownRuleId_exitsTwo() throws Exception {
            Path config = dir.resolve("custom.yml");
            Files.writeString(config, "rules:\n  MI-STORAGE-CONNSTRING: off\n");

            CliRun r = mi("scan", "--config", config.toString(), repo());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("unknown rule 'rules.MI-STORAGE-CONNSTRING'");
        }

        @Test
        void initWritesACommentedDefault_thatScansUse_andFlagsOverride() throws Exception {
            CliRun init = mi("init", repo());
            assertThat(init.exitCode()).as(init.toString()).isZero();
            assertThat(Files.readString(dir.resolve(".mi-scan.yml"))).startsWith("# mi-scan configuration");
            assertThat(mi("init", repo()).exitCode()).isEqualTo(2);

            write("a.properties", "storage=" + connectionString + "\n");
            assertThat(mi("scan", repo()).exitCode()).isEqualTo(1);

            Files.writeString(dir.resolve(".mi-scan.yml"), "fail-on: none\nallow:\n  path-patterns: ['^docs/']\n");
            write("docs/howto.md", "storage=" + GitFixtures.connectionString() + "\n");
            CliRun configured = mi("scan", "--format", "json", repo());
            assertThat(configured.exitCode()).as(configured.toString()).isZero();
            JsonNode summary = JSON.readTree(configured.out()).path("summary");
            assertThat(summary.path("findings").asInt()).isEqualTo(1);
            assertThat(summary.at("/suppressedBy/config").asInt()).isEqualTo(1);

            assertThat(mi("scan", "--fail-on", "error", repo()).exitCode()).isEqualTo(1);
        }

        @Test
        void severityOverrideAndRuleOff_comeFromTheFile() throws Exception {
            write("a.properties", "storage=" + connectionString + "\n");
            write(".mi-scan.yml", "rules:\n  MI-STORAGE-CONNSTR: warning\n  MI-STORAGE-SHAREDKEY: off\n");

            CliRun r = mi("scan", "--no-color", repo());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("WARNING  MI-STORAGE-CONNSTR");
        }
    }
}
