package dev.miscan.core.source.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.SkippedException;
import dev.miscan.core.source.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How archives become entries: names, limits, and content that lies about itself. */
class ArtifactsTest {
    @TempDir
    Path dir;

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<Source.Entry> entries(String name, byte[] bytes, ArchiveOptions options, List<ScanWarning> warnings)
            throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return Artifacts.entries(file, name, options, 2L << 20, warnings::add);
    }

    @Test
    void entriesAreNamedByTheirChainAndReadAsTheirKind() throws Exception {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("application.yml", text("a: 1\n"));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("/config/app.properties", text("x=1\n"));
        outer.put("../../escape.properties", text("y=2\n"));
        outer.put("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        outer.put("lib/inner.jar", zip(inner));
        outer.put("dir/", new byte[0]);
        List<ScanWarning> warnings = new ArrayList<>();
        List<Source.Entry> entries = entries("app.zip", zip(outer), ArchiveOptions.DEFAULT.libraries(true), warnings);
        assertThat(entries).extracting(Source.Entry::path).containsExactly("app.zip!/config/app.properties",
                "app.zip!/../../escape.properties", "app.zip!/lib/inner.jar!/application.yml");
        Fragment f = entries.get(0).read();
        assertThat(f.text()).isEqualTo("x=1\n");
        assertThat(f.path()).isEqualTo("app.zip!/config/app.properties");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theEntryLimitStopsReadingWithOneWarning() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("f" + i + ".properties", text("k=" + i + "\n"));
        }
        List<ScanWarning> warnings = new ArrayList<>();
        List<Source.Entry> entries = entries("many.zip", zip(many), new ArchiveOptions(false, false, 4, 10, 1L << 30,
                200), warnings);
        assertThat(entries).hasSize(10);
        assertThat(warnings).extracting(ScanWarning::message).containsExactly(
                "stopped reading after 10 entries (the archive limit): the rest is not scanned");
    }

    @Test
    void theInflatedTotalIsBounded() throws IOException {
        Map<String, byte[]> big = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            big.put("f" + i + ".txt", text("x".repeat(1000)));
        }
        List<ScanWarning> warnings = new ArrayList<>();
        List<Source.Entry> entries = entries("big.zip", zip(big), new ArchiveOptions(false, false, 4, 1000, 2500, 200),
                warnings);
        assertThat(entries).hasSize(2);
        assertThat(warnings).extracting(ScanWarning::message).singleElement().asString()
                .startsWith("stopped reading: more than 2500 bytes inflated");
    }

    @Test
    void anEntryThatInflatesPastItsDeclaredSizeIsSkippedWhenRead() throws IOException {
        byte[] zip = zip(Map.of("lies.properties", text("k=" + "v".repeat(5000) + "\n")));
        // the central directory says 100 bytes: inflating stops there and the entry is refused
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                b.putInt(i + 24, 100);
            }
        }
        List<ScanWarning> warnings = new ArrayList<>();
        List<Source.Entry> entries = entries("lies.zip", zip, ArchiveOptions.DEFAULT, warnings);
        assertThat(entries).hasSize(1);
        assertThatThrownBy(() -> entries.get(0).read()).isInstanceOf(SkippedException.class)
                .hasMessageContaining("does not match the size the archive declares");
    }

    @Test
    void notAnArchiveIsOneWarningNamingIt() throws IOException {
        List<ScanWarning> warnings = new ArrayList<>();
        assertThat(entries("text.jar", text("not a zip at all"), ArchiveOptions.DEFAULT, warnings)).isEmpty();
        assertThat(warnings).extracting(w -> w.path() + ": " + w.message()).singleElement().asString()
                .startsWith("text.jar: skipped: not a readable zip archive (");
    }
}
