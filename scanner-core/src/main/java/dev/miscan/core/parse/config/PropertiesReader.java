package dev.miscan.core.parse.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .properties} text as {@link java.util.Properties} does (continuation lines, Unicode ({@code \\}{@code uXXXX})
 * escapes, {@code =}/{@code :}/white-space separators, {@code #}/{@code !} comments) while keeping the
 * offset of every key and value. Comment lines that hold a {@code key=value} are returned as commented
 * entries.
 */
final class PropertiesReader {
    private PropertiesReader() {
    }

    static List<ConfigEntry> read(String text) {
        List<ConfigEntry> out = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int lineStart = pos;
            int lineEnd = logicalLineEnd(text, pos);
            int i = skipWhitespace(text, lineStart, lineEnd);
            if (i < lineEnd) {
                char c = text.charAt(i);
                if (c == '#' || c == '!') {
                    int physicalEnd = text.indexOf('\n', i);
                    physicalEnd = physicalEnd < 0 ? n : physicalEnd;
                    int j = skipWhitespace(text, i + 1, physicalEnd);
                    ConfigEntry e = entry(text, j, physicalEnd, true);
                    if (e != null && looksLikeKey(e.key())) {
                        out.add(e);
                    }
                    lineEnd = physicalEnd;
                } else {
                    ConfigEntry e = entry(text, i, lineEnd, false);
                    if (e != null) {
                        out.add(e);
                    }
                }
            }
            pos = lineEnd + 1;
        }
        return out;
    }

    private static boolean looksLikeKey(String key) {
        return key.length() > 2 && (key.contains(".") || key.contains("_") || key.contains("-"))
                && key.chars().noneMatch(Character::isWhitespace);
    }

    /** End of a logical line: a line ending in an odd number of backslashes continues on the next. */
    private static int logicalLineEnd(String text, int from) {
        int i = from;
        while (true) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return text.length();
            }
            int backslashes = 0;
            for (int k = nl - 1; k >= from && text.charAt(k) == '\\'; k--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return nl;
            }
            i = nl + 1;
        }
    }

    private static int skipWhitespace(String text, int i, int end) {
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    private static ConfigEntry entry(String text, int start, int end, boolean commented) {
        if (start >= end) {
            return null;
        }
        int i = start;
        StringBuilder key = new StringBuilder();
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end) {
                i = unescape(text, i, end, key);
                continue;
            }
            if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            }
            key.append(c);
            i++;
        }
        i = skipWhitespace(text, i, end);
        if (i < end && (text.charAt(i) == '=' || text.charAt(i) == ':')) {
            i = skipWhitespace(text, i + 1, end);
        }
        int valueStart = i;
        StringBuilder value = new StringBuilder();
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end && text.charAt(i + 1) == '\n') {
                i = skipWhitespace(text, i + 2, end);
                continue;
            }
            if (c == '\\' && i + 1 < end) {
                i = unescape(text, i, end, value);
                continue;
            }
            value.append(c);
            i++;
        }
        String raw = text.substring(valueStart, end);
        String v = stripTrailingCr(value.toString());
        return new ConfigEntry(key.toString(), v, start, valueStart, stripTrailingCr(raw), commented, false);
    }

    private static String stripTrailingCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Appends the character an escape at {@code i} stands for; returns the index after the escape. */
    private static int unescape(String text, int i, int end, StringBuilder out) {
        char e = text.charAt(i + 1);
        switch (e) {
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 'f' -> out.append('\f');
            case 'u' -> {
                if (i + 6 <= end) {
                    try {
                        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                        return i + 6;
                    } catch (NumberFormatException ignored) {
                        out.append('u');
                    }
                } else {
                    out.append('u');
                }
            }
            default -> out.append(e);
        }
        return i + 2;
    }
}
