package dev.miscan.core.source.archive;

/**
 * How built artifacts (jars, wars, ears, zips, class files, saved container images) are read.
 *
 * @param inDirectories read the artifacts a directory scan meets (off by default: a source tree's jars are
 *                      usually downloaded tools); an artifact named as a scan path is read whatever this says
 * @param libraries     read the libraries an application archive bundles ({@code BOOT-INF/lib}, {@code
 *                      WEB-INF/lib}, an ear's {@code lib/}) even when they are not the application's own
 * @param maxDepth      how deep archives inside archives are opened (the outermost is depth 1)
 * @param maxEntries    how many entries of one artifact, nested ones included, are looked at
 * @param maxTotalBytes how many bytes one artifact may inflate to, nested ones included
 * @param maxRatio      an entry that inflates more than this many times its compressed size (past 1 MiB) is a
 *                      zip bomb's and is not read
 */
public record ArchiveOptions(boolean inDirectories, boolean libraries, int maxDepth, int maxEntries,
        long maxTotalBytes, int maxRatio) {

    /** Artifacts are read when named, not when a directory scan meets them. */
    public static final ArchiveOptions DEFAULT = new ArchiveOptions(false, false, 4, 100_000, 1L << 30, 200);

    public ArchiveOptions {
        if (maxDepth < 1 || maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** The same options, reading the artifacts a directory scan meets when {@code on}. */
    public ArchiveOptions inDirectories(boolean on) {
        return new ArchiveOptions(on, libraries, maxDepth, maxEntries, maxTotalBytes, maxRatio);
    }

    /** The same options, reading bundled third-party libraries when {@code on}. */
    public ArchiveOptions libraries(boolean on) {
        return new ArchiveOptions(inDirectories, on, maxDepth, maxEntries, maxTotalBytes, maxRatio);
    }
}
