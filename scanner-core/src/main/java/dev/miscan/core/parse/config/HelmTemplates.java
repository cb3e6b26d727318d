package dev.miscan.core.parse.config;

/**
 * A Helm (Go template) YAML file rewritten, character for character, into YAML that parses, so that every offset
 * still points at the template: a line of template actions only ({@code {{- if … }}}, {@code {{- end }}}) becomes
 * blank; an action that is a whole value ({@code password: {{ .Values.db.password | b64enc }}}) becomes a quoted
 * string of the same length; an action inside a plain value ({@code name: {{ .Release.Name }}-db}) keeps its text
 * with its braces replaced (and its {@code :} and {@code #}, which would start a mapping or a comment). An action
 * inside a quoted string ({@code name: "{{ include "x" . }}-test"}, as {@code helm create} writes) keeps its text
 * with the quote characters that would end that string swapped for the other kind.
 */
final class HelmTemplates {
    private HelmTemplates() {
    }

    static String asYaml(String text) {
        char[] out = text.toCharArray();
        blankMultiLineActions(text, out);
        String flat = new String(out);
        int lineStart = 0;
        while (lineStart <= flat.length()) {
            int lineEnd = flat.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = flat.length();
            }
            rewriteLine(flat, out, lineStart, lineEnd);
            lineStart = lineEnd + 1;
        }
        return new String(out);
    }

    /**
     * Blanks the actions that span lines and stand on lines of their own ({@code {{- /* licence … *}{@code /}}}):
     * comments and control structure, never a value.
     */
    private static void blankMultiLineActions(String text, char[] out) {
        int open = 0;
        while ((open = text.indexOf("{{", open)) >= 0) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                return;
            }
            int lineStart = text.lastIndexOf('\n', open) + 1;
            int lineEnd = text.indexOf('\n', close);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (text.lastIndexOf('\n', close) > open && text.substring(lineStart, open).isBlank()
                    && text.substring(close + 2, lineEnd).isBlank()) {
                for (int k = open; k < close + 2; k++) {
                    if (out[k] != '\n' && out[k] != '\r') {
                        out[k] = ' ';
                    }
                }
            }
            open = close + 2;
        }
    }

    private static void rewriteLine(String text, char[] out, int start, int end) {
        String line = text.substring(start, end);
        if (line.indexOf("{{") < 0) {
            return;
        }
        if (onlyActions(line)) {
            for (int i = start; i < end; i++) {
                if (out[i] != '\r') {
                    out[i] = ' ';
                }
            }
            return;
        }
        // the YAML quote the scan is in, outside template actions (whose own quotes are Go's, not YAML's)
        char quote = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '{' && line.startsWith("{{", i)) {
                int close = line.indexOf("}}", i + 2);
                if (close < 0) {
                    return;
                }
                if (quote != 0) {
                    // "{{ include "x" . }}-test": the action's quotes would end the YAML string
                    neutralize(out, start + i + 2, start + close, quote);
                } else if (i == 0 || line.charAt(i - 1) != '$') {
                    rewriteAction(text, line, out, start, i, close);
                }
                i = close + 2;
                continue;
            }
            if (quote == '"') {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quote = 0;
                }
            } else if (quote == '\'') {
                if (c == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                if (c == '\'') {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && startsScalar(line, i)) {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return; // a comment: nothing after it is YAML
            }
            i++;
        }
    }

    /** An action outside quotes, at {@code open} ({@code {{}) to {@code close} ({@code }}}) of the line. */
    private static void rewriteAction(String text, String line, char[] out, int start, int open, int close) {
        String before = line.substring(0, open).stripTrailing();
        String after = line.substring(close + 2).strip();
        boolean wholeValue = (before.endsWith(":") || before.endsWith("-") || before.isEmpty())
                && (after.isEmpty() || after.startsWith("#"));
        if (wholeValue && before.endsWith(":") && blockFollows(text, start, line)) {
            // labels: {{- include "x.labels" . | nindent 4 }}, then more labels indented below: the action writes
            // entries of that mapping, not a value
            for (int k = open; k < close + 2; k++) {
                out[start + k] = ' ';
            }
        } else if (wholeValue) {
            out[start + open] = '\'';
            out[start + close + 1] = '\'';
            for (int k = open + 1; k <= close; k++) {
                if (out[start + k] == '\'') {
                    out[start + k] = '"';
                }
            }
        } else {
            out[start + open] = '_';
            out[start + open + 1] = '_';
            out[start + close] = '_';
            out[start + close + 1] = '_';
            // inside a plain value, ": " would start a mapping and " #" a comment
            for (int k = open + 2; k < close; k++) {
                if (out[start + k] == ':' || out[start + k] == '#') {
                    out[start + k] = '_';
                }
            }
        }
    }

    /** Whether the next line that is not blank is indented more than {@code line} (at {@code start} of the text). */
    private static boolean blockFollows(String text, int start, String line) {
        int indent = indent(line);
        int next = start + line.length() + 1;
        while (next < text.length()) {
            int end = text.indexOf('\n', next);
            end = end < 0 ? text.length() : end;
            String l = text.substring(next, end);
            if (!l.isBlank() && !onlyActions(l)) {
                return indent(l) > indent;
            }
            next = end + 1;
        }
        return false;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Replaces, from {@code from} to {@code to}, what would end or escape a YAML string quoted with {@code quote}. */
    private static void neutralize(char[] out, int from, int to, char quote) {
        for (int k = from; k < to; k++) {
            if (out[k] == quote) {
                out[k] = quote == '"' ? '\'' : '"';
            } else if (quote == '"' && out[k] == '\\') {
                out[k] = '/';
            }
        }
    }

    /** Whether a quote at {@code at} starts a YAML scalar (after a key, a dash, a flow indicator or indentation). */
    private static boolean startsScalar(String line, int at) {
        int k = at - 1;
        while (k >= 0 && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char p = line.charAt(k);
        return p == ':' || p == '-' || p == '[' || p == '{' || p == ',' || p == '?';
    }

    /** Whether a line holds nothing but template actions (and whitespace). */
    private static boolean onlyActions(String line) {
        String rest = line;
        int open;
        while ((open = rest.indexOf("{{")) >= 0) {
            int close = rest.indexOf("}}", open + 2);
            if (close < 0) {
                return false;
            }
            rest = rest.substring(0, open) + rest.substring(close + 2);
        }
        return rest.isBlank();
    }

}
