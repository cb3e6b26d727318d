package dev.miscan.core.suppress;

import dev.miscan.core.api.Finding;
import dev.miscan.core.parse.LineIndex;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression in any comment syntax: {@code mi-scan:allow [RULE-ID…] [reason]} on the finding's
 * line, or alone in a comment on the line before it (so {@code .properties} files can use a {@code #}
 * line above; a trailing allow on a line of code covers only that line), and
 * {@code mi-scan:allow-file [RULE-ID…]} anywhere in the first 10 lines for the whole file. Without rule
 * ids, every rule is allowed.
 */
public final class InlineAllow {
    private static final Pattern ALLOW = Pattern.compile("mi-scan:allow(-file)?((?:[\\s,]+(?i:MI-[A-Z0-9-]+))*)");
    private static final Pattern COMMENT_LINE = Pattern.compile("\\s*(?:#|//|/\\*|\\*|<!--|--|;|%|'|(?i:rem)\\s).*");
    private static final int FILE_HEADER_LINES = 10;

    private final LineIndex lines;
    private final int firstLine;
    private final String fileAllow;

    public InlineAllow(LineIndex lines, int firstLine) {
        this.lines = lines;
        this.firstLine = firstLine;
        String allow = null;
        for (int i = 0; i < Math.min(FILE_HEADER_LINES, lines.lineCount()) && allow == null; i++) {
            Matcher m = ALLOW.matcher(lines.line(i));
            while (m.find()) {
                if (m.group(1) != null) {
                    allow = m.group(2);
                    break;
                }
            }
        }
        this.fileAllow = allow;
    }

    public boolean isAllowed(Finding f) {
        String id = f.rule().id();
        if (fileAllow != null && covers(fileAllow, id)) {
            return true;
        }
        int line = f.location().startLine() - firstLine;
        return allowsOn(line, id)
                || line > 0 && COMMENT_LINE.matcher(lines.line(line - 1)).matches() && allowsOn(line - 1, id);
    }

    private boolean allowsOn(int line, String id) {
        if (line < 0 || line >= lines.lineCount()) {
            return false;
        }
        String text = lines.line(line);
        if (!text.contains("mi-scan:allow")) {
            return false;
        }
        Matcher m = ALLOW.matcher(text);
        while (m.find()) {
            if (m.group(1) == null && covers(m.group(2), id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(String ids, String id) {
        String list = ids.strip();
        return list.isEmpty() || (" " + list.toUpperCase(Locale.ROOT).replace(',', ' ') + " ").contains(" " + id + " ");
    }
}
