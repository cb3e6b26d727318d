package dev.miscan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help text wrapped at spaces only. picocli wraps with the JDK's line break rules, which break after a full stop
 * or a slash: {@code .pre-commit-hooks.yaml} became {@code .} and {@code pre-commit-hooks.yaml} on two lines, and
 * {@code e.g.} became {@code e.} and {@code g.}. Here every wrapped column (descriptions, the command list, exit
 * codes) is cut between words; a word longer than its column is the only thing still cut.
 */
final class HelpLayout extends Help {
    /** The help width when standard output is not a terminal (and the narrowest one used on a terminal). */
    static final int WIDTH = 80;
    /** The widest help on a wide terminal: longer lines are hard to read. */
    static final int MAX_WIDTH = 120;

    HelpLayout(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    /** Installs this layout and the width on {@code cl} and all its subcommands. */
    static void install(CommandLine cl, Terminal terminal) {
        cl.setHelpFactory(HelpLayout::new);
        cl.setUsageHelpWidth(WIDTH);
        // on a terminal, as wide as the window (picocli asks the terminal), within reason
        cl.setUsageHelpAutoWidth(terminal.stdout());
        cl.setUsageHelpLongOptionsMaxWidth(24);
    }

    private int usageWidth() {
        return Math.min(MAX_WIDTH, commandSpec().usageMessage().width());
    }

    @Override
    public Layout createDefaultLayout() {
        return createDefaultLayout(commandSpec().options(), commandSpec().positionalParameters(), colorScheme());
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> params, ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, params, scheme);
        return new Layout(scheme, copy(layout.textTable()), layout.optionRenderer(), layout.parameterRenderer());
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        TextTable original = super.createTextTable(map);
        TextTable table = new WordTable(colorScheme(), original.columns(), original.indentWrappedLines);
        if (map != null) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                table.addRowValues(text(String.valueOf(e.getKey())), text(String.valueOf(e.getValue())));
            }
        }
        return table;
    }

    @Override
    public String description(Object... params) {
        return paragraphs(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return paragraphs(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return paragraphs(commandSpec().usageMessage().footer(), params);
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands == null || subcommands.isEmpty()) {
            return "";
        }
        int longest = 0;
        for (Help help : subcommands.values()) {
            longest = Math.max(longest, help.commandNamesText(", ").plainString().length());
        }
        int nameWidth = Math.min(longest + 2, commandSpec().usageMessage().longOptionsMaxWidth() + 2) + 2;
        TextTable table = new WordTable(colorScheme(), new Column[] {new Column(nameWidth, 2, Column.Overflow.SPAN),
            new Column(usageWidth() - nameWidth, 2, Column.Overflow.WRAP)}, 2);
        for (Help help : subcommands.values()) {
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            String first = usage.header().length > 0 ? usage.header()[0]
                    : usage.description().length > 0 ? usage.description()[0] : "";
            table.addRowValues(help.commandNamesText(", "), text(format(first)));
        }
        return table.toString();
    }

    private String paragraphs(String[] lines, Object... params) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        TextTable table = new WordTable(colorScheme(), new Column[] {new Column(usageWidth(), 0, Column.Overflow.WRAP)}, 0);
        for (String line : lines) {
            for (String part : format(line, params).split("\\R", -1)) {
                table.addRowValues(text(part));
            }
        }
        return table.toString();
    }

    /** As picocli formats a line of help: {@code %n} is a line break, {@code %%} a percent sign. */
    private static String format(String s, Object... params) {
        return String.format(s, params == null ? new Object[0] : params);
    }

    private Ansi.Text text(String s) {
        return colorScheme().text(s);
    }

    private TextTable copy(TextTable original) {
        return new WordTable(colorScheme(), original.columns(), original.indentWrappedLines);
    }

    /** A table whose wrapped columns break lines between words. */
    static final class WordTable extends TextTable {
        private final ColorScheme scheme;

        WordTable(ColorScheme scheme, Column[] columns, int indentWrappedLines) {
            super(scheme, columns);
            this.scheme = scheme;
            this.indentWrappedLines = indentWrappedLines;
        }

        @Override
        public Cell putValue(int row, int col, Ansi.Text value) {
            Column column = columns()[col];
            if (value == null || column.overflow != Column.Overflow.WRAP
                    || !value.plainString().equals(value.toString())) {
                return super.putValue(row, col, value); // styled text: picocli's own wrapping keeps the styles
            }
            Cell cell = null;
            for (String paragraph : value.plainString().split("\\R", -1)) {
                List<String> lines = wrap(paragraph, column.width - column.indent,
                        column.width - column.indent - indentWrappedLines);
                for (int i = 0; i < lines.size(); i++) {
                    if (cell != null) {
                        addEmptyRow();
                    }
                    String line = i == 0 ? lines.get(i) : " ".repeat(indentWrappedLines) + lines.get(i);
                    cell = super.putValue(cell == null ? row : rowCount() - 1, col, plain(line));
                }
            }
            return cell;
        }

        private Ansi.Text plain(String s) {
            return Ansi.OFF.new Text(s, scheme);
        }
    }

    /**
     * {@code text} in lines of at most {@code first} characters for the first line and {@code rest} for the others,
     * broken at spaces only; a word longer than a line is left whole on a line of its own.
     */
    static List<String> wrap(String text, int first, int rest) {
        List<String> lines = new ArrayList<>();
        String words = text.stripLeading();
        StringBuilder line = new StringBuilder(text.substring(0, text.length() - words.length()));
        int width = first;
        for (String word : words.strip().split(" +")) {
            if (!line.isEmpty() && !line.toString().isBlank() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                width = rest;
            }
            if (!line.isEmpty() && !line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
