package dev.miscan.maven;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.WorkingTrees;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals that take the build's whole tree at once ({@code fix}, {@code plan}) share: they run once, for the
 * top-level project, over its directory with every module in it (build output skipped), with the settings
 * {@code mi-scan scan} would use there ({@code .mi-scan.yml} from that directory up to the repository's root).
 */
abstract class TreeGoal extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "mi-scan.skip", defaultValue = "false")
    private boolean skip;

    /** An {@code .mi-scan.yml} configuration file (default: the one {@code mi-scan scan} would find). */
    @Parameter(property = "mi-scan.config")
    private File config;

    /**
     * Extra paths to skip, in gitignore syntax, relative to the repository's root, e.g. {@code docs/}.
     * {@code .gitignore} files and every module's build directory are skipped anyway.
     */
    @Parameter(property = "mi-scan.excludes")
    private List<String> excludes;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The goal's work, with the run's redactor open and a log that passes it. */
    abstract void run(Log log) throws MojoExecutionException, org.apache.maven.plugin.MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, org.apache.maven.plugin.MojoFailureException {
        try (dev.miscan.core.secrets.Redactor.Scope scope = dev.miscan.core.secrets.Redactor.open(
                ReactorReport.of(session).redactor())) {
            dev.miscan.core.secrets.Redactor redactor = scope.redactor();
            Log log = new RedactedLog(getLog(), redactor);
            if (skip) {
                log.info("mi-scan: skipped (mi-scan.skip)");
                return;
            }
            try {
                run(log);
            } catch (org.apache.maven.plugin.MojoFailureException e) {
                throw new org.apache.maven.plugin.MojoFailureException(redactor.redact(e.getMessage()));
            } catch (MojoExecutionException e) {
                throw new MojoExecutionException(redactor.redact(e.getMessage()));
            }
        }
    }

    /** The directory the goal covers: the top-level project's (this goal runs once, there). */
    Path scannedDir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /** What report paths are relative to: the git work tree's root above {@link #scannedDir()}, else that folder. */
    Path root() {
        return WorkingTrees.reportRoot(List.of(scannedDir()));
    }

    ProjectSettings settings() throws MojoExecutionException {
        try {
            return ProjectSettings.load(config == null ? null : config.toPath(), root(), scannedDir(),
                    RuleRegistry.load());
        } catch (ConfigException e) {
            throw new MojoExecutionException("mi-scan: " + e.getMessage(), e);
        }
    }

    /** The settings file's excludes, every reactor project's build directory, then {@code excludes}. */
    List<String> excludes(ProjectSettings settings) {
        List<String> all = new ArrayList<>(settings.excludes(List.of()));
        List<Path> outputs = new ArrayList<>();
        for (MavenProject p : session.getProjects()) {
            if (p.getBuild() != null && p.getBuild().getDirectory() != null) {
                outputs.add(Path.of(p.getBuild().getDirectory()));
            }
        }
        all.addAll(ModuleLayout.excludes(root(), List.of(), List.of(), outputs));
        if (excludes != null) {
            excludes.stream().map(String::strip).filter(e -> !e.isEmpty()).forEach(all::add);
        }
        return all;
    }
}
