package dev.miscan.maven;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.FailOn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The build-log text of the {@code check} goal: one line per finding (file:line:column, rule, message), each
 * rule's fix once, a summary, and the failure message whose last line says what to do. With {@code verbose},
 * each finding's details follow its line instead (preview, source line, fix, code, roles, az commands). Only
 * redacted text is shown, never a secret.
 */
final class FindingLog {
    /** Findings listed again in the failure message; the log above has them all. */
    static final int FAILURE_LISTING_LIMIT = 10;
    /** Characters of a finding's (redacted) source line shown with {@code verbose}: a minified file's is long. */
    static final int SNIPPET_LIMIT = 200;

    /** A line of the log and the level it is logged at. */
    record Line(Severity severity, String text) {
    }

    private FindingLog() {
    }

    /**
     * The log of a module's findings: one line per finding, at the finding's level; then, unless {@code verbose},
     * the fix of each rule once (at the highest level of its findings), for the rules {@code firstFix} accepts
     * (the build shows a rule's fix only once, whichever module finds it first). With {@code verbose} each
     * finding's line is followed by its details.
     *
     * @param displayPath turns a report path into the path shown (e.g. relative to the build's root)
     */
    static List<Line> log(List<Finding> findings, UnaryOperator<String> displayPath, boolean verbose,
            Predicate<String> firstFix) {
        List<Line> out = new ArrayList<>();
        if (verbose) {
            for (Finding f : findings) {
                lines(f, displayPath).forEach(l -> out.add(new Line(f.severity(), l)));
            }
            return out;
        }
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : findings) {
            out.add(new Line(f.severity(), headline(f, displayPath)));
            byRule.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
        }
        byRule.forEach((rule, ofRule) -> {
            String fix = fixLine(rule, ofRule, displayPath);
            if (fix != null && firstFix.test(rule)) {
                Severity highest = ofRule.stream().map(Finding::severity).min(Comparator.naturalOrder())
                        .orElse(Severity.NOTE);
                out.add(new Line(highest, fix));
            }
        });
        return out;
    }

    /**
     * {@code   fix (RULE-ID): summary}, from the rule's first finding. When the fix names a resource (an account,
     * say) or its findings' fixes differ, the line names the finding it was written for:
     * {@code   fix (RULE-ID, as for path:line): summary}. Null when no finding has a fix summary.
     */
    static String fixLine(String ruleId, List<Finding> ofRule, UnaryOperator<String> displayPath) {
        Finding first = ofRule.stream().filter(f -> notBlank(f.remediation().summary())).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        String summary = first.remediation().summary();
        boolean generic = !notBlank(first.remediation().target())
                && ofRule.stream().allMatch(f -> summary.equals(f.remediation().summary()));
        return "  fix (" + ruleId + (generic ? "" : ", as for " + displayPath.apply(first.location().path()) + ":"
                + first.location().startLine()) + "): " + summary;
    }

    /**
     * The lines of one finding, in full: its headline and its details.
     *
     * @param displayPath turns a report path into the path shown (e.g. relative to the build's root)
     */
    static List<String> lines(Finding f, UnaryOperator<String> displayPath) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(f, displayPath));
        if (notBlank(f.preview())) {
            lines.add("  preview: " + f.preview());
        }
        if (notBlank(f.snippet())) {
            String snippet = f.snippet().strip();
            lines.add("  line: " + (snippet.length() > SNIPPET_LIMIT ? snippet.substring(0, SNIPPET_LIMIT) + "…" : snippet));
        }
        Remediation r = f.remediation();
        if (notBlank(r.summary())) {
            lines.add("  fix: " + r.summary());
        }
        if (notBlank(r.replacement())) {
            r.replacement().strip().lines().forEach(line -> lines.add(line.isBlank() ? "" : "    " + line));
        }
        if (notBlank(r.dependency())) {
            lines.add("  dependency: " + r.dependency());
        }
        for (Role role : r.roles()) {
            lines.add("  role: " + role.name() + (notBlank(role.id()) ? " (" + role.id() + ")" : ""));
        }
        for (String command : r.commands()) {
            lines.add("  run: " + command.strip());
        }
        return lines;
    }

    /**
     * {@code path:line:column  RULE-ID  message}, and {@code (also in path:line)} for the other places of a secret
     * in the build output ({@link BuildOutput}).
     */
    static String headline(Finding f, UnaryOperator<String> displayPath) {
        Location l = f.location();
        String message = notBlank(f.message()) ? f.message() : f.rule().summary();
        List<String> alsoIn = f.related().stream().filter(r -> BuildOutput.ALSO_IN.equals(r.message()))
                .map(r -> displayPath.apply(r.location().path()) + ":" + r.location().startLine()).toList();
        return displayPath.apply(l.path()) + ":" + l.startLine() + ":" + l.startColumn() + "  " + f.rule().id()
                + "  " + message + (alsoIn.isEmpty() ? "" : " (also in " + String.join(", ", alsoIn) + ")");
    }

    /** e.g. {@code 2 findings (1 error, 0 warnings, 1 note) in 14 files; 0 skipped; 1 suppressed} */
    static String summary(ScanResult result) {
        long errors = count(result, Severity.ERROR);
        long warnings = count(result, Severity.WARNING);
        long notes = count(result, Severity.NOTE);
        return plural(result.findings().size(), "finding") + " (" + plural(errors, "error") + ", "
                + plural(warnings, "warning") + ", " + plural(notes, "note") + ") in "
                + plural(result.filesScanned(), "file") + "; " + result.filesBinary() + " binary; "
                + result.filesSkipped() + " skipped; "
                + result.suppressed() + " suppressed";
    }

    /**
     * The message of the build failure: what was found where, and, on the last line, what to do about it.
     *
     * @param failing   the findings at or above the threshold, in report order
     * @param reportHint where the full report is, e.g. "target/mi-scan.sarif", or "" when none was written
     */
    static String failureMessage(List<Finding> failing, FailOn failOn, String projectName,
            UnaryOperator<String> displayPath, String reportHint) {
        return failureMessage(failing, failOn, projectName, displayPath, reportHint, 0);
    }

    /**
     * What to do about findings that only the build output holds: the secret is not in a file to edit (a comment
     * in a jar cannot allow it), the build put it there.
     */
    static String builtInHint(long findings) {
        return (findings == 1 ? "1 finding is" : findings + " findings are") + " only in the build output, not in"
                + " the sources: the build put the secret there (resource filtering of a ${property} set in a profile,"
                + " settings.xml or with -D, or a generated file). Remove the value where it is set, and rotate it:"
                + " it is in every artifact built with it.";
    }

    /**
     * As above; {@code builtIn} of the findings are only in the build output ({@link #builtInHint}).
     */
    static String failureMessage(List<Finding> failing, FailOn failOn, String projectName,
            UnaryOperator<String> displayPath, String reportHint, long builtIn) {
        StringBuilder sb = new StringBuilder();
        sb.append("mi-scan found ").append(plural(failing.size(), "credential finding"))
                .append(" at or above '").append(failOn.label()).append("' in ").append(projectName).append(':');
        failing.stream().limit(FAILURE_LISTING_LIMIT)
                .forEach(f -> sb.append("\n  ").append(headline(f, displayPath)));
        if (failing.size() > FAILURE_LISTING_LIMIT) {
            sb.append("\n  … and ").append(failing.size() - FAILURE_LISTING_LIMIT)
                    .append(" more (see the log above)");
        }
        if (builtIn > 0) {
            sb.append("\n").append(builtInHint(builtIn));
        }
        sb.append("\nRemove each credential and use Managed Identity as the fix lines above say")
                .append(reportHint.isEmpty() ? "" : " (all details in " + reportHint + ")")
                .append("; to accept one, add a comment 'mi-scan:allow RULE-ID reason' on its line")
                .append(" or the line before.");
        return sb.toString();
    }

    private static long count(ScanResult result, Severity severity) {
        return result.findings().stream().filter(f -> f.severity() == severity).count();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
