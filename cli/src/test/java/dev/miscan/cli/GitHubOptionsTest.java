package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --category}, {@code --github-annotations} and {@code --step-summary} on {@code scan} and {@code history}. */
class GitHubOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A project with {@code n} connection strings, each with a fresh key; returns the keys. */
    private List<String> project(int n) throws IOException {
        List<String> keys = new ArrayList<>();
        Files.createDirectories(dir.resolve("app"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String key = GitFixtures.storageKey();
            keys.add(key);
            sb.append("store").append(i).append(".connection-string=DefaultEndpointsProtocol=https;AccountName=contoso")
                    .append(i).append(";AccountKey=").append(key).append(";EndpointSuffix=core.windows.net\n");
        }
        Files.writeString(dir.resolve("app/application.properties"), sb.toString(), StandardCharsets.UTF_8);
        return keys;
    }

    private static boolean leaks(List<String> keys, String... outputs) {
        for (String key : keys) {
            for (String out : outputs) {
                if (out.contains(key.substring(0, 12)) || out.contains(key.substring(key.length() - 12))) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode sarif(Path file) throws IOException {
        return JSON.readTree(file.toFile()).path("runs").path(0);
    }

    @Test
    void category_isTheAutomationId_twoCategoriesDiffer_andNoCategoryLeavesItOut() throws IOException {
        project(1);
        Path a = dir.resolve("a.sarif");
        Path b = dir.resolve("b.sarif");
        Path none = dir.resolve("none.sarif");

        assertThat(run("scan", "--format", "sarif", "-o", a.toString(), "--category", "mi-scan-frontend",
                dir.resolve("app").toString()).exitCode()).isEqualTo(1);
        assertThat(run("scan", "--format", "sarif", "-o", b.toString(), "--category", "mi-scan-backend",
                dir.resolve("app").toString()).exitCode()).isEqualTo(1);
        assertThat(run("scan", "--format", "sarif", "-o", none.toString(), dir.resolve("app").toString()).exitCode())
                .isEqualTo(1);

        assertThat(sarif(a).at("/automationDetails/id").asText()).isEqualTo("mi-scan-frontend/");
        assertThat(sarif(b).at("/automationDetails/id").asText()).isEqualTo("mi-scan-backend/");
        assertThat(sarif(none).has("automationDetails")).isFalse();
    }

    @Test
    void category_mustNotBeEmpty() throws IOException {
        project(1);
        CliRun r = run("scan", "--format", "sarif", "--category", " ", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a category cannot be empty");
    }

    @Test
    void history_takesACategoryToo() throws IOException, InterruptedException {
        assumeTrue(GitFixtures.onPath("git"), "git is not installed");
        Path repo = dir.resolve("repo");
        GitFixtures.initRepo(repo);
        Files.writeString(repo.resolve("app.properties"), "storage.connection-string=" + GitFixtures.connectionString()
                + "\n", StandardCharsets.UTF_8);
        GitFixtures.check(GitFixtures.git(repo, "add", "."));
        GitFixtures.check(GitFixtures.git(repo, "commit", "-q", "-m", "config"));
        Path out = dir.resolve("history.sarif");

        CliRun r = run("history", "--format", "sarif", "-o", out.toString(), "--category", "mi-scan-history",
                repo.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(sarif(out).at("/automationDetails/id").asText()).isEqualTo("mi-scan-history/");
    }

    @Test
    void githubAnnotations_printOneErrorCommandPerFinding_onStandardError_redacted() throws IOException {
        List<String> keys = project(3);
        Path out = dir.resolve("mi-scan.sarif");

        CliRun r = run("scan", "--format", "sarif", "-o", out.toString(), "--github-annotations",
                dir.resolve("app").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("::error ")).toList();
        assertThat(errors).hasSize(3);
        assertThat(errors).allMatch(l -> l.matches("::error file=application\\.properties,line=\\d+,endLine=\\d+,"
                + "col=\\d+,endColumn=\\d+,title=MI-[A-Z-]+::.+"));
        assertThat(r.out()).doesNotContain("::error");
        assertThat(leaks(keys, r.out(), r.err(), Files.readString(out))).isFalse();
    }

    @Test
    void withoutTheFlags_nothingForGitHubIsPrinted() throws IOException {
        project(1);
        CliRun r = run("scan", "--format", "json", dir.resolve("app").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("::error").doesNotContain("::notice");
    }

    @Test
    void manyFindings_tenAnnotations_thenOneNoticeNamingTheReport() throws IOException {
        project(14);
        Path out = dir.resolve("mi-scan.sarif");

        CliRun r = run("scan", "--format", "sarif", "-o", out.toString(), "--github-annotations",
                dir.resolve("app").toString());

        assertThat(r.err().lines().filter(l -> l.startsWith("::error "))).hasSize(10);
        List<String> notices = r.err().lines().filter(l -> l.startsWith("::notice ")).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).startsWith("::notice title=mi-scan::4 more finding(s) not annotated (4 error)")
                .endsWith("Every finding is in " + out + ".");
    }

    @Test
    void stepSummary_isAppendedAsATable_withCountsByLevel() throws IOException {
        List<String> keys = project(2);
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "### an earlier step\n\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("mi-scan.sarif");

        CliRun r = run("scan", "--format", "sarif", "-o", out.toString(), "--category", "mi-scan",
                "--step-summary", summary.toString(), dir.resolve("app").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(md).startsWith("### an earlier step\n\n### mi-scan (mi-scan): 2 finding(s): 2 error, 0 warning, 0 note\n");
        assertThat(md).contains("| Level | Rule | Location | Message |\n|---|---|---|---|\n");
        assertThat(md.lines().filter(l -> l.startsWith("| error | MI-") && l.contains(" | application.properties:")))
                .hasSize(2);
        assertThat(md).contains("1 file(s) scanned.");
        assertThat(leaks(keys, md, r.err())).isFalse();
    }

    @Test
    void stepSummary_thatCannotBeWritten_isAScanError() throws IOException {
        project(1);
        CliRun r = run("scan", "--format", "sarif", "-o", dir.resolve("x.sarif").toString(), "--step-summary",
                dir.resolve("no/such/dir/summary.md").toString(), dir.resolve("app").toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("mi-scan: cannot write the step summary: ");
    }
}
