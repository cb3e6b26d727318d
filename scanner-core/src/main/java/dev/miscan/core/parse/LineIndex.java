package dev.miscan.core.parse;

import java.util.Arrays;

/** Offsets of line starts in a text, for offset → line/column conversion. Lines end at {@code \n}. */
public final class LineIndex {
    private final String text;
    private final int[] starts;
    private final int lineCount;

    public LineIndex(String text) {
        this.text = text;
        int[] s = new int[Math.max(16, text.length() / 40)];
        int n = 0;
        s[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == s.length) {
                s = Arrays.copyOf(s, s.length * 2);
            }
            s[n++] = i + 1;
        }
        this.starts = s;
        this.lineCount = n;
    }

    /** 0-based line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, 0, lineCount, offset);
        return i >= 0 ? i : -i - 2;
    }

    public int lineStart(int line) {
        return starts[line];
    }

    /** Offset of the end of a 0-based line, excluding its {@code \n} (and a {@code \r} before it). */
    public int lineEnd(int line) {
        int end = line + 1 < lineCount ? starts[line + 1] - 1 : text.length();
        if (end > starts[line] && end <= text.length() && end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    public int lineCount() {
        return lineCount;
    }

    public String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }
}
