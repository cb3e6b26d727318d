package dev.miscan.maven;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.session.FixRun;
import dev.miscan.core.suppress.Baseline;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn mi-scan:fix}: what {@code mi-scan fix} does, for the whole build at once. It applies the mechanical
 * fixes (passwordless settings and {@code DefaultAzureCredential} code instead of keys) to the files of the
 * top-level project and every module in it, logs each change as a diff with the removed credentials redacted and
 * each finding that needs a person, and re-scans. Files with uncommitted changes are left alone unless
 * {@code force}. The build fails only when a file could not be fixed or the scan failed; findings that need a
 * person are listed, and {@code mi-scan:check} is the goal that fails on them.
 */
@Mojo(name = "fix", aggregator = true, threadSafe = true)
public class FixMojo extends TreeGoal {

    /** Logs the changes without writing them. */
    @Parameter(property = "mi-scan.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Also changes files that have uncommitted changes. */
    @Parameter(property = "mi-scan.force", defaultValue = "false")
    private boolean force;

    /** Only fixes findings of these rules (ids or former ids), e.g. {@code -Dmi-scan.rules=MI-STORAGE-CONNSTR}. */
    @Parameter(property = "mi-scan.rules")
    private List<String> rules;

    /** A baseline of accepted findings, which are not fixed (default: the one {@code mi-scan fix} would use). */
    @Parameter(property = "mi-scan.baseline")
    private File baseline;

    @Override
    void run(Log log) throws MojoExecutionException, MojoFailureException {
        RuleRegistry registry = RuleRegistry.load();
        Set<String> only = new LinkedHashSet<>();
        if (rules != null) {
            for (String entry : rules) {
                for (String id : entry.split(",")) {
                    if (!id.isBlank()) {
                        only.add(id.strip().toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        for (String id : only) {
            if (registry.find(id).isEmpty()) {
                throw new MojoExecutionException("mi-scan: unknown rule '"
                        + dev.miscan.core.report.TerminalText.safe(id) + "' in rules (see 'mi-scan rules')");
            }
        }
        ProjectSettings settings = settings();
        Path root = root();
        Baseline accepted;
        try {
            Path file = settings.baselineFile(baseline == null ? null : baseline.toPath(), root, scannedDir());
            accepted = file == null ? null : settings.loadBaseline(file, root, scannedDir());
        } catch (ConfigException e) {
            throw new MojoExecutionException("mi-scan: " + e.getMessage(), e);
        }
        if (accepted != null) {
            accepted.advice().ifPresent(a -> log.warn("mi-scan: " + a));
        }
        FixRun.Options options = new FixRun.Options(root, List.of(scannedDir()), excludes(settings),
                settings.maxFileSize(null), only, dryRun, force);
        FixRun.Status status;
        try (PrintWriter out = new PrintWriter(new LogWriter(log::info));
                PrintWriter err = new PrintWriter(new LogWriter(log::warn))) {
            status = FixRun.run(settings, accepted, options, out, err);
        }
        if (status == FixRun.Status.ERROR) {
            throw new MojoFailureException("mi-scan: fix did not complete: some files were left as they were, or the"
                    + " scan failed (see the warnings above)");
        }
    }
}
