package dev.miscan.core.source;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the files of a working-tree scan come from, and what their paths are relative to. Every front end that
 * scans files on disk uses these, so that a path, a fingerprint and a baseline entry mean the same whatever the
 * working directory the scan was started from.
 */
public final class WorkingTrees {
    private WorkingTrees() {
    }

    /**
     * The work tree of the innermost git repository that holds {@code path} (found as git finds it: the nearest
     * directory at or above it with a {@code .git} file, or a {@code .git} directory that is a repository), or
     * empty outside a repository.
     */
    public static Optional<Path> workTreeOf(Path path) {
        Path start = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            start = start.getParent();
        }
        for (Path d = start; d != null; d = d.getParent()) {
            if (isWorkTree(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code dir} is the top of a work tree: it holds a {@code .git} file or repository directory. */
    static boolean isWorkTree(Path dir) {
        Path git = dir.resolve(".git");
        return Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)
                && org.eclipse.jgit.lib.RepositoryCache.FileKey.isGitRepository(git.toFile(),
                        org.eclipse.jgit.util.FS.DETECTED);
    }

    /**
     * What the reported paths of a scan of {@code targets} are relative to, whatever the working directory: the
     * root of the git repository that holds them all; outside a repository (or across several), the scanned
     * directory, or the deepest directory that holds every target (a file's own directory when it is the only
     * one).
     */
    public static Path reportRoot(List<Path> targets) {
        List<Path> abs = targets.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Optional<Path> repo = workTreeOf(abs.get(0));
        for (Path p : abs) {
            if (repo.isEmpty() || !repo.equals(workTreeOf(p))) {
                repo = Optional.empty();
                break;
            }
        }
        if (repo.isPresent()) {
            return repo.get();
        }
        Path common = Files.isDirectory(abs.get(0)) ? abs.get(0) : abs.get(0).getParent();
        for (Path p : abs) {
            while (common != null && !p.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? abs.get(0).getRoot() : common;
    }

    /**
     * The sources of a scan of {@code paths} on disk, reported relative to {@code baseDir}: a path inside a git work
     * tree is selected as git sees it ({@link GitWorkTreeSource}), any other is a plain {@link FileTreeSource}.
     */
    public static List<Source> sources(Path baseDir, List<Path> paths, List<String> excludes, long maxFileSize) {
        return sources(baseDir, paths, excludes, maxFileSize, dev.miscan.core.source.archive.ArchiveOptions.DEFAULT);
    }

    /**
     * As above; built artifacts are read as {@code archives} says, and always when a path names one (a jar, a class
     * file, a saved image).
     */
    public static List<Source> sources(Path baseDir, List<Path> paths, List<String> excludes, long maxFileSize,
            dev.miscan.core.source.archive.ArchiveOptions archives) {
        List<Source> sources = new ArrayList<>();
        for (Path p : paths) {
            Optional<Path> workTree = workTreeOf(p);
            dev.miscan.core.source.archive.ArchiveOptions these = Files.isRegularFile(p)
                    && dev.miscan.core.source.archive.Artifacts.isArtifact(p.getFileName().toString())
                    ? archives.inDirectories(true) : archives;
            sources.add(workTree.isPresent()
                    ? new GitWorkTreeSource(baseDir, workTree.get(), p, excludes, maxFileSize, these)
                    : new FileTreeSource(baseDir, p, excludes, maxFileSize, these));
        }
        return sources;
    }
}
