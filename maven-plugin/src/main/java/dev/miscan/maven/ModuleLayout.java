package dev.miscan.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which parts of a module's base directory belong to someone else: nested modules (they are scanned by
 * their own execution, so a parent never counts their files twice) and build output outside the default
 * {@code target/}. The result is a list of gitignore-syntax excludes anchored at the base directory.
 */
final class ModuleLayout {
    private ModuleLayout() {
    }

    /**
     * @param baseDir        the module's base directory
     * @param declaredModules the module's {@code <modules>} entries (directories or POM files, relative)
     * @param reactorDirs    base directories of every project in the reactor
     * @param outputDirs     build and report directories; those inside {@code baseDir} are excluded
     */
    static List<String> excludes(Path baseDir, Collection<String> declaredModules, Collection<Path> reactorDirs,
            Collection<Path> outputDirs) {
        Path base = normalize(baseDir);
        TreeSet<Path> skipped = new TreeSet<>();
        for (String module : declaredModules) {
            Path dir = base.resolve(module).normalize();
            if (Files.isRegularFile(dir)) {
                dir = dir.getParent();
            }
            addIfNested(base, dir, skipped);
        }
        for (Path dir : reactorDirs) {
            addIfNested(base, normalize(dir), skipped);
        }
        for (Path dir : outputDirs) {
            addIfNested(base, normalize(dir), skipped);
        }
        List<Path> kept = new ArrayList<>();
        for (Path dir : skipped) {
            // A directory inside one already skipped adds nothing.
            if (kept.stream().noneMatch(dir::startsWith)) {
                kept.add(dir);
            }
        }
        return kept.stream().map(dir -> anchored(base.relativize(dir).toString().replace('\\', '/'))).toList();
    }

    /** {@code /dir/sub/} with gitignore's special characters escaped, so it matches that directory only. */
    static String anchored(String relativeDir) {
        StringBuilder sb = new StringBuilder("/");
        for (char c : relativeDir.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('/').toString();
    }

    private static void addIfNested(Path base, Path dir, TreeSet<Path> into) {
        if (dir != null && !dir.equals(base) && dir.startsWith(base)) {
            into.add(dir);
        }
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
