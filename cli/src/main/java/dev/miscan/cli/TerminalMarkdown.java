package dev.miscan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown mi-scan writes (headings, paragraphs, {@code -} lists, fenced code, {@code `code`},
 * {@code **bold**}, links) rendered for a terminal: no {@code #}, backtick or asterisk left, paragraphs wrapped at
 * spaces to the width, code indented by four spaces and never wrapped. With colour, headings and bold are bold,
 * code is cyan; without, headings are underlined with {@code =} or {@code -}, so that a pipe or a log stays readable.
 */
final class TerminalMarkdown {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*] +(.*)$");

    private final int width;
    private final boolean color;

    /**
     * @param width the longest line of prose (code lines are as long as they are)
     * @param color ANSI bold and colour (a terminal), or plain text
     */
    TerminalMarkdown(int width, boolean color) {
        this.width = Math.max(40, width);
        this.color = color;
    }

    /** {@code markdown} as lines for the terminal, each ending with a line feed. */
    String render(String markdown) {
        StringBuilder out = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        boolean inCode = false;
        for (String line : markdown.split("\\R", -1)) {
            if (line.strip().startsWith("```")) {
                flush(out, paragraph);
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.append(line.isEmpty() ? "" : "    " + paint(CYAN, line)).append('\n');
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (line.isBlank()) {
                flush(out, paragraph);
                blankLine(out);
            } else if (line.startsWith("#")) {
                flush(out, paragraph);
                heading(out, line);
            } else if (bullet.matches()) {
                flush(out, paragraph);
                wrap(out, bullet.group(1), "  - ", "    ");
            } else {
                paragraph.add(line.strip());
            }
        }
        flush(out, paragraph);
        // one blank line at most between blocks, none at the end
        String text = out.toString().replaceAll("\n{3,}", "\n\n").replaceAll("^\n+", "");
        return text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
    }

    private void blankLine(StringBuilder out) {
        if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    private void heading(StringBuilder out, String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        String text = plain(line.substring(level).strip());
        blankLine(out);
        if (color) {
            out.append(BOLD).append(level == 1 ? text : text.toUpperCase(java.util.Locale.ROOT)).append(RESET)
                    .append('\n');
        } else {
            out.append(text).append('\n').append((level == 1 ? "=" : "-").repeat(text.length())).append('\n');
        }
    }

    private void flush(StringBuilder out, List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            wrap(out, String.join(" ", paragraph), "", "");
            paragraph.clear();
        }
    }

    /** Wraps inline Markdown at spaces outside code and bold spans, which stay whole. */
    private void wrap(StringBuilder out, String text, String firstIndent, String indent) {
        StringBuilder line = new StringBuilder(firstIndent);
        int visible = firstIndent.length();
        boolean empty = true;
        for (String word : words(text)) {
            int length = plain(word).length();
            if (!empty && visible + 1 + length > width) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                visible = indent.length();
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                visible++;
            }
            line.append(styled(word));
            visible += length;
            empty = false;
        }
        out.append(line).append('\n');
    }

    /** The words of a line of inline Markdown: split at spaces, but a {@code `code`} or {@code **bold**} span is one word. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean code = false;
        boolean strong = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (!code && c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                strong = !strong;
                word.append("**");
                i++;
                continue;
            }
            if (c == ' ' && !code && !strong) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** The text a reader sees of inline Markdown: no markers, a link as "text (address)". */
    static String plain(String inline) {
        String s = LINK.matcher(inline).replaceAll("$1 ($2)");
        s = CODE.matcher(s).replaceAll("$1");
        return STRONG.matcher(s).replaceAll("$1");
    }

    private String styled(String inline) {
        if (!color) {
            return plain(inline);
        }
        String s = LINK.matcher(inline).replaceAll("$1 ($2)");
        s = CODE.matcher(s).replaceAll(Matcher.quoteReplacement(CYAN) + "$1" + Matcher.quoteReplacement(RESET));
        return STRONG.matcher(s).replaceAll(Matcher.quoteReplacement(BOLD) + "$1" + Matcher.quoteReplacement(RESET));
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
