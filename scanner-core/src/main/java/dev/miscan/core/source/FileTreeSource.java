package dev.miscan.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The files under a directory (or one file). Honours {@code .gitignore} files with JGit's ignore
 * rules, skips {@code .git/}, {@code target/}, {@code build/} and {@code node_modules/} folders, applies
 * extra gitignore-syntax excludes, does not follow symbolic links, and skips files over the size cap.
 * Symbolic links, pipes, sockets and devices inside the tree are skipped with a warning each (a link is
 * neither followed nor read: no loops, nothing outside the tree); a root that is itself a link is followed. Built
 * artifacts (jars, class files, saved images) are binary unless the {@link
 * dev.miscan.core.source.archive.ArchiveOptions} say to read them.
 */
public final class FileTreeSource implements Source {
    public static final Set<String> DEFAULT_EXCLUDED_DIRS = Set.of(".git", "target", "build", "node_modules");
    /**
     * Generated ARM templates (compiled Bicep: {@code metadata._generator}) are read up to this size whatever the
     * file-size cap: they are big because they inline their modules, not because they are data.
     */
    public static final long COMPILED_TEMPLATE_CAP = 64L * 1024 * 1024;

    private final Path baseDir;
    private final Path root;
    /** Where the walk starts: {@code root}, or its target when {@code root} is a symbolic link. */
    private final Path walkRoot;
    private final List<FastIgnoreRule> excludes;
    private final long maxFileSize;
    private final dev.miscan.core.source.archive.ArchiveOptions archives;
    /** The scanned path is inside a build's output folder: its own subfolders are not left out by name. */
    private final boolean insideBuildOutput;
    /** {@code walkRoot} and a separator: the start of the paths the walk meets below it. */
    private final String walkPrefix;
    /** The reported path of {@code root} and a slash, or null when the paths below it are made the slow way. */
    private final String reportedPrefix;

    /**
     * @param baseDir     reported paths are relative to it (it need not contain {@code root})
     * @param root        the directory or file to scan
     * @param excludes    gitignore-syntax patterns matched against reported paths
     * @param maxFileSize larger files are skipped with a warning
     */
    public FileTreeSource(Path baseDir, Path root, List<String> excludes, long maxFileSize) {
        this(baseDir, root, excludes, maxFileSize, dev.miscan.core.source.archive.ArchiveOptions.DEFAULT);
    }

    /** As above, reading the built artifacts it meets as {@code archives} says. */
    public FileTreeSource(Path baseDir, Path root, List<String> excludes, long maxFileSize,
            dev.miscan.core.source.archive.ArchiveOptions archives) {
        this.archives = java.util.Objects.requireNonNull(archives);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.root = root.toAbsolutePath().normalize();
        this.walkRoot = linkTarget(this.root);
        this.excludes = excludes.stream().map(FastIgnoreRule::new).toList();
        this.maxFileSize = maxFileSize;
        boolean inside = false;
        // only the folders between the report's root and the scanned path: a checkout may live in /builds/…
        for (Path segment : this.root.startsWith(this.baseDir) ? this.baseDir.relativize(this.root) : Path.of("")) {
            inside |= segment.toString().equals("target") || segment.toString().equals("build");
        }
        this.insideBuildOutput = inside;
        this.walkPrefix = walkRoot.toString() + java.io.File.separator;
        Path rootReported = this.root.startsWith(this.baseDir) ? this.baseDir.relativize(this.root) : this.root;
        String prefix = ReportedPaths.slashes(rootReported);
        // a path below the root is reported as the root's reported path, a slash and the rest (the listing of a
        // large tree made each one by normalising and relativising Path objects: a tenth of its time)
        this.reportedPrefix = prefix.endsWith("/") ? null : prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or directory");
        }
        Map<Path, IgnoreNode> ignoreNodes = new HashMap<>();
        Files.walkFileTree(walkRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(walkRoot) && (defaultExcluded(dir.getFileName().toString())
                        || isIgnored(dir, true, ignoreNodes))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path gitignore = dir.resolve(".gitignore");
                if (Files.isRegularFile(gitignore)) {
                    IgnoreNode node = new IgnoreNode();
                    try (InputStream in = Files.newInputStream(gitignore)) {
                        node.parse(in);
                        ignoreNodes.put(dir, node);
                    } catch (IOException e) {
                        warnings.accept(new ScanWarning(relative(gitignore), "cannot read .gitignore: "
                                + e.getClass().getSimpleName(), false));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isIgnored(file, false, ignoreNodes)) {
                    return FileVisitResult.CONTINUE;
                }
                visit(file, relative(file), attrs, maxFileSize, archives, entries, warnings);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String reason = e instanceof AccessDeniedException ? "permission denied"
                        : e.getClass().getSimpleName();
                warnings.accept(new ScanWarning(relative(file), "skipped: cannot read (" + reason + ")", true));
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    /**
     * Whether a folder is left out by default: a build's output ({@code target/}, {@code build/}) is, unless the scan
     * is inside one already (the Maven plugin reading {@code target/classes}, where {@code com/acme/build/} is a
     * package).
     */
    private boolean defaultExcluded(String name) {
        return DEFAULT_EXCLUDED_DIRS.contains(name) && !(insideBuildOutput && (name.equals("target")
                || name.equals("build")));
    }

    private boolean isIgnored(Path path, boolean directory, Map<Path, IgnoreNode> nodes) {
        String reported = relative(path);
        for (FastIgnoreRule rule : excludes) {
            if (rule.isMatch(reported, directory) && rule.getResult()) {
                return true;
            }
        }
        if (nodes.isEmpty()) {
            return false; // no .gitignore met so far: nothing to ask
        }
        for (Path dir = path.getParent(); dir != null && dir.startsWith(walkRoot); dir = dir.getParent()) {
            IgnoreNode node = nodes.get(dir);
            if (node != null) {
                Boolean ignored = node.checkIgnored(ReportedPaths.slashes(dir.relativize(path)), directory);
                if (ignored != null) {
                    return ignored;
                }
            }
        }
        return false;
    }

    private static Path linkTarget(Path root) {
        try {
            return Files.isSymbolicLink(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            return root; // a broken link: the walk reports it
        }
    }

    private String relative(Path p) {
        String text = p.toString();
        if (reportedPrefix != null && text.startsWith(walkPrefix) && text.length() > walkPrefix.length()) {
            String rest = text.substring(walkPrefix.length());
            return reportedPrefix + (java.io.File.separatorChar == '/' ? rest
                    : rest.replace(java.io.File.separatorChar, '/'));
        }
        Path abs = p.toAbsolutePath().normalize();
        if (!walkRoot.equals(root) && abs.startsWith(walkRoot)) {
            abs = root.resolve(walkRoot.relativize(abs)); // report paths under the link, as the user named it
        }
        Path rel = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        String s = ReportedPaths.slashes(rel);
        return s.isEmpty() ? abs.getFileName().toString() : s;
    }

    /**
     * A file a walk reached: a regular file becomes an entry; a link (not followed) or a pipe, socket or device (reading
     * a pipe would wait for a writer forever) becomes a note.
     */
    static void visit(Path file, String relative, BasicFileAttributes attrs, long maxFileSize,
            dev.miscan.core.source.archive.ArchiveOptions archives, List<Entry> entries, Consumer<ScanWarning> warnings) {
        if (attrs.isRegularFile() && archives.inDirectories()
                && dev.miscan.core.source.archive.Artifacts.isArtifact(relative)) {
            entries.addAll(dev.miscan.core.source.archive.Artifacts.entries(file, relative, archives, maxFileSize,
                    warnings));
        } else if (attrs.isRegularFile()) {
            entries.add(new WorkingFile(file, relative, attrs.size(), maxFileSize));
        } else if (attrs.isSymbolicLink()) {
            warnings.accept(ScanWarning.note(relative, "skipped: symbolic link, not followed", true));
        } else if (attrs.isOther()) {
            warnings.accept(ScanWarning.note(relative, "skipped: not a regular file (a pipe, socket or device)", true));
        }
    }
}
