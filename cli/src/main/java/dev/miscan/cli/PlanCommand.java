package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.PlanWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mi-scan plan}: the identity plan for the scanned code (resources, roles, scopes, commands). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Writes the Managed Identity plan: per Azure resource, the code that uses it with a key, the"
                + " least-privilege role, the scope and the commands and IaC that grant it.")
public final class PlanCommand implements Callable<Integer> {

    enum Format { markdown, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "markdown or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.markdown;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan to FILE.")
    Path output;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching GLOB (gitignore syntax); repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: .mi-scan.yml in the "
            + "scanned root): rules that are off and allow-lists apply to the plan as to 'scan'.")
    Path config;

    @Override
    public Integer call() {
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : targets) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        ScanResult result;
        try {
            // the settings of 'scan' (rules off, allow-lists, excludes, sizes); a baseline does not hide a resource
            // from the plan: an accepted key is still a key to replace
            Path base = ScanCommand.baseDir(targets);
            ProjectSettings settings = ProjectSettings.load(config, base, RuleRegistry.load());
            result = settings.engine().scan(new ScanRequest(base, targets, settings.excludes(excludes),
                    settings.maxFileSize(null), 0));
        } catch (ConfigException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: scan failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        try {
            Writer out = output == null ? spec.commandLine().getOut()
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            try {
                if (format == Format.json) {
                    new PlanWriter().writeJson(result, out);
                } else {
                    new PlanWriter().writeMarkdown(result, out);
                }
            } finally {
                if (output != null) {
                    out.close();
                }
            }
        } catch (IOException e) {
            err.println("mi-scan: cannot write the plan: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
        return ExitCode.CLEAN.code();
    }
}
