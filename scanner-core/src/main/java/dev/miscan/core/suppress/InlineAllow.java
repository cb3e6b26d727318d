package dev.miscan.core.suppress;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.parse.LineIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression in any comment syntax: {@code mi-scan:allow [RULE-ID…] reason} on the finding's
 * line, or alone in a comment on the line before it (so {@code .properties} files can use a {@code #}
 * line above; a trailing allow on a line of code covers only that line), and
 * {@code mi-scan:allow-file [RULE-ID…] reason} anywhere in the first 10 lines for the whole file. Without
 * rule ids, every rule is allowed.
 *
 * <p>A marker that a finding's line consults is checked: no reason, or a rule id that is not in the
 * catalogue (a typo leaves the finding reported), is a problem passed to the caller as a warning. Markers
 * no finding looks at are not checked, so prose that mentions {@code mi-scan:allow} stays quiet.
 */
public final class InlineAllow {
    private static final Pattern ALLOW = Pattern.compile("mi-scan:allow(-file)?((?:[\\s,]+(?i:MI-[A-Z0-9-]+))*)");
    private static final Pattern COMMENT_LINE = Pattern.compile("\\s*(?:#|//|/\\*|\\*|<!--|--|;|%|'|(?i:rem)\\s).*");
    // starts only where white space starts, and never gives white space back: linear on a line of blanks
    private static final Pattern COMMENT_END = Pattern.compile(
            "(?<!\\s)\\s*+(?:\\*/|-->|%>|#}|\\}\\}|\"\\s*+[,;]?|'\\s*+[,;]?)\\s*+$");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");
    private static final int FILE_HEADER_LINES = 10;

    /** One {@code mi-scan:allow} marker: the rule ids it names (empty: all) and its reason ("" if none). */
    private record Marker(int line, boolean file, List<String> ids, String reason) {
        boolean covers(RuleDescriptor rule) {
            return ids.isEmpty() || ids.stream().anyMatch(rule::answersTo);
        }
    }

    private final LineIndex lines;
    private final int firstLine;
    private final Set<String> knownRuleIds;
    private final Consumer<String> problems;
    private final Map<Integer, List<Marker>> markers = new HashMap<>();
    private final Set<Integer> checked = new HashSet<>();
    private final Marker fileMarker;

    /** Without checks: markers are applied, problems are not reported. */
    public InlineAllow(LineIndex lines, int firstLine) {
        this(lines, firstLine, null, p -> { });
    }

    /**
     * @param knownRuleIds ids of every rule in the catalogue (a marker naming another id is reported), or
     *                     null not to check ids
     * @param problems     receives one line per faulty marker, e.g. {@code line 7: mi-scan:allow gives no reason…}
     */
    public InlineAllow(LineIndex lines, int firstLine, Set<String> knownRuleIds, Consumer<String> problems) {
        this.lines = lines;
        this.firstLine = firstLine;
        this.knownRuleIds = knownRuleIds;
        this.problems = problems;
        Marker file = null;
        for (int i = 0; i < Math.min(FILE_HEADER_LINES, lines.lineCount()) && file == null; i++) {
            for (Marker m : markersOn(i)) {
                if (m.file()) {
                    file = m;
                    break;
                }
            }
        }
        this.fileMarker = file;
    }

    public boolean isAllowed(Finding f) {
        return suppression(f) != null;
    }

    /** The suppression a marker gives this finding, or null when no marker covers it. */
    public Suppression suppression(Finding f) {
        RuleDescriptor id = f.rule();
        if (fileMarker != null) {
            check(fileMarker.line());
            if (fileMarker.covers(id)) {
                return suppression(fileMarker);
            }
        }
        int line = f.location().startLine() - firstLine;
        Marker m = allowsOn(line, id);
        if (m == null && line > 0 && COMMENT_LINE.matcher(lines.line(line - 1)).matches()) {
            m = allowsOn(line - 1, id);
        }
        return m == null ? null : suppression(m);
    }

    private static Suppression suppression(Marker m) {
        return new Suppression(Suppression.Origin.INLINE, m.reason().isEmpty()
                ? (m.file() ? "mi-scan:allow-file" : "mi-scan:allow") + " without a reason" : m.reason());
    }

    private Marker allowsOn(int line, RuleDescriptor id) {
        if (line < 0 || line >= lines.lineCount()) {
            return null;
        }
        for (Marker m : markersOn(line)) {
            if (!m.file()) {
                check(line);
                if (m.covers(id)) {
                    return m;
                }
            }
        }
        return null;
    }

    private List<Marker> markersOn(int line) {
        return markers.computeIfAbsent(line, this::parse);
    }

    private List<Marker> parse(int line) {
        String text = lines.line(line);
        if (!text.contains("mi-scan:allow")) {
            return List.of();
        }
        List<Marker> found = new ArrayList<>();
        Matcher m = ALLOW.matcher(text);
        while (m.find()) {
            List<String> ids = new ArrayList<>();
            for (String id : m.group(2).strip().split("[\\s,]+")) {
                if (!id.isEmpty()) {
                    ids.add(id.toUpperCase(Locale.ROOT));
                }
            }
            int next = text.indexOf("mi-scan:allow", m.end());
            String rest = text.substring(m.end(), next < 0 ? text.length() : next);
            String reason = COMMENT_END.matcher(rest).replaceFirst("").strip();
            reason = reason.replaceFirst("^[:\\-–—]+\\s*", "");
            found.add(new Marker(line, m.group(1) != null, List.copyOf(ids),
                    HAS_WORD.matcher(reason).find() ? reason : ""));
        }
        return found;
    }

    /** Reports what is wrong with the markers on a line, once. */
    private void check(int line) {
        if (!checked.add(line)) {
            return;
        }
        for (Marker m : markersOn(line)) {
            String name = m.file() ? "mi-scan:allow-file" : "mi-scan:allow";
            String where = "line " + (firstLine + line) + ": ";
            if (knownRuleIds != null) {
                for (String id : m.ids()) {
                    if (!knownRuleIds.contains(id)) {
                        problems.accept(where + name + " names " + id
                                + ", which is not a rule ('mi-scan rules' lists them)");
                    }
                }
            }
            if (m.reason().isEmpty()) {
                problems.accept(where + name + " gives no reason; say why after the rule ids, e.g. '" + name
                        + (m.ids().isEmpty() ? " MI-STORAGE-CONNSTR" : " " + m.ids().get(0)) + " test fixture'");
            }
        }
    }
}
