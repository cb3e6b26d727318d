package dev.miscan.core.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a source line for a report with every known secret, and anything else in a secret slot, masked. */
public final class Snippets {
    private static final int MAX = 200;
    /** How much of a line the literal forms are searched in: far more than {@link #MAX} shows. */
    private static final int HEAD = 4000;
    private Snippets() {
    }

    public static String render(String line, Collection<String> secrets) {
        return render(line, new Secrets(secrets));
    }

    /**
     * The secrets of a document, indexed by their first characters, so that each line is checked only
     * against the secrets that could occur in it: a file with thousands of findings renders in linear time.
     */
    public static final class Secrets {
        private final List<String> parts = new ArrayList<>();
        private final Map<String, List<Integer>> byPrefix = new HashMap<>();
        private final java.util.SortedSet<Integer> prefixLengths = new TreeSet<>();
        private int longest;
        /** Index secrets by their first eight characters (or all of a shorter one): secrets sharing less are told apart at once. */
        private static final int PREFIX = 8;

        public Secrets(Collection<String> secrets) {
            for (String secret : secrets) {
                for (String part : secret.split("\n")) {
                    if (part.length() >= 3) {
                        int k = Math.min(part.length(), PREFIX);
                        byPrefix.computeIfAbsent(part.substring(0, k), p -> new ArrayList<>()).add(parts.size());
                        prefixLengths.add(k);
                        parts.add(part);
                        longest = Math.max(longest, part.length());
                    }
                }
            }
        }

        /** The length of the longest secret (of each line of a multi-line one). */
        int longest() {
            return longest;
        }

        /**
         * Whether {@code piece} (three characters or more) is part of a secret: a string a concatenation builds a
         * secret from. Checked against the first thousand secrets only (a file of thousands has its whole secrets
         * masked by {@link #in}).
         */
        boolean contain(String piece) {
            if (piece.length() < 3) {
                return false;
            }
            for (int i = 0; i < Math.min(parts.size(), 1000); i++) {
                if (parts.get(i).contains(piece)) {
                    return true;
                }
            }
            return false;
        }

        /** The secrets that occur in {@code line}, in the order they were given. */
        List<String> in(String line) {
            if (parts.isEmpty()) {
                return List.of();
            }
            TreeSet<Integer> found = new TreeSet<>();
            for (int i = 0; i + 3 <= line.length(); i++) {
                for (int k : prefixLengths) {
                    if (i + k > line.length()) {
                        break;
                    }
                    List<Integer> candidates = byPrefix.get(line.substring(i, i + k));
                    if (candidates != null) {
                        for (int c : candidates) {
                            if (line.startsWith(parts.get(c), i)) {
                                found.add(c);
                            }
                        }
                    }
                }
            }
            List<String> out = new ArrayList<>(found.size());
            found.forEach(c -> out.add(parts.get(c)));
            return out;
        }
    }

    /** Four or more character literals in a row: a secret written as {@code new char[] {'p', 'a', …}}. */
    private static final Pattern CHAR_RUN = Pattern.compile(
            "'(?:\\\\[^']{1,6}+|[^'\\\\])'(?:\\s*+,\\s*+'(?:\\\\[^']{1,6}+|[^'\\\\])'){3,}+");
    /** A string literal ({@code "…"}), escapes included. */
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.){3,}+)\"");
    /** An escape that hides a character from a plain search: {@code \u0041}, {@code \101}, {@code \x41}. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u[0-9A-Fa-f]{4}|[0-7]{3}|x[0-9A-Fa-f]{2})");

    /**
     * {@code line} with the forms a secret takes that a plain search for it misses masked: a run of char literals,
     * a string literal written with escapes, a string literal that is a piece of a known secret (a concatenation).
     * For snippets (the head of a long line: only that is shown) and diff lines.
     */
    public static String maskForms(String line, Secrets secrets) {
        String s = line;
        s = CHAR_RUN.matcher(s).replaceAll(r -> Matcher.quoteReplacement("'…'(" + r.group().chars()
                .filter(c -> c == '\'').count() / 2 + " chars)"));
        Matcher str = STRING.matcher(s);
        StringBuilder literals = new StringBuilder();
        while (str.find()) {
            String content = str.group(1);
            boolean hide = ESCAPE.matcher(content).find() || secrets.contain(content);
            str.appendReplacement(literals, Matcher.quoteReplacement(hide ? "\"" + Redaction.preview(content) + "\""
                    : str.group()));
        }
        str.appendTail(literals);
        s = literals.toString();
        return s;
    }

    public static String render(String line, Secrets secrets) {
        // only the head is shown: masking the secrets of a minified line of megabytes would be quadratic
        String s = line.length() > HEAD + secrets.longest() ? line.substring(0, HEAD + secrets.longest()) : line;
        for (String part : secrets.in(s)) {
            s = s.replace(part, Redaction.preview(part));
        }
        s = maskForms(s.length() > HEAD ? s.substring(0, HEAD) : s, secrets);
        s = Redactor.slots(s).strip();
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }
}
