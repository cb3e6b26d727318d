package dev.miscan.core.config;

import dev.miscan.core.testing.TestRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.engine.TestSecretRule;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.suppress.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API the front ends share: the file's settings, with their flags on top. */
class ProjectSettingsTest {
    private final RuleRegistry registry = TestRules.registry(new TestSecretRule());

    @TempDir
    Path root;

    @Test
    void withoutAFile_everythingIsDefault() throws Exception {
        ProjectSettings s = ProjectSettings.load(null, root, registry);

        assertThat(s.failOn(null)).isEqualTo("error");
        assertThat(s.maxFileSize(null)).isEqualTo(ScanRequest.DEFAULT_MAX_FILE_SIZE);
        assertThat(s.excludes(List.of("a/"))).containsExactly("a/");
        assertThat(s.baselineFile(null, root)).isNull();
    }

    @Test
    void aSubdirectoryScanUsesTheRepositorysFile_withItsExcludesRebasedOntoTheSubdirectory() throws Exception {
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".mi-scan.yml"), "rules:\n  MI-TEST-SECRET: off\n"
                + "exclude: [services/orders/generated/, \"*.md\", /docs/, services/, other/x/]\n");
        Path sub = Files.createDirectories(root.resolve("services/orders"));
        Files.createDirectories(sub.resolve("generated"));
        Files.writeString(sub.resolve("generated/a.txt"), "secret=Value0000001\n");
        Files.writeString(sub.resolve("b.txt"), "secret=Value0000002\n");

        ProjectSettings s = ProjectSettings.load(null, sub, registry);

        assertThat(s.config().file()).isEqualTo(root.resolve(".mi-scan.yml"));
        assertThat(s.excludes(List.of())).containsExactly("/generated/", "*.md", "services/");
        ScanResult r = s.engine().scan(new ScanRequest(sub, List.of(sub), s.excludes(List.of()),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 1));
        assertThat(r.findings()).isEmpty(); // the rule is off for the whole repository
        assertThat(ProjectSettings.rebase("services/*/generated/", "services/orders/")).isNull();
        assertThat(ProjectSettings.rebase("/services/orders/", "services/orders/")).isEqualTo("*");
    }

    @Test
    void aSubdirectorysOwnFile_appliesWithItsPatternsAnchoredThere_whenPathsAreRelativeToTheRepositoryRoot()
            throws Exception {
        Files.createDirectories(root.resolve(".git"));
        Path sub = Files.createDirectories(root.resolve("services/orders"));
        Files.writeString(sub.resolve(".mi-scan.yml"), "exclude: [generated/, \"*.md\", /docs/, \"!keep.md\"]\n"
                + "allow:\n  paths: [src/test/a.txt]\n");

        ProjectSettings s = ProjectSettings.load(null, root, sub, registry);

        assertThat(s.config().file()).isEqualTo(sub.resolve(".mi-scan.yml"));
        assertThat(s.excludes(List.of())).containsExactly("/services/orders/**/generated/",
                "/services/orders/**/*.md", "/services/orders/docs/", "!/services/orders/**/keep.md");
        Files.createDirectories(sub.resolve("src/test"));
        Files.writeString(sub.resolve("src/test/a.txt"), "secret=Value0000001\n");
        Files.writeString(sub.resolve("b.txt"), "secret=Value0000002\n");
        ScanResult r = s.engine().scan(new ScanRequest(root, List.of(sub), s.excludes(List.of()),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 1));
        assertThat(r.findings()).extracting(f -> f.location().path()).containsExactly("services/orders/b.txt");
        assertThat(r.suppressedFindings()).extracting(f -> f.location().path())
                .containsExactly("services/orders/src/test/a.txt");
    }

    @Test
    void aFileAboveADirectoryOutsideAnyRepository_doesNotApply() throws Exception {
        Files.writeString(root.resolve(".mi-scan.yml"), "rules:\n  MI-TEST-SECRET: off\n");
        Path sub = Files.createDirectories(root.resolve("project"));

        assertThat(ProjectSettings.load(null, sub, registry).config().file()).isNull();
    }

    @Test
    void flagsWinOverTheFile_andExcludesAdd() throws Exception {
        Files.writeString(root.resolve(".mi-scan.yml"), "fail-on: note\nmax-file-size: 1k\nexclude: [docs/]\n");

        ProjectSettings s = ProjectSettings.load(null, root, registry);

        assertThat(s.failOn(null)).isEqualTo("note");
        assertThat(s.failOn("none")).isEqualTo("none");
        assertThat(s.maxFileSize(null)).isEqualTo(1024);
        assertThat(s.maxFileSize(10L)).isEqualTo(10);
        assertThat(s.excludes(List.of("*.md"))).containsExactly("docs/", "*.md");
    }

    @Test
    void baselineFile_isTheFlag_elseTheConfigs_elseTheStandardFileIfPresent() throws Exception {
        Path standard = root.resolve(Baseline.DEFAULT_FILE);
        Baseline.of(List.of(), FingerprintKey.random()).write(standard);
        Path custom = root.resolve("custom.json");
        Baseline.of(List.of(), FingerprintKey.random()).write(custom);

        assertThat(ProjectSettings.load(null, root, registry).baselineFile(null, root)).isEqualTo(standard);
        assertThat(ProjectSettings.load(null, root, registry).baselineFile(custom, root)).isEqualTo(custom);

        Files.writeString(root.resolve(".mi-scan.yml"), "baseline: config/missing.json\n");
        ProjectSettings named = ProjectSettings.load(null, root, registry);
        assertThatThrownBy(() -> named.baselineFile(null, root)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("baseline file not found").hasMessageContaining("missing.json");
    }

    @Test
    void applyBaseline_movesBaselinedFindingsToTheSuppressedOnes() throws Exception {
        Files.writeString(root.resolve("a.txt"), "secret=Accepted0001\n");
        ProjectSettings s = ProjectSettings.load(null, root, registry);
        ScanResult first = s.engine(FingerprintKey.random()).scan(ScanRequest.of(root, List.of(root)));
        Baseline.of(first).write(root.resolve(Baseline.DEFAULT_FILE));

        Baseline baseline = s.loadBaseline(s.baselineFile(null, root));
        ScanResult again = s.applyBaseline(baseline, s.engine(baseline).scan(ScanRequest.of(root, List.of(root))),
                Baseline.existingFilesUnder(root));

        assertThat(again.fingerprintKey()).isEqualTo(first.fingerprintKey());
        assertThat(again.findings()).isEmpty();
        assertThat(again.suppressedFindings()).hasSize(1);
        assertThat(s.applyBaseline(null, first, p -> true)).isSameAs(first);
    }

    @Test
    void loadBaseline_noneIsNull_aMissingOrMalformedFileIsAConfigError() throws Exception {
        ProjectSettings s = ProjectSettings.load(null, root, registry);
        assertThat(s.loadBaseline(null)).isNull();
        assertThat(s.engine((Baseline) null).fingerprintKey()).isEqualTo(FingerprintKey.DEFAULT);

        assertThatThrownBy(() -> s.loadBaseline(root.resolve("gone.json"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("baseline file not found");
        Files.writeString(root.resolve("bad.json"), "{\"formatVersion\": 2, \"findings\": []}");
        assertThatThrownBy(() -> s.loadBaseline(root.resolve("bad.json"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("fingerprints");
    }

    @Test
    void explicitConfigThatIsMissing_orNamesAnUnknownRule_isAnError() throws Exception {
        assertThatThrownBy(() -> ProjectSettings.load(root.resolve("nope.yml"), root, registry))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no such file");

        Files.writeString(root.resolve(".mi-scan.yml"), "rules:\n  MI-NOPE: off\n");
        assertThatThrownBy(() -> ProjectSettings.load(null, root, registry)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown rule 'rules.MI-NOPE'");
    }
}
