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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants fresh fake secrets in every encoding and every format ({@link PlantedSecrets}), runs every output
 * channel of the command line on them (scan in each format, staged, history, plan, fix dry-run and fix, baseline
 * and a scan against it, warnings on stderr) and checks that no 8-character piece of any secret reaches any of
 * them, however the output is decoded. The Maven plugin's log and reports are checked by the plugin's
 * {@code planted-secrets} integration test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedEncodingsLeakTest {
    private final PlantedSecrets planted = new PlantedSecrets();
    /** channel → everything it wrote. */
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private int errors;

    @BeforeAll
    void runEveryChannel(@TempDir Path dir) throws Exception {
        assumeTrue(GitFixtures.onPath("git"), "git is needed to commit the planted project");
        // -Dmi-scan.plantedDir=DIR keeps the project and the outputs there, to look at them by hand
        String keep = System.getProperty("mi-scan.plantedDir");
        Path root = keep == null ? dir.resolve("repo") : Path.of(keep).resolve("repo");
        GitFixtures.initRepo(root);
        planted.writeProject(root);
        check(git(root, "add", "-A"));
        check(git(root, "commit", "-q", "-m", "planted"));
        planted.writeStaged(root);
        check(git(root, "add", "-A"));
        String r = root.toString();

        for (String format : List.of("text", "json", "sarif")) {
            record("scan " + format, run("scan", "--format", format, "--no-color", r));
            Path file = dir.resolve("report." + format);
            record("scan --output " + format, run("scan", "--format", format, "--output", file.toString(), r));
            outputs.put("scan report file " + format, Files.readString(file, StandardCharsets.UTF_8));
            record("scan --staged " + format, run("scan", "--staged", "--format", format, r));
            record("history " + format, run("history", "--format", format, r));
        }
        Path summary = dir.resolve("step-summary.md");
        record("scan --github-annotations", run("scan", "--format", "sarif", "--category", "leak",
                "--github-annotations", "--step-summary", summary.toString(), r));
        outputs.put("step summary file", Files.readString(summary, StandardCharsets.UTF_8));
        CliRun json = run("scan", "--format", "json", r);
        errors = json.out().split("\"severity\"\\s*:\\s*\"error\"", -1).length - 1;
        record("plan markdown", run("plan", r));
        record("plan json", run("plan", "--format", "json", r));
        record("fix --dry-run", run("fix", "--dry-run", "--force", r));
        record("baseline create", run("baseline", "create", r));
        outputs.put("baseline file", Files.readString(root.resolve(".mi-scan-baseline.json"), StandardCharsets.UTF_8));
        for (String format : List.of("text", "json", "sarif")) {
            record("scan with baseline " + format, run("scan", "--format", format, r));
        }
        Files.delete(root.resolve(".mi-scan-baseline.json"));
        record("fix", run("fix", "--force", r));
        record("scan after fix", run("scan", "--format", "json", r));
        if (keep != null) {
            for (Map.Entry<String, String> e : outputs.entrySet()) {
                Files.writeString(Path.of(keep).resolve(e.getKey().replaceAll("[^\\w.-]+", "_")), e.getValue());
            }
        }
    }

    private void record(String channel, CliRun run) {
        outputs.put(channel + " stdout", run.out());
        outputs.put(channel + " stderr", run.err());
    }

    @Test
    void thePlantedProjectGivesTheChecksSomethingToFind() {
        assertThat(planted.count()).isGreaterThanOrEqualTo(30);
        assertThat(errors).as("error-level findings in the planted project").isGreaterThanOrEqualTo(20);
        assertThat(outputs.get("fix --dry-run stdout")).contains("@@");
    }

    @Test
    void noChannelShowsAnEightCharacterPieceOfAPlantedSecretInAnyEncoding() {
        List<String> leaks = new ArrayList<>();
        outputs.forEach((channel, output) -> leaks.addAll(planted.leaks(channel, output)));
        assertThat(leaks).as("channel: planted secret a piece of which it shows").isEmpty();
    }
}
