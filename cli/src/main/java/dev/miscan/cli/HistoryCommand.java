package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.FailOn;
import dev.miscan.core.session.HistoryScan;
import dev.miscan.core.source.GitHistorySource;
import dev.miscan.core.source.GitRepositories;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mi-scan history}: every line every commit added, so that each credential ever committed is found
 * and rotated, with the commit that added it and whether it is still at HEAD.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Scans the lines every commit added (JGit; no git executable needed). Each secret is "
                + "reported once, with the commit, author and date that added it, and marked when it is no longer "
                + "at HEAD: it is still in the history and must be rotated."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean at the threshold", "1:findings", "2:usage or configuration error",
            "3:scan error, or file versions missing from a partial clone (with --strict also: a text file"
                + " could not be read or parsed in full)"})
public final class HistoryCommand extends ReportingCommand {
    // Not PathArguments: these narrow a repository's history, where a directory deleted since still counts.
    @Parameters(paramLabel = "PATH", description = "A directory in the repository; given paths limit the scan to "
            + "them (default: the whole repository).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--since", paramLabel = "REV", description = "Only commits after REV.")
    String since;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The history of BRANCH (default: HEAD).")
    String branch;

    @Option(names = "--all", description = "The history of every branch and tag.")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        checkVerbosity();
        dev.miscan.core.source.GitRepositories.sizeCachesToHeap(); // every version read: a small heap keeps room
        if (all && branch != null) {
            throw new ParameterException(spec.commandLine(), "--all and --branch cannot be combined");
        }
        Long maxSizeFlag = thresholds.maxFileSizeFlag(spec);
        Path start = paths.isEmpty() ? Path.of(".") : paths.get(0);
        ScanResult result;
        FailOn failOn;
        int missingBlobs;
        ScanFeedback feedback = feedback();
        try (feedback; Repository repo = GitRepositories.open(start)) {
            Path root = GitRepositories.root(repo);
            ProjectSettings settings = settingsOptions.load(root);
            failOn = thresholds.failOn(settings);
            List<String> excludes = settingsOptions.excludes(settings);
            long maxSize = settings.maxFileSize(maxSizeFlag);
            GitHistorySource source = new GitHistorySource(repo, GitHistorySource.Range.history(repo, since, branch, all),
                    GitRepositories.pathFilter(root, paths), excludes, maxSize);
            dev.miscan.core.suppress.Baseline baseline = thresholds.baseline(settings, root, warnings());
            describeSettings(settings, root, baseline, baseline == null ? null : thresholds.baselineFile(settings, root),
                    failOn, maxSize, excludes);
            result = HistoryScan.scan(report.engineFor(settings.engine(baseline), baseline != null)
                    .withProgress(feedback), source, threads.threads());
            missingBlobs = source.missingBlobs();
            result = settings.applyBaseline(baseline, result, source.pathExists());
        } catch (ConfigException | GitRepositories.GitUsageException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: history scan failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        feedback.printTimings(result.warnings());
        if (!report.deliver(result, spec, false, "in the history", terminal(), quiet)) {
            return ExitCode.SCAN_ERROR.code();
        }
        // a partial clone's missing contents: the history was not all read (the report's warning says how to fetch it)
        return missingBlobs > 0 ? ExitCode.SCAN_ERROR.code() : verdict(result, failOn);
    }
}
