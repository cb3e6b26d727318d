package dev.miscan.core.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Opening repositories and resolving revisions for the git sources, with errors a user can act on. */
public final class GitRepositories {
    private GitRepositories() {
    }

    /** A problem with the repository or a revision the user named (not an I/O failure). */
    public static final class GitUsageException extends IOException {
        private static final long serialVersionUID = 1L;

        public GitUsageException(String message) {
            super(message);
        }
    }

    /**
     * The repository that contains {@code dir}, found like git does (walking up to a {@code .git}); the
     * {@code GIT_DIR}, {@code GIT_WORK_TREE} and {@code GIT_INDEX_FILE} variables that git sets for hooks are
     * honoured.
     */
    public static Repository open(Path dir) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        if (builder.getGitDir() == null) {
            builder.findGitDir(dir.toAbsolutePath().normalize().toFile());
        }
        if (builder.getGitDir() == null) {
            throw new GitUsageException("not in a git repository: " + dir.toAbsolutePath().normalize());
        }
        return builder.setMustExist(true).build();
    }

    /**
     * Tells JGit where git's system-wide configuration is ({@code $GIT_CONFIG_SYSTEM}, else
     * {@code /etc/gitconfig}) instead of letting it ask the git executable, which starts two processes on
     * every run (about 0.1 s of a pre-commit hook). Meant for short-lived processes such as the CLI: it changes
     * JGit's process-wide default, so a long-lived host (the Maven plugin) should not call it. Does nothing on
     * Windows, where there is no standard location.
     */
    public static void assumeStandardSystemConfig() {
        if (java.io.File.separatorChar != '/') {
            return;
        }
        String env = System.getenv("GIT_CONFIG_SYSTEM");
        org.eclipse.jgit.util.FS.DETECTED.setGitSystemConfig(new File(env != null && !env.isBlank() ? env
                : "/etc/gitconfig"));
    }

    /**
     * Sizes JGit's caches of pack data (10 MB of pack windows and 10 MB of delta bases by default) to the heap, at
     * most a 32nd of it each, for a scan that reads many file versions (the history) in a small heap: a container's
     * JVM may get 96 MB, where 20 MB of caches leave the scan too little and the collector runs without end (80,000
     * commits in 96 MB: 16 s, 7 s with this). A heap of 320 MB or more keeps JGit's defaults. Process-wide, like
     * {@link #assumeStandardSystemConfig}: for the CLI, not for a long-lived host.
     */
    public static void sizeCachesToHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        org.eclipse.jgit.storage.file.WindowCacheConfig c = new org.eclipse.jgit.storage.file.WindowCacheConfig();
        if (heap == Long.MAX_VALUE || heap / 32 >= Math.max(c.getPackedGitLimit(), c.getDeltaBaseCacheLimit())) {
            return;
        }
        c.setPackedGitLimit(Math.min(c.getPackedGitLimit(), heap / 32));
        c.setDeltaBaseCacheLimit((int) Math.min(c.getDeltaBaseCacheLimit(), heap / 32));
        c.install();
    }

    /** Where reported paths are relative to: the work tree, or the git directory of a bare repository. */
    public static Path root(Repository repo) {
        File dir = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
        return dir.toPath().toAbsolutePath().normalize();
    }

    /** The commit a revision names ({@code HEAD}, {@code main}, {@code v1.0~2}, an id). */
    public static ObjectId commit(Repository repo, String revision) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(revision + "^{commit}");
        } catch (IllegalArgumentException e) {
            throw new GitUsageException("not a valid revision: '" + revision + "'");
        }
        if (id == null) {
            throw new GitUsageException("unknown revision: '" + revision + "'"
                    + ("HEAD".equals(revision) ? " (the repository has no commits yet)" : ""));
        }
        return id;
    }

    /**
     * A filter limiting a scan to the given files or directories (absolute or relative to the working
     * directory); {@link TreeFilter#ALL} when one of them is the repository root.
     */
    public static TreeFilter pathFilter(Path root, List<Path> paths) throws GitUsageException {
        List<String> prefixes = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(root)) {
                throw new GitUsageException(p + " is outside the repository " + root);
            }
            String rel = ReportedPaths.slashes(root.relativize(abs));
            if (rel.isEmpty()) {
                return TreeFilter.ALL;
            }
            prefixes.add(rel);
        }
        return prefixes.isEmpty() ? TreeFilter.ALL : PathFilterGroup.createFromStrings(prefixes);
    }

    /** Every file path in the tree of {@code commit}. */
    public static Set<String> paths(Repository repo, ObjectId commit) throws IOException {
        Set<String> paths = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                paths.add(tw.getPathString());
            }
        }
        return paths;
    }

    /** Every path in the index. */
    public static Set<String> indexPaths(Repository repo) throws IOException {
        DirCache index = repo.readDirCache();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
            paths.add(index.getEntry(i).getPathString());
        }
        return paths;
    }
}
