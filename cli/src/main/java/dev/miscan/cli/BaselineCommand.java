package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.config.MiScanConfig;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.suppress.Baseline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * the pre-commit hook) report only new ones. The file holds keyed fingerprints only and the salt they were made
 * with (see {@link Baseline}); the scan that makes it fingerprints with that salt.
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
                + "'baseline', else the nearest .mi-scan-baseline.json from the scanned directory up to the repository "
                + "root, else a new one at the repository root, or in the scanned directory outside a repository).")
        Path file;

        @Mixin
        SettingsOptions settings;

        @Mixin
        ThreadsOption threads;
    }

    /**
     * What a baseline is made of: the root its paths are relative to (the repository's), the scanned directory and
     * paths, the settings, and the file.
     */
    private record Target(Path root, Path scanned, List<Path> targets, ProjectSettings settings, Path file) {
        /** Whether a root-relative path is under one of the scanned paths. */
        boolean covers(String path) {
            for (Path t : targets) {
                Path abs = t.toAbsolutePath().normalize();
                String rel = abs.startsWith(root) ? dev.miscan.core.source.ReportedPaths.slashes(root.relativize(abs)) : "";
                if (rel.isEmpty() || path.equals(rel) || path.startsWith(rel + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The target of {@code o}, resolved before anything is scanned (the file's salt keys the scan). */
    private static Target target(Options o) throws ConfigException {
        List<Path> targets = o.paths.existing(o.spec);
        Path root = PathArguments.baseDir(targets);
        Path scanned = PathArguments.scannedDir(targets);
        ProjectSettings settings = o.settings.load(root, scanned);
        MiScanConfig config = settings.config();
        Path nearest = ProjectSettings.nearestBaseline(root, scanned);
        Path file = o.file != null ? o.file
                : config.baselinePath() != null ? config.baselinePath()
                : nearest != null ? nearest : root.resolve(Baseline.DEFAULT_FILE);
        if (o.file == null && config.baselinePath() != null) {
            // a committed configuration names where mi-scan writes: inside its own folder only
            Path home = (config.file() != null ? config.file().toAbsolutePath().getParent() : root.toAbsolutePath())
                    .normalize();
            if (!file.toAbsolutePath().normalize().startsWith(home)) {
                throw new ConfigException(config.file() + ": baseline " + config.baselinePath()
                        + " is outside the configuration's folder; name a file inside it");
            }
        }
        return new Target(root, scanned, targets, settings, file);
    }

    /** Scans the target with fingerprints keyed by {@code key} (the baseline's). */
    private static ScanResult scan(Options o, Target t, FingerprintKey key) throws IOException {
        return t.settings().engine(key).scan(new ScanRequest(t.root(), t.targets(), o.settings.excludes(t.settings()),
                t.settings().maxFileSize(null), o.threads.threads()));
    }

    /** What a subcommand does with its target. */
    private interface Step {
        int run(Target target, PrintWriter out, PrintWriter err) throws ConfigException, IOException;
    }

    /** Resolves the target, runs the step, and maps the errors of both to the same exit codes. */
    private static int run(Options o, Step step) {
        PrintWriter err = o.spec.commandLine().getErr();
        try {
            return step.run(target(o), o.spec.commandLine().getOut(), err);
        } catch (ConfigException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: baseline failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
    }

    /**
     * The key of a baseline written to {@code file}: the salt of the format 2 file already there (so that
     * re-creating an unchanged baseline writes the same bytes and its SARIF alerts keep their fingerprints), with
     * at least the default iterations; else a new random salt (no file, a format 1 file, an unreadable one).
     */
    static FingerprintKey keyFor(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return FingerprintKey.random();
        }
        try {
            Baseline existing = Baseline.load(file);
            return existing.keyed() ? existing.scanKey().withIterationsAtLeast(FingerprintKey.DEFAULT_ITERATIONS)
                    : FingerprintKey.random();
        } catch (IOException e) {
            return FingerprintKey.random();
        }
    }

    private static final String REKEYED = ": rewrote the baseline of format 1 as format " + Baseline.FORMAT_VERSION
            + ": its fingerprints are keyed (PBKDF2 with a new salt of this repository's) and no plain hash of a "
            + "secret is left in it. Commit it.";

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Writes every current finding to the baseline file.")
    static final class Create implements Callable<Integer> {
        @Mixin
        Options options;

        @Option(names = "--force", description = "Replace an existing baseline (prefer 'update', which lists what went "
                + "stale); its salt is kept.")
        boolean force;

        @Override
        public Integer call() {
            return run(options, (t, out, err) -> {
                if (Files.exists(t.file()) && !force) {
                    err.println("mi-scan: " + t.file() + " already exists; run 'mi-scan baseline update' "
                            + "(or 'create --force' to start over)");
                    return ExitCode.USAGE.code();
                }
                boolean unkeyed = isUnkeyed(t.file());
                Baseline baseline = Baseline.of(scan(options, t, keyFor(t.file())));
                baseline.write(t.file());
                out.println("mi-scan: wrote " + baseline.entries().size() + " finding(s) to " + t.file()
                        + "; scans now report only findings that are not in it. Commit the file.");
                if (unkeyed) {
                    out.println("mi-scan: " + t.file() + REKEYED);
                }
                out.flush();
                return ExitCode.CLEAN.code();
            });
        }
    }

    /** Whether {@code file} is a readable baseline of format 1. */
    private static boolean isUnkeyed(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Baseline.load(file).keyed();
        } catch (IOException e) {
            return false;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Adds new findings to the baseline, drops and lists stale entries (fixed or deleted).",
                "A baseline of format 1 (unsalted hashes) is rewritten as format 2 (keyed, with a new salt)."})
    static final class Update implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() {
            return run(options, (t, out, err) -> {
                Baseline old;
                try {
                    // a file written before paths were taken from the repository root is matched as it was meant
                    old = Baseline.load(t.file()).withLegacyPrefixes(
                            ProjectSettings.legacyPrefixes(t.root(), t.file(), t.scanned()));
                } catch (NoSuchFileException e) {
                    err.println("mi-scan: " + t.file() + " does not exist; run 'mi-scan baseline create'");
                    return ExitCode.USAGE.code();
                }
                // the file's own key; a format 1 file (matched by its plain hashes) gets a new salt
                FingerprintKey key = old.keyed() ? old.scanKey() : FingerprintKey.random();
                Baseline.Applied applied = old.apply(scan(options, t, key), Baseline.existingFilesUnder(t.root()));
                // the entries of paths this scan did not cover (a subdirectory's) are kept, not stale
                java.util.function.Predicate<Baseline.Entry> notScanned =
                        e -> old.rootPathsOf(e).stream().noneMatch(t::covers);
                Baseline updated = old.update(applied, notScanned);
                updated.write(t.file());
                List<Baseline.Entry> stale = applied.stale().stream().filter(notScanned.negate()).toList();
                for (Baseline.Entry e : stale) {
                    // a format 1 entry's fingerprint is a plain hash: not repeated
                    out.println("stale: " + e.ruleId() + "  " + e.path() + (old.keyed() ? "  " + e.fingerprint() : ""));
                }
                out.println("mi-scan: " + t.file() + ": kept " + applied.matched().size() + ", added "
                        + applied.result().findings().size() + ", removed " + stale.size() + " stale");
                if (!old.keyed()) {
                    out.println("mi-scan: " + t.file() + REKEYED);
                }
                out.flush();
                return ExitCode.CLEAN.code();
            });
        }
    }
}
