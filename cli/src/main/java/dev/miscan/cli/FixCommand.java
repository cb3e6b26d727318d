package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.session.FixRun;
import dev.miscan.core.suppress.Baseline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mi-scan fix}: applies the mechanical fixes of the findings to the working tree, prints what changed
 * (with removed credentials redacted), and re-scans ({@link FixRun}). Files with uncommitted changes are left
 * alone unless {@code --force}, so that the fix is always a reviewable diff of its own.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Applies the mechanical fixes (passwordless settings instead of keys) and re-scans.",
            "Rules that are off, allow-lists and the baseline of the settings file apply to fixes as to 'scan'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing left to fix automatically", "1:findings remain that need a person",
            "2:usage error", "3:scan or write error"})
public final class FixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PathArguments paths;

    @Option(names = "--dry-run", description = "Print the changes without writing them.")
    boolean dryRun;

    @Option(names = "--rule", paramLabel = "ID", description = "Only fix findings of this rule; repeatable.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--force", description = "Also change files that have uncommitted changes.")
    boolean force;

    @Mixin
    SettingsOptions settingsOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> targets = paths.existing(spec);
        Set<String> only = rules.stream().map(r -> r.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        RuleRegistry registry = RuleRegistry.load();
        for (String id : only) {
            if (registry.find(id).isEmpty()) {
                err.println("mi-scan: unknown rule '" + dev.miscan.core.report.TerminalText.safe(id)
                        + "' for --rule (see 'mi-scan rules')");
                return ExitCode.USAGE.code();
            }
        }
        Path base = PathArguments.baseDir(targets);
        Path scannedDir = PathArguments.scannedDir(targets);
        // the same settings as 'scan': a rule that is off, an allow-list or a baseline entry is not fixed either
        ProjectSettings settings;
        Baseline baseline;
        try {
            settings = settingsOptions.load(base, scannedDir);
            Path baselineFile = settings.baselineFile(null, base, scannedDir);
            baseline = ThresholdOptions.warnIfUnkeyed(baselineFile == null ? null
                    : settings.loadBaseline(baselineFile, base, scannedDir), err);
        } catch (ConfigException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        FixRun.Options options = new FixRun.Options(base, targets, settingsOptions.excludes(settings),
                settings.maxFileSize(null), only, dryRun, force);
        return switch (FixRun.run(settings, baseline, options, out, err)) {
            case CLEAN -> ExitCode.CLEAN.code();
            case FINDINGS_LEFT -> ExitCode.FINDINGS.code();
            case ERROR -> ExitCode.SCAN_ERROR.code();
        };
    }
}
