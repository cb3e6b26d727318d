package dev.miscan.core.source;

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git sources against real repositories built with JGit; findings come from {@link TestSecretRule}. */
class GitSourcesTest {
    private static final long MAX = ScanRequest.DEFAULT_MAX_FILE_SIZE;

    private final Engine engine = new Engine(TestRules.registry(new TestSecretRule()));

    @TempDir
    Path dir;

    TestRepo repo;
    Repository jgit;

    @BeforeEach
    void init() throws Exception {
        repo = TestRepo.init(dir);
        jgit = repo.git().getRepository();
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private ScanResult staged() throws IOException {
        return engine.scan(repo.root(), List.of(new GitStagedSource(jgit, TreeFilter.ALL, List.of(), MAX)), 2);
    }

    private ScanResult history(GitHistorySource.Range range) throws IOException {
        return history(range, MAX);
    }

    private ScanResult history(GitHistorySource.Range range, long max) throws IOException {
        return dev.miscan.core.session.HistoryScan.scan(engine, new GitHistorySource(jgit, range, TreeFilter.ALL, List.of(), max), 2);
    }

    /** "path:line" of each finding. */
    private static List<String> places(List<Finding> findings) {
        return findings.stream().map(f -> f.location().path() + ":" + f.location().startLine()).toList();
    }

    @Nested
    class Staged {
        @Test
        void onlyAddedLinesOfTheIndexAreReported_notTheWorkingTreeNorUnchangedLines() throws Exception {
            repo.stage("app.properties", "name=app\nsecret=Committed0001\n").commit("first");
            repo.stage("app.properties", "name=app\nsecret=Committed0001\nsecret=StagedNew0001\n");
            repo.write("app.properties", "name=app\nsecret=Committed0001\nsecret=StagedNew0001\nsecret=Unstaged00001\n");
            repo.write("untracked.properties", "secret=Untracked0001\n");

            ScanResult result = staged();

            assertThat(places(result.findings())).containsExactly("app.properties:3");
            assertThat(result.findings().get(0).provenance()).isNull();
        }

        @Test
        void fingerprints_areThoseOfAFullScanOfTheFile() throws Exception {
            repo.stage("a.properties", "secret=Same000000001\n").commit("first");
            repo.stage("a.properties", "secret=Same000000001\nsecret=Same000000001\n");

            Finding staged = staged().findings().get(0);
            Finding full = engine.scan(ScanRequest.of(repo.root(), List.of(repo.root()))).findings().get(1);

            assertThat(staged.location().startLine()).isEqualTo(2);
            assertThat(staged.fingerprint()).endsWith(":2").isEqualTo(full.fingerprint());
        }

        @Test
        void repositoryWithoutCommits_reportsEveryStagedLine() throws Exception {
            repo.stage("a.properties", "secret=First0000001\nsecret=Second000001\n");

            assertThat(places(staged().findings())).containsExactly("a.properties:1", "a.properties:2");
        }

        @Test
        void renamedFile_reportsNothing_unlessALineChanged() throws Exception {
            repo.stage("old/a.properties", "name=app\nsecret=Moved0000001\nother=1\nmore=2\n").commit("first");
            repo.mv("old/a.properties", "new/a.properties");

            assertThat(staged().findings()).isEmpty();

            repo.stage("new/a.properties", "name=app\nsecret=Moved0000001\nother=1\nmore=2\nsecret=Added0000001\n");

            assertThat(places(staged().findings())).containsExactly("new/a.properties:5");
        }

        @Test
        void deletedFileAndOnlyRemovedLines_reportNothing() throws Exception {
            repo.stage("a.properties", "secret=Gone00000001\nname=x\n").stage("b.properties", "secret=Kept00000001\n")
                    .commit("first");
            repo.rm("b.properties").stage("a.properties", "name=x\n");

            ScanResult result = staged();

            assertThat(result.findings()).isEmpty();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void findingOnAnAddedLine_hasTheLineAndColumnOfTheWholeFile() throws Exception {
            // The whole staged file is scanned (rules keep their context); only the report is limited.
            repo.stage("a.txt", "line 1\nline 2\n").commit("first");
            repo.stage("a.txt", "line 1\nline 2\n  key secret=Column000001\n");

            Finding f = staged().findings().get(0);

            assertThat(f.location().startLine()).isEqualTo(3);
            assertThat(f.location().startColumn()).isEqualTo(14);
        }

        @Test
        void oversizedStagedFiles_areSkippedWithAWarning_binaryOnesCountedSilently() throws Exception {
            repo.stage("a.properties", "x=1\n").commit("first");
            repo.write("img.bin", "secret=Binary000001\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1)).add("img.bin");
            repo.stage("big.txt", "secret=Big000000001\n" + "y".repeat(300));

            ScanResult result = engine.scan(repo.root(), List.of(new GitStagedSource(jgit, TreeFilter.ALL, List.of(),
                    100)), 1);

            assertThat(result.findings()).isEmpty();
            assertThat(result.warnings()).extracting(ScanWarning::toString).containsExactly(
                    "big.txt: skipped (staged): 320 bytes is over the 100-byte limit (raise it with --max-file-size)");
            assertThat(result.filesBinary()).isEqualTo(1);
        }

        @Test
        void excludesAndDefaultDirectories_applyAsForAFileTree() throws Exception {
            repo.stage("docs/a.txt", "secret=Excluded0001\n").stage("target/b.txt", "secret=Excluded0002\n")
                    .stage("src/c.txt", "secret=Included0001\n");

            ScanResult result = engine.scan(repo.root(), List.of(new GitStagedSource(jgit, TreeFilter.ALL,
                    List.of("docs/"), MAX)), 1);

            assertThat(places(result.findings())).containsExactly("src/c.txt:1");
        }

        @Test
        void pathFilter_limitsTheScanToThosePaths() throws Exception {
            repo.stage("a/x.txt", "secret=InA000000001\n").stage("b/y.txt", "secret=InB000000001\n");

            TreeFilter filter = GitRepositories.pathFilter(repo.root(), List.of(repo.root().resolve("b")));
            ScanResult result = engine.scan(repo.root(), List.of(new GitStagedSource(jgit, filter, List.of(), MAX)), 1);

            assertThat(places(result.findings())).containsExactly("b/y.txt:1");
        }

        @Test
        void changesReadAhead_giveTheSameScan_andTheirFailureIsThrownByTheScan() throws Exception {
            repo.stage("a/x.txt", "x=1\n").commit("first");
            repo.stage("a/x.txt", "x=1\nsecret=Ahead0000001\n").stage("b/y.txt", "secret=Ahead0000002\n");
            TreeFilter filter = GitRepositories.pathFilter(repo.root(), List.of(repo.root().resolve("a")));

            GitStagedSource.Changes changes = GitStagedSource.readChanges(jgit, filter);
            ScanResult ahead = engine.scan(repo.root(), List.of(new GitStagedSource(jgit, changes, List.of(), MAX)), 1);
            ScanResult lazy = engine.scan(repo.root(), List.of(new GitStagedSource(jgit, filter, List.of(), MAX)), 1);

            assertThat(places(ahead.findings())).containsExactly("a/x.txt:2").isEqualTo(places(lazy.findings()));
            Files.write(repo.root().resolve(".git/index"), "not an index".getBytes(StandardCharsets.US_ASCII));
            GitStagedSource.Changes broken = GitStagedSource.readChanges(jgit, TreeFilter.ALL);
            assertThatThrownBy(() -> engine.scan(repo.root(), List.of(new GitStagedSource(jgit, broken, List.of(), MAX)), 1))
                    .isInstanceOf(IOException.class);
        }

        @Test
        void pathExists_answersFromTheIndex() throws Exception {
            repo.stage("a.txt", "x\n").commit("first");
            repo.mv("a.txt", "b.txt");

            var exists = new GitStagedSource(jgit, TreeFilter.ALL, List.of(), MAX).pathExists();

            assertThat(exists.test("b.txt")).isTrue();
            assertThat(exists.test("a.txt")).isFalse();
        }
    }

    @Nested
    class Ranges {
        @Test
        void rangeWithOneNewSecret_reportsOnlyThatOne_withItsCommit() throws Exception {
            RevCommit base = repo.stage("a.properties", "secret=Old000000001\n").commit("base");
            repo.stage("b.txt", "nothing here\n").commit("unrelated");
            RevCommit added = repo.stage("a.properties", "secret=Old000000001\nsecret=New000000001\n")
                    .commit("adds a secret", "Grace Hopper", "grace@example.com");

            ScanResult result = history(GitHistorySource.Range.parse(jgit, base.name() + "..HEAD"));

            assertThat(places(result.findings())).containsExactly("a.properties:2");
            Finding f = result.findings().get(0);
            assertThat(f.provenance().commit()).isEqualTo(added.name());
            assertThat(f.provenance().author()).isEqualTo("Grace Hopper");
            assertThat(f.provenance().email()).isEqualTo("grace@example.com");
            assertThat(f.provenance().date()).isEqualTo(added.getAuthorIdent().getWhenAsInstant());
            assertThat(f.provenance().presentAtHead()).isTrue();
        }

        @Test
        void rangeScan_digestsOnlyTheRangesSecrets_withTheFingerprintsOfATreeScan() throws Exception {
            RevCommit base = repo.stage("a.properties", "secret=Old000000001\nsecret=Old000000002\n").commit("base");
            repo.stage("a.properties", "secret=Old000000001\nsecret=Old000000002\nsecret=New000000001\n")
                    .commit("adds a secret");
            Engine keyed = new Engine(TestRules.registry(new TestSecretRule()),
                    dev.miscan.core.suppress.FindingPolicy.DEFAULT, dev.miscan.core.secrets.FingerprintKey.random());

            ScanResult result = dev.miscan.core.session.HistoryScan.scan(keyed, new GitHistorySource(jgit,
                    GitHistorySource.Range.parse(jgit, base.name() + "..HEAD"), TreeFilter.ALL, List.of(), MAX), 2);

            assertThat(places(result.findings())).containsExactly("a.properties:3");
            assertThat(keyed.digestsComputed()).as("the tip's other secrets are compared without a digest").isEqualTo(1);
            assertThat(result.fingerprintKey()).isEqualTo(keyed.fingerprintKey());
            Finding inTree = keyed.scan(ScanRequest.of(repo.root(), List.of(repo.root()))).findings().get(2);
            assertThat(result.findings().get(0).fingerprint()).isEqualTo(inTree.fingerprint());
        }

        @Test
        void threeDotRangeAndSince_meanTheSameCommits() throws Exception {
            RevCommit base = repo.stage("a.txt", "x\n").commit("base");
            repo.stage("b.txt", "secret=Branch000001\n").commit("work");

            assertThat(places(history(GitHistorySource.Range.parse(jgit, base.name() + "...HEAD")).findings()))
                    .containsExactly("b.txt:1");
            assertThat(places(history(GitHistorySource.Range.since(jgit, base.name())).findings()))
                    .containsExactly("b.txt:1");
        }

        @Test
        void secretAddedAndRemovedInsideTheRange_isReportedAsGone() throws Exception {
            RevCommit base = repo.stage("a.txt", "x\n").commit("base");
            repo.stage("a.txt", "x\nsecret=Oops00000001\n").commit("oops");
            repo.stage("a.txt", "x\n").commit("fix");

            List<Finding> findings = history(GitHistorySource.Range.parse(jgit, base.name() + "..HEAD")).findings();

            assertThat(findings).singleElement().satisfies(f -> assertThat(f.provenance().presentAtHead()).isFalse());
        }

        @Test
        void unknownRevisionsAndBadRanges_areUsageErrors() throws Exception {
            repo.stage("a.txt", "x\n").commit("base");

            assertThatThrownBy(() -> GitHistorySource.Range.parse(jgit, "nope..HEAD"))
                    .isInstanceOf(GitRepositories.GitUsageException.class).hasMessage("unknown revision: 'nope'");
            assertThatThrownBy(() -> GitHistorySource.Range.parse(jgit, "HEAD"))
                    .isInstanceOf(GitRepositories.GitUsageException.class).hasMessageContaining("BASE..HEAD");
        }

        @Test
        void noCommitsYet_isAClearError() {
            assertThatThrownBy(() -> GitHistorySource.Range.history(jgit, null, null, false))
                    .isInstanceOf(GitRepositories.GitUsageException.class).hasMessageContaining("no commits yet");
        }

        @Test
        void outsideARepository_isAClearError(@TempDir Path elsewhere) {
            assertThatThrownBy(() -> GitRepositories.open(elsewhere))
                    .isInstanceOf(GitRepositories.GitUsageException.class).hasMessageContaining("not in a git repository");
        }
    }

    @Nested
    class History {
        @Test
        void keyAddedThenRemoved_isReportedOnce_markedGone_withTheCommitThatAddedIt() throws Exception {
            RevCommit added = repo.stage("conf/app.properties", "name=app\nsecret=Removed00001\n").commit("add key");
            repo.stage("conf/app.properties", "name=app\n").commit("remove key");
            repo.stage("conf/app.properties", "name=app\nsecret=Present00001\n").commit("another key");
            repo.stage("other.txt", "x\n").commit("unrelated");

            ScanResult result = history(GitHistorySource.Range.history(jgit, null, null, false));

            assertThat(result.findings()).hasSize(2);
            Finding gone = result.findings().stream().filter(f -> f.location().startLine() == 2
                    && !f.provenance().presentAtHead()).findFirst().orElseThrow();
            assertThat(gone.provenance().commit()).isEqualTo(added.name());
            assertThat(gone.provenance().author()).isEqualTo("Ada Lovelace");
            assertThat(result.findings()).filteredOn(f -> f.provenance().presentAtHead()).hasSize(1);
        }

        @Test
        void presenceAtTheTip_comesFromTheRangesOwnBlobsAndFromTheFilesItDidNotChange() throws Exception {
            RevCommit before = repo.stage("old.properties", "secret=Untouched0001\n").commit("before the range");
            repo.stage("a.properties", "secret=Untouched0001\nsecret=Gone00000001\n").commit("in the range");
            repo.stage("a.properties", "name=a\n").commit("both removed from a.properties");

            List<Finding> findings = history(GitHistorySource.Range.history(jgit, before.name(), null, false)).findings();

            assertThat(findings).hasSize(2);
            // still at the tip in a file the range never changed (read from the tip), the other nowhere
            assertThat(findings).filteredOn(f -> f.provenance().presentAtHead()).hasSize(1);
            assertThat(findings).filteredOn(f -> !f.provenance().presentAtHead()).hasSize(1);
        }

        @Test
        void aHistoryRecordsWhatEachBlobHoldsWhole_soThatTheTipNeedNotBeReadAgain() throws Exception {
            repo.stage("a.properties", "secret=Early0000001\nname=1\n").commit("one");
            repo.stage("a.properties", "secret=Early0000001\nname=2\n").commit("two: the key is on an unchanged line");
            java.util.Map<String, java.util.Set<String>> byBlob = new java.util.concurrent.ConcurrentHashMap<>();

            engine.recordingDetections(byBlob::put).scan(repo.root(), List.of(new GitHistorySource(jgit,
                    GitHistorySource.Range.history(jgit, null, null, false), TreeFilter.ALL, List.of(), MAX)), 2);

            String tipBlob = "a.properties\n" + jgit.resolve("HEAD:a.properties").name();
            assertThat(byBlob).containsKey(tipBlob);
            assertThat(byBlob.get(tipBlob)).as("the key on the tip's unchanged line is recorded").hasSize(1);
        }

        @Test
        void sameSecretTouchedInSeveralCommits_isReportedOnce_fromTheFirst() throws Exception {
            RevCommit first = repo.stage("a.properties", "secret=Stable000001\n").commit("one");
            repo.stage("a.properties", "secret=Stable000001 \n").commit("trailing space");
            repo.stage("a.properties", "name=x\n").commit("removed");
            repo.stage("a.properties", "name=x\nsecret=Stable000001\n").commit("re-added");

            List<Finding> findings = history(GitHistorySource.Range.history(jgit, null, null, false)).findings();

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.provenance().commit()).isEqualTo(first.name());
                assertThat(f.provenance().presentAtHead()).isTrue();
            });
        }

        @Test
        void secretStillPresentInARenamedFile_isPresentAtHead() throws Exception {
            repo.stage("a.properties", "secret=Renamed00001\nname=1\nmore=2\n").commit("add");
            repo.mv("a.properties", "b.properties");
            repo.commit("rename");

            List<Finding> findings = history(GitHistorySource.Range.history(jgit, null, null, false)).findings();

            assertThat(places(findings)).containsExactly("a.properties:1");
            assertThat(findings.get(0).provenance().presentAtHead()).isTrue();
        }

        @Test
        void hugeFilesInHistory_areSkippedWithOneWarning_binaryOnesCountedSilently() throws Exception {
            repo.write("logo.png", "secret=Binary000001\u0000\u0002".getBytes(StandardCharsets.ISO_8859_1))
                    .add("logo.png").stage("huge.txt", "secret=Huge00000001\n" + "z".repeat(500)).commit("one");
            repo.write("logo.png", "secret=Binary000002\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1))
                    .add("logo.png").stage("huge.txt", "secret=Huge00000002\n" + "z".repeat(600)).commit("two");
            repo.stage("small.txt", "secret=Small0000001\n").commit("three");

            ScanResult result = history(GitHistorySource.Range.history(jgit, null, null, false), 200);

            assertThat(places(result.findings())).containsExactly("small.txt:1");
            assertThat(result.warnings()).hasSize(1).allSatisfy(w -> assertThat(w.skipped()).isTrue());
            assertThat(result.warnings().get(0).toString()).startsWith("huge.txt: skipped in commit ")
                    .contains("-byte limit").endsWith("(and in 1 more commit)");
            assertThat(result.filesBinary()).as("both versions of logo.png").isEqualTo(2);
        }

        @Test
        void sinceAndBranchAndAll_selectTheCommits() throws Exception {
            RevCommit base = repo.stage("a.txt", "secret=OnMain000001\n").commit("main 1");
            repo.git().branchCreate().setName("feature").call();
            repo.git().checkout().setName("feature").call();
            repo.stage("f.txt", "secret=OnFeature001\n").commit("feature 1");
            repo.git().checkout().setName("main").call();
            repo.stage("m.txt", "secret=OnMain000002\n").commit("main 2");

            assertThat(places(history(GitHistorySource.Range.history(jgit, null, null, false)).findings()))
                    .containsExactly("a.txt:1", "m.txt:1");
            assertThat(places(history(GitHistorySource.Range.history(jgit, base.name(), null, false)).findings()))
                    .containsExactly("m.txt:1");
            assertThat(places(history(GitHistorySource.Range.history(jgit, null, "feature", false)).findings()))
                    .containsExactly("a.txt:1", "f.txt:1");
            ScanResult all = history(GitHistorySource.Range.history(jgit, null, null, true));
            assertThat(places(all.findings())).containsExactly("a.txt:1", "f.txt:1", "m.txt:1");
            // HEAD is main: the feature branch's secret is not in its tree.
            assertThat(all.findings()).filteredOn(f -> f.location().path().equals("f.txt"))
                    .allSatisfy(f -> assertThat(f.provenance().presentAtHead()).isFalse());
        }

        @Test
        void mergeCommits_doNotReportTheMergedChangesTwice() throws Exception {
            repo.stage("a.txt", "x\n").commit("base");
            repo.git().branchCreate().setName("feature").call();
            repo.git().checkout().setName("feature").call();
            RevCommit feature = repo.stage("f.txt", "secret=Merged000001\n").commit("feature");
            repo.git().checkout().setName("main").call();
            repo.stage("m.txt", "y\n").commit("main");
            repo.git().merge().include(feature).setCommit(true).setMessage("merge").call();

            List<Finding> findings = history(GitHistorySource.Range.history(jgit, null, null, false)).findings();

            assertThat(findings).singleElement().satisfies(f -> assertThat(f.provenance().commit())
                    .isEqualTo(feature.name()));
        }

        @Test
        void inlineAllowInTheCommittedContent_suppressesTheHistoricFinding() throws Exception {
            repo.stage("a.properties", "# mi-scan:allow MI-TEST-SECRET sample value for the docs\nsecret=Allowed000001\n")
                    .commit("documented sample");

            ScanResult result = history(GitHistorySource.Range.history(jgit, null, null, false));

            assertThat(result.findings()).isEmpty();
            assertThat(result.suppressedFindings()).singleElement()
                    .satisfies(f -> assertThat(f.provenance()).isNotNull());
        }

        @Test
        void treeSource_readsTheCommitNotTheWorkingTree() throws Exception {
            RevCommit c = repo.stage("a.txt", "secret=InCommit0001\n").commit("one");
            Files.writeString(repo.root().resolve("a.txt"), "secret=InWorkTree01\n");

            ScanResult result = engine.scan(repo.root(), List.of(new GitTreeSource(jgit, c, TreeFilter.ALL,
                    List.of(), MAX)), 1);

            assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.preview()).startsWith("InC"));
        }

        @Test
        void aVersionThatOnlyDeletedLines_isNotTakenForWhatTheTipHolds() throws Exception {
            repo.stage("a.properties", "secret=Kept00000001\nsecret=Gone00000001\n").commit("two keys");
            repo.stage("a.properties", "secret=Kept00000001\n").commit("one removed: only a deletion");

            List<Finding> findings = history(GitHistorySource.Range.history(jgit, null, null, false)).findings();

            // the tip's blob came from a commit whose only change was a deletion: it was not scanned then
            assertThat(findings).hasSize(2);
            assertThat(findings).filteredOn(f -> f.location().startLine() == 1)
                    .singleElement().satisfies(f -> assertThat(f.provenance().presentAtHead()).isTrue());
            assertThat(findings).filteredOn(f -> f.location().startLine() == 2)
                    .singleElement().satisfies(f -> assertThat(f.provenance().presentAtHead()).isFalse());
        }

        @Test
        void withProgressShown_theTipsBlobsAreStillNotScannedAgain() throws Exception {
            repo.stage("a.properties", "secret=Early0000001\nname=1\n").stage("b.txt", "plain\n").commit("one");
            repo.stage("a.properties", "secret=Early0000001\nname=2\n").commit("two");
            java.util.concurrent.atomic.AtomicInteger scanned = new java.util.concurrent.atomic.AtomicInteger();
            Engine counting = engine.withProgress(new dev.miscan.core.engine.ScanProgress() {
                @Override
                public void scanned(String path, long chars, long nanos) {
                    scanned.incrementAndGet();
                }
            });

            ScanResult result = dev.miscan.core.session.HistoryScan.scan(counting, new GitHistorySource(jgit,
                    GitHistorySource.Range.history(jgit, null, null, false), TreeFilter.ALL, List.of(), MAX), 2);

            // three file versions, each read once: the tip's two blobs are known from the range's scan
            assertThat(scanned.get()).isEqualTo(3);
            assertThat(result.findings()).singleElement()
                    .satisfies(f -> assertThat(f.provenance().presentAtHead()).isTrue());
        }

        @Test
        void aBlobWhoseFindingsComeFromOtherFiles_isScannedAgainAtTheTip_inTheTipsContext() throws Exception {
            Engine helm = new Engine(TestRules.registry(new HelmValueRule()));
            repo.stage("chart/templates/app.yaml", "uses: values\n").stage("chart/values.yaml", "password: First00000001\n")
                    .commit("a chart");
            repo.stage("chart/values.yaml", "password: Second0000001\n").commit("the value changed, not the template");

            List<Finding> findings = dev.miscan.core.session.HistoryScan.scan(helm, new GitHistorySource(jgit,
                    GitHistorySource.Range.history(jgit, null, null, false), TreeFilter.ALL, List.of(), MAX), 2)
                    .findings();

            // the template's blob is the same at the tip, but what it finds there comes from the tip's values
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.location().path()).isEqualTo("chart/templates/app.yaml");
                assertThat(f.preview()).startsWith("Fir");
                assertThat(f.provenance().presentAtHead()).isFalse();
            });
        }
    }

    /** Reports, at a Helm template's {@code uses:}, the chart's {@code password} value: a finding from another file. */
    @dev.miscan.core.api.DetectorInfo(rules = "MI-TEST-SPECIFIC", keywords = {"uses:"})
    static final class HelmValueRule extends dev.miscan.core.api.Detector {
        private static final dev.miscan.core.api.Remediation REMEDIATION = new dev.miscan.core.api.Remediation(
                "Test service", "", "Use a managed identity", "text", "", "", List.of(), "", List.of());

        @Override
        public dev.miscan.core.api.Remediation exampleRemediation() {
            return REMEDIATION;
        }

        @Override
        public void scan(dev.miscan.core.parse.Document doc, dev.miscan.core.api.FindingSink sink) {
            for (int at : doc.occurrences("uses:")) {
                for (var values : doc.view(dev.miscan.core.parse.config.SettingsIndex.VIEW).helmValues(doc.path())) {
                    for (var e : values) {
                        if (e.key().equals("password") && e.value() != null) {
                            report(doc, sink, at, e.value(), "A value of the chart", REMEDIATION);
                        }
                    }
                }
            }
        }
    }
}
