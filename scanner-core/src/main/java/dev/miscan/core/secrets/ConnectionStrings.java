package dev.miscan.core.secrets;

import java.util.Optional;

/**
 * Reads {@code Key=Value;Key=Value} connection strings out of arbitrary text, order-independently and
 * ignoring key case, with the offset of every value (so findings point at the credential itself).
 */
public final class ConnectionStrings {
    private static final int MAX_SEGMENT = 4000;
    /** How far {@link #window} reaches either side: a few ordinary lines, well inside any real context. */
    private static final int MAX_WINDOW = 1000;

    /** A value and where it starts in the text. */
    public record Value(String key, String value, int offset) {
    }

    /** The extent of the quoted string or line that contains {@code offset}: {@code [start, end)}. */
    public record Segment(String text, int start, int end) {

        public String content() {
            return text.substring(start, end);
        }

        /**
         * The value of {@code key}, which must start the segment or follow {@code ;}, whitespace, a quote or
         * a separator, and be followed by {@code =}. The value runs to {@code ;}, a quote or whitespace.
         */
        public Optional<Value> get(String key) {
            int from = start;
            while (from < end) {
                int i = indexOfIgnoreCase(text, key, from, end);
                if (i < 0) {
                    return Optional.empty();
                }
                from = i + 1;
                if (i > start && !isKeyBoundary(text.charAt(i - 1))) {
                    continue;
                }
                int j = i + key.length();
                while (j < end && text.charAt(j) == ' ') {
                    j++;
                }
                if (j >= end || text.charAt(j) != '=') {
                    continue;
                }
                j++;
                while (j < end && text.charAt(j) == ' ') {
                    j++;
                }
                int v = j;
                while (j < end && !isValueEnd(text.charAt(j))) {
                    j++;
                }
                // the default of a placeholder (${SB_CONNECTION:Endpoint=…;SharedAccessKey=…}): its '}' closes the
                // placeholder, not the value
                if (j > v && text.charAt(j - 1) == '}' && opensPlaceholder(text, i)) {
                    j--;
                }
                return Optional.of(new Value(key, text.substring(v, j), v));
            }
            return Optional.empty();
        }

        /** True when a {@code ${} before {@code at} on its line is still open (its default holds the value). */
        private static boolean opensPlaceholder(String text, int at) {
            int open = text.lastIndexOf("${", at);
            return open >= 0 && text.lastIndexOf('\n', at) < open && text.indexOf('}', open) >= at;
        }

        public boolean has(String key) {
            return get(key).isPresent();
        }

        public boolean containsIgnoreCase(String needle) {
            return indexOfIgnoreCase(text, needle, start, end) >= 0;
        }
    }

    private ConnectionStrings() {
    }

    /** The segment around {@code offset}, bounded by quotes, backticks and line ends. */
    public static Segment segmentAround(String text, int offset) {
        int s = offset;
        while (s > 0 && offset - s < MAX_SEGMENT && !isSegmentEnd(text.charAt(s - 1))) {
            s--;
        }
        int e = offset;
        while (e < text.length() && e - offset < MAX_SEGMENT && !isSegmentEnd(text.charAt(e))) {
            e++;
        }
        return new Segment(text, s, e);
    }

    /**
     * A wider window for context words: the segment's lines plus {@code lines} lines either side, for
     * connection strings that a program splits across lines; at most {@value #MAX_WINDOW} characters either
     * side of {@code offset}, so that a file of one huge line costs no more per keyword than any other (and a
     * minified template's neighbouring values, far away in meaning, do not count as context).
     */
    public static Segment window(String text, int offset, int lines) {
        int floor = Math.max(0, offset - MAX_WINDOW);
        int ceiling = Math.min(text.length(), offset + MAX_WINDOW);
        int s = offset;
        for (int n = 0; n <= lines && s > floor; n++) {
            s--;
            while (s > floor && text.charAt(s) != '\n') {
                s--;
            }
        }
        int e = offset;
        for (int n = 0; n <= lines && e < ceiling; n++) {
            e++;
            while (e < ceiling && text.charAt(e) != '\n') {
                e++;
            }
        }
        return new Segment(text, s, Math.min(e, text.length()));
    }

    static boolean isSegmentEnd(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '\n' || c == '\r';
    }

    static boolean isKeyBoundary(char c) {
        return c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '='
                || c == ':' || c == ',' || c == '(' || c == '[' || c == '{' || c == '&' || c == '?' || c == '`';
    }

    static boolean isValueEnd(char c) {
        return c == ';' || c == '"' || c == '\'' || c == '`' || Character.isWhitespace(c);
    }

    public static int indexOfIgnoreCase(String text, String needle, int from, int to) {
        int n = needle.length();
        if (n == 0) {
            return from <= to ? Math.max(0, from) : -1;
        }
        // compare the first character in both cases before the whole needle: this runs for every keyword
        char lower = Character.toLowerCase(needle.charAt(0));
        char upper = Character.toUpperCase(needle.charAt(0));
        for (int i = Math.max(0, from); i + n <= to; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
