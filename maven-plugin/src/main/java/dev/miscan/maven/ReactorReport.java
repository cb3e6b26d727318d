package dev.miscan.maven;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.ScanResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * What the {@code check} executions of one build share: each module's result (rebased to the repository's root)
 * for the reactor's aggregate report, where that report goes, the rules whose fix the log has already shown, and
 * the secrets reported so far (so that another module's build output does not report them again).
 *
 * <p>It lives in the repository session's data, which every project of the build sees (a parallel build gives each
 * project its own copy of the Maven session, not of the repository session). The key is this class, so that
 * another version of the plugin in the same build keeps its own.
 */
final class ReactorReport {
    private final Map<String, ScanResult> results = new LinkedHashMap<>();
    private final Set<String> shownFixes = ConcurrentHashMap.newKeySet();
    /** Every secret a module of the build reported, with the first module that did (hashes, never secrets). */
    private final Map<String, String> secrets = new java.util.HashMap<>();
    private Path aggregateDirectory;
    /**
     * One redactor for the whole build: the aggregate report a module writes holds other modules' findings, so it
     * must know their secrets too.
     */
    private final dev.miscan.core.secrets.Redactor redactor = dev.miscan.core.secrets.Redactor.create();

    dev.miscan.core.secrets.Redactor redactor() {
        return redactor;
    }

    /** The build's shared report, made by the first execution that asks. */
    static ReactorReport of(MavenSession session) {
        if (session.getRepositorySession() == null || session.getRepositorySession().getData() == null) {
            return new ReactorReport(); // no build to share with (a bare test harness): this execution's own
        }
        SessionData data = session.getRepositorySession().getData();
        while (true) {
            Object existing = data.get(ReactorReport.class);
            if (existing instanceof ReactorReport report) {
                return report;
            }
            ReactorReport created = new ReactorReport();
            if (data.set(ReactorReport.class, existing, created)) {
                return created;
            }
        }
    }

    /**
     * The module that reported the secret {@code key} ({@link BuildOutput#key}) first, if it is not {@code
     * projectId}: a module's artifact that bundles another module's jar holds that module's secrets too.
     */
    synchronized String reportedBy(String key, String projectId) {
        String by = secrets.get(key);
        return by == null || by.equals(projectId) ? null : by;
    }

    /** Records the secrets a module reported (or suppressed), for {@link #reportedBy}. */
    synchronized void reported(String projectId, java.util.List<Finding> findings, java.util.List<Finding> suppressed) {
        findings.forEach(f -> secrets.putIfAbsent(BuildOutput.key(f), projectId));
        suppressed.forEach(f -> secrets.putIfAbsent(BuildOutput.key(f), projectId));
    }

    /** True the first time the log shows the fix of {@code key} (a rule) in this build. */
    boolean firstFix(String key) {
        return shownFixes.add(key);
    }

    /**
     * Adds a module's result (a module run twice in one build, e.g. by two executions, keeps its last one) and
     * returns the aggregate of every result so far. Callers that write the aggregate hold this object's lock from
     * here to the end of the writing, so that a slower module never overwrites a newer aggregate with an older one.
     */
    ScanResult add(String projectId, ScanResult rebased, Path root) {
        synchronized (this) {
            results.put(projectId, rebased);
            return ReportPaths.merge(root, results.values());
        }
    }

    /** How many modules the aggregate holds. */
    synchronized int modules() {
        return results.size();
    }

    /** Where the top-level project's execution wrote its reports, or null before it ran. */
    synchronized Path aggregateDirectory() {
        return aggregateDirectory;
    }

    synchronized void aggregateDirectory(Path dir) {
        aggregateDirectory = dir;
    }
}
