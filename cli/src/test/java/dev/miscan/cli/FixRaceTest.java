package dev.miscan.cli;

import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.source.SafeWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that changes, or is swapped for a symbolic link (itself or a folder above it), between the scan and the
 * write is left alone: {@code fix} goes on with the other files, names what it skipped and exits 3. The tests change
 * the tree through {@link FixCommand#afterPlanForTests}, which runs after the plan and before the first write, and
 * in one test from this JVM while {@code fix} runs in another. Keys are generated; assertions are booleans, so that
 * a failure never prints one.
 */
class FixRaceTest {

    @AfterEach
    void noHook() {
        dev.miscan.core.session.FixRun.afterPlanForTests = null;
    }

    private static String setting() {
        return "spring.cloud.azure.storage.blob.connection-string=" + GitFixtures.connectionString() + "\n";
    }

    private static boolean fixed(Path file) throws IOException {
        String text = Files.readString(file);
        return !text.contains("AccountKey=") && text.contains("spring.cloud.azure.storage.blob.endpoint=");
    }

    @Test
    void aFileChangedBetweenScanAndWriteIsLeftUntouched(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.properties"), setting());
        Path b = Files.writeString(tree.resolve("b.properties"), setting());
        Files.writeString(tree.resolve("c.properties"), setting());
        // an edit away from the key: the key is where the scan saw it, the file is still not the one it read
        String edited = Files.readString(b) + "app.name=orders\n";
        dev.miscan.core.session.FixRun.afterPlanForTests = () -> write(b, edited);

        CliRun fix = run("fix", tree.toString(), "--force");

        assertThat(fix.exitCode()).as("exit code").isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(Files.readString(b).equals(edited)).as("the changed file is as it was changed").isTrue();
        assertThat(fixed(tree.resolve("a.properties")) && fixed(tree.resolve("c.properties"))).as("the others fixed")
                .isTrue();
        assertThat(fix.err()).contains("b.properties: not fixed: changed since the scan");
        assertThat(fix.out()).contains("fixed 2 file(s)").contains("1 file(s) could not be fixed");
        assertThat(leftovers(tree)).isEmpty();
    }

    @Test
    void aFileSwappedForALinkOutsideTheTreeBetweenScanAndWriteIsLeftUntouched(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outside = Files.writeString(dir.resolve("victim.properties"), "owner=someone-else\n" + setting());
        byte[] victim = Files.readAllBytes(outside);
        Files.writeString(tree.resolve("a.properties"), setting());
        Path b = Files.writeString(tree.resolve("b.properties"), setting());
        dev.miscan.core.session.FixRun.afterPlanForTests = () -> swapForLink(b, outside);

        CliRun fix = run("fix", tree.toString(), "--force");

        assertThat(fix.exitCode()).as("exit code").isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(Arrays.equals(Files.readAllBytes(outside), victim)).as("the link's target is untouched").isTrue();
        assertThat(Files.isSymbolicLink(b) && readLink(b).equals(outside)).as("the link is untouched").isTrue();
        assertThat(fixed(tree.resolve("a.properties"))).as("the other file fixed").isTrue();
        assertThat(fix.err()).contains("b.properties: not fixed: a symbolic link");
        assertThat(fix.out()).contains("fixed 1 file(s)").contains("1 file(s) could not be fixed");
    }

    @Test
    void aFolderSwappedForALinkBetweenScanAndWriteIsRefused(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.properties"), setting());
        // one folder is moved out of the tree and left as a link to where it went; another is swapped for a link to
        // a folder inside the tree holding a file with the very text the scan read
        Path out = Files.createDirectories(tree.resolve("out"));
        Files.writeString(out.resolve("app.properties"), setting());
        Path in = Files.createDirectories(tree.resolve("in"));
        String inText = setting();
        Files.writeString(in.resolve("app.properties"), inText);
        Path elsewhere = dir.resolve("elsewhere");
        Path decoy = Files.createDirectories(tree.resolve("decoy"));
        dev.miscan.core.session.FixRun.afterPlanForTests = () -> {
            try {
                Files.move(out, elsewhere);
                Files.createSymbolicLink(out, elsewhere);
                Files.writeString(decoy.resolve("app.properties"), inText);
                Path moved = tree.resolve("in-moved");
                Files.move(in, moved);
                Files.createSymbolicLink(in, decoy);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        CliRun fix = run("fix", tree.toString(), "--force");

        assertThat(fix.exitCode()).as("exit code").isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(Files.readString(elsewhere.resolve("app.properties")).contains("AccountKey=")).as("outside untouched")
                .isTrue();
        assertThat(Files.readString(decoy.resolve("app.properties")).equals(inText)).as("the decoy untouched").isTrue();
        assertThat(Files.isSymbolicLink(out) && Files.isSymbolicLink(in)).as("the links are untouched").isTrue();
        assertThat(fixed(tree.resolve("a.properties"))).as("the other file fixed").isTrue();
        assertThat(fix.err()).contains("out/app.properties: not fixed:").contains("in/app.properties: not fixed:");
        assertThat(fix.out()).contains("fixed 1 file(s)").contains("2 file(s) could not be fixed");
    }

    @Test
    void theWriteRechecksTheRealPathAndTheFolderRightBeforeTheRename(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("tree"));
        Path sub = Files.createDirectories(root.resolve("sub"));
        Path file = Files.writeString(sub.resolve("app.properties"), "a=1\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path real = file.toRealPath();

        // the folder is moved away (to outside the tree) and a link left in its place after the file was opened
        try (SafeWrites.TreeFile target = SafeWrites.TreeFile.open(root, file, real)) {
            byte[] bytes = target.read();
            Files.move(sub, outside.resolve("sub"));
            Files.createSymbolicLink(sub, outside.resolve("sub"));
            assertThatThrownBy(() -> target.replace(bytes, "a=2\n")).isInstanceOf(SafeWrites.Refused.class)
                    .hasMessageContaining("a folder on its path is a symbolic link or was moved");
        }
        assertThat(Files.readString(outside.resolve("sub/app.properties"))).isEqualTo("a=1\n");
        assertThat(leftovers(outside)).isEmpty();

        // the file itself is swapped for a link after it was read
        Path other = Files.createDirectories(root.resolve("other"));
        Path second = Files.writeString(other.resolve("app.properties"), "b=1\n");
        Path target2 = Files.writeString(dir.resolve("target.properties"), "t=1\n");
        try (SafeWrites.TreeFile target = SafeWrites.TreeFile.open(root, second, second.toRealPath())) {
            byte[] bytes = target.read();
            Files.delete(second);
            Files.createSymbolicLink(second, target2);
            assertThatThrownBy(() -> target.replace(bytes, "b=2\n")).isInstanceOf(SafeWrites.Refused.class)
                    .hasMessageContaining("a symbolic link");
        }
        assertThat(Files.readString(target2)).isEqualTo("t=1\n");

        // changed after it was read
        Path third = Files.writeString(other.resolve("c.properties"), "c=1\n");
        try (SafeWrites.TreeFile target = SafeWrites.TreeFile.open(root, third, third.toRealPath())) {
            byte[] bytes = target.read();
            Files.writeString(third, "c=1\nd=1\n");
            assertThatThrownBy(() -> target.replace(bytes, "c=2\n")).isInstanceOf(SafeWrites.Refused.class)
                    .hasMessageContaining("changed since it was read");
        }
        assertThat(Files.readString(third)).isEqualTo("c=1\nd=1\n");
        assertThat(leftovers(root)).isEmpty();

        // a path through a link inside the tree, when the caller expects none, and a path outside the root
        Path linked = Files.createSymbolicLink(root.resolve("linked"), other);
        assertThatThrownBy(() -> SafeWrites.TreeFile.open(root, linked.resolve("c.properties"),
                linked.resolve("c.properties").toAbsolutePath().normalize())).isInstanceOf(SafeWrites.Refused.class);
        assertThatThrownBy(() -> SafeWrites.TreeFile.open(root, target2, null)).isInstanceOf(SafeWrites.Refused.class)
                .hasMessageContaining("outside the scanned tree");

        // and when nothing moved, the file is replaced, with its permissions
        Path fourth = Files.writeString(other.resolve("d.properties"), "d=1\n");
        Files.setPosixFilePermissions(fourth, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        try (SafeWrites.TreeFile target = SafeWrites.TreeFile.open(root, fourth, fourth.toRealPath())) {
            target.replace(target.read(), "d=2\n");
        }
        assertThat(Files.readString(fourth)).isEqualTo("d=2\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fourth)))
                .isEqualTo("rw-r-----");
    }

    /**
     * The same in two processes: {@code fix} runs in its own JVM while this one keeps swapping files of the tree for
     * links to files outside it and back. Whatever the interleaving, nothing outside changes, and every file of the
     * tree ends as it was, as the link, or exactly fixed.
     */
    @Test
    void filesSwappedForLinksWhileAnotherProcessFixesNeverLeadOutside(@TempDir Path dir) throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outsideDir = Files.createDirectories(dir.resolve("outside"));
        int n = 24;
        Map<String, byte[]> original = new TreeMap<>();
        Map<String, byte[]> victims = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String name = "f" + i + ".properties";
            Files.writeString(tree.resolve(name), "app.name=app" + i + "\n" + setting());
            original.put(name, Files.readAllBytes(tree.resolve(name)));
            Path victim = Files.writeString(outsideDir.resolve(name), "owner=someone-else\n" + setting());
            victims.put(name, Files.readAllBytes(victim));
        }
        // what a fix of the untouched tree gives, file by file
        Path copy = Files.createDirectories(dir.resolve("copy"));
        for (var e : original.entrySet()) {
            Files.write(copy.resolve(e.getKey()), e.getValue());
        }
        assertThat(run("fix", copy.toString(), "--force").exitCode()).isZero();
        Map<String, byte[]> fixedText = new TreeMap<>();
        for (String name : original.keySet()) {
            fixedText.put(name, Files.readAllBytes(copy.resolve(name)));
        }

        Process p = FixConcurrencyTest.startFix(dir, tree);
        AtomicBoolean done = new AtomicBoolean();
        Thread attacker = new Thread(() -> {
            java.util.Random random = new java.util.Random(7);
            while (!done.get()) {
                String name = "f" + random.nextInt(n) + ".properties";
                Path file = tree.resolve(name);
                try {
                    if (Files.isSymbolicLink(file)) {
                        Path temp = tree.resolve(".restore-" + name);
                        Files.write(temp, original.get(name));
                        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Path temp = tree.resolve(".link-" + name);
                        Files.deleteIfExists(temp);
                        Files.createSymbolicLink(temp, outsideDir.resolve(name));
                        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // raced with fix's own rename: try another
                }
            }
        });
        attacker.start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        done.set(true);
        attacker.join();
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("fix finished").isTrue();
        assertThat(p.exitValue()).as("exit code").isIn(0, 1, 3);

        for (var e : victims.entrySet()) {
            assertThat(Arrays.equals(Files.readAllBytes(outsideDir.resolve(e.getKey())), e.getValue()))
                    .as("%s outside the tree untouched", e.getKey()).isTrue();
        }
        for (String name : original.keySet()) {
            Path file = tree.resolve(name);
            if (Files.isSymbolicLink(file)) {
                assertThat(readLink(file).equals(outsideDir.resolve(name))).as("%s: the link as it was", name).isTrue();
            } else {
                byte[] now = Files.readAllBytes(file);
                assertThat(Arrays.equals(now, original.get(name)) || Arrays.equals(now, fixedText.get(name)))
                        .as("%s untouched or exactly fixed", name).isTrue();
            }
        }
        assertThat(leftovers(tree).stream().filter(f -> f.startsWith(".mi-scan-")).toList()).isEmpty();
    }

    static List<String> leftovers(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).forEach(out::add);
        }
        return out;
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void swapForLink(Path file, Path target) {
        try {
            Files.delete(file);
            Files.createSymbolicLink(file, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
