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
 */
public record ScanRequest(Path baseDir, List<Path> paths, List<String> excludes, long maxFileSize, int threads) {
    public static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024;

    public ScanRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
    }

    public static ScanRequest of(Path baseDir, List<Path> paths) {
        return new ScanRequest(baseDir, paths, List.of(), DEFAULT_MAX_FILE_SIZE, 0);
    }
}
