package dev.miscan.core.source;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Provenance;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * scanned in the commits they merge. Use {@link #scan(Engine, int)} rather than the engine directly: it
 * keeps one finding per secret (the earliest commit) and marks those no longer present at the range's tip.
 */
public final class GitHistorySource implements Source {
    private static final Pattern COMMIT_IN_WARNING = Pattern.compile(" in commit [0-9a-f]+");

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

    private final Repository repo;
    private final Range range;
    private final TreeFilter filter;
    private final List<String> excludePatterns;
    private final PathExcludes excludes;
    private final long maxFileSize;
    private final Map<String, Integer> commitOrder = new ConcurrentHashMap<>();

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
        try (RevWalk walk = new RevWalk(repo); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            diff.setPathFilter(filter);
            for (ObjectId id : range.include()) {
                walk.markStart(walk.parseCommit(id));
            }
            for (ObjectId id : range.exclude()) {
                walk.markUninteresting(walk.parseCommit(id));
            }
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            List<RevCommit> commits = new ArrayList<>();
            walk.forEach(commits::add);
            int index = 0;
            for (RevCommit c : commits) {
                commitOrder.put(c.name(), index++);
                if (c.getParentCount() > 1) {
                    continue;
                }
                AnyObjectId parentTree = null;
                if (c.getParentCount() == 1) {
                    RevCommit parent = c.getParent(0);
                    walk.parseHeaders(parent);
                    parentTree = parent.getTree();
                }
                PersonIdent author = c.getAuthorIdent();
                Provenance p = new Provenance(c.name(), author.getName(), author.getEmailAddress(),
                        author.getWhenAsInstant(), true);
                GitChanges.addEntries(repo, diff.scan(parentTree, c.getTree()), p, c.name() + ":", excludes,
                        maxFileSize, " in commit " + p.shortCommit(), entries::add);
            }
        }
        return entries;
    }

    /** Whether a path exists at the range's tip (for baselines: an entry whose path does not was renamed). */
    public Predicate<String> pathExists() throws IOException {
        if (range.tip() == null) {
            return p -> false;
        }
        Set<String> paths = GitRepositories.paths(repo, range.tip());
        return paths::contains;
    }

    /**
     * Scans the range: one finding per rule, path and secret, from the earliest commit that added it, each
     * marked {@link Provenance#presentAtHead()} false when the tip's tree no longer contains that secret
     * (anywhere: a renamed file still counts). Warnings about the same file skipped in several commits are
     * merged into one.
     */
    public ScanResult scan(Engine engine, int threads) throws IOException {
        java.nio.file.Path root = GitRepositories.root(repo);
        ScanResult raw = engine.scan(root, List.of(this), threads);
        Comparator<Finding> byCommit = Comparator
                .comparingInt((Finding f) -> f.provenance() == null ? Integer.MAX_VALUE
                        : commitOrder.getOrDefault(f.provenance().commit(), Integer.MAX_VALUE))
                .thenComparing(Finding.ORDER);
        List<Finding> active = earliest(raw.findings(), byCommit, Set.of());
        Set<String> activeKeys = new HashSet<>();
        active.forEach(f -> activeKeys.add(key(f)));
        List<Finding> suppressed = earliest(raw.suppressedFindings(), byCommit, activeKeys);
        if (range.tip() != null && !(active.isEmpty() && suppressed.isEmpty())) {
            ScanResult tip = engine.scan(root, List.of(new GitTreeSource(repo, range.tip(), filter, excludePatterns,
                    maxFileSize)), threads);
            Set<String> present = new HashSet<>();
            tip.findings().forEach(f -> present.add(f.rule().id() + "\n" + f.secretHash()));
            tip.suppressedFindings().forEach(f -> present.add(f.rule().id() + "\n" + f.secretHash()));
            active = markPresence(active, present);
            suppressed = markPresence(suppressed, present);
        }
        return new ScanResult(root, raw.rules(), active, mergeWarnings(raw.warnings()), raw.filesScanned(),
                raw.bytesScanned(), suppressed.size(), suppressed);
    }

    private static String key(Finding f) {
        return f.rule().id() + "\n" + f.location().path() + "\n" + f.secretHash();
    }

    private static List<Finding> earliest(List<Finding> findings, Comparator<Finding> byCommit, Set<String> skip) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(byCommit);
        Map<String, Finding> first = new LinkedHashMap<>();
        for (Finding f : sorted) {
            if (!skip.contains(key(f))) {
                first.putIfAbsent(key(f), f);
            }
        }
        List<Finding> out = new ArrayList<>(first.values());
        out.sort(Finding.ORDER);
        return out;
    }

    private static List<Finding> markPresence(List<Finding> findings, Set<String> present) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean here = present.contains(f.rule().id() + "\n" + f.secretHash());
            out.add(f.provenance() == null || here ? f : f.withProvenance(f.provenance().withPresentAtHead(false)));
        }
        return out;
    }

    /** "x.bin: skipped in commit A: binary file" and the same for commit B become one warning (the first). */
    private static List<ScanWarning> mergeWarnings(List<ScanWarning> warnings) {
        Map<String, List<ScanWarning>> groups = new LinkedHashMap<>();
        for (ScanWarning w : warnings) {
            // The same reason in another commit (a size may differ) is the same warning.
            String general = COMMIT_IN_WARNING.matcher(w.message()).replaceFirst("").replaceAll("\\d+", "#");
            groups.computeIfAbsent(w.path() + "\n" + general + "\n" + w.skipped(), k -> new ArrayList<>()).add(w);
        }
        List<ScanWarning> out = new ArrayList<>();
        for (List<ScanWarning> group : groups.values()) {
            ScanWarning first = group.get(0);
            out.add(group.size() == 1 ? first : new ScanWarning(first.path(), first.message() + " (and in "
                    + (group.size() - 1) + " more commit" + (group.size() == 2 ? "" : "s") + ")", first.skipped()));
        }
        return out;
    }
}
