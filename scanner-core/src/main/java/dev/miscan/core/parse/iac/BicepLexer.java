package dev.miscan.core.parse.iac;

import java.util.List;

/**
 * Splits Bicep source into tokens with exact offsets. Newlines are tokens (Bicep separates statements,
 * object properties and array items with them); comments and {@code #disable-next-line} pragmas are
 * skipped. Strings keep the offsets of their {@code ${…}} holes for the parser; multi-line
 * {@code '''…'''} strings have neither escapes nor holes. The lexer never fails: an unterminated string ends
 * at its line and is recorded in {@link #problems()}.
 */
final class BicepLexer extends TokenLexer {
    private static final String[] SYMBOLS = {"...", "??", ".?", "==", "!=", "<=", ">=", "=~", "!~", "&&", "||", "=>",
        "::"};

    /** Strings nested in interpolations nested in strings: bounded, so that hostile input cannot recurse deeply. */
    private int holeDepth;

    /** A lexer of {@code text[from, to)}. */
    BicepLexer(String text, int from, int to) {
        super(text, from, to, SYMBOLS, '\'');
    }

    @Override
    protected boolean startsLineComment(char c) {
        return c == '/' && peek(1) == '/'
                || c == '#' && atLineStart(); // #disable-next-line, #disable-diagnostics
    }

    @Override
    protected boolean lexString(char c) {
        if (c != '\'') {
            return false;
        }
        if (text.startsWith("'''", pos)) {
            multiLineString();
        } else {
            tokens.add(quotedString(pos));
        }
        return true;
    }

    @Override
    protected boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    @Override
    protected boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    protected boolean isNumberPart(char c) {
        return Character.isDigit(c);
    }

    private boolean atLineStart() {
        int i = pos - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
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

    /** A backslash and {@code n}, {@code r}, {@code t}, {@code u{hex}}, or another character that stands for itself. */
    @Override
    protected void escape(StringBuilder value) {
        char n = text.charAt(pos + 1);
        if (n == 'u') {
            int close = text.indexOf('}', pos);
            if (pos + 2 < limit && text.charAt(pos + 2) == '{' && close > 0 && close < limit) {
                appendCodePoint(value, pos + 3, close);
                pos = close + 1;
                return;
            }
        }
        value.append(unescaped(n));
        pos += 2;
    }

    @Override
    protected boolean opensHole(char c) {
        return c == '$';
    }

    /** A string in a hole is lexed as one, as it may hold holes and braces of its own. */
    @Override
    protected int afterStringInHole(int quoteAt) {
        if (holeDepth >= 32) {
            problems.add(new ParseProblem(quoteAt, "strings nested too deeply"));
            return lineEnd(quoteAt); // where a one-line hole ends at the latest
        }
        int saved = pos;
        holeDepth++;
        quotedString(quoteAt);
        holeDepth--;
        int after = pos;
        pos = saved;
        return after;
    }
}
