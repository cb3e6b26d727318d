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

    /**
     * @param filter      limits the files (see {@link GitRepositories#pathFilter}), or {@link TreeFilter#ALL}
     * @param excludes    gitignore-syntax patterns, as for a file tree (the default directories are skipped too)
     * @param maxFileSize larger files are skipped with a warning
     */
    public GitStagedSource(Repository repo, TreeFilter filter, List<String> excludes, long maxFileSize) {
        this.repo = repo;
        this.filter = filter;
        this.excludes = new PathExcludes(excludes);
        this.maxFileSize = maxFileSize;
    }

    @Override
    public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
        List<Entry> entries = new ArrayList<>();
        ObjectId head = repo.resolve("HEAD^{tree}");
        try (ObjectReader reader = repo.newObjectReader();
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            diff.setPathFilter(filter);
            AbstractTreeIterator old = head == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, head);
            List<DiffEntry> diffs = diff.scan(old, new DirCacheIterator(repo.readDirCache()));
            GitChanges.addEntries(repo, diffs, null, "index:", excludes, maxFileSize, " (staged)", entries::add);
        }
        return entries;
    }

    /** Whether a path is in the index: a baselined path that is not has been renamed or deleted. */
    public Predicate<String> pathExists() throws IOException {
        Set<String> paths = GitRepositories.indexPaths(repo);
        return paths::contains;
    }
}
