package dev.miscan.core.parse.config;

/**
 * A Helm (Go template) YAML file rewritten, character for character, into YAML that parses, so that every offset
 * still points at the template: a line of template actions only ({@code {{- if … }}}, {@code {{- end }}}) becomes
 * blank; an action that is a whole value ({@code password: {{ .Values.db.password | b64enc }}}) becomes a quoted
 * string of the same length; an action inside a plain value ({@code name: {{ .Release.Name }}-db}) keeps its text
 * with its braces replaced. Actions inside quoted strings are already YAML and are left alone.
 */
final class HelmTemplates {
    private HelmTemplates() {
    }

    static String asYaml(String text) {
        char[] out = text.toCharArray();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            rewriteLine(text, out, lineStart, lineEnd);
            lineStart = lineEnd + 1;
        }
        return new String(out);
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
        int i = 0;
        while ((i = line.indexOf("{{", i)) >= 0) {
            int close = line.indexOf("}}", i + 2);
            if (close < 0) {
                return;
            }
            if (i > 0 && line.charAt(i - 1) == '$' || insideQuotes(line, i)) {
                i = close + 2;
                continue;
            }
            String before = line.substring(0, i).stripTrailing();
            String after = line.substring(close + 2).strip();
            boolean wholeValue = (before.endsWith(":") || before.endsWith("-") || before.isEmpty())
                    && (after.isEmpty() || after.startsWith("#"));
            if (wholeValue) {
                out[start + i] = '\'';
                out[start + close + 1] = '\'';
                for (int k = i + 1; k <= close; k++) {
                    if (out[start + k] == '\'') {
                        out[start + k] = '"';
                    }
                }
            } else {
                out[start + i] = '_';
                out[start + i + 1] = '_';
                out[start + close] = '_';
                out[start + close + 1] = '_';
            }
            i = close + 2;
        }
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

    /** Whether position {@code at} of a line is inside a quoted string (an odd number of quotes before it). */
    private static boolean insideQuotes(String line, int at) {
        int doubles = 0;
        int singles = 0;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (c == '"' && singles % 2 == 0 && (i == 0 || line.charAt(i - 1) != '\\')) {
                doubles++;
            } else if (c == '\'' && doubles % 2 == 0) {
                singles++;
            }
        }
        return doubles % 2 == 1 || singles % 2 == 1;
    }
}
