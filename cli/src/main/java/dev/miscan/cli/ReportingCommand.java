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

    @picocli.CommandLine.Option(names = "--strict", description = "Exit with 3 when a text file could not be read or "
            + "parsed in full (unreadable, not UTF-8, over the size limit, a parse or rule failure), whatever the "
            + "findings. Binary files (images, fonts, archives) never count: they are left out silently. Without it, "
            + "such files are warnings and the findings decide.")
    boolean strict;

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
