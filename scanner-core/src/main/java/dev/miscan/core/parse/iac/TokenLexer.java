package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Bicep and HCL lexers have in common: newlines are tokens, {@code //} and {@code /* *}{@code /}
 * comments are skipped, names, numbers and symbols are read the same way, and quoted strings decode escapes
 * and keep the offsets of their {@code ${…}} holes. A subclass says which characters start comments, strings
 * and names, and how its escapes and holes are written. The lexer never fails: a problem is recorded and
 * lexing goes on.
 */
abstract class TokenLexer {
    protected final String text;
    protected final int limit;
    protected final List<Token> tokens = new ArrayList<>();
    protected final List<ParseProblem> problems = new ArrayList<>();
    protected int pos;
    private final String[] symbols;
    /** One-character symbols, made once. */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }
    private final char quote;

    /**
     * @param symbols the symbols longer than one character, each before any it starts with
     * @param quote   the character that opens and closes a one-line string
     */
    protected TokenLexer(String text, int from, int to, String[] symbols, char quote) {
        this.text = text;
        this.pos = from;
        this.limit = to;
        this.symbols = symbols;
        this.quote = quote;
    }

    /** The tokens of the range, ending with an EOF token. */
    final List<Token> tokens() {
        return tokens;
    }

    /** Lexical problems (unterminated strings or comments), each naming its offset. */
    final List<ParseProblem> problems() {
        return problems;
    }

    /** Whether a comment to the end of the line starts at {@code pos}, whose character is {@code c}. */
    protected abstract boolean startsLineComment(char c);

    /** Whether a string starts at {@code pos}, whose character is {@code c}; if so, it is read. */
    protected abstract boolean lexString(char c);

    protected abstract boolean isNameStart(char c);

    protected abstract boolean isNamePart(char c);

    /** Whether {@code c} goes on a number after its first digit; a dot followed by a digit always does. */
    protected abstract boolean isNumberPart(char c);

    /** Decodes the escape at {@code pos} (a backslash with a character after it) and moves past it. */
    protected abstract void escape(StringBuilder value);

    /** Whether {@code c} before a brace opens a hole: {@code ${…}}, and in HCL also a {@code %{…}} directive. */
    protected abstract boolean opensHole(char c);

    /** Whether the hole opener {@code c} at {@code pos} is doubled before its brace: HCL's literal opener. */
    protected boolean literalHoleOpener(char c) {
        return false;
    }

    /**
     * The offset where scanning a hole goes on after a string inside it, which starts at {@code quoteAt}; at
     * a newline, a one-line hole ends.
     */
    protected abstract int afterStringInHole(int quoteAt);

    /** Lexes the range, once; returns this lexer, which then holds its tokens and problems. */
    final TokenLexer lex() {
        while (pos < limit) {
            char c = text.charAt(pos);
            if (c == '\n') {
                tokens.add(new Token(Token.Type.NEWLINE, pos, pos + 1, "\n"));
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (startsLineComment(c)) {
                pos = lineEnd(pos);
            } else if (!lexString(c)) {
                nameNumberOrSymbol(c);
            }
        }
        tokens.add(new Token(Token.Type.EOF, limit, limit, ""));
        return this;
    }

    private void nameNumberOrSymbol(char c) {
        int s = pos;
        if (isNameStart(c)) {
            pos++;
            while (pos < limit && (isAsciiAlphanumeric(text.charAt(pos)) || isNamePart(text.charAt(pos)))) {
                pos++;
            }
            tokens.add(new Token(Token.Type.IDENT, s, pos, text.substring(s, pos)));
        } else if (Character.isDigit(c)) {
            while (pos < limit && (isNumberPart(text.charAt(pos)) || text.charAt(pos) == '.'
                    && pos + 1 < limit && Character.isDigit(text.charAt(pos + 1)))) {
                pos++;
            }
            tokens.add(new Token(Token.Type.NUMBER, s, pos, text.substring(s, pos)));
        } else {
            symbol();
        }
    }

    /** A name part in every language lexed here, checked without a virtual call (most characters of a name). */
    private static boolean isAsciiAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    protected final char peek(int ahead) {
        return pos + ahead < limit ? text.charAt(pos + ahead) : '\0';
    }

    /** The offset of the newline ending the line at {@code from}, or the limit. */
    protected final int lineEnd(int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 || nl > limit ? limit : nl;
    }

    private void blockComment() {
        int close = text.indexOf("*/", pos + 2);
        if (close < 0 || close + 2 > limit) {
            problems.add(new ParseProblem(pos, "unterminated comment"));
            pos = limit;
        } else {
            pos = close + 2;
        }
    }

    private void symbol() {
        char first = text.charAt(pos);
        for (String s : symbols) {
            if (s.charAt(0) == first && text.startsWith(s, pos) && pos + s.length() <= limit) {
                tokens.add(new Token(Token.Type.SYMBOL, pos, pos + s.length(), s));
                pos += s.length();
                return;
            }
        }
        tokens.add(new Token(Token.Type.SYMBOL, pos, pos + 1, first < 128 ? ONE_CHAR[first] : String.valueOf(first)));
        pos++;
    }

    /**
     * A one-line string starting at {@code s}; {@code pos} ends after its closing quote, or at the end of the
     * line where it has none (a problem).
     */
    protected final Token quotedString(int s) {
        pos = s + 1;
        StringBuilder value = new StringBuilder();
        List<int[]> holes = new ArrayList<>();
        while (true) {
            if (pos >= limit || text.charAt(pos) == '\n') {
                problems.add(new ParseProblem(s, "unterminated string"));
                return new Token(Token.Type.STRING, s, pos, value.toString(), holes, s + 1, pos);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Token.Type.STRING, s, pos, value.toString(), holes, s + 1, pos - 1);
            }
            if (c != '\\' && c != '$' && c != '%') {
                // a run of plain characters at once (the virtual checks below are for the few that open holes)
                int run = pos + 1;
                while (run < limit) {
                    char r = text.charAt(run);
                    if (r == quote || r == '\n' || r == '\\' || r == '$' || r == '%') {
                        break;
                    }
                    run++;
                }
                value.append(text, pos, run);
                pos = run;
            } else if (c == '\\' && pos + 1 < limit) {
                escape(value);
            } else if (literalHoleOpener(c)) {
                value.append(c).append('{');
                pos += 3;
            } else if (opensHole(c) && pos + 1 < limit && text.charAt(pos + 1) == '{') {
                int holeStart = pos + 2;
                int holeEnd = holeEnd(holeStart, false);
                if (c == '$') { // a %{…} directive (if, for) is no expression for the parser to read
                    holes.add(new int[] {holeStart, holeEnd});
                }
                value.append(c).append('{').append(text, holeStart, holeEnd).append('}');
                pos = Math.min(limit, holeEnd + 1);
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** The character a one-character escape such as {@code \n} stands for; others stand for themselves. */
    protected static char unescaped(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        };
    }

    /** Appends the code point written in hex in {@code text[from, to)}, or {@code ?} where there is none. */
    protected final void appendCodePoint(StringBuilder value, int from, int to) {
        try {
            value.appendCodePoint(Integer.parseInt(text.substring(from, to), 16));
        } catch (IllegalArgumentException e) {
            value.append('?');
        }
    }

    /**
     * The offset of the brace that closes a hole starting at {@code from}; of the newline that ends the line
     * first, unless the hole is in a multi-line string; or the limit.
     */
    protected final int holeEnd(int from, boolean multiline) {
        int depth = 1;
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\n' && !multiline) {
                return i;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth == 0) {
                    return i;
                }
            } else if (c == quote) {
                i = afterStringInHole(i);
                continue;
            }
            i++;
        }
        return limit;
    }
}
