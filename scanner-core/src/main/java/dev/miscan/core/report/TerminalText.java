package dev.miscan.core.report;

/**
 * Text from a scanned repository (file names, lines, commit authors) made safe to print on a terminal: control
 * characters (C0 but tab, DEL, C1) and the invisible bidirectional controls of "Trojan Source" are written as
 * escapes ({@code \x1b}, {@code \u202e}), so that a file can neither drive the terminal (colours, cursor moves,
 * titles, hyperlinks) nor make a line read differently from what it is.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code s} with every unsafe character escaped; {@code s} itself when it has none; "" for null. */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** A line ending is unsafe inside one line of output: {@link #safe} escapes it too. */
    private static boolean unsafe(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
