package dev.miscan.core.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What {@code git commit} would record: the index content of every file staged since {@code HEAD} (not the
 * working tree, which may differ), with only the added or changed lines reported. Renames are detected, so
 * a moved file reports nothing unless its lines changed. Paths are relative to the work tree.
 */
public final class GitStagedSource implements Source {
    private final Repository repo;
    private final TreeFilter filter;
    private final PathExcludes excludes;
    private final long maxFileSize;
    /** The index compared with HEAD ahead of the scan ({@link #readChanges}), or null: compared by {@link #entries}. */
    private final Changes changes;

    /**
     * The files staged since HEAD, as {@code git diff --cached} lists them, or what reading them met (thrown by
     * {@link #entries}, where it would have been thrown without the head start).
     */
    public static final class Changes {
        private final List<DiffEntry> diffs;
        private final Exception failure;

        private Changes(List<DiffEntry> diffs, Exception failure) {
            this.diffs = diffs;
            this.failure = failure;
        }

        List<DiffEntry> diffs() throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            return diffs;
        }
    }

    /**
     * Compares the index with HEAD now: the part of a pre-commit run that grows with the repository (the whole
     * index is read), done by the CLI while the rules still load on their own thread. Never throws: a failure is
     * kept for {@link #entries}, so that settings problems are still reported first.
     */
    public static Changes readChanges(Repository repo, TreeFilter filter) {
        try {
            return new Changes(diff(repo, filter), null);
        } catch (IOException | RuntimeException e) {
            return new Changes(null, e);
        }
    }

    /**
     * @param filter      limits the files (see {@link GitRepositories#pathFilter}), or {@link TreeFilter#ALL}
     * @param excludes    gitignore-syntax patterns, as for a file tree (the default directories are skipped too)
     * @param maxFileSize larger files are skipped with a warning
     */
    public GitStagedSource(Repository repo, TreeFilter filter, List<String> excludes, long maxFileSize) {
        this(repo, filter, null, excludes, maxFileSize);
    }

    /** The staged files of {@code changes}, read ahead by {@link #readChanges}. */
    public GitStagedSource(Repository repo, Changes changes, List<String> excludes, long maxFileSize) {
        this(repo, null, java.util.Objects.requireNonNull(changes), excludes, maxFileSize);
    }

    private GitStagedSource(Repository repo, TreeFilter filter, Changes changes, List<String> excludes,
            long maxFileSize) {
        this.repo = repo;
        this.filter = filter;
        this.changes = changes;
        this.excludes = new PathExcludes(excludes);
        this.maxFileSize = maxFileSize;
    }

    @Override
    public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<DiffEntry> diffs = changes != null ? changes.diffs() : diff(repo, filter);
        GitChanges.addEntries(repo, diffs, null, "index:", excludes, maxFileSize, " (staged)", entries::add);
        return entries;
    }

    private static List<DiffEntry> diff(Repository repo, TreeFilter filter) throws IOException {
        ObjectId head = repo.resolve("HEAD^{tree}");
        try (ObjectReader reader = repo.newObjectReader();
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            diff.setPathFilter(filter);
            AbstractTreeIterator old = head == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, head);
            return diff.scan(old, new DirCacheIterator(repo.readDirCache()));
        }
    }

    /** Whether a path is in the index: a baselined path that is not has been renamed or deleted. */
    public Predicate<String> pathExists() throws IOException {
        Set<String> paths = GitRepositories.indexPaths(repo);
        return paths::contains;
    }
}
