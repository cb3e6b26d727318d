package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.FailOn;
import dev.miscan.core.session.HistoryScan;
import dev.miscan.core.source.GitHistorySource;
import dev.miscan.core.source.GitRepositories;
import dev.miscan.core.source.GitStagedSource;
import dev.miscan.core.suppress.Baseline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mi-scan scan}: maps options to a {@link ScanRequest}, runs the engine, writes one report. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans files and directories for Azure credentials and key-based authentication.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean at the threshold", "1:findings", "2:usage or configuration error",
            "3:scan error: a path named here that cannot be read, or file versions of --since/--diff missing from a"
                + " partial clone (with --strict also: a text file could not be read or parsed in full)"})
public final class ScanCommand extends ReportingCommand {
    @Mixin
    PathArguments paths;

    @Option(names = "--staged", description = "Scan what 'git commit' would record (the index), reporting only "
            + "added or changed lines: the pre-commit check.")
    boolean staged;

    @Option(names = "--since", paramLabel = "REV", description = "Scan the lines added by the commits since REV "
            + "(REV..HEAD), with the commit of each finding.")
    String since;

    @Option(names = "--diff", paramLabel = "BASE..HEAD", description = "Scan the lines added by the commits of HEAD "
            + "that BASE does not have (a pull request).")
    String diff;

    @Option(names = "--archives", description = "Also read the built artifacts found in the scanned directories: jars,"
            + " wars, ears, zips, class files and saved container images (an artifact named as a PATH is always read).")
    boolean archives;

    @Option(names = "--archive-libraries", description = "In application archives, also read the bundled libraries that"
            + " are not the application's own (BOOT-INF/lib, WEB-INF/lib, lib/).")
    boolean archiveLibraries;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        checkVerbosity();
        Long maxSizeFlag = thresholds.maxFileSizeFlag(spec);
        List<Path> targets = paths.existing(spec);
        if ((staged ? 1 : 0) + (since != null ? 1 : 0) + (diff != null ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(), "--staged, --since and --diff cannot be combined");
        }
        boolean git = staged || since != null || diff != null;
        if (!git) {
            // a path the user named and that cannot be read: the scan would pass without it
            java.util.Optional<String> unreadable = paths.unreadable();
            if (unreadable.isPresent()) {
                err.println("mi-scan: cannot read " + dev.miscan.core.report.TerminalText.safe(unreadable.get()));
                return ExitCode.SCAN_ERROR.code();
            }
        }
        ScanResult result;
        FailOn failOn;
        int missingBlobs = 0;
        Path root;
        ScanFeedback feedback = feedback();
        try (feedback; Repository repo = git ? GitRepositories.open(targets.get(0)) : null) {
            // paths relative to the repository root (else the scanned directory), whatever the working directory
            root = git ? GitRepositories.root(repo) : PathArguments.baseDir(targets);
            Path scanned = git ? root : PathArguments.scannedDir(targets);
            // the index compared with HEAD first: it overlaps the rules' loading (their own thread), which the
            // settings wait for
            GitStagedSource.Changes stagedChanges = staged
                    ? GitStagedSource.readChanges(repo, GitRepositories.pathFilter(root, paths.given())) : null;
            ProjectSettings settings = settingsOptions.load(root, scanned);
            failOn = thresholds.failOn(settings);
            long maxSize = settings.maxFileSize(maxSizeFlag);
            List<String> allExcludes = settingsOptions.excludes(settings);
            // read first: the scan fingerprints with the baseline's salt, so that its reports match the file
            Baseline baseline = thresholds.baseline(settings, root, scanned, warnings());
            describeSettings(settings, root, baseline, baseline == null ? null
                    : settings.baselineFile(thresholds.baseline, root, scanned), failOn, maxSize, allExcludes);
            Engine engine = report.engineFor(settings.engine(baseline), baseline != null).withProgress(feedback);
            Predicate<String> pathExists;
            if (staged) {
                GitStagedSource source = new GitStagedSource(repo, stagedChanges, allExcludes, maxSize);
                result = engine.scan(root, List.of(source), threads.threads());
                // the index's paths tell a renamed baselined file from a new one: without a baseline, not read again
                pathExists = baseline == null ? path -> false : source.pathExists();
            } else if (git) {
                GitHistorySource source = new GitHistorySource(repo, since != null
                        ? GitHistorySource.Range.since(repo, since) : GitHistorySource.Range.parse(repo, diff),
                        GitRepositories.pathFilter(root, paths.given()), allExcludes, maxSize);
                result = HistoryScan.scan(engine, source, threads.threads());
                missingBlobs = source.missingBlobs();
                pathExists = baseline == null ? path -> false : source.pathExists();
            } else {
                result = engine.scan(new ScanRequest(root, targets, allExcludes, maxSize, threads.threads(),
                        dev.miscan.core.source.archive.ArchiveOptions.DEFAULT.inDirectories(archives)
                                .libraries(archiveLibraries)));
                pathExists = Baseline.existingFilesUnder(root);
            }
            result = settings.applyBaseline(baseline, result, pathExists);
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
        feedback.printTimings(result.warnings());
        if (!report.deliver(result, spec, staged, "in " + result.filesScanned() + " file(s); "
                + result.filesBinary() + " binary; " + result.filesSkipped() + " skipped", terminal(), quiet)) {
            return ExitCode.SCAN_ERROR.code();
        }
        List<dev.miscan.core.api.Finding> blocking = staged && !quiet ? failOn.failing(result.findings()) : List.of();
        if (!blocking.isEmpty()) {
            HookAdvice.print(err, blocking, HookAdvice.Context.detect(root));
        }
        // a partial clone's missing contents: the range was not all read (the report's warning says how to fetch it)
        return missingBlobs > 0 ? ExitCode.SCAN_ERROR.code() : verdict(result, failOn);
    }
}
