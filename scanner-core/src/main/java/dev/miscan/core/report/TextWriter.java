package dev.miscan.core.report;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Provenance;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Suppression;
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
 * Findings by rule:
 *   MI-STORAGE-CONNSTR  1 error
 * 1 finding (1 error, 0 warnings, 0 notes) in 42 files; 3 binary; 1 skipped; 0 suppressed
 * </pre>
 *
 * The findings by rule close the report: one line per rule, the rules with errors first, then by count and id.
 * The quiet layout ({@code --quiet}) is the findings alone: no warning, no summary.
 *
 * A finding from git history also has a {@code commit:} line (id, date, author, and whether the secret
 * was removed since). The brief layout (for the pre-commit hook, so that every finding fits one screen)
 * keeps the first line, the fix and the first role of each finding. The summary breaks the suppressed
 * count down by origin when there are suppressed findings: {@code 3 suppressed (1 inline, 2 baseline)}.
 *
 * <p>ANSI colour is used only when asked for, so logs and redirected output stay plain. Lines end with
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
    private final boolean brief;
    private final boolean quiet;

    /** @param color whether to emit ANSI colour escapes */
    public TextWriter(boolean color) {
        this(color, false);
    }

    /**
     * @param color whether to emit ANSI colour escapes
     * @param brief three lines per finding: location and message, fix, role
     */
    public TextWriter(boolean color, boolean brief) {
        this(color, brief, false);
    }

    /**
     * @param color whether to emit ANSI colour escapes
     * @param brief three lines per finding: location and message, fix, role
     * @param quiet the findings only: no warnings, no summary
     */
    public TextWriter(boolean color, boolean brief, boolean quiet) {
        this.color = color;
        this.brief = brief;
        this.quiet = quiet;
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
        if (quiet) {
            out.write(sb.toString());
            out.flush();
            return;
        }
        for (ScanWarning.Shown w : ScanWarning.forPeople(result.warnings())) {
            sb.append(paint(YELLOW, "warning:")).append(' ').append(safe(w.text(p -> p))).append('\n');
        }
        if (!brief) {
            byRule(sb, result.findings());
        }
        int total = result.findings().size();
        String summary = count(total, "finding", "findings")
                + " (" + count(errors, "error", "errors")
                + ", " + count(warnings, "warning", "warnings")
                + ", " + count(notes, "note", "notes") + ")"
                + " in " + count(result.filesScanned(), "file", "files")
                + "; " + result.filesBinary() + " binary"
                + "; " + result.filesSkipped() + " skipped"
                + "; " + result.suppressed() + " suppressed" + suppressedBreakdown(result);
        sb.append(paint(BOLD, summary)).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    private void finding(StringBuilder sb, Finding f) {
        Location l = f.location();
        sb.append(paint(BOLD, safe(l.path()) + ":" + l.startLine() + ":" + l.startColumn()))
                .append("  ").append(paint(levelColour(f.severity()), f.severity().name()))
                .append("  ").append(paint(DIM, f.rule().id()))
                .append("  ").append(safe(notBlank(f.message()) ? f.message() : f.rule().summary()))
                .append('\n');
        for (Finding.Related rel : f.related()) {
            sb.append("  see: ").append(safe(rel.location().path())).append(':').append(rel.location().startLine())
                    .append("  ").append(safe(rel.message())).append('\n');
        }
        Provenance p = f.provenance();
        if (p != null) {
            sb.append("  commit: ").append(p.shortCommit()).append(' ')
                    .append(p.date().toString(), 0, Math.min(10, p.date().toString().length()))
                    .append(' ').append(safe(p.author())).append(p.email().isEmpty() ? "" : " <" + safe(p.email()) + ">")
                    .append(p.presentAtHead() ? "" : paint(YELLOW, "  (removed since, still in history: rotate it)"))
                    .append('\n');
        }
        Remediation r = f.remediation();
        if (brief) {
            if (notBlank(r.summary())) {
                sb.append("  ").append(paint(BOLD, "fix:")).append(' ').append(safe(r.summary())).append('\n');
            }
            if (!r.roles().isEmpty()) {
                Role role = r.roles().get(0);
                sb.append("  role: ").append(role.name())
                        .append(role.id().isEmpty() ? "" : " (" + role.id() + ")").append('\n');
            }
            return;
        }
        if (notBlank(f.preview())) {
            sb.append("  preview: ").append(safe(f.preview())).append('\n');
        }
        if (notBlank(r.summary())) {
            sb.append("  ").append(paint(BOLD, "fix:")).append(' ').append(safe(r.summary())).append('\n');
        }
        if (notBlank(r.replacement())) {
            r.replacement().strip().lines().forEach(line ->
                    sb.append(line.isEmpty() ? "" : "    " + paint(CYAN, safe(line))).append('\n'));
        }
        for (Role role : r.roles()) {
            sb.append("  role: ").append(role.name())
                    .append(role.id().isEmpty() ? "" : " (" + role.id() + ")").append('\n');
        }
        for (String command : r.commands()) {
            sb.append("  run: ").append(safe(command.strip())).append('\n');
        }
    }

    /** "Findings by rule:" and a line per rule, e.g. "  MI-STORAGE-CONNSTR  3 errors", worst level first. */
    private void byRule(StringBuilder sb, java.util.List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
        for (Finding f : findings) {
            counts.computeIfAbsent(f.rule().id(), id -> new int[Severity.values().length])[f.severity().ordinal()]++;
        }
        java.util.List<java.util.Map.Entry<String, int[]>> rows = new java.util.ArrayList<>(counts.entrySet());
        rows.sort(java.util.Comparator.comparingInt((java.util.Map.Entry<String, int[]> e) -> worst(e.getValue()))
                .thenComparing(e -> -java.util.Arrays.stream(e.getValue()).sum())
                .thenComparing(java.util.Map.Entry::getKey));
        int width = rows.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
        sb.append(paint(BOLD, "Findings by rule:")).append('\n');
        for (java.util.Map.Entry<String, int[]> row : rows) {
            sb.append("  ").append(paint(DIM, row.getKey())).append(" ".repeat(width - row.getKey().length() + 2));
            String sep = "";
            for (Severity level : Severity.values()) {
                int n = row.getValue()[level.ordinal()];
                if (n > 0) {
                    String word = level.sarifLevel();
                    sb.append(sep).append(paint(levelColour(level), count(n, word, word + "s")));
                    sep = ", ";
                }
            }
            sb.append('\n');
        }
    }

    /** The ordinal of the worst level counted (errors come first). */
    private static int worst(int[] bySeverity) {
        for (int i = 0; i < bySeverity.length; i++) {
            if (bySeverity[i] > 0) {
                return i;
            }
        }
        return bySeverity.length;
    }

    private static String suppressedBreakdown(ScanResult result) {
        if (result.suppressedFindings().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Suppression.Origin origin : Suppression.Origin.values()) {
            long n = result.suppressedFindings().stream()
                    .filter(f -> f.suppression() != null && f.suppression().origin() == origin).count();
            if (n > 0) {
                sb.append(sb.length() == 0 ? " (" : ", ").append(n).append(' ').append(origin.label());
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }

    private static String levelColour(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    /** Text from the scanned files, escaped for the terminal. */
    private static String safe(String s) {
        return TerminalText.safe(s);
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
