package dev.miscan.core.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of a set of ASCII keywords, ignoring ASCII case, in one pass over a text
 * (Aho–Corasick). The engine uses it to decide which rules run on a file, and rules use the recorded
 * offsets instead of searching again.
 */
public final class KeywordIndex {
    private static final int ALPHABET = 128;

    private final List<String> keywords;
    /**
     * The automaton's transitions in one array, {@code state * 128 + char}, with upper case folded in: the next
     * state, or its complement ({@code ~state}, negative) when that state ends a keyword. One load and one sign
     * test per character is all the scan does for text that matches nothing.
     */
    private final int[] table;
    private final int[][] outputs;
    /** Each keyword's index in {@link #keywords}: rules ask for a keyword's occurrences by name, per file. */
    private final Map<String, Integer> ids;

    public KeywordIndex(List<String> keywordList) {
        Map<String, Integer> unique = new LinkedHashMap<>();
        for (String k : keywordList) {
            for (char c : k.toCharArray()) {
                if (c >= ALPHABET) {
                    throw new IllegalArgumentException("keyword is not ASCII: " + k);
                }
            }
            unique.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), unique.size());
        }
        this.keywords = List.copyOf(unique.keySet());
        this.ids = Map.copyOf(unique);
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            int state = 0;
            for (char c : keywords.get(k).toCharArray()) {
                if (trie.get(state)[c] <= 0) {
                    trie.get(state)[c] = trie.size();
                    trie.add(newRow());
                    out.add(new ArrayList<>());
                }
                state = trie.get(state)[c];
            }
            out.get(state).add(k);
        }
        int n = trie.size();
        int[][] next = trie.toArray(new int[0][]);
        int[] fail = new int[n];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            if (next[0][c] > 0) {
                fail[next[0][c]] = 0;
                queue.add(next[0][c]);
            } else {
                next[0][c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < ALPHABET; c++) {
                int t = next[s][c];
                if (t > 0) {
                    fail[t] = next[fail[s]][c];
                    queue.add(t);
                } else {
                    next[s][c] = next[fail[s]][c];
                }
            }
        }
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        table = new int[n * ALPHABET];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < ALPHABET; c++) {
                int t = next[s][c >= 'A' && c <= 'Z' ? c + 32 : c];
                table[s * ALPHABET + c] = outputs[t].length > 0 ? ~t : t;
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    public List<String> keywords() {
        return keywords;
    }

    public int id(String keyword) {
        Integer i = ids.get(keyword);
        if (i == null) {
            i = ids.get(keyword.toLowerCase(java.util.Locale.ROOT));
        }
        if (i == null) {
            throw new IllegalArgumentException("unknown keyword " + keyword);
        }
        return i;
    }

    /** Start offsets of every keyword's occurrences; an entry is null when the keyword does not occur. */
    public int[][] scan(CharSequence text) {
        int[][] hits = new int[keywords.size()][];
        int[] counts = new int[keywords.size()];
        int[] table = this.table;
        int state = 0;
        String s = text.toString(); // a String's charAt, not an interface call per character (15 % under C1)
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= ALPHABET) {
                state = 0; // no keyword spans a non-ASCII character
                continue;
            }
            int t = table[state * ALPHABET + c];
            if (t >= 0) {
                state = t;
                continue;
            }
            state = ~t;
            for (int k : outputs[state]) {
                int start = i - keywords.get(k).length() + 1;
                if (hits[k] == null) {
                    hits[k] = new int[4];
                } else if (counts[k] == hits[k].length) {
                    hits[k] = Arrays.copyOf(hits[k], counts[k] * 2);
                }
                hits[k][counts[k]++] = start;
            }
        }
        for (int k = 0; k < hits.length; k++) {
            if (hits[k] != null) {
                hits[k] = Arrays.copyOf(hits[k], counts[k]);
            }
        }
        return hits;
    }
}
