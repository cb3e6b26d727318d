package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.PlanWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mi-scan plan}: the identity plan for the scanned code (resources, roles, scopes, commands). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Writes the Managed Identity plan: per Azure resource, the code that uses it with a key, the"
                + " least-privilege role, the scope and the commands and IaC that grant it.",
            "Rules that are off and allow-lists of the settings file apply to the plan as to 'scan'."})
public final class PlanCommand implements Callable<Integer> {

    enum Format { markdown, json }

    @Spec
    CommandSpec spec;

    @Mixin
    PathArguments paths;

    @Option(names = "--format", paramLabel = "FORMAT", description = "markdown or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.markdown;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan to FILE.")
    Path output;

    @Mixin
    SettingsOptions settingsOptions;

    @Override
    public Integer call() {
        List<Path> targets = paths.existing(spec);
        PrintWriter err = spec.commandLine().getErr();
        ScanResult result;
        try {
            // the settings of 'scan' (rules off, allow-lists, excludes, sizes); a baseline does not hide a resource
            // from the plan: an accepted key is still a key to replace. The plan shows no fingerprint: none is made
            Path base = PathArguments.baseDir(targets);
            ProjectSettings settings = settingsOptions.load(base, PathArguments.scannedDir(targets));
            result = settings.engine().withoutFingerprints().scan(new ScanRequest(base, targets, settingsOptions.excludes(settings),
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
                    : dev.miscan.core.secrets.Redactor.current().writer(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
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
            err.println("mi-scan: cannot write the plan: " + (output == null ? "" : output + ": ")
                    + dev.miscan.core.source.IoProblems.of(e));
            return ExitCode.SCAN_ERROR.code();
        }
        return ExitCode.CLEAN.code();
    }
}
