package dev.miscan.cli;

import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.ReportFormat;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format}, {@code --output} and {@code --no-color}: where a scan's report goes and what it looks like; and
 * what GitHub gets besides ({@link GitHubOptions}).
 */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Formats.class,
            completionCandidates = Formats.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--sarif-all-rules",
            description = "List every rule that ran in the SARIF report, not only the rules that have results.")
    boolean sarifAllRules;

    @Option(names = "--no-color", description = "Never colour the text report (colour is used only on a terminal).")
    boolean noColor;

    @Mixin
    GitHubOptions github;

    /**
     * The engine of a reporting scan: {@code engine} when the report shows fingerprints or a baseline compares
     * them, else the same without fingerprints, which costs no keyed digest (the text report, the pre-commit
     * hook's, shows none).
     */
    dev.miscan.core.engine.Engine engineFor(dev.miscan.core.engine.Engine engine, boolean baseline) {
        return baseline || format.showsFingerprints() ? engine : engine.withoutFingerprints();
    }

    /**
     * Writes the report to {@code --output}, else to the command's standard output. When that is not text on
     * standard output, the warnings and a one-line summary go to standard error (unless {@code --quiet}), so that a
     * terminal still shows what happened.
     *
     * @param brief    the text report's short form (the pre-commit hook's)
     * @param scope    what was scanned, for the summary, e.g. "in 12 file(s); 3 binary; 0 skipped"
     * @param terminal where the streams go (colour only on a terminal)
     * @param quiet    {@code --quiet}: the findings alone, no warning or summary lines
     * @return false when the report could not be written (said on standard error: exit 3)
     */
    boolean deliver(ScanResult result, CommandSpec spec, boolean brief, String scope, Terminal terminal, boolean quiet) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            write(result, spec.commandLine().getOut(), brief, useColor(terminal), quiet);
        } catch (IOException e) {
            err.println("mi-scan: cannot write the report: " + (output != null ? output + ": " : "")
                    + dev.miscan.core.source.IoProblems.of(e));
            return false;
        }
        if ((format != ReportFormat.TEXT || output != null) && !quiet) {
            for (ScanWarning.Shown w : ScanWarning.forPeople(result.warnings())) {
                err.println("mi-scan: warning: " + dev.miscan.core.report.TerminalText.safe(w.text(p -> p)));
            }
            err.println("mi-scan: " + result.findings().size() + " finding(s) " + scope
                    + (output != null ? "; report written to " + output : ""));
        }
        return github.publish(result, spec, output);
    }

    private void write(ScanResult result, Writer stdout, boolean brief, boolean color, boolean quiet)
            throws IOException {
        Writer writer = output == null ? stdout
                : dev.miscan.core.secrets.Redactor.current().writer(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        try {
            format.write(result, writer, Main.version(), color, brief, quiet, github.category, sarifAllRules);
            writer.flush();
            // a print writer (and the standard output under it) keeps a failed write to itself: ask
            if (output == null && (writer instanceof PrintWriter pw && pw.checkError() || System.out.checkError())) {
                throw new IOException("standard output could not be written (a full disk or a closed pipe)");
            }
        } finally {
            if (output != null) {
                writer.close();
            }
        }
    }

    /** Colour only for a person: the report goes to standard output, which is a terminal, and no one said no. */
    private boolean useColor(Terminal terminal) {
        return !noColor && output == null && terminal.stdout() && terminal.color();
    }

    /** text, json, sarif. */
    static final class Formats extends Choices<ReportFormat> {
        Formats() {
            super(ReportFormat.values(), ReportFormat::label, ReportFormat::parse);
        }
    }
}
