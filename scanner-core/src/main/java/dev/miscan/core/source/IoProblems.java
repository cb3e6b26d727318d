package dev.miscan.core.source;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What went wrong with a file, in a few plain words, for a one-line message: never a bare exception message such
 * as {@code Input length = 1} or a path with nothing after it, never a stack trace.
 */
public final class IoProblems {
    private IoProblems() {
    }

    /** {@code permission denied}, {@code no such file or directory}, {@code not UTF-8 text}, {@code is a directory}… */
    public static String of(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof org.eclipse.jgit.errors.MissingObjectException) {
            return "its content is not in this clone (a partial or shallow clone): fetch it to read it";
        }
        String m = e.getMessage();
        if (m != null && m.length() < 120 && !m.contains("\n") && !m.contains("/")) {
            // the JDK's own words for a plain IOException ("Is a directory", "No space left on device") read well
            return e.getClass() == java.io.IOException.class ? m.toLowerCase(Locale.ROOT)
                    : e.getClass().getSimpleName() + ": " + m;
        }
        return e.getClass().getSimpleName();
    }

    /** {@code path: problem}. */
    public static String of(Object path, Throwable e) {
        return path + ": " + of(e);
    }
}
