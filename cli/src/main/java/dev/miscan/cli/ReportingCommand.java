package dev.miscan.cli;

import dev.miscan.core.api.Finding;
import dev.miscan.core.session.FailOn;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands that report findings and fail on them ({@code scan}, {@code history}) share, so that an
 * option added to one cannot be forgotten in the other (as PMD's {@code AbstractAnalysisPmdSubcommand} does).
 */
abstract class ReportingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Mixin
    ThresholdOptions thresholds;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    ThreadsOption threads;

    @picocli.CommandLine.ParentCommand
    Main main;

    @picocli.CommandLine.Option(names = {"-q", "--quiet"}, description = "Print only the findings (the report) and "
            + "errors: no warnings, no summary, no progress.")
    boolean quiet;

    @picocli.CommandLine.Option(names = {"-v", "--verbose"}, description = "Also print, on standard error, the "
            + "settings in use and each file read with its size and time (a skipped file with the reason).")
    boolean verbose;

    @picocli.CommandLine.Option(names = "--strict", description = "Exit with 3 when a text file could not be read or "
            + "parsed in full (unreadable, not UTF-8, over the size limit, a parse or rule failure), whatever the "
            + "findings. Binary files (images, fonts, archives) never count: they are left out silently. Without it, "
            + "such files are warnings and the findings decide.")
    boolean strict;

    /** The terminal the run's streams are on (none in tests that call {@link Main#execute}). */
    Terminal terminal() {
        return main == null ? Terminal.NONE : main.terminal;
    }

    /** Checks the options that only make sense apart. */
    void checkVerbosity() {
        if (quiet && verbose) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--quiet and --verbose cannot be combined");
        }
    }

    /** Where warnings go: standard error, or nowhere under {@code --quiet}. */
    java.io.PrintWriter warnings() {
        return quiet ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getErr();
    }

    /** The progress line and {@code --verbose} timings of this command's scan. */
    ScanFeedback feedback() {
        return ScanFeedback.of(spec.commandLine().getErr(), terminal(), quiet, verbose);
    }

    /** {@code --verbose}: one line per setting that decides what is scanned and how, on standard error. */
    void describeSettings(dev.miscan.core.config.ProjectSettings settings, java.nio.file.Path root,
            dev.miscan.core.suppress.Baseline baseline, java.nio.file.Path baselineFile, FailOn failOn, long maxSize,
            List<String> excludes) {
        if (!verbose) {
            return;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        java.nio.file.Path config = settings.config().file();
        err.println("mi-scan: root: " + safe(root));
        err.println("mi-scan: config: " + (config == null ? "none (defaults)" : safe(config)));
        err.println("mi-scan: baseline: " + (baseline == null ? "none" : safe(baselineFile)));
        err.println("mi-scan: fail-on: " + failOn.label() + "; max file size: " + maxSize + " bytes; threads: "
                + (threads.threads() > 0 ? threads.threads() : Runtime.getRuntime().availableProcessors()));
        err.println("mi-scan: excludes: " + (excludes.isEmpty() ? "none" : safe(String.join(", ", excludes))));
    }

    private static String safe(Object o) {
        return dev.miscan.core.report.TerminalText.safe(String.valueOf(o));
    }

    static int exitCode(FailOn failOn, List<Finding> findings) {
        return failOn.fails(findings) ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }

    /**
     * The exit code of a delivered result: 3 under {@code --strict} when a text file could not be read or parsed in
     * full ({@link dev.miscan.core.source.ScanWarning#incomplete()}), else the findings'. Binary files and notes (a
     * symbolic link not followed) never make a scan incomplete.
     */
    int verdict(dev.miscan.core.engine.ScanResult result, FailOn failOn) {
        int incomplete = result.incompleteWarnings().size();
        if (strict && incomplete > 0) {
            spec.commandLine().getErr().println("mi-scan: --strict: " + incomplete + " text file warning(s): the scan"
                    + " is incomplete (exit " + ExitCode.SCAN_ERROR.code() + ")");
            return ExitCode.SCAN_ERROR.code();
        }
        return exitCode(failOn, result.findings());
    }
}
