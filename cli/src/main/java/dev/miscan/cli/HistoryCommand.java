package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.JsonWriter;
import dev.miscan.core.report.SarifWriter;
import dev.miscan.core.report.TextWriter;
import dev.miscan.core.source.GitHistorySource;
import dev.miscan.core.source.GitRepositories;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mi-scan history}: every line every commit added, so that each credential ever committed is found
 * and rotated, with the commit that added it and whether it is still at HEAD.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Scans the lines every commit added (JGit; no git executable needed). Each secret is "
                + "reported once, with the commit, author and date that added it, and marked when it is no longer "
                + "at HEAD: it is still in the history and must be rotated."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean at the threshold", "1:findings", "2:usage or configuration error", "3:scan error"})
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A directory in the repository; given paths limit the scan to "
            + "them (default: the whole repository).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--since", paramLabel = "REV", description = "Only commits after REV.")
    String since;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The history of BRANCH (default: HEAD).")
    String branch;

    @Option(names = "--all", description = "The history of every branch and tag.")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScanCommand.Format format = ScanCommand.Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit with 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} (default: error, or the config's fail-on).")
    ScanCommand.FailOn failOn;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching GLOB (gitignore syntax, relative to the repository root); repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "SIZE", description = "Skip file versions larger than SIZE, e.g. 500k, 2m (default: 2m).")
    String maxFileSize;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not in this baseline.")
    Path baseline;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: .mi-scan.yml in the repository root).")
    Path config;

    @Option(names = "--no-color", description = "Never colour the text report.")
    boolean noColor;

    @Option(names = "--threads", paramLabel = "N", description = "Scanning threads (default: all cores).")
    int threads;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (all && branch != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--all and --branch cannot be combined");
        }
        Path start = paths.isEmpty() ? Path.of(".") : paths.get(0);
        ScanResult result;
        ScanCommand.FailOn threshold;
        try (Repository repo = GitRepositories.open(start)) {
            Path root = GitRepositories.root(repo);
            ProjectSettings settings = ProjectSettings.load(config, root, RuleRegistry.load());
            threshold = ScanCommand.FailOn.valueOf(settings.failOn(failOn == null ? null : failOn.name()));
            Long sizeFlag = null;
            if (maxFileSize != null) {
                long size = dev.miscan.core.config.MiScanConfig.parseSize(maxFileSize);
                if (size < 0) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid --max-file-size '"
                            + maxFileSize + "': use a number of bytes with an optional k, m or g suffix");
                }
                sizeFlag = size;
            }
            GitHistorySource source = new GitHistorySource(repo, GitHistorySource.Range.history(repo, since, branch, all),
                    GitRepositories.pathFilter(root, paths), settings.excludes(excludes), settings.maxFileSize(sizeFlag));
            result = source.scan(settings.engine(), threads);
            result = settings.applyBaseline(settings.baselineFile(baseline, root), result, source.pathExists());
        } catch (ConfigException | GitRepositories.GitUsageException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: history scan failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        try {
            write(result);
        } catch (IOException e) {
            err.println("mi-scan: cannot write the report: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        if (format != ScanCommand.Format.text || output != null) {
            for (ScanWarning w : result.warnings()) {
                err.println("mi-scan: warning: " + w);
            }
            err.println("mi-scan: " + result.findings().size() + " finding(s) in the history"
                    + (output != null ? "; report written to " + output : ""));
        }
        if (threshold == ScanCommand.FailOn.none) {
            return ExitCode.CLEAN.code();
        }
        var level = dev.miscan.core.api.Severity.parse(threshold.name());
        return result.findings().stream().anyMatch(f -> f.severity().atLeast(level))
                ? ExitCode.FINDINGS.code() : ExitCode.CLEAN.code();
    }

    private void write(ScanResult result) throws IOException {
        Writer writer = output == null ? spec.commandLine().getOut()
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        try {
            switch (format) {
                case sarif -> new SarifWriter(Main.version(), ScanCommand.HELP_URI_BASE).write(result, writer);
                case json -> new JsonWriter(Main.version()).write(result, writer);
                default -> new TextWriter(!noColor && output == null && System.console() != null
                        && System.getenv("NO_COLOR") == null).write(result, writer);
            }
            writer.flush();
        } finally {
            if (output != null) {
                writer.close();
            }
        }
    }
}
