package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miscan.core.api.Fix;
import dev.miscan.core.source.SafeWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Jazzer fuzz tests of what decides and does {@code mi-scan fix}'s writes:
 * <ul>
 *   <li>{@link #pathNormaliser}: a fuzzed path under a tree that holds links out of it, into it and to folders
 *       ({@link FixCommand#unsafeTarget}, {@link FixCommand#expectedReal}, {@link SafeWrites.TreeFile#open}): a path
 *       they accept is inside the tree, lexically and really, and is no link;</li>
 *   <li>{@link #fixWriter}: a fuzzed edit set applied to a fuzzed text ({@link FixCommand#edited}) and written
 *       ({@link SafeWrites.TreeFile}), the file sometimes swapped for a link to a file outside first: nothing but
 *       {@link IllegalArgumentException} (edits outside the text, or overlapping) or an {@link IOException} (a
 *       refused write) escapes, nothing outside the temporary root changes, no temporary file is left, and the file
 *       ends as it was or as the edited text.</li>
 * </ul>
 * Regression mode in {@code mvn verify} replays {@code src/test/resources/dev/miscan/cli/FixFuzzTestInputs/<method>/};
 * to fuzz, see {@code .ci/fuzz.sh}.
 */
class FixFuzzTest {
    private static final byte[] OUTSIDE_TEXT = "outside=untouched\n".getBytes(StandardCharsets.UTF_8);
    private static Path scratch;
    private static Path tree;
    private static Path realTree;
    private static Path outside;

    /** One tree for every run: a file, a folder, links out of it (a file, a folder) and into it. */
    private static synchronized void layOut() throws IOException {
        if (scratch != null) {
            return;
        }
        scratch = Files.createTempDirectory("mi-scan-fix-fuzz-");
        scratch.toFile().deleteOnExit();
        tree = Files.createDirectories(scratch.resolve("tree"));
        outside = Files.write(scratch.resolve("outside.properties"), OUTSIDE_TEXT);
        Path outsideDir = Files.createDirectories(scratch.resolve("outside-dir"));
        Files.write(outsideDir.resolve("a.properties"), OUTSIDE_TEXT);
        Files.write(tree.resolve("a.properties"), "a=1\n".getBytes(StandardCharsets.UTF_8));
        Path sub = Files.createDirectories(tree.resolve("sub"));
        Files.write(sub.resolve("a.properties"), "b=1\n".getBytes(StandardCharsets.UTF_8));
        Files.write(tree.resolve("..\\a.properties"), "c=1\n".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(tree.resolve("link.properties"), outside);
        Files.createSymbolicLink(tree.resolve("link-in.properties"), tree.resolve("a.properties"));
        Files.createSymbolicLink(tree.resolve("out"), outsideDir);
        Files.createSymbolicLink(tree.resolve("in"), sub);
        Files.createSymbolicLink(tree.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(sub.resolve("loop"), Path.of("loop"));
        realTree = tree.toRealPath();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(scratch)));
    }

    @FuzzTest(maxDuration = "2m")
    void pathNormaliser(FuzzedDataProvider data) throws IOException {
        layOut();
        String name = data.consumeRemainingAsString();
        Path file;
        try {
            file = tree.resolve(name);
        } catch (InvalidPathException e) {
            return; // not a path of this platform (a NUL): never a name the scan reports
        }
        String unsafe = dev.miscan.core.session.FixRun.unsafeTarget(realTree, tree, file);
        if (unsafe == null) {
            assertThat(file.toAbsolutePath().normalize().startsWith(tree.toAbsolutePath().normalize())).isTrue();
            assertThat(Files.isSymbolicLink(file)).isFalse();
            assertThat(file.toRealPath().startsWith(realTree)).isTrue();
        }
        Path expected = dev.miscan.core.session.FixRun.expectedReal(Map.of(tree.toAbsolutePath().normalize(), realTree), file);
        if (expected != null) {
            assertThat(expected.startsWith(realTree)).isTrue();
        }
        try (SafeWrites.TreeFile target = SafeWrites.TreeFile.open(realTree, file, expected)) {
            // opened: the file is inside the tree, reached through no link, and not itself a link
            Path real = file.toRealPath();
            assertThat(expected).isNotNull();
            assertThat(real).isEqualTo(expected);
            assertThat(real.startsWith(realTree) && !real.equals(realTree)).isTrue();
            assertThat(Files.isSymbolicLink(file)).isFalse();
            assertThat(unsafe).isNull();
            byte[] bytes = target.read();
            assertThat(Arrays.equals(bytes, OUTSIDE_TEXT)).as("read a file outside the tree").isFalse();
        } catch (IOException e) {
            // refused, missing, a folder, a loop: the documented ways not to open it
        }
        assertThat(Files.readAllBytes(outside)).isEqualTo(OUTSIDE_TEXT);
    }

    @FuzzTest(maxDuration = "2m")
    void fixWriter(FuzzedDataProvider data) throws IOException {
        layOut();
        boolean swapForLink = data.consumeBoolean();
        boolean crlf = data.consumeBoolean();
        int count = data.consumeInt(0, 6);
        List<Fix.Edit> edits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            edits.add(new Fix.Edit(data.consumeInt(-1, 12), data.consumeInt(-1, 80), data.consumeInt(-1, 12),
                    data.consumeInt(-1, 80), data.consumeString(40)));
        }
        String raw = data.consumeRemainingAsString();
        byte[] original = (crlf ? raw.replace("\n", "\r\n") : raw).getBytes(StandardCharsets.UTF_8);
        String text = new String(original, StandardCharsets.UTF_8);

        Path root = Files.createTempDirectory(scratch, "write-");
        try {
            Path file = Files.write(root.resolve("app.properties"), original);
            String updated;
            try {
                updated = dev.miscan.core.session.FixRun.edited(text, edits);
            } catch (IllegalArgumentException e) {
                updated = null; // documented: an edit outside the text, or two that overlap
            }
            if (updated != null && edits.isEmpty()) {
                assertThat(updated).isEqualTo(text);
            }
            if (updated != null && edits.size() == 1) {
                assertThat(updated).isEqualTo(oneEdit(text, edits.get(0), text.contains("\r\n")));
            }
            if (swapForLink) {
                Files.delete(file);
                Files.createSymbolicLink(file, outside);
            }
            if (updated != null) {
                try (SafeWrites.TreeFile target = SafeWrites.TreeFile.open(root, file, root.toRealPath()
                        .resolve("app.properties"))) {
                    byte[] bytes = target.read();
                    target.replace(bytes, updated);
                } catch (IOException e) {
                    // documented: refused (a link), or an I/O failure
                }
            }
            assertThat(Files.readAllBytes(outside)).as("the file outside").isEqualTo(OUTSIDE_TEXT);
            try (Stream<Path> s = Files.list(root)) {
                assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("app.properties");
            }
            if (swapForLink) {
                assertThat(Files.isSymbolicLink(file)).isTrue();
            } else {
                byte[] now = Files.readAllBytes(file);
                assertThat(Arrays.equals(now, original) || updated != null
                        && Arrays.equals(now, updated.getBytes(StandardCharsets.UTF_8)))
                        .as("the file is the original or the edited text").isTrue();
                if (updated != null) {
                    assertThat(now).isEqualTo(updated.getBytes(StandardCharsets.UTF_8));
                }
            }
        } finally {
            delete(root);
        }
    }

    /** One edit applied the plain way: line and column (1-based, end exclusive) to offsets. */
    private static String oneEdit(String text, Fix.Edit e, boolean crlf) {
        int start = offset(text, e.startLine(), e.startColumn());
        int end = offset(text, e.endLine(), e.endColumn());
        String replacement = crlf ? e.text().replaceAll("(?<!\r)\n", "\r\n") : e.text();
        return text.substring(0, start) + replacement + text.substring(end);
    }

    private static int offset(String text, int line, int column) {
        if (line - 1 == text.chars().filter(c -> c == '\n').count() + 1) {
            return text.length(); // just past the last line (the only column a fix may name there is 1)
        }
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = text.indexOf('\n', start) + 1;
        }
        return start + column - 1;
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
