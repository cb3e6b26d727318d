package dev.miscan.core.source;

import dev.miscan.core.api.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The lines every commit of a range added: each non-merge commit is compared with its first parent
 * (renames detected), the new version of each changed file is scanned whole and findings on added lines
 * are kept, with the commit's id, author and date. Merge commits are not compared: what they bring in is
 * scanned in the commits they merge. Scan it with {@code HistoryScan} rather than the engine directly: it
 * keeps one finding per secret (the earliest commit) and marks those no longer present at the range's tip.
 */
public final class GitHistorySource implements Source {

    /**
     * Which commits: reachable from {@code include} and not from {@code exclude}, like {@code git log}.
     *
     * @param tip the commit whose tree decides whether a secret is still present (null: none)
     */
    public record Range(List<ObjectId> include, List<ObjectId> exclude, ObjectId tip) {

        /** {@code BASE..HEAD} or {@code BASE...HEAD}: the commits of HEAD that BASE does not have (a PR). */
        public static Range parse(Repository repo, String spec) throws IOException {
            int dots = spec.indexOf("..");
            if (dots < 0) {
                throw new GitRepositories.GitUsageException("not a range: '" + spec + "' (use BASE..HEAD)");
            }
            String base = spec.substring(0, dots);
            String head = spec.substring(spec.startsWith("...", dots) ? dots + 3 : dots + 2);
            base = base.isEmpty() ? "HEAD" : base;
            head = head.isEmpty() ? "HEAD" : head;
            ObjectId tip = GitRepositories.commit(repo, head);
            return new Range(List.of(tip), List.of(GitRepositories.commit(repo, base)), tip);
        }

        /** {@code REV..HEAD}. */
        public static Range since(Repository repo, String rev) throws IOException {
            ObjectId head = GitRepositories.commit(repo, "HEAD");
            return new Range(List.of(head), List.of(GitRepositories.commit(repo, rev)), head);
        }

        /**
         * The history of {@code branch} (default HEAD), or of every ref with {@code all}, optionally only the
         * commits after {@code since}.
         */
        public static Range history(Repository repo, String since, String branch, boolean all) throws IOException {
            List<ObjectId> include = new ArrayList<>();
            ObjectId tip;
            if (all) {
                for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
                    ObjectId id = repo.getRefDatabase().peel(ref).getPeeledObjectId();
                    id = id != null ? id : ref.getObjectId();
                    if (id != null && repo.getObjectDatabase().open(id).getType() == Constants.OBJ_COMMIT) {
                        include.add(id);
                    }
                }
                ObjectId head = repo.resolve("HEAD^{commit}");
                if (head != null) {
                    include.add(head);
                }
                tip = head;
            } else {
                tip = GitRepositories.commit(repo, branch == null ? "HEAD" : branch);
                include.add(tip);
            }
            List<ObjectId> exclude = since == null ? List.of() : List.of(GitRepositories.commit(repo, since));
            return new Range(include, exclude, tip);
        }
    }

    /**
     * How many bytes of tree objects a walk keeps for the commits after the one that read them: 16 MB, less in a
     * small heap (a container's JVM may get 128 MB; caches that crowd the scan out make it collect without end).
     */
    static final long TREE_CACHE_BYTES = Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 32);
    /** How many bytes of file versions a scan keeps for the later commits that compare with them (as above). */
    static final long BLOB_REUSE_BYTES = Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 16);

    private final Repository repo;
    private final Range range;
    private final TreeFilter filter;
    private final List<String> excludePatterns;
    private final PathExcludes excludes;
    private final long maxFileSize;
    private final Map<String, Integer> commitOrder = new ConcurrentHashMap<>();
    /** The blobs of the range that are not in the repository (a partial clone's), found by {@link #entries}. */
    private final Set<ObjectId> missingBlobs = java.util.Collections.synchronizedSet(new java.util.HashSet<>());

    public GitHistorySource(Repository repo, Range range, TreeFilter filter, List<String> excludes, long maxFileSize) {
        this.repo = repo;
        this.range = range;
        this.filter = filter;
        this.excludePatterns = List.copyOf(excludes);
        this.excludes = new PathExcludes(excludes);
        this.maxFileSize = maxFileSize;
    }

    @Override
    public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (new java.io.File(repo.getDirectory(), "shallow").isFile()) {
            warnings.accept(new ScanWarning("", "a shallow clone: the commits before its depth are not in it and were"
                    + " not scanned (git fetch --unshallow, or fetch-depth: 0 in CI, to scan the whole history)", false));
        }
        // what each commit to compare is: its provenance and trees (not the commit: a long history has many)
        List<Provenance> commits = new ArrayList<>();
        List<ObjectId> trees = new ArrayList<>();
        List<ObjectId> parentTrees = new ArrayList<>();
        // one copy of each path, version id, author name and e-mail address for the walk: they repeat in commits
        GitChanges.Shared shared = GitChanges.Shared.perWalk();
        try (RevWalk walk = new RevWalk(repo)) {
            for (ObjectId id : range.include()) {
                walk.markStart(walk.parseCommit(id));
            }
            for (ObjectId id : range.exclude()) {
                walk.markUninteresting(walk.parseCommit(id));
            }
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            int index = 0;
            for (RevCommit c : walk) {
                String name = c.name(); // one string for the order and the provenance
                commitOrder.put(name, index++);
                if (c.getParentCount() > 1) {
                    c.disposeBody();
                    continue; // what a merge brings in is scanned in the commits it merges
                }
                ObjectId parentTree = null;
                if (c.getParentCount() == 1) {
                    RevCommit parent = c.getParent(0);
                    walk.parseHeaders(parent);
                    parentTree = shared.of(parent.getTree().copy());
                }
                PersonIdent author = c.getAuthorIdent();
                commits.add(new Provenance(name, shared.of(author.getName()), shared.of(author.getEmailAddress()),
                        author.getWhenAsInstant(), true));
                trees.add(shared.of(c.getTree().copy()));
                parentTrees.add(parentTree);
                c.disposeBody();
            }
        }
        // each commit is compared with its parent on its own, in parallel; the entries keep the walk's order
        List<List<Entry>> perCommit = new ArrayList<>(java.util.Collections.nCopies(commits.size(), null));
        List<DiffFormatter> formatters = java.util.Collections.synchronizedList(new ArrayList<>());
        List<org.eclipse.jgit.lib.ObjectReader> readers = java.util.Collections.synchronizedList(new ArrayList<>());
        // each tree is read once for the whole walk: a commit's tree is its child's parent tree
        TreeCache treeCache = new TreeCache(TREE_CACHE_BYTES);
        ThreadLocal<DiffFormatter> formatter = ThreadLocal.withInitial(() -> {
            DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
            org.eclipse.jgit.lib.ObjectReader reader = treeCache.reader(repo.newObjectReader());
            readers.add(reader);
            diff.setReader(reader, repo.getConfig());
            diff.setDetectRenames(true);
            diff.setPathFilter(filter);
            formatters.add(diff);
            return diff;
        });
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            pool.submit(() -> java.util.stream.IntStream.range(0, commits.size()).parallel().forEach(i -> {
                try {
                    perCommit.set(i, changesOf(formatter.get(), commits.get(i), trees.get(i), parentTrees.get(i),
                            shared));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("history scan interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
            try {
                // a task still running (after another one failed) must be done with its reader before it is closed
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            formatters.forEach(DiffFormatter::close);
            readers.forEach(org.eclipse.jgit.lib.ObjectReader::close);
        }
        perCommit.forEach(entries::addAll);
        // a version read as one commit's new file is kept for the later commit that compares with it
        BlobReuse reuse = new BlobReuse(BLOB_REUSE_BYTES);
        for (Entry e : entries) {
            if (e instanceof GitBlobEntry blob && blob.oldBlob() != null) {
                reuse.want(blob.oldBlob());
            }
        }
        entries.replaceAll(e -> e instanceof GitBlobEntry blob ? blob.withReuse(reuse) : e);
        if (!missingBlobs.isEmpty()) {
            warnings.accept(new ScanWarning("", missingBlobsMessage(), true));
        }
        return entries;
    }

    /**
     * The entries of what commit {@code p} changed: its tree {@code tree} against its parent's tree
     * ({@code parentTree}, null for a root), their paths and version ids given by the walk's {@code shared}.
     */
    private List<Entry> changesOf(DiffFormatter diff, Provenance p, ObjectId tree, ObjectId parentTree,
            GitChanges.Shared shared) throws IOException {
        List<org.eclipse.jgit.diff.DiffEntry> changes;
        try {
            changes = diff.scan(parentTree, tree);
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            // rename detection compares contents, some of which this clone lacks: the changes without it
            diff.setDetectRenames(false);
            try {
                changes = diff.scan(parentTree, tree);
            } finally {
                diff.setDetectRenames(true);
            }
        }
        List<Entry> entries = new ArrayList<>();
        GitChanges.addEntries(repo, changes, p, null, excludes, maxFileSize, null,
                shared, entry -> {
                    if (entry instanceof GitBlobEntry blob) {
                        List<ObjectId> missing = blob.missing();
                        if (!missing.isEmpty()) {
                            missingBlobs.addAll(missing);
                            if (blob.readable()) {
                                entries.add(blob.withoutOldBlob()); // every line counts, as in a new file
                            }
                            return;
                        }
                    }
                    entries.add(entry);
                });
        return entries;
    }

    /**
     * How many file versions of the range are not in the repository: a partial clone ({@code git clone --filter})
     * has only the contents it needed, and JGit does not fetch the others. Known after {@link #entries}.
     */
    public int missingBlobs() {
        return missingBlobs.size();
    }

    /** The one warning about the missing contents: how many, and how to fetch them. */
    private String missingBlobsMessage() {
        String remote = "origin";
        for (String name : repo.getConfig().getSubsections("remote")) {
            if (repo.getConfig().getBoolean("remote", name, "promisor", false)) {
                remote = name;
                break;
            }
        }
        int n = missingBlobs.size();
        return "a partial clone: " + n + " file version" + (n == 1 ? " is" : "s are") + " missing from it and "
                + (n == 1 ? "was" : "were") + " not scanned, so the history scan is incomplete; fetch them with 'git -c remote." + remote
                + ".partialclonefilter= fetch --refetch " + remote + "' (git 2.36 or later), or clone without"
                + " --filter";
    }

    /** Whether a path exists at the range's tip (for baselines: an entry whose path does not was renamed). */
    public Predicate<String> pathExists() throws IOException {
        if (range.tip() == null) {
            return p -> false;
        }
        Set<String> paths = GitRepositories.paths(repo, range.tip());
        return paths::contains;
    }

    /** The repository root: where the report's paths start. */
    public java.nio.file.Path root() {
        return GitRepositories.root(repo);
    }

    /**
     * The position of {@code commit} in the order the range was walked, oldest first (after {@link #entries});
     * {@link Integer#MAX_VALUE} for a commit not in the range.
     */
    public int commitOrder(String commit) {
        return commitOrder.getOrDefault(commit, Integer.MAX_VALUE);
    }

    /** The tree of the range's tip, as a source of its own, or null when the range has no tip. */
    public GitTreeSource tipTree() {
        return range.tip() == null ? null : new GitTreeSource(repo, range.tip(), filter, excludePatterns, maxFileSize);
    }
}
