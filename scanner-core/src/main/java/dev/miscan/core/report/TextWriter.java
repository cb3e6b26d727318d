package dev.miscan.core.report;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a scan for people reading a terminal or a build log:
 *
 * <pre>
 * src/main/resources/application.properties:3:40  ERROR  MI-STORAGE-CONNSTR  A storage account key is in the file.
 *   preview: DefaultEndpointsProtocol=…(120 chars)
 *   fix: Use DefaultAzureCredential with the account endpoint.
 *     spring.cloud.azure.storage.blob.endpoint=https://mystorage.blob.core.windows.net
 *   role: Storage Blob Data Contributor (ba92f5b4-2d11-453d-a403-e96b0029c9fe)
 *   run: az role assignment create ...
 *
 * warning: big.bin: larger than 5 MB, skipped
 * 1 finding (1 error, 0 warnings, 0 notes) in 42 files; 1 skipped; 0 suppressed
 * </pre>
 *
 * ANSI colour is used only when asked for, so logs and redirected output stay plain. Lines end with
 * {@code \n}. The secret never appears: only the finding's redacted preview is shown.
 */
public final class TextWriter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final boolean color;

    /** @param color whether to emit ANSI colour escapes */
    public TextWriter(boolean color) {
        this.color = color;
    }

    public void write(ScanResult result, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        int errors = 0;
        int warnings = 0;
        int notes = 0;
        for (Finding f : result.findings()) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case NOTE -> notes++;
            }
            finding(sb, f);
            sb.append('\n');
        }
        for (ScanWarning w : result.warnings()) {
            sb.append(paint(YELLOW, "warning:")).append(' ').append(describe(w)).append('\n');
        }
        int total = result.findings().size();
        String summary = count(total, "finding", "findings")
                + " (" + count(errors, "error", "errors")
                + ", " + count(warnings, "warning", "warnings")
                + ", " + count(notes, "note", "notes") + ")"
                + " in " + count(result.filesScanned(), "file", "files")
                + "; " + result.filesSkipped() + " skipped"
                + "; " + result.suppressed() + " suppressed";
        sb.append(paint(BOLD, summary)).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    private void finding(StringBuilder sb, Finding f) {
        Location l = f.location();
        sb.append(paint(BOLD, l.path() + ":" + l.startLine() + ":" + l.startColumn()))
                .append("  ").append(paint(levelColour(f.severity()), f.severity().name()))
                .append("  ").append(paint(DIM, f.rule().id()))
                .append("  ").append(notBlank(f.message()) ? f.message() : f.rule().summary())
                .append('\n');
        if (notBlank(f.preview())) {
            sb.append("  preview: ").append(f.preview()).append('\n');
        }
        Remediation r = f.remediation();
        if (notBlank(r.summary())) {
            sb.append("  ").append(paint(BOLD, "fix:")).append(' ').append(r.summary()).append('\n');
        }
        if (notBlank(r.replacement())) {
            r.replacement().strip().lines().forEach(line ->
                    sb.append(line.isEmpty() ? "" : "    " + paint(CYAN, line)).append('\n'));
        }
        for (Role role : r.roles()) {
            sb.append("  role: ").append(role.name())
                    .append(role.id().isEmpty() ? "" : " (" + role.id() + ")").append('\n');
        }
        for (String command : r.commands()) {
            sb.append("  run: ").append(command.strip()).append('\n');
        }
    }

    /** "path: message", or only the message when the warning is not about one file. */
    static String describe(ScanWarning w) {
        return notBlank(w.path()) ? w.path() + ": " + w.message() : w.message();
    }

    private static String levelColour(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
