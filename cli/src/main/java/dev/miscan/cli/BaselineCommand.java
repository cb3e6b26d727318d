package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.config.MiScanConfig;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.suppress.Baseline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mi-scan baseline create|update}: accepts the findings a repository has today, so that scans (and
 * the pre-commit hook) report only new ones. The file holds fingerprints only (see {@link Baseline}).
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Creates or updates the baseline: findings accepted as they are, so that scans report only new ones.",
        subcommands = {BaselineCommand.Create.class, BaselineCommand.Update.class})
public final class BaselineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: 'mi-scan baseline create' or 'update'");
    }

    /** What both subcommands scan and where the file goes. */
    static final class Options {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Mixin
        PathArguments paths;

        @Option(names = "--file", paramLabel = "FILE", description = "The baseline file (default: the config's "
                + "'baseline', else .mi-scan-baseline.json in the scanned root).")
        Path file;

        @Mixin
        SettingsOptions settings;

        @Mixin
        ThreadsOption threads;
    }

    /** The scan a baseline is made of, and its file. */
    private record Scan(Path root, ScanResult result, Path file) {
    }

    private static Scan scan(Options o) throws ConfigException, IOException {
        List<Path> targets = o.paths.existing(o.spec);
        Path root = PathArguments.baseDir(targets);
        ProjectSettings settings = o.settings.load(root);
        ScanResult result = settings.engine().scan(new ScanRequest(root, targets, o.settings.excludes(settings),
                settings.maxFileSize(null), o.threads.threads()));
        MiScanConfig config = settings.config();
        Path file = o.file != null ? o.file
                : config.baselinePath() != null ? config.baselinePath() : root.resolve(Baseline.DEFAULT_FILE);
        if (o.file == null && config.baselinePath() != null) {
            // a committed configuration names where mi-scan writes: inside its own folder only
            Path home = (config.file() != null ? config.file().toAbsolutePath().getParent() : root.toAbsolutePath())
                    .normalize();
            if (!file.toAbsolutePath().normalize().startsWith(home)) {
                throw new ConfigException(config.file() + ": baseline " + config.baselinePath()
                        + " is outside the configuration's folder; name a file inside it");
            }
        }
        return new Scan(root, result, file);
    }

    /** What a subcommand does with its scan. */
    private interface Step {
        int run(Scan scan, PrintWriter out, PrintWriter err) throws ConfigException, IOException;
    }

    /** Scans, runs the step, and maps the errors of both to the same exit codes. */
    private static int run(Options o, Step step) {
        PrintWriter err = o.spec.commandLine().getErr();
        try {
            return step.run(scan(o), o.spec.commandLine().getOut(), err);
        } catch (ConfigException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: baseline failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Writes every current finding to the baseline file.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Options options;

        @Option(names = "--force", description = "Replace an existing baseline (prefer 'update', which lists what went stale).")
        boolean force;

        @Override
        public Integer call() {
            return run(options, (s, out, err) -> {
                if (Files.exists(s.file()) && !force) {
                    err.println("mi-scan: " + s.file() + " already exists; run 'mi-scan baseline update' "
                            + "(or 'create --force' to start over)");
                    return ExitCode.USAGE.code();
                }
                Baseline baseline = Baseline.of(s.result().findings());
                baseline.write(s.file());
                out.println("mi-scan: wrote " + baseline.entries().size() + " finding(s) to " + s.file()
                        + "; scans now report only findings that are not in it. Commit the file.");
                out.flush();
                return ExitCode.CLEAN.code();
            });
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Adds new findings to the baseline, drops and lists stale entries (fixed or deleted).")
    static final class Update implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() {
            return run(options, (s, out, err) -> {
                Baseline old;
                try {
                    old = Baseline.load(s.file());
                } catch (NoSuchFileException e) {
                    err.println("mi-scan: " + s.file() + " does not exist; run 'mi-scan baseline create'");
                    return ExitCode.USAGE.code();
                }
                Baseline.Applied applied = old.apply(s.result(), Baseline.existingFilesUnder(s.root()));
                Baseline updated = old.update(applied);
                updated.write(s.file());
                for (Baseline.Entry e : applied.stale()) {
                    out.println("stale: " + e.ruleId() + "  " + e.path() + "  " + e.fingerprint());
                }
                out.println("mi-scan: " + s.file() + ": kept " + applied.matched().size() + ", added "
                        + applied.result().findings().size() + ", removed " + applied.stale().size() + " stale");
                out.flush();
                return ExitCode.CLEAN.code();
            });
        }
    }
}
