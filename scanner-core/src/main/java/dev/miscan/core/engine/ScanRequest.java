package dev.miscan.core.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What to scan and how. Front ends (CLI, Maven plugin) only build one of these.
 *
 * @param baseDir     paths in reports are relative to it; SARIF's {@code SRCROOT}
 * @param paths       files or directories to scan
 * @param excludes    gitignore-syntax patterns of paths to skip, on top of .gitignore and the defaults
 * @param maxFileSize files larger than this many bytes are skipped with a warning
 * @param threads     scanning threads; 0 means all cores
 * @param archives    how built artifacts (jars, wars, class files, saved images) are read
 */
public record ScanRequest(Path baseDir, List<Path> paths, List<String> excludes, long maxFileSize, int threads,
        dev.miscan.core.source.archive.ArchiveOptions archives) {
    public static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024;

    public ScanRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        java.util.Objects.requireNonNull(archives);
    }

    /** A request that reads an artifact only when it is named as a path ({@code ArchiveOptions.DEFAULT}). */
    public ScanRequest(Path baseDir, List<Path> paths, List<String> excludes, long maxFileSize, int threads) {
        this(baseDir, paths, excludes, maxFileSize, threads, dev.miscan.core.source.archive.ArchiveOptions.DEFAULT);
    }

    public static ScanRequest of(Path baseDir, List<Path> paths) {
        return new ScanRequest(baseDir, paths, List.of(), DEFAULT_MAX_FILE_SIZE, 0);
    }
}
