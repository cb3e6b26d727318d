package dev.miscan.core.parse;

import dev.miscan.core.engine.KeywordIndex;
import dev.miscan.core.source.Fragment;

/**
 * A fragment with its views, built on demand and cached. This issue provides the plain-text view
 * (text, lines, keyword offsets); structured views (Java AST, properties, YAML, JSON, Bicep, HCL) plug
 * in here.
 */
public final class Document {
    private static final int[] NONE = new int[0];

    private final Fragment fragment;
    private final KeywordIndex keywordIndex;
    private final int[][] keywordHits;
    private LineIndex lines;

    public Document(Fragment fragment, KeywordIndex keywordIndex, int[][] keywordHits) {
        this.fragment = fragment;
        this.keywordIndex = keywordIndex;
        this.keywordHits = keywordHits;
    }

    public String path() {
        return fragment.path();
    }

    public String text() {
        return fragment.text();
    }

    public Fragment fragment() {
        return fragment;
    }

    public LineIndex lines() {
        if (lines == null) {
            lines = new LineIndex(fragment.text());
        }
        return lines;
    }

    /** Start offsets of a declared keyword's occurrences, ignoring ASCII case, in ascending order. */
    public int[] occurrences(String keyword) {
        int[] hits = keywordHits[keywordIndex.id(keyword)];
        return hits == null ? NONE : hits;
    }

    public boolean contains(String keyword) {
        return keywordHits[keywordIndex.id(keyword)] != null;
    }

    /** The line (without its end) containing an offset. */
    public String lineAt(int offset) {
        return lines().line(lines().lineOf(offset));
    }
}
