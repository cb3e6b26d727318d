package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help of every command, at the widths a terminal has, wraps between words only: no path, file name or
 * abbreviation is cut ({@code .pre-commit-hooks.yaml} once became {@code .} at the end of a line and
 * {@code pre-commit-hooks.yaml} on the next), and no line is wider than the width.
 */
class HelpWrappingTest {

    /** Every command, the root first, as its own CommandLine. */
    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!all.contains(sub)) {
                all.addAll(commands(sub));
            }
        }
        return all.stream().distinct().toList();
    }

    private static CommandLine root(int width) {
        CommandLine cl = Main.commandLine();
        HelpLayout.install(cl, Terminal.NONE);
        cl.setUsageHelpWidth(width);
        return cl;
    }

    private static String normalized(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The texts the help shows as prose: descriptions of the command, its options and parameters, its exit codes. */
    private static List<String> prose(CommandSpec spec) {
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            if (!arg.hidden()) {
                texts.addAll(List.of(arg.description()));
            }
        }
        texts.addAll(spec.usageMessage().exitCodeList().values());
        return texts.stream().map(t -> String.format(t)).map(HelpWrappingTest::normalized)
                .filter(t -> !t.isEmpty()).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 100, 120})
    void everyCommandsHelpWrapsBetweenWordsOnly(int width) {
        for (CommandLine command : commands(root(width))) {
            String help = command.getUsageMessage(Ansi.OFF);
            String flat = normalized(help);
            for (String text : prose(command.getCommandSpec())) {
                assertThat(flat).as("'%s' at width %d, %s", text, width, command.getCommandSpec().qualifiedName())
                        .contains(text);
            }
            assertThat(help.lines()).as("%s at width %d", command.getCommandSpec().qualifiedName(), width)
                    .allMatch(l -> l.length() <= width);
        }
    }

    @Test
    void theLineThatOnceBroke_keepsTheFileNameWhole() {
        for (int width = 60; width <= 120; width++) {
            String help = root(width).getSubcommands().get("install-hook").getUsageMessage(Ansi.OFF);

            assertThat(help.lines()).as("width %d", width).noneMatch(l -> l.endsWith(" .") || l.strip().equals("."))
                    .noneMatch(l -> l.endsWith("e.") && !l.endsWith("e.g."));
            assertThat(normalized(help)).contains(".pre-commit-hooks.yaml");
        }
    }

    @Test
    void wrappingBreaksAtSpacesAndKeepsALongWordWhole() {
        assertThat(HelpLayout.wrap("see src/main/resources/application.properties and .pre-commit-hooks.yaml now", 20,
                18)).containsExactly("see", "src/main/resources/application.properties", "and", ".pre-commit-hooks.yaml",
                "now");
        assertThat(HelpLayout.wrap("  indented text", 40, 40)).containsExactly("  indented text");
    }
}
