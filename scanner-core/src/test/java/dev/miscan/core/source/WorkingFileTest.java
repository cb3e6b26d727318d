package dev.miscan.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfItsListedSizeIsReadWhole() throws Exception {
        Path f = Files.writeString(dir.resolve("a.properties"), "a=1\nb=2\n");
        assertThat(new WorkingFile(f, "a.properties", Files.size(f), 1000).read().text()).isEqualTo("a=1\nb=2\n");
    }

    @Test
    void aFileThatGrewOrShrankSinceItWasListedIsReadAsItIsNow() throws Exception {
        Path f = Files.writeString(dir.resolve("b.properties"), "a=1\nb=2\nc=3\n");
        // listed shorter (it grew) and longer (it shrank): both read what the file holds
        assertThat(new WorkingFile(f, "b.properties", 4, 1000).read().text()).isEqualTo("a=1\nb=2\nc=3\n");
        assertThat(new WorkingFile(f, "b.properties", 40, 1000).read().text()).isEqualTo("a=1\nb=2\nc=3\n");
    }

    @Test
    void aFileThatGrewPastTheCapIsSkipped() throws Exception {
        Path f = Files.write(dir.resolve("c.txt"), "x".repeat(200).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new WorkingFile(f, "c.txt", 10, 100).read()).isInstanceOf(SkippedException.class)
                .hasMessageContaining("grew over the 100-byte limit");
    }
}
