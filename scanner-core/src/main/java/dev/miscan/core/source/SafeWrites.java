package dev.miscan.core.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How mi-scan writes a file of the user's: never through a link, never half a file. */
public final class SafeWrites {
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
}
