package dev.miscan.core.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/** How mi-scan writes a file of the user's: never through a link, never half a file. */
public final class SafeWrites {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private SafeWrites() {
    }

    /**
     * Replaces (or creates) {@code file} with {@code text}: written beside it first, with its permissions when it
     * exists, then moved over it at once, so that a failure or a concurrent reader never sees half a file. A
     * {@code file} that is a symbolic link is refused: writing through it would write where it points (a committed
     * link to {@code ~/.bashrc}).
     */
    public static void replace(Path file, String text) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new FileSystemException(file.toString(), null, "is a symbolic link; mi-scan does not write through links");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".mi-scan-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions stand
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A write that was refused because the file is not where, or not what, it was: its {@link #getReason()} is a
     * few words for the user ("a symbolic link", "changed since it was read"), never the file's content.
     */
    public static class Refused extends FileSystemException {
        private static final long serialVersionUID = 1L;

        public Refused(String file, String reason) {
            super(file, null, reason);
        }

        Refused(Path file, String reason) {
            this(String.valueOf(file), reason);
        }
    }

    /**
     * One existing file inside a tree, opened for a checked rewrite ({@code mi-scan fix}). Its real path is checked
     * against the tree's real root when it is opened, and its folder is then reached from the root one name at a
     * time without following any link (where the platform has {@link SecureDirectoryStream}, as Linux and macOS
     * do), and held open: a file or a folder on its path swapped for a symbolic link after the scan is refused, not
     * followed. {@link #replace} writes only when the file still holds the bytes the caller read, and only while
     * the folder it holds is still the one at the file's path.
     */
    public static final class TreeFile implements Closeable {
        private final Path file;
        /** The file's real path when opened: inside the root, with no link on the way below it. */
        private final Path real;
        /** The folder of the file, reached without following links; null where the platform has no such stream. */
        private final SecureDirectoryStream<Path> dir;
        private final Path name;

        private TreeFile(Path file, Path real, SecureDirectoryStream<Path> dir) {
            this.file = file;
            this.real = real;
            this.dir = dir;
            this.name = real.getFileName();
        }

        /**
         * Opens {@code file} (as the caller names it: it may lie under a link the user gave as the tree) for a
         * rewrite inside {@code root}.
         *
         * @param expectedReal where the file must really be ({@link Path#toRealPath}), or null for anywhere inside
         *                     the root: a caller that knows which links it followed on purpose (the tree the user
         *                     named may be one) refuses every other
         * @throws Refused when it is a symbolic link, its real path is outside the root's or not the expected one, or
         *                 a folder between the root and it is a symbolic link (or was swapped for one while it was
         *                 being opened)
         */
        public static TreeFile open(Path root, Path file, Path expectedReal) throws IOException {
            Path realRoot = root.toRealPath();
            if (Files.isSymbolicLink(file)) {
                throw new Refused(file, "a symbolic link");
            }
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot) || real.equals(realRoot)) {
                throw new Refused(file, "outside the scanned tree");
            }
            if (expectedReal != null && !real.equals(expectedReal)) {
                throw new Refused(file, "a folder on its path is a symbolic link or was moved");
            }
            Path relative = realRoot.relativize(real);
            DirectoryStream<Path> top = Files.newDirectoryStream(realRoot);
            if (!(top instanceof SecureDirectoryStream<Path> secure)) {
                top.close();
                return new TreeFile(file, real, null);
            }
            SecureDirectoryStream<Path> dir = secure;
            try {
                for (int i = 0; i < relative.getNameCount() - 1; i++) {
                    SecureDirectoryStream<Path> next;
                    try {
                        next = dir.newDirectoryStream(relative.getName(i), NOFOLLOW);
                    } catch (IOException e) {
                        throw new Refused(file, "a folder on its path is a symbolic link or was moved");
                    }
                    dir.close();
                    dir = next;
                }
            } catch (IOException | RuntimeException e) {
                dir.close();
                throw e;
            }
            return new TreeFile(file, real, dir);
        }

        /** The file's bytes, read without following a link: a file swapped for a link since it was opened is refused. */
        public byte[] read() throws IOException {
            if (dir == null) {
                if (Files.isSymbolicLink(real)) {
                    throw new Refused(file, "a symbolic link");
                }
                checkFolder();
                try (SeekableByteChannel ch = Files.newByteChannel(real, Set.of(StandardOpenOption.READ, NOFOLLOW));
                        InputStream in = Channels.newInputStream(ch)) {
                    return in.readAllBytes();
                }
            }
            BasicFileAttributes a = dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
                    .readAttributes();
            if (a.isSymbolicLink()) {
                throw new Refused(file, "a symbolic link");
            }
            if (!a.isRegularFile()) {
                throw new Refused(file, "not a regular file");
            }
            try (SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW));
                    InputStream in = Channels.newInputStream(ch)) {
                return in.readAllBytes();
            } catch (FileSystemException e) {
                if (e.getClass() == FileSystemException.class && e.getReason() != null
                        && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("symbolic link")) {
                    throw new Refused(file, "a symbolic link"); // swapped for one between the two calls (ELOOP)
                }
                throw e;
            }
        }

        /**
         * Replaces the file with {@code text} (UTF-8) when it still holds {@code expected}: written beside it under a
         * new name, with its permissions, then renamed over it in the folder held open, so that no reader sees half a
         * file and nothing is written through a link.
         *
         * @throws Refused when the file changed since {@code expected} was read, became a link, or its folder is no
         *                 longer the one at its path (moved away or swapped for a link)
         */
        public void replace(byte[] expected, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (dir == null) {
                replaceByPath(expected, bytes);
                return;
            }
            Set<PosixFilePermission> permissions = null;
            PosixFileAttributeView view = dir.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW);
            if (view != null) {
                try {
                    permissions = view.readAttributes().permissions();
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions stand
                }
            }
            Path temp = null;
            boolean moved = false;
            try {
                SeekableByteChannel out = null;
                for (int attempt = 0; out == null; attempt++) {
                    temp = Path.of(".mi-scan-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + ".tmp");
                    try {
                        out = dir.newByteChannel(temp, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE, NOFOLLOW));
                    } catch (FileAlreadyExistsException e) {
                        if (attempt > 8) {
                            throw e;
                        }
                    }
                }
                try (SeekableByteChannel ch = out) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                    if (ch instanceof FileChannel fc) {
                        fc.force(true);
                    }
                }
                if (permissions != null) {
                    PosixFileAttributeView tempView = dir.getFileAttributeView(temp, PosixFileAttributeView.class,
                            NOFOLLOW);
                    if (tempView != null) {
                        tempView.setPermissions(permissions);
                    }
                }
                // the last checks, right before the rename: the same bytes, the same folder at the same real path
                if (!Arrays.equals(read(), expected)) {
                    throw new Refused(file, "changed since it was read");
                }
                checkFolder();
                dir.move(temp, dir, name);
                moved = true;
            } finally {
                if (temp != null && !moved) {
                    try {
                        dir.deleteFile(temp);
                    } catch (IOException e) {
                        // never created, or already gone
                    }
                }
            }
        }

        /** The platforms without {@link SecureDirectoryStream}: the same checks on paths, then a move beside it. */
        private void replaceByPath(byte[] expected, byte[] bytes) throws IOException {
            Path parent = real.getParent();
            Path temp = Files.createTempFile(parent, ".mi-scan-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(real, NOFOLLOW));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions stand
                }
                if (!Arrays.equals(read(), expected)) {
                    throw new Refused(file, "changed since it was read");
                }
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        /**
         * The file's folder still resolves to itself (no link on the way from the root), and the folder held open is
         * still the one there (not moved away, with a link left in its place).
         */
        private void checkFolder() throws IOException {
            Path parent = real.getParent();
            Path now;
            try {
                now = parent.toRealPath();
            } catch (IOException e) {
                throw new Refused(file, "its folder was moved");
            }
            if (!now.equals(parent)) {
                throw new Refused(file, "a folder on its path is a symbolic link or was moved");
            }
            if (dir != null) {
                Object held = dir.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
                Object there = Files.readAttributes(parent, BasicFileAttributes.class, NOFOLLOW).fileKey();
                if (held != null && !held.equals(there)) {
                    throw new Refused(file, "a folder on its path is a symbolic link or was moved");
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (dir != null) {
                dir.close();
            }
        }
    }
}
