package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogWriterTest {

    @Test
    void eachLineIsOneLogLineWithoutItsEnding() {
        List<String> lines = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(new LogWriter(lines::add))) {
            out.print("--- a/x.properties\r\n+++ b/x.properties\n");
            out.println("@@ -1 +1 @@");
            out.print("last line without an ending");
            out.flush();
            assertThat(lines).hasSize(3); // a partial line waits for its end
        }
        assertThat(lines).containsExactly("--- a/x.properties", "+++ b/x.properties", "@@ -1 +1 @@",
                "last line without an ending");
    }

    @Test
    void anEmptyLineIsKept() {
        List<String> lines = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(new LogWriter(lines::add))) {
            out.print("a\n\nb\n");
        }
        assertThat(lines).containsExactly("a", "", "b");
    }
}
