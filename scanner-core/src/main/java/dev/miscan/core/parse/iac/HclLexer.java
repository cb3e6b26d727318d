package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL (Terraform {@code .tf} and {@code .tfvars}) into tokens with exact offsets. Newlines are tokens
 * (attributes end at them); {@code #}, {@code //} and {@code /* *}{@code /} comments are skipped. Quoted
 * strings and heredocs ({@code <<EOT}, {@code <<-EOT}) are one token each, with the offsets of their
 * {@code ${…}} and {@code %{…}} holes. The lexer never fails: problems are recorded.
 */
final class HclLexer extends TokenLexer {
    private static final String[] SYMBOLS = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"};

    /** A lexer of {@code text[from, to)}. */
    HclLexer(String text, int from, int to) {
        super(text, from, to, SYMBOLS, '"');
    }

    @Override
    protected boolean startsLineComment(char c) {
        return c == '#' || c == '/' && peek(1) == '/';
    }

    @Override
    protected boolean lexString(char c) {
        if (c == '"') {
            tokens.add(quotedString(pos));
            return true;
        }
        return c == '<' && peek(1) == '<' && heredoc();
    }

    @Override
    protected boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    @Override
    protected boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    @Override
    protected boolean isNumberPart(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * A backslash and {@code n}, {@code r}, {@code t}, {@code u} with 4 hex digits, {@code U} with 8, or any other
     * character, which stands for itself.
     */
    @Override
    protected void escape(StringBuilder value) {
        char n = text.charAt(pos + 1);
        int width = n == 'u' ? 4 : n == 'U' ? 8 : 0;
        if (width > 0 && pos + 2 + width <= limit) {
            appendCodePoint(value, pos + 2, pos + 2 + width);
            pos += 2 + width;
            return;
        }
        value.append(unescaped(n));
        pos += 2;
    }

    @Override
    protected boolean opensHole(char c) {
        return c == '$' || c == '%';
    }

    @Override
    protected boolean literalHoleOpener(char c) {
        return opensHole(c) && pos + 2 < limit && text.charAt(pos + 1) == c && text.charAt(pos + 2) == '{';
    }

    /** A string in a hole is skipped to its closing quote, past escaped ones. */
    @Override
    protected int afterStringInHole(int quoteAt) {
        int i = quoteAt + 1;
        while (i < limit && text.charAt(i) != '"' && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** {@code <<EOT} or {@code <<-EOT}, a newline, lines, and a line holding only {@code EOT}. */
    private boolean heredoc() {
        int s = pos;
        int p = pos + 2;
        if (p < limit && text.charAt(p) == '-') {
            p++;
        }
        int idStart = p;
        while (p < limit && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_')) {
            p++;
        }
        if (p == idStart) {
            return false;
        }
        String id = text.substring(idStart, p);
        int nl = text.indexOf('\n', p);
        if (nl < 0 || nl >= limit || !text.substring(p, nl).isBlank()) {
            return false;
        }
        int contentStart = nl + 1;
        int lineStart = contentStart;
        List<int[]> holes = new ArrayList<>();
        while (lineStart < limit) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > limit) {
                lineEnd = limit;
            }
            if (text.substring(lineStart, lineEnd).strip().equals(id)) {
                int idAt = text.indexOf(id, lineStart);
                pos = idAt + id.length();
                String content = text.substring(contentStart, lineStart);
                collectHoles(contentStart, lineStart, holes);
                tokens.add(new Token(Token.Type.STRING, s, pos, content, holes, contentStart, lineStart));
                return true;
            }
            lineStart = lineEnd + 1;
        }
        problems.add(new ParseProblem(s, "unterminated heredoc"));
        collectHoles(contentStart, limit, holes);
        tokens.add(new Token(Token.Type.STRING, s, limit, text.substring(contentStart, limit), holes, contentStart,
                limit));
        pos = limit;
        return true;
    }

    private void collectHoles(int from, int to, List<int[]> holes) {
        int p = from;
        while (p < to - 1) {
            char c = text.charAt(p);
            if ((c == '$' || c == '%') && p + 2 < to && text.charAt(p + 1) == c && text.charAt(p + 2) == '{') {
                p += 3;
            } else if ((c == '$' || c == '%') && text.charAt(p + 1) == '{') {
                int end = holeEnd(p + 2, true);
                if (c == '$') {
                    holes.add(new int[] {p + 2, Math.min(end, to)});
                }
                p = end + 1;
            } else {
                p++;
            }
        }
    }
}
