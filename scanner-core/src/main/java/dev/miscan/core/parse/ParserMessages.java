package dev.miscan.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser's error message without what it quotes of the scanned text. Parsers name the input they stopped at
 * ({@code Unrecognized token 'Hunter'}, {@code found undefined alias …}, {@code Found "x" <IDENTIFIER>},
 * {@code unexpected 'Secret'}), and at a broken line that input may be a credential or a piece of one, which no
 * warning may show. A word of the message that stands as a word in the text near the error (the line the parser
 * names) is taken for a quotation and replaced by {@code …}: a word between quotes, for the parsers that quote
 * what they name, any word of four characters or more for those that do not (SnakeYAML's aliases). The parser's
 * own words stay, unless that line happens to hold them too (then the message reads a little less well, which is
 * the safe side).
 */
public final class ParserMessages {
    /** A run between spaces and quotes: a word of the message, with the punctuation around it. */
    private static final Pattern WORD = Pattern.compile("[^\\s'\"`]+");
    private static final String EDGES = "()[]{}<>,;:.!?";
    private static final String QUOTES = "'\"`";

    private ParserMessages() {
    }

    /** {@code message} without the words that {@code near} (the text at the error, or the whole text) holds. */
    public static String unquoted(String message, String near) {
        return unquoted(message, near, false, java.util.Set.of());
    }

    /**
     * As {@link #unquoted(String, String)}, for a message that quotes input only between quotes (Jackson's
     * {@code Unrecognized token 'x'}, JavaParser's {@code Found "x"}, mi-scan's own {@code unexpected 'x'}): the words
     * outside them are the parser's and stay, and a quoted word of three characters already goes.
     */
    public static String unquotedBetweenQuotes(String message, String near) {
        return unquoted(message, near, true, java.util.Set.of());
    }

    /**
     * As above, keeping the words of the format's grammar that the parser quotes as what it expected (Jackson's
     * {@code token 'null', 'true' or 'false'}, JavaParser's {@code expected one of "class" "enum"}): they are never
     * a credential, and a line near the error often holds them.
     */
    public static String unquotedBetweenQuotes(String message, String near, java.util.Set<String> grammar) {
        return unquoted(message, near, true, grammar);
    }

    private static String unquoted(String message, String near, boolean betweenQuotesOnly,
            java.util.Set<String> grammar) {
        if (message == null || message.isEmpty() || near == null || near.isEmpty()) {
            return message;
        }
        Matcher m = WORD.matcher(message);
        StringBuilder out = new StringBuilder(message.length());
        int last = 0;
        int singles = 0;
        int doubles = 0;
        int counted = 0;
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            for (; counted < start; counted++) {
                // an escaped quote (JavaParser's "\"abc") is the quotation's content, not its end
                boolean escaped = counted > 0 && message.charAt(counted - 1) == '\\';
                singles += message.charAt(counted) == '\'' && !escaped ? 1 : 0;
                doubles += message.charAt(counted) == '"' && !escaped ? 1 : 0;
            }
            // a word that touches a quote is quoted too: the quoted input may hold a quote itself (a Bicep string
            // token 'x' quoted as ''x''), which the counting takes for the quotation's end
            boolean inQuotes = singles % 2 == 1 || doubles % 2 == 1
                    || start > 0 && QUOTES.indexOf(message.charAt(start - 1)) >= 0
                    || end < message.length() && QUOTES.indexOf(message.charAt(end)) >= 0;
            if (betweenQuotesOnly && !inQuotes) {
                continue;
            }
            int shortest = inQuotes ? 3 : 4; // a free word of three letters ("key") is the parser's more often
            while (start < end && EDGES.indexOf(message.charAt(start)) >= 0) {
                start++;
            }
            // a word's end may be punctuation of the message or of the text: the longest that the text holds counts
            int cut = -1;
            for (int e = end; e > start; e--) {
                if (e < end && EDGES.indexOf(message.charAt(e)) < 0) {
                    break;
                }
                if (e - start >= shortest && !grammar.contains(message.substring(start, e))
                        && quoted(message, start, e, near)) {
                    cut = e;
                    break;
                }
            }
            if (cut > 0) {
                out.append(message, last, start).append('…');
                last = cut;
            }
        }
        return out.append(message, last, message.length()).toString();
    }

    /**
     * The text of 0-based line {@code line} of {@code doc} and the lines beside it (a parser may name the line after
     * the token), or the whole text when the line is unknown (negative) or out of range.
     */
    public static String near(Document doc, int line) {
        return near(doc.text(), doc.lines(), line);
    }

    /** As above, for a text that is not a document's. */
    public static String near(String text, int line) {
        return line < 0 ? text : near(text, new LineIndex(text), line);
    }

    private static String near(String text, LineIndex lines, int line) {
        if (line < 0 || line >= lines.lineCount()) {
            return text;
        }
        int from = Math.max(0, line - 1);
        int to = Math.min(lines.lineCount() - 1, line + 1);
        return text.substring(lines.lineStart(from), lines.lineEnd(to));
    }

    /**
     * Whether {@code message[start, end)} is a word with a letter or digit that {@code near} holds as a word ('!',
     * '}', "+=": the grammar's, and no piece of anything).
     */
    private static boolean quoted(String message, int start, int end, String near) {
        boolean alphanumeric = false;
        for (int i = start; i < end && !alphanumeric; i++) {
            alphanumeric = Character.isLetterOrDigit(message.charAt(i));
        }
        if (!alphanumeric) {
            return false;
        }
        String word = message.substring(start, end);
        for (int at = near.indexOf(word); at >= 0; at = near.indexOf(word, at + 1)) {
            int after = at + word.length();
            if ((at == 0 || !wordChar(near.charAt(at - 1), word.charAt(0)))
                    && (after == near.length() || !wordChar(near.charAt(after), word.charAt(word.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code c} beside a word's {@code edge} character continues the word (a letter after a letter). */
    private static boolean wordChar(char c, char edge) {
        return Character.isLetterOrDigit(c) && Character.isLetterOrDigit(edge);
    }
}
