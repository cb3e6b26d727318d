package dev.miscan.cli;

import static dev.miscan.cli.CliRun.SAMPLES;
import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options several commands share come from one mixin each, and parse as scanner-core does. */
class SharedOptionsTest {
    private static final String SPRING_FIXED = SAMPLES.resolve("spring-boot-app/fixed").toString();
    private static final String SPRING_VULNERABLE = SAMPLES.resolve("spring-boot-app/vulnerable").toString();

    private static CommandSpec command(String... path) {
        CommandLine cl = Main.commandLine();
        for (String name : path) {
            cl = cl.getSubcommands().get(name);
        }
        return cl.getCommandSpec();
    }

    private static List<String> described(CommandSpec spec, String option) {
        OptionSpec o = spec.findOption(option);
        assertThat(o).as("%s %s", spec.qualifiedName(), option).isNotNull();
        return List.of(o.description());
    }

    @Test
    void everyCommandThatScansDescribesTheSharedOptionsAlike() {
        CommandSpec scan = command("scan");
        for (CommandSpec other : List.of(command("history"), command("fix"), command("plan"),
                command("baseline", "create"), command("baseline", "update"))) {
            for (String option : List.of("--config", "--exclude")) {
                assertThat(described(other, option)).as("%s %s", other.qualifiedName(), option)
                        .isEqualTo(described(scan, option));
            }
        }
        for (String option : List.of("--format", "--output", "--no-color", "--fail-on", "--baseline",
                "--max-file-size", "--threads")) {
            assertThat(described(command("history"), option)).as(option).isEqualTo(described(scan, option));
        }
        assertThat(described(command("baseline", "create"), "--threads")).isEqualTo(described(scan, "--threads"));
    }

    @Test
    void helpListsTheWordsUsersWrite() {
        CliRun r = run("scan", "--help");

        assertThat(r.out().replaceAll("\\s+", " ")).contains("Report format: text, json, sarif (default: text).")
                .contains("LEVEL: error, warning, note, none (default: error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "ERROR", " error "})
    void failOnAcceptsTheTierNamesAndAnyCase_likeTheMavenPlugin(String level) {
        CliRun r = run("scan", "--fail-on", level, SPRING_VULNERABLE);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    void unknownFailOnLevelNamesTheChoices() {
        CliRun r = run("history", "--fail-on", "critical", SPRING_FIXED);

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("expected one of [error, warning, note, none] but was 'critical'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "history"})
    void aSizeTooLargeForALong_isAUsageError(String command) {
        CliRun r = run(command, "--max-file-size", "99999999999999999999", SPRING_FIXED);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("mi-scan: invalid --max-file-size '99999999999999999999': use a number of "
                + "bytes with an optional k, m or g suffix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8589934592g", "17179869184g", "3g"})
    void aSizeThatOverflowsOrCannotBeReadWhole_isAUsageErrorNotALimitThatSkipsEveryFile(String size) {
        CliRun r = run("scan", "--max-file-size", size, SPRING_FIXED);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("mi-scan: invalid --max-file-size '" + size + "'").contains("at most 2047m");
    }

    @Test
    void aReportThatCannotBeWrittenToStandardOutputIsAScanErrorNotAVerdict() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        int code;
        try (java.io.PrintWriter o = new java.io.PrintWriter(full, true);
                java.io.PrintWriter e = new java.io.PrintWriter(err, true)) {
            code = Main.execute(o, e, "scan", SPRING_VULNERABLE);
        }
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.SCAN_ERROR.code());
        assertThat(err.toString()).contains("cannot write the report: standard output could not be written");
    }

    @Test
    void fixWithAnUnknownRuleIsAUsageErrorNotANothingToDo() {
        CliRun r = run("fix", SPRING_VULNERABLE, "--dry-run", "--rule", "MI-STORAGE-CONSTR");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("unknown rule 'MI-STORAGE-CONSTR' for --rule");
    }
}
