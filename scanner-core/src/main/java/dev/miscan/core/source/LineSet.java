package dev.miscan.core.source;

import java.util.BitSet;

/** An immutable set of 1-based line numbers: the lines a commit or the index added or changed. */
public final class LineSet {
    private final BitSet lines;

    private LineSet(BitSet lines) {
        this.lines = lines;
    }

    /** Lines {@code [from, to)} of every range, given as pairs of 1-based numbers. */
    public static LineSet ofRanges(int[][] ranges) {
        BitSet b = new BitSet();
        for (int[] r : ranges) {
            if (r[1] > r[0]) {
                b.set(r[0], r[1]);
            }
        }
        return new LineSet(b);
    }

    public static LineSet of(int... lineNumbers) {
        BitSet b = new BitSet();
        for (int n : lineNumbers) {
            b.set(n);
        }
        return new LineSet(b);
    }

    public boolean contains(int line) {
        return line >= 0 && lines.get(line);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int size() {
        return lines.cardinality();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineSet other && other.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
