package dev.miscan.core.parse.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes string, text-block and char literals from their source text, keeping the source offset of
 * every decoded character (escapes map to the offset of their backslash); and writes a string as a literal, for the
 * texts that translate other files into Java (class files, Kotlin sources).
 */
public final class JavaLiterals {
    private JavaLiterals() {
    }

    /**
     * Appends {@code value} as a Java string literal that every Java parser reads back as {@code value}: the short
     * escapes, and {@code \\uXXXX} for controls, line and paragraph separators, lone surrogate halves and specials.
     */
    public static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                            || Character.isSurrogate(c) || c >= '\ufff0') {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** {@code value} as a Java string literal ({@link #quote(StringBuilder, String)}). */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2);
        quote(b, value);
        return b.toString();
    }

    /** A literal whose source text is {@code text[begin, end)} including its delimiters. */
    static TracedString decode(String text, int begin, int end, String path) {
        if (begin < 0 || end > text.length() || end - begin < 2) {
            return null;
        }
        if (text.startsWith("\"\"\"", begin) && end - begin >= 6) {
            return textBlock(text, begin + 3, end - 3, path);
        }
        char quote = text.charAt(begin);
        if ((quote != '"' && quote != '\'') || text.charAt(end - 1) != quote) {
            return null;
        }
        List<int[]> chars = new ArrayList<>();
        for (int i = begin + 1; i < end - 1; i++) {
            chars.add(new int[] {text.charAt(i), i});
        }
        return escapes(chars, path);
    }

    /** JLS 3.10.6: strip incidental indentation and trailing spaces, then translate escapes. */
    private static TracedString textBlock(String text, int contentStart, int contentEnd, String path) {
        int nl = text.indexOf('\n', contentStart);
        if (nl < 0 || nl >= contentEnd) {
            return null;
        }
        List<List<int[]>> lines = new ArrayList<>();
        List<Integer> newlines = new ArrayList<>();
        List<int[]> line = new ArrayList<>();
        for (int i = nl + 1; i < contentEnd; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                lines.add(line);
                newlines.add(i);
                line = new ArrayList<>();
            } else {
                line.add(new int[] {c, i});
            }
        }
        lines.add(line); // the closing delimiter's line: significant even when blank
        int indent = Integer.MAX_VALUE;
        for (int l = 0; l < lines.size(); l++) {
            List<int[]> ln = lines.get(l);
            boolean blank = isBlank(ln);
            if (!blank || l == lines.size() - 1) {
                int lead = 0;
                while (lead < ln.size() && Character.isWhitespace(ln.get(lead)[0])) {
                    lead++;
                }
                indent = Math.min(indent, lead);
            }
        }
        if (indent == Integer.MAX_VALUE) {
            indent = 0;
        }
        List<int[]> out = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            List<int[]> ln = lines.get(l);
            int from = isBlank(ln) ? ln.size() : Math.min(indent, ln.size());
            int to = ln.size();
            while (to > from && Character.isWhitespace(ln.get(to - 1)[0])) {
                to--;
            }
            out.addAll(ln.subList(from, to));
            if (l < lines.size() - 1) {
                out.add(new int[] {'\n', newlines.get(l)});
            }
        }
        return escapes(out, path);
    }

    private static boolean isBlank(List<int[]> line) {
        for (int[] c : line) {
            if (!Character.isWhitespace(c[0])) {
                return false;
            }
        }
        return true;
    }

    private static TracedString escapes(List<int[]> chars, String path) {
        StringBuilder sb = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < chars.size(); i++) {
            int c = chars.get(i)[0];
            int at = chars.get(i)[1];
            if (c != '\\' || i + 1 >= chars.size()) {
                sb.append((char) c);
                offsets.add(at);
                continue;
            }
            int e = chars.get(i + 1)[0];
            int consumed = 1;
            int value;
            switch (e) {
                case 'b' -> value = '\b';
                case 't' -> value = '\t';
                case 'n' -> value = '\n';
                case 'f' -> value = '\f';
                case 'r' -> value = '\r';
                case 's' -> value = ' ';
                case '"', '\'', '\\' -> value = e;
                case '\n' -> value = -1; // line continuation in a text block
                case 'u' -> {
                    int j = i + 1;
                    while (j < chars.size() && chars.get(j)[0] == 'u') {
                        j++;
                    }
                    if (j + 4 <= chars.size()) {
                        StringBuilder hex = new StringBuilder();
                        for (int k = j; k < j + 4; k++) {
                            hex.append((char) chars.get(k)[0]);
                        }
                        try {
                            value = Integer.parseInt(hex.toString(), 16);
                            consumed = j + 4 - i - 1;
                        } catch (NumberFormatException ex) {
                            value = 'u';
                        }
                    } else {
                        value = 'u';
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int k = i + 1;
                        int max = e <= '3' ? 3 : 2;
                        while (k < chars.size() && k - i - 1 < max && chars.get(k)[0] >= '0' && chars.get(k)[0] <= '7') {
                            v = v * 8 + (chars.get(k)[0] - '0');
                            k++;
                        }
                        value = v;
                        consumed = k - i - 1;
                    } else {
                        value = e;
                    }
                }
            }
            if (value >= 0) {
                sb.append((char) value);
                offsets.add(at);
            }
            i += consumed;
        }
        int[] o = new int[offsets.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = offsets.get(i);
        }
        return TracedString.of(sb.toString(), o, path);
    }
}
