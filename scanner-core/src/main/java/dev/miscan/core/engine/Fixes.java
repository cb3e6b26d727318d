package dev.miscan.core.engine;

import dev.miscan.core.api.Fix;
import dev.miscan.core.parse.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies {@link Fix} edits to a text ({@code \n} line ends), as {@code mi-scan fix} and the fix tests do. */
public final class Fixes {
    private Fixes() {
    }

    /**
     * The text with every edit applied. Identical edits (two findings in one setting) are applied once;
     * overlapping different edits are refused.
     *
     * @throws IllegalArgumentException when an edit is outside the text or two edits overlap
     */
    public static String apply(String text, List<Fix.Edit> edits) {
        LineIndex lines = new LineIndex(text);
        record Span(int start, int end, String replacement) {
        }
        List<Span> spans = new ArrayList<>();
        for (Fix.Edit e : edits) {
            int start = offset(lines, text, e.startLine(), e.startColumn());
            int end = offset(lines, text, e.endLine(), e.endColumn());
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("edit outside the text at line " + e.startLine());
            }
            spans.add(new Span(start, end, e.text()));
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> unique = new ArrayList<>();
        for (Span s : spans) {
            Span prev = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (prev != null && prev.equals(s)) {
                continue;
            }
            if (prev != null && s.start() < prev.end()) {
                throw new IllegalArgumentException("overlapping edits");
            }
            unique.add(s);
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = unique.size() - 1; i >= 0; i--) {
            Span s = unique.get(i);
            out.replace(s.start(), s.end(), s.replacement());
        }
        return out.toString();
    }

    /**
     * Whether {@code text} still holds, at every secret finding's location, the literal the scan found there (its
     * hash): a file edited between the scan and the fix fails this, and is left alone rather than edited at stale
     * places. (A key-based-auth finding's location is a setting or a call, not a hashed literal: not checked.)
     */
    public static boolean unchanged(String text, List<dev.miscan.core.api.Finding> findings) {
        LineIndex lines = new LineIndex(text);
        for (dev.miscan.core.api.Finding f : findings) {
            if (f.rule().tier() != dev.miscan.core.api.Tier.SECRET) {
                continue;
            }
            var l = f.location();
            int start = offset(lines, text, l.startLine(), l.startColumn());
            int end = offset(lines, text, l.endLine(), l.endColumn());
            if (f.secretHash() == null || start < 0 || end < start
                    || !dev.miscan.core.secrets.Redaction.sha256(text.substring(start, end)).equals(f.secretHash())) {
                return false;
            }
        }
        return true;
    }

    private static int offset(LineIndex lines, String text, int line, int column) {
        int l = line - 1;
        if (l == lines.lineCount()) {
            return column == 1 ? text.length() : -1;
        }
        if (l < 0 || l > lines.lineCount()) {
            return -1;
        }
        int o = lines.lineStart(l) + column - 1;
        return o <= text.length() ? o : -1;
    }
}
