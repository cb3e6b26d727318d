package dev.miscan.maven;

import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.PlanWriter;
import dev.miscan.core.source.ScanWarning;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn mi-scan:plan}: the Managed Identity plan of the whole build — per Azure resource, the code that uses it
 * with a key, the least-privilege role, the scope, and the {@code az} commands, Bicep and Terraform that grant it —
 * as {@code mi-scan plan} makes it. One plan for the build: the goal runs once, over the top-level project and every
 * module in it. It logs the plan and writes {@code mi-scan-plan.md} (and {@code mi-scan-plan.json} with
 * {@code planFormats}) into {@code outputDirectory}.
 */
@Mojo(name = "plan", aggregator = true, threadSafe = true)
public class PlanMojo extends TreeGoal {

    /** The plan files to write: {@code markdown} ({@code mi-scan-plan.md}) and/or {@code json} ({@code mi-scan-plan.json}). */
    @Parameter(property = "mi-scan.planFormats", defaultValue = "markdown")
    private List<String> planFormats;

    /** Where the plan files go. */
    @Parameter(property = "mi-scan.outputDirectory", defaultValue = "${project.build.directory}")
    private File outputDirectory;

    @Override
    void run(Log log) throws MojoExecutionException {
        Set<String> formats = new LinkedHashSet<>();
        for (String entry : planFormats == null ? List.<String>of() : planFormats) {
            for (String word : entry.split(",")) {
                String f = word.strip().toLowerCase(Locale.ROOT);
                if (f.equals("md")) {
                    f = "markdown";
                }
                if (f.isEmpty()) {
                    continue;
                }
                if (!f.equals("markdown") && !f.equals("json")) {
                    throw new MojoExecutionException("mi-scan: unknown plan format '" + word.strip()
                            + "' in planFormats: use markdown or json");
                }
                formats.add(f);
            }
        }
        ProjectSettings settings = settings();
        Path root = root();
        ScanResult result;
        try {
            // as 'mi-scan plan': a baseline does not hide a resource (an accepted key is still a key to replace),
            // and the plan shows no fingerprint, so none is made
            result = settings.engine().withoutFingerprints().scan(new ScanRequest(root, List.of(scannedDir()),
                    excludes(settings), settings.maxFileSize(null), 0));
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("mi-scan: scanning " + scannedDir() + " failed: " + e.getMessage(), e);
        }
        for (ScanWarning w : result.warnings()) {
            log.warn("mi-scan: " + w.path() + ": " + w.message());
        }
        PlanWriter writer = new PlanWriter();
        StringWriter markdown = new StringWriter();
        try {
            writer.writeMarkdown(result, markdown);
        } catch (IOException e) {
            throw new MojoExecutionException("mi-scan: cannot make the plan: " + e.getMessage(), e);
        }
        try (PrintWriter shown = new PrintWriter(new LogWriter(log::info))) {
            shown.print(markdown);
        }
        List<String> written = new ArrayList<>();
        Path dir = outputDirectory.toPath().toAbsolutePath().normalize();
        for (String format : formats) {
            Path file = dir.resolve(format.equals("json") ? "mi-scan-plan.json" : "mi-scan-plan.md");
            try {
                Files.createDirectories(dir);
                try (Writer out = dev.miscan.core.secrets.Redactor.current()
                        .writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                    if (format.equals("json")) {
                        writer.writeJson(result, out);
                    } else {
                        out.write(markdown.toString());
                    }
                }
            } catch (IOException e) {
                throw new MojoExecutionException("mi-scan: cannot write " + file + ": "
                        + dev.miscan.core.source.IoProblems.of(e), e);
            }
            written.add(displayPath(file));
        }
        int targets = writer.targets(result).size();
        log.info("mi-scan: plan: " + targets + " Azure resource(s) to move to Managed Identity"
                + (written.isEmpty() ? "" : "; written to " + String.join(", ", written)));
    }

    private String displayPath(Path file) {
        Path base = scannedDir();
        return file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
