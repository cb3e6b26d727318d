package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL (Terraform {@code .tf} and {@code .tfvars}) into tokens with exact offsets. Newlines are tokens
 * (attributes end at them); {@code #}, {@code //} and {@code /* *}{@code /} comments are skipped. Quoted
 * strings and heredocs ({@code <<EOT}, {@code <<-EOT}) are one token each, with the offsets of their
 * {@code ${…}} and {@code %{…}} holes. The lexer never fails: problems are recorded.
 */
final class HclLexer {
    private static final String[] SYMBOLS = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"};

    private final String text;
    private final int limit;
    private final List<Token> tokens = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private int pos;

    private HclLexer(String text, int from, int to) {
        this.text = text;
        this.pos = from;
        this.limit = to;
    }

    static HclLexer lex(String text, int from, int to) {
        HclLexer l = new HclLexer(text, from, to);
        l.run();
        return l;
    }

    List<Token> tokens() {
        return tokens;
    }

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
            } else if (c == '#' || c == '/' && peek(1) == '/') {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 || nl > limit ? limit : nl;
            } else if (c == '/' && peek(1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0 || close + 2 > limit) {
                    problems.add(new ParseProblem(pos, "unterminated comment"));
                    pos = limit;
                } else {
                    pos = close + 2;
                }
            } else if (c == '"') {
                tokens.add(quoted(pos));
            } else if (c == '<' && peek(1) == '<' && heredoc()) {
                continue;
            } else if (Character.isLetter(c) || c == '_') {
                int s = pos;
                pos++;
                while (pos < limit && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                        || text.charAt(pos) == '-')) {
                    pos++;
                }
                tokens.add(new Token(Token.Type.IDENT, s, pos, text.substring(s, pos)));
            } else if (Character.isDigit(c)) {
                int s = pos;
                while (pos < limit && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
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

    /** A quoted template starting at {@code s}; {@code pos} ends after its closing quote. */
    private Token quoted(int s) {
        pos = s + 1;
        StringBuilder value = new StringBuilder();
        List<int[]> holes = new ArrayList<>();
        while (true) {
            if (pos >= limit || text.charAt(pos) == '\n') {
                problems.add(new ParseProblem(s, "unterminated string"));
                return new Token(Token.Type.STRING, s, pos, value.toString(), holes, s + 1, pos);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return new Token(Token.Type.STRING, s, pos, value.toString(), holes, s + 1, pos - 1);
            }
            if (c == '\\' && pos + 1 < limit) {
                char n = text.charAt(pos + 1);
                int width = n == 'u' ? 4 : n == 'U' ? 8 : 0;
                if (width > 0 && pos + 2 + width <= limit) {
                    try {
                        value.appendCodePoint(Integer.parseInt(text.substring(pos + 2, pos + 2 + width), 16));
                    } catch (IllegalArgumentException e) {
                        value.append('?');
                    }
                    pos += 2 + width;
                    continue;
                }
                value.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
                pos += 2;
                continue;
            }
            if ((c == '$' || c == '%') && pos + 2 < limit && text.charAt(pos + 1) == c && text.charAt(pos + 2) == '{') {
                value.append(c).append('{'); // $${ and %%{ are literal
                pos += 3;
                continue;
            }
            if ((c == '$' || c == '%') && pos + 1 < limit && text.charAt(pos + 1) == '{') {
                int holeStart = pos + 2;
                int holeEnd = skipHole(holeStart, false);
                if (c == '$') {
                    holes.add(new int[] {holeStart, holeEnd});
                }
                value.append(c).append('{').append(text, holeStart, holeEnd).append('}');
                pos = Math.min(limit, holeEnd + 1);
                continue;
            }
            value.append(c);
            pos++;
        }
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
                int end = skipHole(p + 2, true);
                if (c == '$') {
                    holes.add(new int[] {p + 2, Math.min(end, to)});
                }
                p = end + 1;
            } else {
                p++;
            }
        }
    }

    /** Offset of the {@code }} closing a hole that starts at {@code from}. */
    private int skipHole(int from, boolean multiline) {
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
            } else if (c == '"') {
                i++;
                while (i < limit && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
            }
            i++;
        }
        return limit;
    }
}
