package dev.miscan.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paths a tree's listing reports: relative to the base directory, under a linked root as the user named it. */
class FileTreeSourcePathsTest {
    @TempDir
    Path dir;
    private Path project;

    @BeforeEach
    void tree() throws IOException {
        project = dir.resolve("work/project");
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("src/main/resources/app.properties"), "a=1\n");
        Files.writeString(project.resolve("docs/notes.md"), "n\n");
        Files.writeString(project.resolve("docs/ignored.md"), "n\n");
        Files.writeString(project.resolve("docs/.gitignore"), "ignored.md\n");
        Files.writeString(project.resolve("top.yml"), "t: 1\n");
    }

    private List<String> paths(Path baseDir, Path root, List<String> excludes) throws IOException {
        return new FileTreeSource(baseDir, root, excludes, 1 << 20).entries(w -> { }).stream()
                .map(Source.Entry::path).sorted().toList();
    }

    @Test
    void rootAsBaseDirectory() throws IOException {
        assertThat(paths(project, project, List.of())).containsExactly("docs/.gitignore", "docs/notes.md",
                "src/main/resources/app.properties", "top.yml");
    }

    @Test
    void rootBelowTheBaseDirectory() throws IOException {
        assertThat(paths(dir, project.resolve("src"), List.of()))
                .containsExactly("work/project/src/main/resources/app.properties");
        assertThat(paths(dir.resolve("work"), project, List.of("top.yml"))).containsExactly(
                "project/docs/.gitignore", "project/docs/notes.md", "project/src/main/resources/app.properties");
    }

    @Test
    void rootOutsideTheBaseDirectory_isReportedByItsAbsolutePath() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        String abs = ReportedPaths.slashes(project.resolve("docs").toAbsolutePath().normalize());
        assertThat(paths(elsewhere, project.resolve("docs"), List.of())).containsExactly(abs + "/.gitignore",
                abs + "/notes.md");
    }

    @Test
    void aRootGivenWithDotSegments_isReportedNormalised() throws IOException {
        assertThat(paths(project, project.resolve("docs/../src/./main"), List.of()))
                .containsExactly("src/main/resources/app.properties");
    }

    @Test
    void aLinkedRoot_isReportedAsTheUserNamedIt() throws IOException {
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, project.resolve("src"));
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links here
        }
        assertThat(paths(dir, link, List.of())).containsExactly("link/main/resources/app.properties");
    }

    @Test
    void aSingleFile() throws IOException {
        assertThat(paths(project, project.resolve("top.yml"), List.of())).containsExactly("top.yml");
        assertThat(paths(project.resolve("docs"), project.resolve("top.yml"), List.of()))
                .containsExactly(ReportedPaths.slashes(project.resolve("top.yml").toAbsolutePath()));
    }
}
