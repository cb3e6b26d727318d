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

    static int exitCode(FailOn failOn, List<Finding> findings) {
        return failOn.fails(findings) ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }
}
