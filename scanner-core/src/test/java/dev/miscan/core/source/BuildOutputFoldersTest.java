package dev.miscan.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build's output folder is left out of a tree scan, but read whole when it is what was named. */
class BuildOutputFoldersTest {
    @TempDir
    Path dir;

    private List<String> paths(Path root) throws IOException {
        return new FileTreeSource(dir, root, List.of(), 1 << 20).entries(w -> { }).stream().map(Source.Entry::path)
                .sorted().toList();
    }

    @Test
    void packagesNamedBuildOrTargetAreReadInsideTheOutputFolder() throws IOException {
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes.resolve("com/acme/build"));
        Files.createDirectories(classes.resolve("com/acme/target"));
        Files.writeString(classes.resolve("com/acme/build/a.properties"), "a=1\n");
        Files.writeString(classes.resolve("com/acme/target/b.properties"), "b=1\n");
        Files.createDirectories(classes.resolve("node_modules"));
        Files.writeString(classes.resolve("node_modules/c.js"), "c\n");
        Files.writeString(dir.resolve("app.properties"), "x=1\n");

        assertThat(paths(dir)).containsExactly("app.properties");
        assertThat(paths(classes)).containsExactly("target/classes/com/acme/build/a.properties",
                "target/classes/com/acme/target/b.properties");
    }
}
