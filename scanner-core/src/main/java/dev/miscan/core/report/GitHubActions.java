package dev.miscan.core.report;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A scan as GitHub Actions shows it: workflow annotations ({@code ::error file=…,line=…,col=…,title=RULE::message},
 * which a pull request shows on the changed lines) and a Markdown table for the job summary
 * ({@code $GITHUB_STEP_SUMMARY}).
 *
 * <p>GitHub keeps at most 10 annotations of each level per step (and 50 per job), and drops the rest without a
 * word. So {@link #annotations} writes the first {@value #PER_LEVEL} errors and {@value #PER_LEVEL} warnings (and
 * notes, one fewer when a closing notice is needed), the most severe rules first, then one notice that says how
 * many were left out and where they all are. {@link #stepSummary} lists at most {@value #SUMMARY_ROWS} findings
 * and counts the rest; skipped files (binary, too large) are only counted there, never listed.
 *
 * <p>Every piece of text taken from the scan (file names, messages) is redacted with the run's
 * {@link Redactor} before it is escaped (escaping could change a secret's form), made safe for a terminal with
 * {@link TerminalText#safe}, and then escaped as a workflow command or a Markdown table cell requires.
 */
public final class GitHubActions {
    /** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
    public static final int PER_LEVEL = 10;
    /** The most findings the step summary lists one by one. */
    public static final int SUMMARY_ROWS = 100;

    private GitHubActions() {
    }

    /**
     * The workflow commands for the scan's (unsuppressed) findings, one per line, to be printed on the step's
     * output (standard output or error: the runner reads both).
     *
     * @param fileOf     the path GitHub knows a finding's file by (relative to the workspace), from the report's
     * @param fullReport where every finding is, for the closing notice, e.g. "mi-scan.sarif"
     */
    public static List<String> annotations(ScanResult result, UnaryOperator<String> fileOf, String fullReport) {
        List<Finding> sorted = new ArrayList<>(result.findings());
        sorted.sort(MOST_SEVERE_FIRST);
        Map<Severity, Integer> total = countByLevel(sorted);
        int over = Math.max(0, total.get(Severity.ERROR) - PER_LEVEL)
                + Math.max(0, total.get(Severity.WARNING) - PER_LEVEL)
                + Math.max(0, total.get(Severity.NOTE) - PER_LEVEL);
        Map<Severity, Integer> limit = new EnumMap<>(Severity.class);
        limit.put(Severity.ERROR, PER_LEVEL);
        limit.put(Severity.WARNING, PER_LEVEL);
        // the closing notice is a notice too: it takes the tenth note's place
        limit.put(Severity.NOTE, over > 0 ? PER_LEVEL - 1 : PER_LEVEL);
        Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
        List<String> lines = new ArrayList<>();
        for (Finding f : sorted) {
            int n = shown.merge(f.severity(), 1, Integer::sum);
            if (n <= limit.get(f.severity())) {
                lines.add(annotation(f, fileOf));
            }
        }
        int left = sorted.size() - lines.size();
        if (left > 0) {
            List<String> parts = new ArrayList<>();
            for (Severity s : Severity.values()) {
                int l = total.get(s) - Math.min(total.get(s), limit.get(s));
                if (l > 0) {
                    parts.add(l + " " + s.sarifLevel());
                }
            }
            lines.add("::notice title=" + property("mi-scan") + "::" + data(left + " more finding(s) not annotated ("
                    + String.join(", ", parts) + "): GitHub shows at most " + PER_LEVEL + " annotations of each level"
                    + " per step. Every finding is in " + clean(fullReport) + "."));
        }
        return lines;
    }

    /** Errors first; within a level the rules with the highest security severity; then the report's order. */
    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(f -> -f.rule().securitySeverity());

    private static String annotation(Finding f, UnaryOperator<String> fileOf) {
        dev.miscan.core.api.Location l = f.location();
        StringBuilder sb = new StringBuilder("::").append(command(f.severity()))
                .append(" file=").append(property(clean(fileOf.apply(l.path()))))
                .append(",line=").append(Math.max(1, l.startLine()));
        if (l.endLine() >= l.startLine() && l.endLine() > 0) {
            sb.append(",endLine=").append(l.endLine());
        }
        if (l.startColumn() >= 1) {
            sb.append(",col=").append(l.startColumn());
            // GitHub takes an end column only on a one-line annotation
            if (l.endLine() == l.startLine() && l.endColumn() > l.startColumn()) {
                sb.append(",endColumn=").append(l.endColumn());
            }
        }
        sb.append(",title=").append(property(clean(f.rule().id())));
        return sb.append("::").append(data(clean(message(f)))).toString();
    }

    /** What a finding says, with what to do instead: the SARIF result's message. */
    static String message(Finding f) {
        return SarifWriter.message(f);
    }

    /**
     * The Markdown the job summary shows: a heading with the counts by level, a table of the findings (level, rule,
     * file:line, message; at most {@value #SUMMARY_ROWS} rows, then how many more and where), and one line that
     * counts the files (scanned, binary, skipped, with warnings).
     *
     * @param category   the analysis' category, named in the heading, or null
     * @param fileOf     the path to show for a finding's file, from the report's
     * @param fullReport where every finding is, e.g. "mi-scan.sarif"
     */
    public static String stepSummary(ScanResult result, String category, UnaryOperator<String> fileOf,
            String fullReport) {
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.sort(Comparator.comparing(Finding::severity));
        Map<Severity, Integer> count = countByLevel(findings);
        StringBuilder md = new StringBuilder();
        md.append("### mi-scan");
        if (notBlank(category)) {
            md.append(" (").append(cell(category)).append(')');
        }
        md.append(": ");
        if (findings.isEmpty()) {
            md.append("no findings\n\n");
        } else {
            md.append(findings.size()).append(" finding(s): ").append(count.get(Severity.ERROR)).append(" error, ")
                    .append(count.get(Severity.WARNING)).append(" warning, ").append(count.get(Severity.NOTE))
                    .append(" note\n\n");
            md.append("| Level | Rule | Location | Message |\n|---|---|---|---|\n");
            for (Finding f : findings.subList(0, Math.min(SUMMARY_ROWS, findings.size()))) {
                md.append("| ").append(f.severity().sarifLevel())
                        .append(" | ").append(cell(f.rule().id()))
                        .append(" | ").append(cell(fileOf.apply(f.location().path()) + ":"
                                + Math.max(1, f.location().startLine())))
                        .append(" | ").append(cell(message(f)))
                        .append(" |\n");
            }
            if (findings.size() > SUMMARY_ROWS) {
                md.append("\nand ").append(findings.size() - SUMMARY_ROWS).append(" more: every finding is in ")
                        .append(cell(fullReport)).append(".\n");
            }
            md.append('\n');
        }
        long skipped = result.filesSkipped();
        long partial = result.warnings().stream().filter(w -> !w.skipped()).count();
        md.append(result.filesScanned()).append(" file(s) scanned");
        if (result.filesBinary() > 0) {
            md.append(", ").append(result.filesBinary()).append(" binary (left out)");
        }
        if (skipped > 0) {
            md.append(", ").append(skipped).append(" skipped (too large or unreadable)");
        }
        if (partial > 0) {
            md.append(", ").append(partial).append(" scanned in part");
        }
        if (result.suppressed() > 0) {
            md.append("; ").append(result.suppressed()).append(" finding(s) suppressed (allowed or in the baseline)");
        }
        md.append('.');
        if (skipped + partial > 0) {
            md.append(" Each file warning is in the scan's log.");
        }
        return md.append("\n\n").toString();
    }

    /**
     * Appends {@link #stepSummary} to {@code file} (GitHub's {@code $GITHUB_STEP_SUMMARY}), through the run's
     * redactor.
     */
    public static void appendStepSummary(Path file, String markdown) throws IOException {
        try (java.io.Writer w = Redactor.current().writer(java.nio.file.Files.newBufferedWriter(file,
                java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.WRITE))) {
            w.write(markdown);
        }
    }

    /**
     * The path of a report path as GitHub knows it: relative to the workspace ({@code $GITHUB_WORKSPACE}), which an
     * annotation needs to land on a file of the pull request. The report path itself when there is no workspace or
     * the file is not in it.
     */
    public static String workspacePath(Path baseDir, String reportPath, Path workspace) {
        if (workspace == null || baseDir == null || reportPath == null) {
            return reportPath;
        }
        try {
            Path file = baseDir.toAbsolutePath().normalize().resolve(reportPath).normalize();
            Path ws = workspace.toAbsolutePath().normalize();
            if (!file.startsWith(ws)) {
                // a workspace reached through a link: compare where both really are
                Path realBase = baseDir.toRealPath();
                ws = ws.toRealPath();
                file = realBase.resolve(reportPath).normalize();
            }
            return file.startsWith(ws) ? ws.relativize(file).toString().replace('\\', '/') : reportPath;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return reportPath;
        }
    }

    private static Map<Severity, Integer> countByLevel(List<Finding> findings) {
        Map<Severity, Integer> count = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            count.put(s, 0);
        }
        findings.forEach(f -> count.merge(f.severity(), 1, Integer::sum));
        return count;
    }

    /** Redacted, on one line, with no character that could drive a terminal or hide text. */
    private static String clean(String text) {
        return TerminalText.safe(Redactor.current().redact(text == null ? "" : text));
    }

    /** A workflow command's message: {@code %}, CR and LF escaped as GitHub's runner unescapes them. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value: as {@link #data}, plus {@code :} and {@code ,}, which end a property. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * A Markdown table cell: redacted, on one line, and every character that Markdown or HTML would act on inside a
     * line (a pipe ends the cell; link brackets, emphasis, strike-through, code spans, tags and entities) escaped with
     * a backslash. Parentheses need none: without a bracket before them they link nothing.
     */
    static String cell(String text) {
        String s = clean(text);
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The level a workflow command gives a finding of {@code severity}. */
    static String command(Severity severity) {
        return severity == Severity.NOTE ? "notice" : severity.sarifLevel().toLowerCase(Locale.ROOT);
    }
}
