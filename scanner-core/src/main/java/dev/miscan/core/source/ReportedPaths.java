package dev.miscan.core.source;

import java.io.File;
import java.nio.file.Path;

/** Paths as reports write them. */
public final class ReportedPaths {
    private ReportedPaths() {
    }

    /**
     * A relative path with '/' between its names. Only the platform's own separator is one: on Linux and macOS a
     * backslash is a character of a file name ({@code ..\x.properties} is one file in the folder, not a way up).
     */
    public static String slashes(Path relative) {
        String s = relative.toString();
        return File.separatorChar == '/' ? s : s.replace(File.separatorChar, '/');
    }
}
