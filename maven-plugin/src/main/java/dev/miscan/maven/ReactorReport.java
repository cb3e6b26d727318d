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
    /** Findings, suppressed findings and warnings of the results: the aggregate's size. */
    private long size;
    /** The size of the aggregate when it was last written. */
    private long writtenSize;
    private boolean expectationSet;
    /** The projects expected to run the goal (ids), or null for not known. */
    private Set<String> expected;
    /** The projects whose execution has ended. */
    private final Set<String> ran = new java.util.HashSet<>();
    /** The aggregates executions left for a later one to write, by the files they go to (directory, formats, root). */
    private final Map<Object, Deferred> deferred = new LinkedHashMap<>();
    /**
     * One redactor for the whole build: the aggregate report a module writes holds other modules' findings, so it
     * must know their secrets too.
     */
    private final dev.miscan.core.secrets.Redactor redactor = dev.miscan.core.secrets.Redactor.create();

    dev.miscan.core.secrets.Redactor redactor() {
        return redactor;
    }

    /**
     * The build's shared report, made by the first execution that asks; it writes an aggregate left to a later
     * execution when the build ends, whatever ended it ({@link #flush}).
     */
    static ReactorReport of(MavenSession session) {
        if (session.getRepositorySession() == null || session.getRepositorySession().getData() == null) {
            return new ReactorReport(); // no build to share with (a bare test harness): this execution's own
        }
        SessionData data = session.getRepositorySession().getData();
        ReactorReport report;
        while (true) {
            Object existing = data.get(ReactorReport.class);
            if (existing instanceof ReactorReport found) {
                report = found;
                break;
            }
            ReactorReport created = new ReactorReport();
            if (data.set(ReactorReport.class, existing, created)) {
                WhenTheBuildEnds.install(session, created);
                report = created;
                break;
            }
        }
        report.realms = realmsSharing(data, ReactorReport.class.getClassLoader());
        return report;
    }

    /** The key of the plugin's class realms in the build's session data: a JDK set, which every realm can read. */
    static final String REALMS = "dev.miscan.maven.ReactorReport.realms";

    /**
     * How many class realms of the plugin the build has met so far, {@code realm} (this one's class loader) among
     * them. A module that declares the plugin in another version, with dependencies of its own or beside build
     * extensions of its own runs it in a realm of its own, with a report of its own: each realm's aggregate
     * replaces the other's file.
     */
    @SuppressWarnings("unchecked")
    static int realmsSharing(SessionData data, Object realm) {
        while (true) {
            Object existing = data.get(REALMS);
            if (existing instanceof Set<?> known) {
                ((Set<Object>) known).add(realm);
                return known.size();
            }
            Set<Object> created = ConcurrentHashMap.newKeySet();
            created.add(realm);
            if (data.set(REALMS, existing, created)) {
                return 1;
            }
        }
    }

    /** How many class realms of the plugin the build had met when this execution began. */
    private volatile int realms = 1;
    private final java.util.concurrent.atomic.AtomicBoolean realmsTold =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Once per realm, when the build runs the plugin in more than one: the aggregate holds one realm's modules.
     */
    String realmsWarning() {
        if (realms < 2 || !realmsTold.compareAndSet(false, true)) {
            return null;
        }
        return "mi-scan: this build runs the plugin in " + realms + " class realms (a module declares another version"
                + " of it, dependencies of its own or build extensions of its own): each writes the reactor report"
                + " with its own modules only, so it holds the modules of one of them; declare the plugin once, in"
                + " the parent (pluginManagement), for one report";
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
     * Adds a module's result (a module run twice in one build, e.g. by two executions, keeps its last one). Callers
     * that write the aggregate hold this object's lock from here to the end of the writing, so that a slower module
     * never overwrites a newer aggregate with an older one.
     */
    void add(String projectId, ScanResult rebased) {
        synchronized (this) {
            ScanResult before = results.put(projectId, rebased);
            size += size(rebased) - (before == null ? 0 : size(before));
        }
    }

    /** The aggregate of every result so far, with paths relative to {@code root}. */
    synchronized ScanResult aggregate(Path root) {
        return ReportPaths.merge(root, results.values());
    }

    private static long size(ScanResult r) {
        return (long) r.findings().size() + r.suppressedFindings().size() + r.warnings().size();
    }

    /**
     * Up to this many findings, suppressed findings and warnings, the aggregate is written again after every module;
     * above, when it has doubled since it was last written, when a module fails the build, and after the last module
     * (so that a reactor of hundreds of modules writes its aggregate a few times, not once per module: the writing
     * grew with the square of the modules).
     */
    static final long ALWAYS_WRITTEN = 500;

    /**
     * Says which projects run the goal in this build (ids), or null when that is not known (then the aggregate is
     * written after every module). The first execution's answer stands.
     */
    synchronized void expect(java.util.function.Supplier<Set<String>> projects) {
        if (!expectationSet) {
            expectationSet = true;
            Set<String> ids = projects.get();
            expected = ids == null ? null : Set.copyOf(ids);
        }
    }

    /** Whether every project expected to run the goal has run it, once {@code projectId}'s execution ends. */
    synchronized boolean last(String projectId) {
        if (expected == null) {
            return true;
        }
        for (String p : expected) {
            if (!p.equals(projectId) && !ran.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code projectId}'s execution writes the aggregate now, or leaves it for a later one. */
    synchronized boolean writeNow(String projectId, boolean failing) {
        return failing || size <= ALWAYS_WRITTEN || size >= 2 * writtenSize || last(projectId);
    }

    /** The aggregate as it is now was written into the files {@code key} stands for. */
    synchronized void written(Object key) {
        writtenSize = size;
        deferred.remove(key);
    }

    /**
     * Leaves the aggregate to a later execution: {@code write} writes it as it will be then, into the files {@code
     * key} stands for (directory, formats, paths' root). Each set of files an execution left is written so.
     */
    synchronized void defer(Object key, Write write, org.apache.maven.plugin.logging.Log log) {
        deferred.put(key, new Deferred(write, log));
    }

    /**
     * Records that {@code projectId}'s execution has ended (whatever it did: scanned, skipped, failed) and writes the
     * deferred aggregates when that was the last one expected or the build fails ({@code failed}).
     */
    synchronized void ended(String projectId, boolean failed) throws org.apache.maven.plugin.MojoExecutionException {
        boolean last = last(projectId);
        ran.add(projectId);
        if (failed || last) {
            writeDeferred();
        }
    }

    /**
     * Writes the aggregates still left when the build ends: the execution expected to write them did not run (a
     * module failed before it, and {@code --fail-at-end} or {@code --fail-never} went on without its dependents), or
     * the build stopped. A problem is logged by the execution that left the aggregate and returned: the build is
     * over, its result is the caller's to mark.
     */
    synchronized Exception flush() {
        if (deferred.isEmpty()) {
            return null;
        }
        org.apache.maven.plugin.logging.Log log = deferred.values().iterator().next().log();
        try (dev.miscan.core.secrets.Redactor.Scope scope = dev.miscan.core.secrets.Redactor.open(redactor)) {
            writeDeferred();
            return null;
        } catch (org.apache.maven.plugin.MojoExecutionException | RuntimeException e) {
            String message = redactor.redact("mi-scan: the reactor report could not be written: " + e.getMessage());
            log.error(message);
            return new org.apache.maven.plugin.MojoExecutionException(message);
        }
    }

    private void writeDeferred() throws org.apache.maven.plugin.MojoExecutionException {
        while (!deferred.isEmpty()) {
            java.util.Iterator<Deferred> first = deferred.values().iterator();
            Write write = first.next().write();
            first.remove();
            write.run();
            writtenSize = size;
        }
    }

    /** How a deferred aggregate is written. */
    interface Write {
        void run() throws org.apache.maven.plugin.MojoExecutionException;
    }

    private record Deferred(Write write, org.apache.maven.plugin.logging.Log log) {
    }

    /** Where the top-level project's execution wrote its reports, or null before it ran. */
    synchronized Path aggregateDirectory() {
        return aggregateDirectory;
    }

    synchronized void aggregateDirectory(Path dir) {
        aggregateDirectory = dir;
    }

    /**
     * The build's listener, with {@link #flush} when the session ends (Maven fires that event also when a module
     * failed, and asks the request for its listener at each event). Installed once per build by {@link #of}; every
     * event, this one too, goes on to the listener it wraps (a proxy, so that an event a later Maven adds does too).
     */
    private static final class WhenTheBuildEnds implements java.lang.reflect.InvocationHandler {
        private final org.apache.maven.execution.ExecutionListener next;
        private final ReactorReport report;
        private org.apache.maven.execution.ExecutionListener self;

        private WhenTheBuildEnds(org.apache.maven.execution.ExecutionListener next, ReactorReport report) {
            this.next = next == null ? new org.apache.maven.execution.AbstractExecutionListener() : next;
            this.report = report;
        }

        static void install(MavenSession session, ReactorReport report) {
            org.apache.maven.execution.MavenExecutionRequest request = session.getRequest();
            if (request == null) {
                return;
            }
            synchronized (request) { // another realm's plugin may install its own at the same time
                WhenTheBuildEnds handler = new WhenTheBuildEnds(request.getExecutionListener(), report);
                handler.self = (org.apache.maven.execution.ExecutionListener) java.lang.reflect.Proxy.newProxyInstance(
                        ReactorReport.class.getClassLoader(),
                        new Class<?>[] {org.apache.maven.execution.ExecutionListener.class}, handler);
                request.setExecutionListener(handler.self);
            }
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "mi-scan's reactor report, then " + next;
                };
            }
            Throwable ours = null;
            if (method.getName().equals("sessionEnded") && args != null && args.length == 1
                    && args[0] instanceof org.apache.maven.execution.ExecutionEvent event) {
                try {
                    sessionEnded(event);
                } catch (RuntimeException | Error e) {
                    ours = e; // thrown once the build's own listener has had the event (its summary)
                } finally {
                    unwrap(event);
                }
            }
            Object result;
            try {
                result = method.invoke(next, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (ours != null) {
                    e.getCause().addSuppressed(ours);
                }
                throw e.getCause();
            }
            if (ours != null) {
                throw ours;
            }
            return result;
        }

        /** Writes what is left, before the build's summary; a failed write fails the build (its report is stale). */
        private void sessionEnded(org.apache.maven.execution.ExecutionEvent event) {
            Exception problem = report.flush();
            if (problem != null && event.getSession() != null && event.getSession().getResult() != null) {
                event.getSession().getResult().addException(problem);
            }
        }

        /** A request used again (an embedding) keeps no report of this build. */
        private void unwrap(org.apache.maven.execution.ExecutionEvent event) {
            org.apache.maven.execution.MavenExecutionRequest request = event.getSession() == null ? null
                    : event.getSession().getRequest();
            if (request != null) {
                synchronized (request) {
                    if (request.getExecutionListener() == self) {
                        request.setExecutionListener(next);
                    }
                }
            }
        }
    }
}
