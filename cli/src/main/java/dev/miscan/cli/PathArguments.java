package dev.miscan.cli;

import dev.miscan.core.source.WorkingTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The files and directories a working-tree command scans ({@code scan}, {@code baseline}, {@code fix}, {@code plan}). */
final class PathArguments {
    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    /** The paths as given: empty when none were (a git scan then covers the whole repository). */
    List<Path> given() {
        return paths;
    }

    /**
     * The paths to scan, the current directory when none were given.
     *
     * @throws ParameterException for a path that does not exist, so that a typo is a usage error (exit 2)
     *                            rather than a clean scan of nothing
     */
    List<Path> existing(CommandSpec spec) {
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : targets) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
            }
        }
        return targets;
    }

    /**
     * The first path named on the command line that cannot be read (a file that cannot be opened, a directory that
     * cannot be listed), with why: "app.properties: permission denied"; empty when every one can. A path the user
     * names is one they expect scanned, so it is a scan error (exit 3), not a warning in a passing scan. Pipes and
     * devices are not opened here (opening a pipe waits for a writer): the scan's warning speaks for them.
     */
    java.util.Optional<String> unreadable() {
        for (Path p : paths) {
            try {
                if (Files.isDirectory(p)) {
                    Files.newDirectoryStream(p).close();
                } else if (Files.isRegularFile(p)) {
                    Files.newByteChannel(p).close();
                }
            } catch (java.io.IOException | SecurityException e) {
                return java.util.Optional.of(p + ": " + dev.miscan.core.source.IoProblems.of(e));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * What paths are reported relative to, whatever the working directory: the root of the git repository that
     * holds the targets, else the scanned directory ({@link WorkingTrees#reportRoot}).
     */
    static Path baseDir(List<Path> targets) {
        return WorkingTrees.reportRoot(targets);
    }

    /**
     * The directory a scan of {@code targets} covers: the deepest one that holds them all. The settings file and
     * the baseline are looked for from there up to the repository root.
     */
    static Path scannedDir(List<Path> targets) {
        List<Path> abs = targets.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Path common = Files.isDirectory(abs.get(0)) ? abs.get(0) : abs.get(0).getParent();
        for (Path p : abs) {
            while (common != null && !p.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? abs.get(0).getRoot() : common;
    }
}
