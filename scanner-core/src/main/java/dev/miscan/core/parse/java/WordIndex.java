package dev.miscan.core.parse.java;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The identifiers of a list of texts, so that "which texts contain these words" reads no text once it is built.
 * Exact, not a filter: a word made of identifier characters ({@link Character#isJavaIdentifierPart(char)}) occurs in
 * a text exactly when one of the text's identifiers (maximal runs of those characters) contains it, and such a word
 * followed by {@code (} occurs exactly when an identifier right before a {@code (} ends with it. Other words are not
 * {@link #answerable}.
 *
 * <p>Built by one thread ({@link #add} in order, then questions); questions may then come from any thread.
 */
final class WordIndex {
    private String[] tokens = new String[1024];
    private int tokenCount;
    /** Open addressing over {@link #tokens}: a token's id + 1, 0 for an empty slot. */
    private int[] table = new int[2048];
    /** Per token, the last text it was counted for (as an identifier, and before a parenthesis). */
    private int[] seenAsRun = new int[1024];
    private int[] seenAsCall = new int[1024];
    private int[][] runs = new int[64][];
    private int[][] calls = new int[64][];
    private final BitSet readable = new BitSet();
    private int texts;

    /** Whether {@link #containingAll} can answer for {@code word}: identifier characters, then at most one {@code (}. */
    static boolean answerable(String word) {
        int end = word.endsWith("(") ? word.length() - 1 : word.length();
        if (end == 0 && end < word.length()) {
            return false; // "(" alone: no identifier before it to look for
        }
        for (int i = 0; i < end; i++) {
            if (!Character.isJavaIdentifierPart(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Adds the next text; null for one that could not be read, which contains nothing. */
    void add(String text) {
        int t = texts++;
        if (t == runs.length) {
            runs = Arrays.copyOf(runs, t * 2);
            calls = Arrays.copyOf(calls, t * 2);
        }
        if (text == null) {
            runs[t] = new int[0];
            calls[t] = new int[0];
            return;
        }
        readable.set(t);
        int[] r = new int[64];
        int rn = 0;
        int[] c = new int[16];
        int cn = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isJavaIdentifierPart(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                i++;
            }
            int id = id(text, start, i);
            if (seenAsRun[id] != t + 1) {
                seenAsRun[id] = t + 1;
                if (rn == r.length) {
                    r = Arrays.copyOf(r, rn * 2);
                }
                r[rn++] = id;
            }
            if (i < n && text.charAt(i) == '(' && seenAsCall[id] != t + 1) {
                seenAsCall[id] = t + 1;
                if (cn == c.length) {
                    c = Arrays.copyOf(c, cn * 2);
                }
                c[cn++] = id;
            }
        }
        runs[t] = Arrays.copyOf(r, rn);
        calls[t] = Arrays.copyOf(c, cn);
    }

    /** The id of {@code text[start, end)}, added when new. */
    private int id(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        int mask = table.length - 1;
        int len = end - start;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int v = table[slot];
            if (v == 0) {
                break;
            }
            String known = tokens[v - 1];
            if (known.length() == len && text.regionMatches(start, known, 0, len)) {
                return v - 1;
            }
        }
        int id = tokenCount++;
        if (id == tokens.length) {
            tokens = Arrays.copyOf(tokens, id * 2);
            seenAsRun = Arrays.copyOf(seenAsRun, id * 2);
            seenAsCall = Arrays.copyOf(seenAsCall, id * 2);
        }
        tokens[id] = text.substring(start, end);
        if (tokenCount * 2 > table.length) {
            rehash(table.length * 2);
        } else {
            insert(table, id, h);
        }
        return id;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private void insert(int[] into, int id, int hash) {
        int mask = into.length - 1;
        int slot = mix(hash) & mask;
        while (into[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        into[slot] = id + 1;
    }

    private void rehash(int size) {
        int[] bigger = new int[size];
        for (int id = 0; id < tokenCount; id++) {
            insert(bigger, id, tokens[id].hashCode());
        }
        table = bigger;
    }

    /** The number of texts added. */
    int size() {
        return texts;
    }

    /** The texts (by the order they were added) that contain every one of {@code words}, each {@link #answerable}. */
    BitSet containingAll(String... words) {
        BitSet out = (BitSet) readable.clone();
        for (String w : words) {
            boolean call = w.endsWith("(");
            String word = call ? w.substring(0, w.length() - 1) : w;
            if (word.isEmpty()) {
                continue; // every text contains the empty word
            }
            BitSet ids = new BitSet(tokenCount);
            for (int id = 0; id < tokenCount; id++) {
                if (call ? tokens[id].endsWith(word) : tokens[id].contains(word)) {
                    ids.set(id);
                }
            }
            int[][] byText = call ? calls : runs;
            for (int t = out.nextSetBit(0); t >= 0; t = out.nextSetBit(t + 1)) {
                boolean any = false;
                for (int id : byText[t]) {
                    if (ids.get(id)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    out.clear(t);
                }
            }
        }
        return out;
    }
}
