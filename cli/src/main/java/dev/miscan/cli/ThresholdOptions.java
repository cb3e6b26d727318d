package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.report.TerminalText;
import dev.miscan.core.session.FailOn;
import dev.miscan.core.session.Sizes;
import dev.miscan.core.suppress.Baseline;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --fail-on}, {@code --baseline} and {@code --max-file-size}: the limits of a reporting scan. Each is
 * null when not given, so that {@code .mi-scan.yml} decides (see {@link ProjectSettings}).
 */
final class ThresholdOptions {
    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = Levels.class,
            completionCandidates = Levels.class,
            description = "Exit with 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} (default: "
                    + "error, or .mi-scan.yml's fail-on).")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not in this baseline "
            + "(default: the config's 'baseline', else the nearest .mi-scan-baseline.json from the scanned directory "
            + "up to the repository root, if any).")
    Path baseline;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip files larger than SIZE, e.g. 500k, 2m (default: 2m, or .mi-scan.yml's max-file-size).")
    String maxFileSize;

    /**
     * The size limit in bytes; checked before anything is opened, so that a bad size is a usage error
     * whatever else goes wrong.
     *
     * @throws ParameterException for a size that does not parse
     */
    Long maxFileSizeFlag(CommandSpec spec) {
        if (maxFileSize == null) {
            return null;
        }
        long size;
        try {
            size = Sizes.parse(maxFileSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --max-file-size '" + maxFileSize + "': "
                    + e.getMessage());
        }
        if (size == 0) {
            // every file would be skipped, and the scan would pass on nothing
            throw new ParameterException(spec.commandLine(), "invalid --max-file-size '" + maxFileSize + "': it would "
                    + "skip every file; " + Sizes.HINT + ", above 0");
        }
        return size;
    }

    /** {@code --fail-on}, else the settings file's, else error. */
    FailOn failOn(ProjectSettings settings) {
        return failOn != null ? failOn : FailOn.parse(settings.failOn(null)).orElseThrow();
    }

    /** {@code --baseline}, else the settings file's, else the standard file in {@code root} when present. */
    Path baselineFile(ProjectSettings settings, Path root) throws ConfigException {
        return settings.baselineFile(baseline, root);
    }

    /**
     * That baseline, read before the scan (whose engine takes its key), or null for none; the advice to rewrite a
     * format 1 file goes to {@code err}, once.
     */
    Baseline baseline(ProjectSettings settings, Path root, PrintWriter err) throws ConfigException {
        return warnIfUnkeyed(settings.loadBaseline(baselineFile(settings, root)), err);
    }

    /**
     * The baseline of a scan of {@code scanned} reported from {@code root}: {@code --baseline}, else the settings
     * file's, else the nearest {@code .mi-scan-baseline.json} from {@code scanned} up to {@code root}; a file
     * written before paths were taken from the repository root still matches.
     */
    Baseline baseline(ProjectSettings settings, Path root, Path scanned, PrintWriter err) throws ConfigException {
        Path file = settings.baselineFile(baseline, root, scanned);
        return warnIfUnkeyed(file == null ? null : settings.loadBaseline(file, root, scanned), err);
    }

    /** {@code baseline}, after telling {@code err} how to rewrite it when it is of format 1. */
    static Baseline warnIfUnkeyed(Baseline baseline, PrintWriter err) {
        if (baseline != null) {
            baseline.advice().ifPresent(a -> err.println("mi-scan: warning: " + TerminalText.safe(a)));
        }
        return baseline;
    }

    /** error, warning, note, none; the tier names (secret, key-based-auth, hardening) are accepted too. */
    static final class Levels extends Choices<FailOn> {
        Levels() {
            super(FailOn.values(), FailOn::label, FailOn::parse);
        }
    }
}
