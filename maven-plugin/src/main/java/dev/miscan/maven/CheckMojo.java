package dev.miscan.maven;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.FailOn;
import dev.miscan.core.session.ReportFormat;
import dev.miscan.core.session.Sizes;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.suppress.Baseline;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans the project's base directory for Azure credentials that Managed Identity makes unnecessary, logs each
 * finding on one line and each rule's fix once, writes {@code mi-scan.sarif} (and the other {@code formats}) and
 * fails the build on findings at or above {@code failOn}.
 *
 * <p>Each module scans its own directory: nested modules are left to their own execution, so a multi-module build
 * counts every file once. The module's build output (its packaged artifacts and classes directory) is scanned too,
 * apart ({@link BuildOutput}): what it holds of the sources is reported once, from the sources, and a secret only it
 * holds (put there by resource filtering, say) once, where it ships. {@code excludes}, {@code .mi-scan.yml} and the
 * baseline are matched against paths relative to the module's base directory; the reports' paths are relative to the
 * repository's root ({@code repositoryRoot}), which GitHub code scanning needs.
 *
 * <p>With {@code aggregate} (the default), the reports of the build's top-level project (the execution root)
 * hold every module's findings: each module's execution adds its own and writes them again (a large aggregate only
 * when it has doubled, when the module fails the build, or by the last execution: {@link ReactorReport}), so that
 * they are complete once the build is.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "mi-scan.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Fails the build on a finding at or above this level: {@code error} (the secret tier: a credential is in
     * a file), {@code warning} (also key-based authentication), {@code note} (everything) or {@code none}
     * (report only). The tier names {@code secret}, {@code key-based-auth} and {@code hardening} work too.
     */
    @Parameter(property = "mi-scan.failOn")
    private String failOn;

    /** A baseline of accepted findings (fingerprints), whose findings neither fail the build nor are reported. */
    @Parameter(property = "mi-scan.baseline")
    private File baseline;

    /** An {@code .mi-scan.yml} configuration file. */
    @Parameter(property = "mi-scan.config")
    private File config;

    /**
     * Extra paths to skip, in gitignore syntax, relative to the module's base directory, e.g. {@code docs/}
     * or {@code *.md}. On the command line: {@code -Dmi-scan.excludes=docs/,*.md}. {@code .gitignore} files,
     * {@code target/} and nested modules are skipped anyway (the build output is scanned apart: {@code
     * scanArtifacts}, {@code scanOutputDirectory}; these excludes apply there too).
     */
    @Parameter(property = "mi-scan.excludes")
    private List<String> excludes;

    /** Report files to write into {@code outputDirectory}: any of {@code sarif}, {@code json}, {@code text}. */
    @Parameter(property = "mi-scan.formats", defaultValue = "sarif")
    private List<String> formats;

    /**
     * Lists every rule that ran in {@code mi-scan.sarif}, not only the rules that have results (the default, which
     * keeps a clean build's report small).
     */
    @Parameter(property = "mi-scan.sarifAllRules", defaultValue = "false")
    private boolean sarifAllRules;

    /** Where the reports go: {@code mi-scan.sarif}, {@code mi-scan.json}, {@code mi-scan.txt}. */
    @Parameter(property = "mi-scan.outputDirectory", defaultValue = "${project.build.directory}")
    private File outputDirectory;

    /**
     * Logs each finding's details (redacted preview and source line, fix, code, roles, az commands) after its
     * line, instead of one line per finding and each rule's fix once.
     */
    @Parameter(property = "mi-scan.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * Makes the reports of the build's top-level project (in its {@code outputDirectory}) hold the findings of
     * every module of the build, for one upload to GitHub code scanning. Each module keeps its own reports too.
     */
    @Parameter(property = "mi-scan.aggregate", defaultValue = "true")
    private boolean aggregate;

    /**
     * The directory the reports' paths are relative to. Default: the root of the git work tree that holds the
     * directory Maven was started in (where GitHub code scanning expects paths to start), else that directory.
     */
    @Parameter(property = "mi-scan.repositoryRoot")
    private File repositoryRoot;

    /**
     * Also scans the module's packaged artifacts: the main one (as repackaged, e.g. a Spring Boot fat jar, or a war)
     * and the attached ones (a {@code -sources.jar}, a {@code -tests.jar}; not the javadoc). Bound to {@code
     * verify}, the goal runs after {@code package}; run before it, it reads the main artifact an earlier build left
     * in the build directory, if any. A secret the sources hold too is reported once, from the sources.
     */
    @Parameter(property = "mi-scan.scanArtifacts", defaultValue = "true")
    private boolean scanArtifacts;

    /** Also scans the classes directory ({@code target/classes}): the resources after filtering, the class files. */
    @Parameter(property = "mi-scan.scanOutputDirectory", defaultValue = "true")
    private boolean scanOutputDirectory;

    /**
     * Also reads the third-party libraries that a packaged artifact bundles ({@code BOOT-INF/lib}, {@code
     * WEB-INF/lib}, an ear's {@code lib/}); the module's own (same Maven group) are read anyway.
     */
    @Parameter(property = "mi-scan.archiveLibraries", defaultValue = "false")
    private boolean archiveLibraries;

    /**
     * Runs the scan in a JVM of its own, tuned for it (the {@code mi-scan} launcher's options: serial collector, C1
     * only; Maven's maximum heap): {@code auto} (the default) when the module's files and build output exceed {@code
     * forkThreshold}, {@code always}, or {@code never} (in Maven's JVM). A large tree's scan in Maven's JVM makes
     * Maven's process two to three times the size (its collector and compilers are tuned for throughput, not for
     * a short task); the forked scan gives the same findings, log and reports, and needs nothing from the network
     * (its class path is the plugin's own).
     */
    @Parameter(property = "mi-scan.fork", defaultValue = "auto")
    private String fork;

    /**
     * With {@code fork} {@code auto}: the size from which the scan runs in a JVM of its own, in bytes with an
     * optional {@code k}, {@code m} or {@code g} suffix: the module's files ({@code .git}, nested modules and the
     * build directory left out) and its build output together.
     */
    @Parameter(property = "mi-scan.forkThreshold", defaultValue = "20m")
    private String forkThreshold;

    /** {@code forkThreshold} when it is not set (a mojo made without Maven's defaults). */
    static final long DEFAULT_FORK_THRESHOLD = 20L << 20;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private org.apache.maven.plugin.MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // every line logged, every report written and every failure message passes the run's redactor
        // the build's redactor, shared by its modules (the aggregate report holds them all)
        ReactorReport reactor = ReactorReport.of(session);
        try (dev.miscan.core.secrets.Redactor.Scope scope = dev.miscan.core.secrets.Redactor.open(reactor.redactor())) {
            dev.miscan.core.secrets.Redactor redactor = scope.redactor();
            reactor.expect(this::projectsRunningTheGoal);
            Log log = new RedactedLog(getLog(), redactor);
            String realms = aggregate ? reactor.realmsWarning() : null;
            if (realms != null) {
                log.warn(realms);
            }
            Exception thrown = null;
            try {
                check(log, reactor);
            } catch (MojoFailureException e) {
                thrown = new MojoFailureException(redactor.redact(e.getMessage()));
            } catch (MojoExecutionException e) {
                thrown = new MojoExecutionException(redactor.redact(e.getMessage()));
            } catch (RuntimeException e) {
                thrown = e;
            }
            // the last execution (or a failing one) writes the aggregate an earlier one left
            try {
                reactor.ended(project.getId(), thrown != null);
            } catch (MojoExecutionException | RuntimeException e) {
                Exception problem = e instanceof MojoExecutionException
                        ? new MojoExecutionException(redactor.redact(e.getMessage())) : e;
                if (thrown == null) {
                    thrown = problem;
                } else {
                    thrown.addSuppressed(problem); // the build fails with the first problem
                }
            }
            if (thrown instanceof MojoFailureException f) {
                throw f;
            } else if (thrown instanceof MojoExecutionException x) {
                throw x;
            } else if (thrown instanceof RuntimeException r) {
                throw r;
            }
        }
    }

    /**
     * The projects of the build that run this goal, as far as the build's model says: every project for a goal
     * named on the command line, else those with an execution of the goal in the same phase; null when not known
     * (then the aggregate is written after every module). Only what the model states counts (an execution bound
     * elsewhere, or to no phase, does not); a counted project that does not run the goal (a module failed before
     * it, or runs the plugin in a class realm of its own) leaves the aggregate to the end of the build
     * ({@link ReactorReport#flush}).
     */
    private Set<String> projectsRunningTheGoal() {
        if (mojoExecution == null || session == null || session.getProjects() == null) {
            return null;
        }
        List<MavenProject> projects = session.getProjects();
        if (mojoExecution.getSource() == org.apache.maven.plugin.MojoExecution.Source.CLI) {
            return projects.stream().map(MavenProject::getId).collect(java.util.stream.Collectors.toSet());
        }
        String phase = mojoExecution.getLifecyclePhase();
        String goal = mojoExecution.getGoal();
        if (phase == null || goal == null || plugin == null) {
            return null;
        }
        String defaultPhase = mojoExecution.getMojoDescriptor() == null ? null
                : mojoExecution.getMojoDescriptor().getPhase();
        Set<String> ids = new java.util.HashSet<>();
        for (MavenProject p : projects) {
            org.apache.maven.model.Plugin declared = p.getPlugin(plugin.getPluginLookupKey());
            if (declared == null) {
                continue;
            }
            for (org.apache.maven.model.PluginExecution e : declared.getExecutions()) {
                String at = e.getPhase() != null ? e.getPhase() : defaultPhase;
                if (e.getGoals().contains(goal) && phase.equals(at)) {
                    ids.add(p.getId());
                }
            }
        }
        return ids;
    }

    private void check(Log log, ReactorReport reactor) throws MojoExecutionException, MojoFailureException {
        if (skip) {
            log.info("mi-scan: skipped (mi-scan.skip)");
            return;
        }
        Path baseDir = project.getBasedir().toPath().toAbsolutePath().normalize();
        ProjectSettings settings;
        try {
            settings = ProjectSettings.load(config == null ? null : config.toPath(), baseDir, RuleRegistry.load());
        } catch (ConfigException e) {
            throw new MojoExecutionException("mi-scan: " + e.getMessage(), e);
        }
        String failOnLevel = settings.failOn(failOn);
        FailOn threshold = FailOn.parse(failOnLevel).orElseThrow(() -> new MojoExecutionException(
                "mi-scan: unknown failOn '" + failOnLevel + "'; use " + FailOn.CHOICES));
        Set<ReportFormat> reportFormats;
        try {
            reportFormats = reportFormats(formats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mi-scan: " + e.getMessage(), e);
        }
        ForkedScan.Mode forkMode;
        long forkBytes;
        try {
            forkMode = ForkedScan.Mode.parse(fork);
            forkBytes = forkThreshold == null || forkThreshold.isBlank() ? DEFAULT_FORK_THRESHOLD
                    : Sizes.parse(forkThreshold.strip());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mi-scan: " + (e.getMessage().equals(Sizes.HINT)
                    ? "forkThreshold '" + forkThreshold.strip() + "': " + Sizes.HINT : e.getMessage()), e);
        }
        String sharedWith = earlierProjectWithSameBaseDir(baseDir);
        if (sharedWith != null) {
            log.info("mi-scan: " + baseDir + " was already scanned for " + sharedWith);
            return;
        }
        List<String> allExcludes = new ArrayList<>(settings.config().excludes());
        allExcludes.addAll(ModuleLayout.excludes(baseDir, project.getModules(),
                session.getProjects().stream().map(p -> p.getBasedir().toPath()).toList(),
                List.of(Path.of(project.getBuild().getDirectory()), outputDirectory.toPath())));
        if (excludes != null) {
            excludes.stream().map(String::strip).filter(e -> !e.isEmpty()).forEach(allExcludes::add);
        }
        log.debug("mi-scan: scanning " + baseDir + " excluding " + allExcludes);

        ScanResult result;
        BuildOutput.Targets targets = null;
        BuildOutput.Merged output = null;
        try {
            // read first: the scan fingerprints with the baseline's salt, so that the reports match the file
            Baseline accepted = settings.loadBaseline(
                    settings.baselineFile(baseline == null ? null : baseline.toPath(), baseDir));
            if (accepted != null) {
                accepted.advice().ifPresent(a -> log.warn("mi-scan: " + a));
            }
            Engine engine = settings.engine(accepted);
            // no report shows fingerprints and no baseline compares them: the scan makes none
            boolean fingerprints = accepted != null || reportFormats.stream().anyMatch(ReportFormat::showsFingerprints);
            targets = buildOutputTargets();
            targets.notes().forEach(n -> log.debug("mi-scan: " + n));
            // the excludes of the settings and the parameter apply; the module layout's (build output) do not
            List<String> outputExcludes = new ArrayList<>(settings.config().excludes());
            if (excludes != null) {
                excludes.stream().map(String::strip).filter(e -> !e.isEmpty()).forEach(outputExcludes::add);
            }
            if (!targets.isEmpty()) {
                log.debug("mi-scan: scanning the build output " + targets.all() + " excluding " + outputExcludes);
            }
            ForkedScan.Request request = new ForkedScan.Request(baseDir,
                    config == null ? null : config.toPath().toAbsolutePath(), engine.fingerprintKey(), fingerprints,
                    allExcludes, targets.artifacts(), targets.classes(), outputExcludes, archiveLibraries);
            ForkedScan.Scans scans = forked(request, forkMode, forkBytes, baseDir, targets, log);
            if (scans == null) {
                scans = ForkedScan.scan(request, settings, engine);
            }
            result = scans.sources();
            if (scans.output() != null) {
                String self = project.getId();
                BuildOutput.Origins origins = origins(baseDir, targets);
                Set<String> listed = scans.listed();
                output = BuildOutput.merge(result, scans.output(), key -> reactor.reportedBy(key, self),
                        path -> origins.candidates(path).stream()
                                .anyMatch(c -> !listed.contains(c) && Files.isRegularFile(baseDir.resolve(c))));
                result = output.result();
            }
            reactor.reported(project.getId(), result.findings(), result.suppressedFindings());
            result = settings.applyBaseline(accepted, result, Baseline.existingFilesUnder(baseDir));
        } catch (ConfigException e) {
            throw new MojoExecutionException("mi-scan: " + e.getMessage(), e);
        } catch (ForkedScan.Failure e) {
            throw new MojoExecutionException(e.config() ? "mi-scan: " + e.getMessage()
                    : "mi-scan: scanning " + baseDir + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("mi-scan: scanning " + baseDir + " was interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("mi-scan: scanning " + baseDir + " failed: " + e.getMessage(), e);
        }

        UnaryOperator<String> displayPath = reportPathDisplay(baseDir);
        for (FindingLog.Line line : FindingLog.log(result.findings(), displayPath, verbose, reactor::firstFix)) {
            logAt(log, line.severity(), line.text());
        }
        List<Finding> builtIn = List.of();
        if (output != null) {
            builtIn = BuildOutput.stillReported(output, result);
            StringBuilder read = new StringBuilder("mi-scan: build output read: ")
                    .append(String.join(", ", targets.all().stream().map(this::displayPath).toList()))
                    .append(" (").append(FindingLog.plural(output.outputFiles(), "file")).append(")");
            if (output.copies() > 0) {
                read.append("; ").append(FindingLog.plural(output.copies(), "finding"))
                        .append(" there also in the sources, reported once (from the sources)");
            }
            if (output.skipped() > 0) {
                read.append("; ").append(FindingLog.plural(output.skipped(), "finding"))
                        .append(" there in copies of files the source scan skips (.gitignore, excludes), left out too");
            }
            if (!builtIn.isEmpty()) {
                read.append("; ").append(FindingLog.plural(builtIn.size(), "finding")).append(" only there");
            }
            log.info(read.toString());
            if (!builtIn.isEmpty()) {
                log.warn("mi-scan: " + FindingLog.builtInHint(builtIn.size()));
            }
        }
        List<String> outputPaths = targets == null ? List.of()
                : targets.all().stream().map(p -> ReportPaths.relative(baseDir, p)).toList();
        for (ScanWarning.Shown shown : ScanWarning.forPeople(result.warnings())) {
            ScanWarning w = shown.warning();
            String line = "mi-scan: " + shown.text(displayPath);
            // a note about the build output (bundled libraries not read, say) comes with every build: not a warning
            boolean aboutOutput = outputPaths.stream().anyMatch(p -> w.path().equals(p)
                    || w.path().startsWith(p + "/") || w.path().startsWith(p + "!/"));
            if (aboutOutput && !w.incomplete()) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }

        Path root = reportRoot();
        ScanResult rebased = ReportPaths.rebase(result, baseDir, root);
        Path ownDir = outputDirectory.toPath().toAbsolutePath().normalize();
        boolean reactorBuild = session.getProjects().size() > 1;
        boolean topLevel = isTopLevel();
        List<Path> written;
        List<Path> aggregateFiles = List.of();
        boolean aggregateLater = false;
        boolean ownAreTheReactors = false;
        if (aggregate) {
            synchronized (reactor) {
                reactor.add(project.getId(), rebased);
                if (topLevel) {
                    reactor.aggregateDirectory(ownDir);
                }
                Path dir = topLevel ? ownDir : aggregateDirectory(reactor);
                // the top-level project's reports, or reports that share its directory, are the reactor's
                ownAreTheReactors = dir.equals(ownDir);
                // the files the aggregate goes to, as this execution writes them
                Object files = List.of(dir, reportFormats, sarifAllRules, root);
                if (ownAreTheReactors) {
                    written = writeReports(reactor.aggregate(root), reportFormats, ownDir);
                    reactor.written(files);
                } else {
                    written = writeReports(rebased, reportFormats, ownDir);
                    if (reactor.writeNow(project.getId(), !threshold.failing(result.findings()).isEmpty())) {
                        aggregateFiles = writeReports(reactor.aggregate(root), reportFormats, dir);
                        reactor.written(files);
                    } else {
                        // the aggregate as it is when a later execution writes it (its results then)
                        reactor.defer(files, () -> writeReports(reactor.aggregate(root), reportFormats, dir), log);
                        aggregateFiles = reportFormats.stream().map(f -> dir.resolve(f.fileName())).toList();
                        aggregateLater = true;
                    }
                }
            }
        } else {
            written = writeReports(rebased, reportFormats, ownDir);
        }
        List<String> shownReports = written.stream().map(this::displayPath).toList();
        String reportHint = shownReports.isEmpty() ? "" : shownReports.get(0);
        StringBuilder summary = new StringBuilder("mi-scan: ").append(FindingLog.summary(result));
        if (!shownReports.isEmpty()) {
            summary.append(ownAreTheReactors && reactorBuild ? "; reactor report: " : "; report: ")
                    .append(String.join(", ", shownReports));
        }
        if (!aggregateFiles.isEmpty()) {
            summary.append("; reactor report: ")
                    .append(String.join(", ", aggregateFiles.stream().map(this::displayPath).toList()))
                    .append(aggregateLater ? " once the last module has run" : "");
        }
        if (!verbose && !result.findings().isEmpty()) {
            summary.append(" (each finding's roles, az commands and code: -Dmi-scan.verbose=true)");
        }
        log.info(summary.toString());

        List<Finding> failing = threshold.failing(result.findings());
        if (!failing.isEmpty()) {
            String name = project.getName() == null ? project.getArtifactId() : project.getName();
            long built = failing.stream().filter(builtIn::contains).count();
            throw new MojoFailureException(
                    FindingLog.failureMessage(failing, threshold, name, displayPath, reportHint, built));
        }
    }

    /**
     * The module's scan in a JVM of its own, as {@code fork} says; null: it runs here. The secrets it found go to
     * the run's redactor.
     */
    private ForkedScan.Scans forked(ForkedScan.Request request, ForkedScan.Mode mode, long forkBytes, Path baseDir,
            BuildOutput.Targets targets, Log log) throws ForkedScan.Failure, IOException, InterruptedException {
        if (mode == ForkedScan.Mode.NEVER) {
            return null;
        }
        Path buildDir = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        if (mode == ForkedScan.Mode.AUTO) {
            List<Path> skip = new ArrayList<>(List.of(buildDir, outputDirectory.toPath().toAbsolutePath().normalize()));
            for (String module : project.getModules()) {
                Path dir = baseDir.resolve(module).normalize();
                skip.add(Files.isRegularFile(dir) ? dir.getParent() : dir);
            }
            for (MavenProject p : session.getProjects()) {
                Path dir = p.getBasedir().toPath().toAbsolutePath().normalize();
                if (!dir.equals(baseDir) && dir.startsWith(baseDir)) {
                    skip.add(dir);
                }
            }
            if (!ForkedScan.larger(baseDir, skip, targets.all(), forkBytes)) {
                log.debug("mi-scan: scanning in Maven's JVM (the module is within forkThreshold, " + forkBytes
                        + " bytes)");
                return null;
            }
        }
        List<Path> classPath = ForkedScan.classPath(getClass().getClassLoader());
        if (classPath.isEmpty()) {
            log.debug("mi-scan: scanning in Maven's JVM (the plugin's class path is not known)");
            return null;
        }
        log.debug("mi-scan: scanning in a forked JVM " + ForkedScan.JVM_OPTIONS + " (fork " + mode.name()
                .toLowerCase(java.util.Locale.ROOT) + (mode == ForkedScan.Mode.AUTO ? ": the module exceeds "
                + forkBytes + " bytes)" : ")"));
        return ForkedScan.fork(request, classPath, buildDir, dev.miscan.core.secrets.Redactor.current());
    }

    /** The packaged artifacts and classes directory, as {@code scanArtifacts} and {@code scanOutputDirectory} say. */
    private BuildOutput.Targets buildOutputTargets() {
        Artifact main = project.getArtifact();
        Path mainFile = main == null || main.getFile() == null ? null : main.getFile().toPath();
        String extension = main == null || main.getArtifactHandler() == null ? null
                : main.getArtifactHandler().getExtension();
        Build build = project.getBuild();
        Path earlier = extension == null || build == null || build.getDirectory() == null
                || build.getFinalName() == null ? null
                : Path.of(build.getDirectory(), build.getFinalName() + "." + extension);
        List<BuildOutput.Artifact> attached = new ArrayList<>();
        for (Artifact a : project.getAttachedArtifacts()) {
            Path file = a.getFile() == null ? null : a.getFile().toPath();
            attached.add(new BuildOutput.Artifact(file, a.getClassifier()));
        }
        Path classes = build == null || build.getOutputDirectory() == null ? null : Path.of(build.getOutputDirectory());
        return BuildOutput.targets(new BuildOutput.Artifact(mainFile, null), earlier, attached, classes, scanArtifacts,
                scanOutputDirectory);
    }

    /**
     * Where the build output's files come from: the module's resource directories and source roots inside its base
     * directory (not generated ones in the build directory, which the source scan never reads).
     */
    private BuildOutput.Origins origins(Path baseDir, BuildOutput.Targets targets) {
        Path buildDir = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        Map<String, String> roots = new LinkedHashMap<>();
        for (Resource r : project.getResources()) {
            String target = r.getTargetPath() == null ? "" : r.getTargetPath().replace('\\', '/');
            target = target.isEmpty() || target.endsWith("/") ? target : target + "/";
            addRoot(baseDir, buildDir, r.getDirectory(), target, roots);
        }
        for (String root : project.getCompileSourceRoots()) {
            addRoot(baseDir, buildDir, root, "", roots);
        }
        String classes = targets.classes() == null ? null : ReportPaths.relative(baseDir, targets.classes());
        Set<String> artifacts = new LinkedHashSet<>();
        targets.artifacts().forEach(a -> artifacts.add(ReportPaths.relative(baseDir, a)));
        return new BuildOutput.Origins(classes, artifacts, roots);
    }

    private static void addRoot(Path baseDir, Path buildDir, String dir, String target, Map<String, String> into) {
        if (dir == null) {
            return;
        }
        Path abs = baseDir.resolve(dir).toAbsolutePath().normalize();
        if (abs.startsWith(baseDir) && !abs.equals(baseDir) && !abs.startsWith(buildDir)) {
            into.putIfAbsent(ReportPaths.relative(baseDir, abs), target);
        }
    }

    /** {@code repositoryRoot}, else the git work tree's root above the execution root, else the execution root. */
    private Path reportRoot() {
        if (repositoryRoot != null) {
            return repositoryRoot.toPath().toAbsolutePath().normalize();
        }
        String executionRoot = session.getExecutionRootDirectory();
        return ReportPaths.repositoryRoot(executionRoot != null ? Path.of(executionRoot)
                : project.getBasedir().toPath());
    }

    /** Whether this is the build's top-level project (the execution root), whose reports are the reactor's. */
    private boolean isTopLevel() {
        MavenProject top = session.getTopLevelProject();
        return top == null || top == project || top.getId().equals(project.getId())
                && top.getBasedir().equals(project.getBasedir());
    }

    /**
     * Where the reactor's reports go: where the top-level project's execution wrote its own, else (it has not run,
     * or does not run the goal) its build directory.
     */
    private Path aggregateDirectory(ReactorReport reactor) {
        Path recorded = reactor.aggregateDirectory();
        if (recorded != null) {
            return recorded;
        }
        MavenProject top = session.getTopLevelProject();
        String dir = top == null ? null : top.getBuild().getDirectory();
        return dir != null ? Path.of(dir).toAbsolutePath().normalize()
                : Path.of(session.getExecutionRootDirectory(), "target").toAbsolutePath().normalize();
    }

    private List<Path> writeReports(ScanResult result, Set<ReportFormat> reportFormats, Path dir)
            throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        if (reportFormats.isEmpty()) {
            return written;
        }
        String version = plugin.getVersion() == null ? "dev" : plugin.getVersion();
        for (ReportFormat format : reportFormats) {
            Path file = dir.resolve(format.fileName());
            try {
                Files.createDirectories(dir);
                try (Writer out = dev.miscan.core.secrets.Redactor.current()
                        .writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                    format.write(result, out, version, false, false, false, null, sarifAllRules);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("mi-scan: cannot write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }

    /**
     * Parses {@code formats} entries (each may itself be comma-separated, as {@code -Dmi-scan.formats=sarif,json}
     * gives them), ignoring case and blanks.
     *
     * @throws IllegalArgumentException naming the unknown entry
     */
    static Set<ReportFormat> reportFormats(Collection<String> entries) {
        Set<ReportFormat> formats = new LinkedHashSet<>();
        if (entries == null) {
            return formats;
        }
        for (String entry : entries) {
            for (String word : entry.split(",")) {
                if (word.isBlank()) {
                    continue;
                }
                formats.add(ReportFormat.parse(word).orElseThrow(() -> new IllegalArgumentException(
                        "unknown report format '" + word.strip() + "' in formats: use sarif, json or text")));
            }
        }
        return formats;
    }

    /** Another project of this build with the same base directory (two POMs in one folder) scans it instead. */
    private String earlierProjectWithSameBaseDir(Path baseDir) {
        for (MavenProject p : session.getProjects()) {
            if (p == project || p.getId().equals(project.getId())) {
                return null;
            }
            if (p.getBasedir().toPath().toAbsolutePath().normalize().equals(baseDir)) {
                return p.getId();
            }
        }
        return null;
    }

    /** Report paths are relative to the module; the log shows them relative to where Maven was started. */
    private UnaryOperator<String> reportPathDisplay(Path baseDir) {
        return reportPath -> displayPath(baseDir.resolve(reportPath));
    }

    private String displayPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String root = session.getExecutionRootDirectory();
        Path rootDir = root == null ? null : Path.of(root).toAbsolutePath().normalize();
        Path shown = rootDir != null && abs.startsWith(rootDir) && !abs.equals(rootDir) ? rootDir.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    private static void logAt(Log log, Severity severity, String line) {
        switch (severity) {
            case ERROR -> log.error(line);
            case WARNING -> log.warn(line);
            case NOTE -> log.info(line);
        }
    }
}
