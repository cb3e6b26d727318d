package dev.miscan.cli;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.JsonWriter;
import dev.miscan.core.report.SarifWriter;
import dev.miscan.core.report.TextWriter;
import dev.miscan.core.source.GitHistorySource;
import dev.miscan.core.source.GitRepositories;
import dev.miscan.core.source.GitStagedSource;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.suppress.Baseline;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mi-scan scan}: maps options to a {@link ScanRequest}, runs the engine, writes one report. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans files and directories for Azure credentials and key-based authentication.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean at the threshold", "1:findings", "2:usage or configuration error",
            "3:scan error (with --strict also: a file was skipped or not fully scanned)"})
public final class ScanCommand implements Callable<Integer> {
    static final String HELP_URI_BASE = "https://github.com/mi-scan/mi-scan/blob/main/docs/rules/";
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)i?b?");

    enum Format { text, json, sarif }

    enum FailOn { error, warning, note, none }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit with 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} (default: "
                    + "${DEFAULT-VALUE}, or .mi-scan.yml's fail-on).")
    FailOn failOn = FailOn.error;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip paths matching GLOB (gitignore syntax, relative to the report's base directory); "
                    + "repeatable; adds to .mi-scan.yml's exclude.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip files larger than SIZE, e.g. 500k, 2m (default: 2m, or .mi-scan.yml's max-file-size).")
    String maxFileSize = "2m";

    @Option(names = "--no-color", description = "Never colour the text report (colour is used only on a terminal).")
    boolean noColor;

    @Option(names = "--threads", paramLabel = "N", description = "Scanning threads (default: all cores).")
    int threads;

    @Option(names = "--staged", description = "Scan what 'git commit' would record (the index), reporting only "
            + "added or changed lines: the pre-commit check.")
    boolean staged;

    @Option(names = "--since", paramLabel = "REV", description = "Scan the lines added by the commits since REV "
            + "(REV..HEAD), with the commit of each finding.")
    String since;

    @Option(names = "--diff", paramLabel = "BASE..HEAD", description = "Scan the lines added by the commits of HEAD "
            + "that BASE does not have (a pull request).")
    String diff;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not in this baseline "
            + "(default: the config's 'baseline', else .mi-scan-baseline.json in the scanned root if present).")
    Path baseline;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: .mi-scan.yml in the "
            + "scanned root); command-line flags override it.")
    Path config;

    @Option(names = "--strict", description = "Exit with 3 when any file was skipped or not fully scanned (binary, "
            + "too large, unreadable, a link, a parse or rule failure: every warning counts), whatever the findings. "
            + "Without it, such files are warnings and the findings decide.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var parsed = spec.commandLine().getParseResult();
        Long maxSizeFlag = parsed.hasMatchedOption("--max-file-size") ? parseSize(maxFileSize) : null;
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : targets) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
            }
        }
        if ((staged ? 1 : 0) + (since != null ? 1 : 0) + (diff != null ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(), "--staged, --since and --diff cannot be combined");
        }
        boolean git = staged || since != null || diff != null;
        ScanResult result;
        try (Repository repo = git ? GitRepositories.open(targets.get(0)) : null) {
            Path root = git ? GitRepositories.root(repo) : baseDir(targets);
            ProjectSettings settings = ProjectSettings.load(config, root, RuleRegistry.load());
            failOn = FailOn.valueOf(settings.failOn(parsed.hasMatchedOption("--fail-on") ? failOn.name() : null));
            long maxSize = settings.maxFileSize(maxSizeFlag);
            List<String> allExcludes = settings.excludes(excludes);
            Engine engine = settings.engine();
            Predicate<String> pathExists;
            if (staged) {
                GitStagedSource source = new GitStagedSource(repo, GitRepositories.pathFilter(root, paths), allExcludes,
                        maxSize);
                result = engine.scan(root, List.of(source), threads);
                pathExists = source.pathExists();
            } else if (git) {
                GitHistorySource source = new GitHistorySource(repo, since != null
                        ? GitHistorySource.Range.since(repo, since) : GitHistorySource.Range.parse(repo, diff),
                        GitRepositories.pathFilter(root, paths), allExcludes, maxSize);
                result = source.scan(engine, threads);
                pathExists = source.pathExists();
            } else {
                result = engine.scan(new ScanRequest(root, targets, allExcludes, maxSize, threads));
                pathExists = Baseline.existingFilesUnder(root);
            }
            result = settings.applyBaseline(settings.baselineFile(baseline, root), result, pathExists);
        } catch (ConfigException | GitRepositories.GitUsageException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (NoSuchFileException e) {
            err.println("mi-scan: no such file or directory: " + e.getFile());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: scan failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        try {
            writeReport(result);
        } catch (IOException e) {
            err.println("mi-scan: cannot write the report: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        if (format != Format.text || output != null) {
            for (ScanWarning w : result.warnings()) {
                err.println("mi-scan: warning: " + w);
            }
            err.println("mi-scan: " + result.findings().size() + " finding(s) in " + result.filesScanned()
                    + " file(s); " + result.filesSkipped() + " skipped" + (output != null ? "; report written to "
                    + output : ""));
        }
        int code = exitCode(result.findings());
        if (staged && code == ExitCode.FINDINGS.code()) {
            HookAdvice.print(err, result.findings(), Severity.parse(failOn.name()));
        }
        if (strict && !result.warnings().isEmpty()) {
            err.println("mi-scan: --strict: " + result.warnings().size() + " file warning(s), "
                    + result.filesSkipped() + " file(s) skipped: the scan is incomplete (exit "
                    + ExitCode.SCAN_ERROR.code() + ")");
            return ExitCode.SCAN_ERROR.code();
        }
        return code;
    }

    private void writeReport(ScanResult result) throws IOException {
        Writer writer = output == null
                ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        if (output == null && spec.commandLine().getOut() != null) {
            writer = spec.commandLine().getOut();
        }
        try {
            switch (format) {
                case sarif -> new SarifWriter(Main.version(), HELP_URI_BASE).write(result, writer);
                case json -> new JsonWriter(Main.version()).write(result, writer);
                default -> new TextWriter(useColor(), staged).write(result, writer);
            }
            writer.flush();
        } finally {
            if (output != null) {
                writer.close();
            }
        }
    }

    private boolean useColor() {
        return !noColor && output == null && System.console() != null && System.getenv("NO_COLOR") == null;
    }

    int exitCode(List<Finding> findings) {
        if (failOn == FailOn.none) {
            return ExitCode.CLEAN.code();
        }
        Severity threshold = Severity.parse(failOn.name());
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold))
                ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }

    /**
     * Paths are reported relative to the working directory when every target is inside it, otherwise
     * relative to the deepest directory that contains all targets.
     */
    static Path baseDir(List<Path> targets) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<Path> abs = targets.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (abs.stream().allMatch(p -> p.startsWith(cwd))) {
            return cwd;
        }
        Path common = Files.isDirectory(abs.get(0)) ? abs.get(0) : abs.get(0).getParent();
        for (Path p : abs) {
            while (common != null && !p.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? abs.get(0).getRoot() : common;
    }

    long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "invalid --max-file-size '" + text
                    + "': use a number of bytes with an optional k, m or g suffix");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n * 1024;
            case "m" -> n * 1024 * 1024;
            case "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
