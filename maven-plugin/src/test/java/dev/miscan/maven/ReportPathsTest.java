package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report paths relative to the repository's root, whichever module scanned them, and the reactor's aggregate. */
class ReportPathsTest {
    @TempDir
    Path repo;

    private static String storageKey() {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey="
                + Base64.getEncoder().encodeToString(bytes) + ";EndpointSuffix=core.windows.net";
    }

    private ScanResult scanModule(Path module, String content) throws IOException {
        Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(module.resolve("src/main/resources/application.properties"), content);
        return new Engine(RuleRegistry.load()).scan(ScanRequest.of(module, List.of(module)));
    }

    @Test
    void repositoryRoot_isTheNearestDirectoryWithDotGit_elseTheStart() throws IOException {
        Path nested = Files.createDirectories(repo.resolve("services/orders"));
        assertThat(ReportPaths.repositoryRoot(nested)).isEqualTo(nested);

        Files.createDirectories(repo.resolve(".git"));
        assertThat(ReportPaths.repositoryRoot(nested)).isEqualTo(repo);

        Files.writeString(repo.resolve("services/.git"), "gitdir: ../.git/worktrees/services\n");
        assertThat(ReportPaths.repositoryRoot(nested)).as("a worktree's or submodule's .git file")
                .isEqualTo(repo.resolve("services"));
    }

    @Test
    void rebase_prefixesEveryPathWithTheModulesPlace_andFingerprintsFollowThePath() throws IOException {
        String sameFile = "azure.storage=" + storageKey() + "\n";
        ScanResult a = scanModule(repo.resolve("module-a"), sameFile);
        ScanResult b = scanModule(repo.resolve("module-b"), sameFile);
        Finding before = a.findings().get(0);
        assertThat(before.location().path()).isEqualTo("src/main/resources/application.properties");
        assertThat(b.findings().get(0).fingerprint()).as("module-relative: the same").isEqualTo(before.fingerprint());

        ScanResult ra = ReportPaths.rebase(a, repo.resolve("module-a"), repo);
        ScanResult rb = ReportPaths.rebase(b, repo.resolve("module-b"), repo);

        Finding after = ra.findings().get(0);
        assertThat(ra.baseDir()).isEqualTo(repo.toAbsolutePath().normalize());
        assertThat(after.location().path()).isEqualTo("module-a/src/main/resources/application.properties");
        assertThat(after.location().startLine()).isEqualTo(before.location().startLine());
        assertThat(after.fingerprint()).endsWith(":1").isNotEqualTo(before.fingerprint())
                .isNotEqualTo(rb.findings().get(0).fingerprint());
        assertThat(after.rule()).isEqualTo(before.rule());

        assertThat(ReportPaths.rebase(a, repo, repo).findings()).as("the root module's own paths stay")
                .isEqualTo(a.findings());
    }

    @Test
    void merge_holdsEveryModulesFindingsInReportOrder_andSumsTheCounts() throws IOException {
        ScanResult b = ReportPaths.rebase(scanModule(repo.resolve("module-b"), "x=" + storageKey() + "\n"),
                repo.resolve("module-b"), repo);
        ScanResult a = ReportPaths.rebase(scanModule(repo.resolve("module-a"), "x=" + storageKey() + "\n"),
                repo.resolve("module-a"), repo);

        ScanResult all = ReportPaths.merge(repo, List.of(b, a));

        assertThat(all.findings()).extracting(f -> f.location().path()).containsExactly(
                "module-a/src/main/resources/application.properties",
                "module-b/src/main/resources/application.properties");
        assertThat(all.filesScanned()).isEqualTo(a.filesScanned() + b.filesScanned());
        assertThat(all.rules()).extracting(r -> r.id()).doesNotHaveDuplicates().contains("MI-STORAGE-CONNSTR");
        assertThat(all.baseDir()).isEqualTo(repo.toAbsolutePath().normalize());
    }
}
