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

    @picocli.CommandLine.Option(names = "--strict", description = "Exit with 3 when any file was skipped or not fully "
            + "scanned (binary, too large, unreadable, a link, a parse or rule failure: every warning counts), "
            + "whatever the findings. Without it, such files are warnings and the findings decide.")
    boolean strict;

    static int exitCode(FailOn failOn, List<Finding> findings) {
        return failOn.fails(findings) ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }

    /** The exit code of a delivered result: 3 under {@code --strict} when a file was not fully scanned, else the findings'. */
    int verdict(dev.miscan.core.engine.ScanResult result, FailOn failOn) {
        if (strict && !result.warnings().isEmpty()) {
            spec.commandLine().getErr().println("mi-scan: --strict: " + result.warnings().size() + " file warning(s), "
                    + result.filesSkipped() + " file(s) skipped: the scan is incomplete (exit "
                    + ExitCode.SCAN_ERROR.code() + ")");
            return ExitCode.SCAN_ERROR.code();
        }
        return exitCode(failOn, result.findings());
    }
}
