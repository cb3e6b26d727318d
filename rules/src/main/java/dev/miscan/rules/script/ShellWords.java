package dev.miscan.rules.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The commands of a script as a shell reads them: words with quotes removed, each character mapped back to its
 * offset in the file, so that a finding points at the value as written. One reader for POSIX shells, PowerShell,
 * cmd, Dockerfile {@code RUN} and the script steps of pipelines (a YAML line {@code run: az login …} is read as
 * the words {@code run:}, {@code az}, {@code login}, …; the key in front of the command does no harm).
 *
 * <p>Commands end at a line end that is not continued ({@code \} in shells and Dockerfiles, a backtick in
 * PowerShell, {@code ^} in cmd), at {@code ;}, {@code &&}, {@code ||} and {@code |} (a pipe is remembered:
 * {@code echo $P | docker login --password-stdin}). A quoted word that itself holds a command ({@code sh -c
 * "psql …"}, {@code sh 'az login …'} in a Jenkinsfile, {@code ["sh", "-c", "…"]}) is read again as commands.
 * A comment ({@code #} at the start of a word) is read too, and its commands are marked commented.
 */
final class ShellWords {
    /** Quoted words longer than this are not read again as commands (a heredoc of data is not a script). */
    private static final int MAX_NESTED = 20_000;

    /**
     * One word. {@code text} is the word with quotes removed; {@code offsets[i]} is the file offset of
     * {@code text.charAt(i)}; {@code quoted} when any part was quoted.
     */
    record Word(String text, int[] offsets, boolean quoted) {
        int offset() {
            return offsets.length == 0 ? -1 : offsets[0];
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        /** The part of this word from character {@code from}, keeping its offsets. */
        Word from(int from) {
            return slice(from, text.length());
        }

        /** Characters {@code from} (inclusive) to {@code to} (exclusive) of this word, keeping their offsets. */
        Word slice(int from, int to) {
            return new Word(text.substring(from, to), java.util.Arrays.copyOfRange(offsets, from, to), quoted);
        }
    }

    /** One command: its words, whether it is in a comment, and the command piped into it, if any. */
    record Command(List<Word> words, boolean commented, Command pipedFrom) {
    }

    private final String text;
    private final int[] map;
    private final boolean powershell;
    private final boolean cmd;
    private final List<Command> out;
    private final int depth;
    /** Characters substitution scans may look at in all: a few times the text, so that reading stays linear. */
    private final long budget;
    private long budgetUsed;

    private ShellWords(String text, int[] map, boolean powershell, boolean cmd, List<Command> out, int depth) {
        this.text = text;
        this.map = map;
        this.powershell = powershell;
        this.cmd = cmd;
        this.out = out;
        this.depth = depth;
        this.budget = 4L * text.length() + 4096;
    }

    /** The commands of {@code text} (the whole file). */
    static List<Command> read(String text, boolean powershell, boolean cmd) {
        List<Command> out = new ArrayList<>();
        new ShellWords(text, null, powershell, cmd, out, 0).run();
        return out;
    }

    private int offsetOf(int i) {
        return map == null ? i : map[i];
    }

    private void run() {
        List<Word> words = new ArrayList<>();
        Command piped = null;
        boolean commented = false;
        int n = text.length();
        int i = 0;
        StringBuilder sb = new StringBuilder();
        List<Integer> offs = new ArrayList<>();
        boolean quoted = false;
        boolean inWord = false;
        while (i < n) {
            char c = text.charAt(i);
            // continuation: backslash (shells), backtick (PowerShell), caret (cmd) before the line end
            if ((c == '\\' && !powershell && !cmd || c == '`' && powershell || c == '^' && cmd)
                    && i + 1 < n && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                i += text.charAt(i + 1) == '\r' && i + 2 < n && text.charAt(i + 2) == '\n' ? 3 : 2;
                if (inWord) {
                    inWord = flush(words, sb, offs, quoted);
                    quoted = false;
                }
                continue;
            }
            if (c == '\n' || c == ';' || c == '|' || c == '&' && i + 1 < n && text.charAt(i + 1) == '&') {
                if (inWord) {
                    inWord = flush(words, sb, offs, quoted);
                    quoted = false;
                }
                boolean pipe = c == '|' && !(i + 1 < n && text.charAt(i + 1) == '|');
                Command done = end(words, commented, piped);
                piped = pipe ? done : null;
                words = new ArrayList<>();
                if (c == '\n') {
                    commented = false;
                }
                i += c == '&' || c == '|' && i + 1 < n && text.charAt(i + 1) == '|' ? 2 : 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    inWord = flush(words, sb, offs, quoted);
                    quoted = false;
                }
                i++;
                continue;
            }
            if (c == '#' && !inWord && !commented) {
                // a comment: its commands are still read (a leaked key in a comment is leaked), marked commented
                end(words, commented, piped);
                piped = null;
                words = new ArrayList<>();
                commented = true;
                i++;
                continue;
            }
            if ((c == '\'' || c == '"') && !commented) {
                // in a comment a quote is prose ("the agent's environment"), not the start of a string
                int close = closing(i, c);
                if (close < 0) {
                    // an unmatched quote: the rest of the line is the word
                    close = text.indexOf('\n', i);
                    close = close < 0 ? n : close;
                }
                for (int j = i + 1; j < close; j++) {
                    char q = text.charAt(j);
                    int sub = c == '"' && q == '$' ? substitution(j) : j;
                    if (sub > j) {
                        // "$(cmd "$arg")": the substitution keeps its own quotes
                        for (int k = j; k < sub; k++) {
                            sb.append(text.charAt(k));
                            offs.add(offsetOf(k));
                        }
                        j = sub - 1;
                        continue;
                    }
                    if (c == '"' && q == '\\' && !powershell && j + 1 < close
                            && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
                        j++;
                        q = text.charAt(j);
                    } else if (c == '"' && q == '`' && powershell && j + 1 < close) {
                        j++;
                        q = text.charAt(j);
                    }
                    sb.append(q);
                    offs.add(offsetOf(j));
                }
                inWord = true;
                quoted = true;
                i = Math.min(n, close + 1);
                continue;
            }
            int sub = substitution(i);
            if (sub > i) {
                // $(command), ${VAR}, ${{ expression }}, `command`: one word, spaces and all
                for (int j = i; j < sub; j++) {
                    sb.append(text.charAt(j));
                    offs.add(offsetOf(j));
                }
                inWord = true;
                i = sub;
                continue;
            }
            sb.append(c);
            offs.add(offsetOf(i));
            inWord = true;
            i++;
        }
        if (inWord) {
            flush(words, sb, offs, quoted);
        }
        end(words, commented, piped);
    }

    /**
     * The end (exclusive) of a substitution starting at {@code i}: {@code $(…)} with nested parentheses,
     * {@code ${…}} and {@code ${{…}}}, a backtick command in POSIX shells; {@code i} when none starts there or it
     * is not closed on its line.
     */
    int substitution(int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '`' && !powershell && !cmd) {
            int close = text.indexOf('`', i + 1);
            int eol = text.indexOf('\n', i + 1);
            return close > 0 && (eol < 0 || close < eol) ? close + 1 : i;
        }
        if (c != '$' || i + 1 >= n || text.charAt(i + 1) != '(' && text.charAt(i + 1) != '{') {
            return i;
        }
        char open = text.charAt(i + 1);
        char close = open == '(' ? ')' : '}';
        int depth = 0;
        for (int j = i + 1; j < n && j < i + 4096; j++) {
            if (++budgetUsed > budget) {
                return i; // hostile input: many unclosed substitutions; read on as plain words
            }
            char q = text.charAt(j);
            if (q == '\n' && !(j > 0 && text.charAt(j - 1) == '\\')) {
                return i;
            }
            if (q == open) {
                depth++;
            } else if (q == close && --depth == 0) {
                return j + 1;
            }
        }
        return i;
    }

    private int closing(int open, char quote) {
        for (int j = open + 1; j < text.length(); j++) {
            char q = text.charAt(j);
            if (quote == '"' && q == '$') {
                int sub = substitution(j);
                if (sub > j) {
                    j = sub - 1;
                    continue;
                }
            }
            if (q == quote) {
                return j;
            }
            if (quote == '"' && (q == '\\' && !powershell || q == '`' && powershell)) {
                j++;
            }
        }
        return -1;
    }

    private boolean flush(List<Word> words, StringBuilder sb, List<Integer> offs, boolean quoted) {
        int[] o = new int[offs.size()];
        for (int k = 0; k < o.length; k++) {
            o[k] = offs.get(k);
        }
        words.add(new Word(sb.toString(), o, quoted));
        sb.setLength(0);
        offs.clear();
        return false;
    }

    private Command end(List<Word> words, boolean commented, Command piped) {
        if (words.isEmpty()) {
            return null;
        }
        Command c = new Command(List.copyOf(words), commented, piped);
        out.add(c);
        // a quoted word that holds a command of its own: sh -c "…", a Jenkinsfile's sh '…', an exec array
        for (Word w : words) {
            if (w.quoted() && depth < 3 && w.text().length() <= MAX_NESTED && w.text().indexOf(' ') > 0) {
                List<Command> inner = new ArrayList<>();
                new ShellWords(w.text(), w.offsets(), powershell, cmd, inner, depth + 1).run();
                for (Command ic : inner) {
                    out.add(new Command(ic.words(), commented || ic.commented(), ic.pipedFrom()));
                }
            }
        }
        return c;
    }
}
