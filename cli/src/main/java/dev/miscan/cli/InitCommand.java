package dev.miscan.cli;

import dev.miscan.core.config.MiScanConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mi-scan init}: writes a commented {@code .mi-scan.yml} with every setting at its default. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a commented .mi-scan.yml (every setting at its default) to edit.")
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to write it (default: the current directory).")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Replace an existing .mi-scan.yml.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path file = dir.resolve(MiScanConfig.FILE_NAME);
        if (!Files.isDirectory(dir)) {
            err.println("mi-scan: no such directory: " + dir);
            return ExitCode.USAGE.code();
        }
        if (Files.exists(file) && !force) {
            err.println("mi-scan: " + file + " already exists; use --force to replace it");
            return ExitCode.USAGE.code();
        }
        try {
            dev.miscan.core.source.SafeWrites.replace(file, MiScanConfig.template());
        } catch (IOException e) {
            err.println("mi-scan: cannot write " + file + ": " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        spec.commandLine().getOut().println("mi-scan: wrote " + file);
        spec.commandLine().getOut().flush();
        return ExitCode.CLEAN.code();
    }
}
