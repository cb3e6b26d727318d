package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Bicep source into tokens with exact offsets. Newlines are tokens (Bicep separates statements,
 * object properties and array items with them); comments and {@code #disable-next-line} pragmas are
 * skipped. Strings keep the offsets of their {@code ${…}} holes for the parser; multi-line
 * {@code '''…'''} strings have neither escapes nor holes. The lexer never fails: an unterminated string ends
 * at its line and is recorded in {@link #problems()}.
 */
final class BicepLexer {
    private static final String[] SYMBOLS = {"...", "??", ".?", "==", "!=", "<=", ">=", "=~", "!~", "&&", "||", "=>",
        "::"};

    private final String text;
    private final int limit;
    private final List<Token> tokens = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private int pos;
    /** Strings nested in interpolations nested in strings: bounded, so that hostile input cannot recurse deeply. */
    private int holeDepth;

    private BicepLexer(String text, int from, int to) {
        this.text = text;
        this.pos = from;
        this.limit = to;
    }

    /** The tokens of {@code text[from, to)}, ending with an EOF token. */
    static BicepLexer lex(String text, int from, int to) {
        BicepLexer l = new BicepLexer(text, from, to);
        l.run();
        return l;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** Lexical problems (unterminated strings or comments), each naming its offset. */
    List<ParseProblem> problems() {
        return problems;
    }

    private void run() {
        while (pos < limit) {
            char c = text.charAt(pos);
            if (c == '\n') {
                tokens.add(new Token(Token.Type.NEWLINE, pos, pos + 1, "\n"));
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                skipToLineEnd();
            } else if (c == '/' && peek(1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0 || close + 2 > limit) {
                    problems.add(new ParseProblem(pos, "unterminated comment"));
                    pos = limit;
                } else {
                    pos = close + 2;
                }
            } else if (c == '#' && atLineStart()) {
                skipToLineEnd(); // #disable-next-line, #disable-diagnostics
            } else if (c == '\'') {
                if (text.startsWith("'''", pos)) {
                    multiLineString();
                } else {
                    tokens.add(string(pos));
                }
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int s = pos;
                pos++;
                while (pos < limit && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                tokens.add(new Token(Token.Type.IDENT, s, pos, text.substring(s, pos)));
            } else if (Character.isDigit(c)) {
                int s = pos;
                while (pos < limit && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                        && pos + 1 < limit && Character.isDigit(text.charAt(pos + 1)))) {
                    pos++;
                }
                tokens.add(new Token(Token.Type.NUMBER, s, pos, text.substring(s, pos)));
            } else {
                symbol();
            }
        }
        tokens.add(new Token(Token.Type.EOF, limit, limit, ""));
    }

    private char peek(int ahead) {
        return pos + ahead < limit ? text.charAt(pos + ahead) : '\0';
    }

    private boolean atLineStart() {
        int i = pos - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    private void skipToLineEnd() {
        int nl = text.indexOf('\n', pos);
        pos = nl < 0 || nl > limit ? limit : nl;
    }

    private void symbol() {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, pos) && pos + s.length() <= limit) {
                tokens.add(new Token(Token.Type.SYMBOL, pos, pos + s.length(), s));
                pos += s.length();
                return;
            }
        }
        tokens.add(new Token(Token.Type.SYMBOL, pos, pos + 1, String.valueOf(text.charAt(pos))));
        pos++;
    }

    private void multiLineString() {
        int s = pos;
        int contentStart = pos + 3;
        if (contentStart < limit && text.charAt(contentStart) == '\r') {
            contentStart++;
        }
        if (contentStart < limit && text.charAt(contentStart) == '\n') {
            contentStart++;
        }
        int close = text.indexOf("'''", pos + 3);
        if (close < 0 || close + 3 > limit) {
            problems.add(new ParseProblem(s, "unterminated multi-line string"));
            close = limit;
            pos = limit;
        } else {
            pos = close + 3;
            while (pos < limit && text.charAt(pos) == '\'') { // '''a'''' ends at the last three quotes
                pos++;
                close++;
            }
        }
        int cs = Math.min(contentStart, close);
        tokens.add(new Token(Token.Type.STRING, s, pos, text.substring(cs, close), List.of(), cs, close));
    }

    /** A single-quoted string starting at {@code s}; {@code pos} ends after it. */
    private Token string(int s) {
        pos = s + 1;
        StringBuilder value = new StringBuilder();
        List<int[]> holes = new ArrayList<>();
        while (true) {
            if (pos >= limit || text.charAt(pos) == '\n') {
                problems.add(new ParseProblem(s, "unterminated string"));
                int end = pos;
                return new Token(Token.Type.STRING, s, end, value.toString(), holes, s + 1, end);
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                return new Token(Token.Type.STRING, s, pos, value.toString(), holes, s + 1, pos - 1);
            }
            if (c == '\\' && pos + 1 < limit) {
                char n = text.charAt(pos + 1);
                switch (n) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        int close = text.indexOf('}', pos);
                        if (pos + 2 < limit && text.charAt(pos + 2) == '{' && close > 0 && close < limit) {
                            try {
                                value.appendCodePoint(Integer.parseInt(text.substring(pos + 3, close), 16));
                            } catch (IllegalArgumentException e) {
                                value.append('?');
                            }
                            pos = close + 1;
                            continue;
                        }
                        value.append(n);
                    }
                    default -> value.append(n); // \\ \' \$ and anything unknown
                }
                pos += 2;
                continue;
            }
            if (c == '$' && pos + 1 < limit && text.charAt(pos + 1) == '{') {
                int holeStart = pos + 2;
                int holeEnd = skipHole(holeStart);
                holes.add(new int[] {holeStart, holeEnd});
                value.append("${").append(text, holeStart, holeEnd).append('}');
                pos = Math.min(limit, holeEnd + 1);
                continue;
            }
            value.append(c);
            pos++;
        }
    }

    /** Offset of the {@code }} that closes an interpolation starting at {@code from} (or the line's end). */
    private int skipHole(int from) {
        int depth = 1;
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth == 0) {
                    return i;
                }
            } else if (c == '\'') {
                if (holeDepth >= 32) {
                    problems.add(new ParseProblem(i, "strings nested too deeply"));
                    int nl = text.indexOf('\n', i);
                    return nl < 0 || nl > limit ? limit : nl;
                }
                int saved = pos;
                holeDepth++;
                string(i);
                holeDepth--;
                i = pos;
                pos = saved;
                continue;
            }
            i++;
        }
        return limit;
    }
}
