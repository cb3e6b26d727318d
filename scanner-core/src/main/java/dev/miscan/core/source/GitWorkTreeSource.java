package dev.miscan.core.source;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * The files under a directory of a git work tree, selected as git sees them (no git executable needed):
 * <ul>
 * <li>a file in the index (tracked) is scanned even when it matches an ignore rule ({@code git add -f});</li>
 * <li>an untracked file is scanned unless git ignores it: every {@code .gitignore} from the repository root down
 * (those above the scanned directory included), {@code $GIT_DIR/info/exclude} and {@code core.excludesFile}
 * (default {@code $XDG_CONFIG_HOME/git/ignore}), with git's precedence; a file in an ignored directory is
 * ignored;</li>
 * <li>a nested repository (a submodule's checkout) is scanned with its own index and ignore rules;</li>
 * <li>mi-scan's own defaults and excludes still apply: {@code .git/}, {@code target/}, {@code build/} and
 * {@code node_modules/} folders below the scanned directory, and the gitignore-syntax excludes matched against
 * reported paths, as in every scan mode ({@link PathExcludes}).</li>
 * </ul>
 * A directory or file that is named explicitly is scanned even when git ignores it (it is then walked as a plain
 * {@link FileTreeSource}): naming it says it is wanted. Symbolic links, pipes and sockets are skipped with a note,
 * files are read from the working tree (what is on disk, not the index), and paths are reported relative to
 * {@code baseDir} (the repository root, as the front ends choose it).
 */
public final class GitWorkTreeSource implements Source {
    private final Path baseDir;
    private final Path root;
    private final Path workTree;
    private final List<String> excludePatterns;
    private final List<FastIgnoreRule> excludes;
    private final long maxFileSize;
    private final dev.miscan.core.source.archive.ArchiveOptions archives;

    /**
     * @param baseDir     reported paths are relative to it
     * @param workTree    the work tree that holds {@code root} ({@link WorkingTrees#workTreeOf})
     * @param root        the directory or file to scan
     * @param excludes    gitignore-syntax patterns matched against reported paths
     * @param maxFileSize larger text files are skipped with a warning
     */
    public GitWorkTreeSource(Path baseDir, Path workTree, Path root, List<String> excludes, long maxFileSize) {
        this(baseDir, workTree, root, excludes, maxFileSize, dev.miscan.core.source.archive.ArchiveOptions.DEFAULT);
    }

    /** As above, reading the built artifacts it meets as {@code archives} says. */
    public GitWorkTreeSource(Path baseDir, Path workTree, Path root, List<String> excludes, long maxFileSize,
            dev.miscan.core.source.archive.ArchiveOptions archives) {
        this.archives = java.util.Objects.requireNonNull(archives);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.workTree = workTree.toAbsolutePath().normalize();
        this.root = root.toAbsolutePath().normalize();
        this.excludePatterns = List.copyOf(excludes);
        this.excludes = excludes.stream().map(FastIgnoreRule::new).toList();
        this.maxFileSize = maxFileSize;
    }

    /** What one repository says about its paths: the index, and the ignore rules of every level. */
    private static final class Context {
        final Path workTree;
        final Set<String> tracked = new HashSet<>();
        /** Every directory that holds a tracked file, at any depth ("" is the root). */
        final Set<String> trackedDirs = new HashSet<>();
        final Map<Path, IgnoreNode> gitignores = new HashMap<>();
        IgnoreNode infoExclude;
        IgnoreNode excludesFile;

        Context(Path workTree) {
            this.workTree = workTree;
        }

        String relative(Path p) {
            return ReportedPaths.slashes(workTree.relativize(p));
        }
    }

    @Override
    public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or directory");
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return plainTree(warnings); // a file named explicitly, or a link: as asked
        }
        Context top = context(workTree, warnings);
        // the .gitignore files above the scanned directory, and whether git ignores that directory itself
        boolean ignored = false;
        List<Path> chain = new ArrayList<>();
        for (Path d = root; d != null && d.startsWith(workTree); d = d.getParent()) {
            chain.add(0, d);
        }
        for (Path dir : chain) {
            if (!dir.equals(workTree)) {
                String rel = top.relative(dir);
                ignored = ignored || isIgnored(top, dir, true);
                if (ignored && !top.trackedDirs.contains(rel)) {
                    return plainTree(warnings); // git ignores it, and it was named: scan it all
                }
            }
            loadGitignore(top, dir, warnings);
        }
        List<Entry> entries = new ArrayList<>();
        Map<Path, Context> contexts = new HashMap<>();
        contexts.put(workTree, top);
        Map<Path, Boolean> ignoredDirs = new HashMap<>();
        ignoredDirs.put(root, ignored);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (FileTreeSource.DEFAULT_EXCLUDED_DIRS.contains(name) || excluded(dir, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Context c = contextOf(dir, contexts);
                String rel = c.relative(dir);
                boolean tracked = c.tracked.contains(rel) || c.trackedDirs.contains(rel);
                boolean ignoredHere = ignoredDirs.getOrDefault(dir.getParent(), false) || isIgnored(c, dir, true);
                if (ignoredHere && !tracked) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (WorkingTrees.isWorkTree(dir)) {
                    // a submodule's checkout or a nested repository: its own index and ignore rules
                    Context nested = context(dir, warnings);
                    contexts.put(dir, nested);
                    ignoredDirs.put(dir, false);
                    loadGitignore(nested, dir, warnings);
                    return FileVisitResult.CONTINUE;
                }
                ignoredDirs.put(dir, ignoredHere);
                loadGitignore(c, dir, warnings);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().equals(".git")) {
                    return FileVisitResult.CONTINUE; // a submodule's pointer to its git directory
                }
                Context c = contextOf(file, contexts);
                boolean tracked = c.tracked.contains(c.relative(file));
                if (!tracked && (ignoredDirs.getOrDefault(file.getParent(), false) || isIgnored(c, file, false))) {
                    return FileVisitResult.CONTINUE;
                }
                if (excluded(file, false)) {
                    return FileVisitResult.CONTINUE;
                }
                FileTreeSource.visit(file, relative(file), attrs, maxFileSize, archives, entries, warnings);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String reason = e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
                warnings.accept(new ScanWarning(relative(file), "skipped: cannot read (" + reason + ")", true));
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private List<Entry> plainTree(Consumer<ScanWarning> warnings) throws IOException {
        return new FileTreeSource(baseDir, root, excludePatterns, maxFileSize, archives).entries(warnings);
    }

    /** The context of the nearest repository at or above {@code path} among those met by the walk. */
    private Context contextOf(Path path, Map<Path, Context> contexts) {
        for (Path d = path.getParent(); d != null; d = d.getParent()) {
            Context c = contexts.get(d);
            if (c != null) {
                return c;
            }
        }
        return contexts.get(workTree);
    }

    /** The index and the repository-wide ignore rules of the repository whose work tree is {@code dir}. */
    private Context context(Path dir, Consumer<ScanWarning> warnings) {
        Context c = new Context(dir);
        try (Repository repo = new FileRepositoryBuilder().setMustExist(true).findGitDir(dir.toFile()).build()) {
            DirCache index = repo.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                String path = index.getEntry(i).getPathString();
                c.tracked.add(path);
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    c.trackedDirs.add(path.substring(0, slash));
                }
            }
            c.infoExclude = parse(new File(repo.getCommonDirectory(), "info/exclude").toPath());
            c.excludesFile = parse(excludesFile(repo));
        } catch (IOException | RuntimeException e) {
            // an unreadable index: every file counts as untracked, the .gitignore files still apply
            warnings.accept(ScanWarning.note(relative(dir), "cannot read the git index (" + IoProblems.of(e) + "): files selected by .gitignore only", false));
        }
        return c;
    }

    /** {@code core.excludesFile}, else git's default {@code $XDG_CONFIG_HOME/git/ignore} ({@code ~/.config/git/ignore}). */
    private static Path excludesFile(Repository repo) {
        String configured = repo.getConfig().get(CoreConfig.KEY).getExcludesFile();
        FS fs = repo.getFS();
        if (configured != null && !configured.isBlank()) {
            return (configured.startsWith("~/") ? fs.resolve(fs.userHome(), configured.substring(2))
                    : fs.resolve(repo.getWorkTree(), configured)).toPath();
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "git", "ignore");
        }
        File home = fs.userHome();
        return home == null ? null : home.toPath().resolve(".config/git/ignore");
    }

    private static IgnoreNode parse(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(in);
        }
        return node;
    }

    private void loadGitignore(Context c, Path dir, Consumer<ScanWarning> warnings) {
        Path gitignore = dir.resolve(".gitignore");
        if (c.gitignores.containsKey(dir) || !Files.isRegularFile(gitignore)) {
            return;
        }
        try {
            c.gitignores.put(dir, parse(gitignore));
        } catch (IOException e) {
            warnings.accept(new ScanWarning(relative(gitignore), "cannot read .gitignore: " + IoProblems.of(e), false));
        }
    }

    /**
     * Whether git ignores {@code path} by its own rules (not by an ignored parent): the deepest {@code .gitignore}
     * that has a say, then {@code info/exclude}, then {@code core.excludesFile}.
     */
    private static boolean isIgnored(Context c, Path path, boolean directory) {
        for (Path dir = path.getParent(); dir != null && dir.startsWith(c.workTree); dir = dir.getParent()) {
            IgnoreNode node = c.gitignores.get(dir);
            if (node != null) {
                Boolean ignored = node.checkIgnored(ReportedPaths.slashes(dir.relativize(path)), directory);
                if (ignored != null) {
                    return ignored;
                }
            }
        }
        String rel = c.relative(path);
        for (IgnoreNode node : new IgnoreNode[] {c.infoExclude, c.excludesFile}) {
            Boolean ignored = node == null ? null : node.checkIgnored(rel, directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
    }

    private boolean excluded(Path path, boolean directory) {
        String reported = relative(path);
        for (FastIgnoreRule rule : excludes) {
            if (rule.isMatch(reported, directory) && rule.getResult()) {
                return true;
            }
        }
        return false;
    }

    private String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path rel = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        String s = ReportedPaths.slashes(rel);
        return s.isEmpty() ? abs.getFileName().toString() : s;
    }
}
