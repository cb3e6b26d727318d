package dev.miscan.maven;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fingerprints;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.source.ScanWarning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of the reports: relative to the repository's root, whichever module wrote them, so that GitHub code
 * scanning (which ignores {@code originalUriBaseIds}) maps every result to its file, and the per-module reports
 * and the reactor's aggregate name a file alike.
 *
 * <p>A module scans with paths relative to its own directory (its excludes, {@code .mi-scan.yml} and baseline
 * are matched so); its result is then rebased: each path gets the module's place under the root in front, and
 * each fingerprint, made of the rule, the path and the keyed digest of the secret, is made again with the new
 * path, so that two modules holding the same file with the same key give two results, not one.
 */
final class ReportPaths {
    private ReportPaths() {
    }

    /**
     * The repository's root: the nearest directory from {@code start} upwards that holds {@code .git} (a
     * directory, or the file of a worktree or a submodule), else {@code start} itself.
     */
    static Path repositoryRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return dir;
    }

    /** {@code path} as the reports write it: relative to {@code root} with {@code /}, "" for the root itself. */
    static String relative(Path root, Path path) {
        return root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** The result of a scan of {@code moduleDir} with its paths relative to {@code root}. */
    static ScanResult rebase(ScanResult result, Path moduleDir, Path root) {
        String prefix = relative(root, moduleDir);
        Path rootDir = root.toAbsolutePath().normalize();
        if (prefix.isEmpty()) {
            return new ScanResult(rootDir, result.rules(), result.findings(), result.warnings(),
                    result.filesScanned(), result.bytesScanned(), result.suppressed(), result.suppressedFindings(),
                    result.fingerprintKey(), result.filesBinary());
        }
        List<ScanWarning> warnings = result.warnings().stream()
                .map(w -> new ScanWarning(prefixed(prefix, w.path()), w.message(), w.skipped())).toList();
        return new ScanResult(rootDir, result.rules(), rebase(result.findings(), prefix), warnings,
                result.filesScanned(), result.bytesScanned(), result.suppressed(),
                rebase(result.suppressedFindings(), prefix), result.fingerprintKey(), result.filesBinary());
    }

    private static List<Finding> rebase(List<Finding> findings, String prefix) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding moved = f.withLocation(prefixed(prefix, f.location()));
            if (!f.related().isEmpty()) {
                moved = moved.withRelated(f.related().stream()
                        .map(r -> new Finding.Related(prefixed(prefix, r.location()), r.message())).toList());
            }
            if (f.fingerprint() != null && f.secretDigest() != null) {
                moved = moved.withFingerprint(Fingerprints.base(f.rule().id(), moved.location().path(),
                        f.secretDigest()) + Fingerprints.occurrence(f), f.secretDigest());
            }
            out.add(moved);
        }
        return out;
    }

    private static Location prefixed(String prefix, Location l) {
        return new Location(prefixed(prefix, l.path()), l.startLine(), l.startColumn(), l.endLine(), l.endColumn());
    }

    private static String prefixed(String prefix, String path) {
        return path == null || path.isEmpty() ? prefix : prefix + "/" + path;
    }

    /**
     * One result of several rebased ones (same root): every rule, finding and warning, in the reports' order, and
     * the counts summed.
     */
    static ScanResult merge(Path root, Collection<ScanResult> results) {
        Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressedFindings = new ArrayList<>();
        List<ScanWarning> warnings = new ArrayList<>();
        int files = 0;
        int binary = 0;
        long bytes = 0;
        int suppressed = 0;
        FingerprintKey key = null;
        for (ScanResult r : results) {
            r.rules().forEach(d -> rules.putIfAbsent(d.id(), d));
            findings.addAll(r.findings());
            suppressedFindings.addAll(r.suppressedFindings());
            warnings.addAll(r.warnings());
            files += r.filesScanned();
            binary += r.filesBinary();
            bytes += r.bytesScanned();
            suppressed += r.suppressed();
            key = key == null ? r.fingerprintKey() : key;
        }
        findings.sort(Finding.ORDER);
        suppressedFindings.sort(Finding.ORDER);
        warnings.sort(Comparator.comparing(ScanWarning::path));
        return new ScanResult(root.toAbsolutePath().normalize(), List.copyOf(rules.values()), findings, warnings,
                files, bytes, suppressed, suppressedFindings, key == null ? FingerprintKey.DEFAULT : key, binary);
    }
}
