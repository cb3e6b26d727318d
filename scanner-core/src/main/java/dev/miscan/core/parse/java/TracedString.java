package dev.miscan.core.parse.java;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A string value computed from Java source, with the file and offset every character came from, so a
 * finding can point at the credential itself even when the value was assembled from constants in other
 * classes, text blocks or concatenations over several lines. Parts whose value is not in the source
 * (a parameter, an environment variable, a method result) are {@linkplain Hole holes}: one
 * {@value #HOLE_CHAR} character each, with where the value comes from.
 */
public final class TracedString {
    /** Stands for a value that is not in the source. */
    public static final char HOLE_CHAR = '\uFFFF';

    /** Where a value that is not in the source comes from. */
    public enum Origin {
        ENVIRONMENT("environment variable"),
        SYSTEM_PROPERTY("system property"),
        CONFIGURATION("configuration property"),
        PARAMETER("parameter"),
        FIELD("field"),
        LOCAL("variable"),
        METHOD("method call"),
        UNKNOWN("expression");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A part of the value that is not in the source: {@code index} in the text, where it comes from, its name. */
    public record Hole(int index, Origin origin, String name) {
        /** For messages: {@code environment variable AZURE_STORAGE_KEY}. */
        public String describe() {
            return name == null || name.isEmpty() ? origin.label() : origin.label() + " " + name;
        }
    }

    private final String text;
    private final int[] offsets;
    private final String[] paths;
    private final List<Hole> holes;

    private TracedString(String text, int[] offsets, String[] paths, List<Hole> holes) {
        this.text = text;
        this.offsets = offsets;
        this.paths = paths;
        this.holes = holes;
    }

    public static final TracedString EMPTY = new TracedString("", new int[0], new String[0], List.of());

    /** Characters copied from source: {@code offsets[i]} is where {@code text.charAt(i)} is written in {@code path}. */
    public static TracedString of(String text, int[] offsets, String path) {
        String[] p = new String[text.length()];
        Arrays.fill(p, path);
        return new TracedString(text, offsets.clone(), p, List.of());
    }

    /** Text that is not written in any file (e.g. the digits of a computed number). */
    public static TracedString synthetic(String text) {
        int[] o = new int[text.length()];
        Arrays.fill(o, -1);
        return new TracedString(text, o, new String[text.length()], List.of());
    }

    public static TracedString hole(Origin origin, String name) {
        return new TracedString(String.valueOf(HOLE_CHAR), new int[] {-1}, new String[1],
                List.of(new Hole(0, origin, name)));
    }

    public TracedString concat(TracedString other) {
        if (other.text.isEmpty()) {
            return this;
        }
        if (text.isEmpty()) {
            return other;
        }
        int n = text.length();
        int[] o = Arrays.copyOf(offsets, n + other.text.length());
        System.arraycopy(other.offsets, 0, o, n, other.offsets.length);
        String[] p = Arrays.copyOf(paths, n + other.text.length());
        System.arraycopy(other.paths, 0, p, n, other.paths.length);
        List<Hole> h = new ArrayList<>(holes);
        for (Hole x : other.holes) {
            h.add(new Hole(x.index() + n, x.origin(), x.name()));
        }
        return new TracedString(text + other.text, o, p, List.copyOf(h));
    }

    public TracedString substring(int begin, int end) {
        List<Hole> h = new ArrayList<>();
        for (Hole x : holes) {
            if (x.index() >= begin && x.index() < end) {
                h.add(new Hole(x.index() - begin, x.origin(), x.name()));
            }
        }
        return new TracedString(text.substring(begin, end), Arrays.copyOfRange(offsets, begin, end),
                Arrays.copyOfRange(paths, begin, end), List.copyOf(h));
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public List<Hole> holes() {
        return holes;
    }

    public boolean hasHoles() {
        return !holes.isEmpty();
    }

    /** True when the whole value is one hole: nothing of it is written in the source. */
    public boolean isOnlyHole() {
        return text.length() == 1 && holes.size() == 1;
    }

    /** Holes within {@code [begin, end)}. */
    public boolean hasHoles(int begin, int end) {
        for (Hole h : holes) {
            if (h.index() >= begin && h.index() < end) {
                return true;
            }
        }
        return false;
    }

    /** Source offset of character {@code i}, or -1 when it is not written in a file. */
    public int offsetAt(int i) {
        return offsets[i];
    }

    /** Path of the file character {@code i} is written in, or null. */
    public String pathAt(int i) {
        return paths[i];
    }

    /** True when every character of {@code [begin, end)} is written in the source. */
    public boolean isLiteral(int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (offsets[i] < 0 || text.charAt(i) == HOLE_CHAR) {
                return false;
            }
        }
        return true;
    }

    /** The first character of {@code [begin, end)} that is written in a file, or -1. */
    public int firstWritten(int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (offsets[i] >= 0 && paths[i] != null) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code [begin, end)} is written as is, in one run of one file (no escapes, no concatenation). */
    public boolean isContiguous(int begin, int end) {
        if (begin >= end || offsets[begin] < 0) {
            return false;
        }
        for (int i = begin + 1; i < end; i++) {
            if (offsets[i] != offsets[begin] + (i - begin) || paths[i] == null || !paths[i].equals(paths[begin])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TracedString(" + text.length() + " chars, " + holes.size() + " holes)";
    }
}
