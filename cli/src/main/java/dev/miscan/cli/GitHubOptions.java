package dev.miscan.cli;

import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.GitHubActions;
import dev.miscan.core.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --category}, {@code --github-annotations} and {@code --step-summary}: what a scan gives GitHub besides its
 * report. None is switched on by the environment (a scan that CI runs for another purpose must not annotate a
 * pull request): the action, or a workflow that runs the jar itself, asks for each on the command line. Only the
 * annotations' file paths read {@code $GITHUB_WORKSPACE}, to be relative to it.
 */
final class GitHubOptions {
    @Option(names = "--category", paramLabel = "NAME", converter = Category.class,
            description = "The SARIF report's code-scanning category (its automation id becomes NAME/), so that "
                    + "analyses of one repository with different categories (jobs of a matrix, folders of a "
                    + "monorepo) keep their own alerts. Without it the id is left out and GitHub's upload-sarif "
                    + "applies its own category. Other formats ignore it.")
    String category;

    @Option(names = "--github-annotations", description = "Also print each finding on standard error as a GitHub "
            + "Actions workflow command (error, warning or notice, with the file, line, column and rule), which a "
            + "pull request shows on the changed line: the first " + GitHubActions.PER_LEVEL + " of each level, "
            + "most severe first, then one notice that counts the rest (GitHub drops annotations beyond "
            + GitHubActions.PER_LEVEL + " per level and step).")
    boolean annotations;

    @Option(names = "--step-summary", paramLabel = "FILE", description = "Append a Markdown table of the findings "
            + "(level, rule, file:line, message; at most " + GitHubActions.SUMMARY_ROWS + " rows) and the counts by "
            + "level to FILE, e.g. \"$GITHUB_STEP_SUMMARY\" for the job summary.")
    Path stepSummary;

    /**
     * Prints the annotations on standard error and appends the step summary, as asked.
     *
     * @param output the report file, if any, which the annotations' closing notice and the summary point at
     * @return false when the step summary could not be written (said on standard error: exit 3)
     */
    boolean publish(ScanResult result, CommandSpec spec, Path output) {
        if (!annotations && stepSummary == null) {
            return true;
        }
        PrintWriter err = spec.commandLine().getErr();
        UnaryOperator<String> fileOf = path -> GitHubActions.workspacePath(result.baseDir(), path, workspace());
        if (annotations) {
            String where = output != null ? output.toString() : "the report";
            if (stepSummary != null) {
                where += "; the first " + GitHubActions.SUMMARY_ROWS + " are in the job summary";
            }
            for (String line : GitHubActions.annotations(result, fileOf, where)) {
                err.println(line);
            }
            err.flush();
        }
        if (stepSummary != null) {
            try {
                GitHubActions.appendStepSummary(stepSummary, GitHubActions.stepSummary(result, category, fileOf,
                        output != null ? output.toString() : "the report"));
            } catch (IOException e) {
                err.println("mi-scan: cannot write the step summary: " + TerminalText.safe(stepSummary.toString())
                        + ": " + dev.miscan.core.source.IoProblems.of(e));
                return false;
            }
        }
        return true;
    }

    /** {@code $GITHUB_WORKSPACE}, the folder annotation paths are relative to; null outside GitHub Actions. */
    private static Path workspace() {
        String ws = System.getenv("GITHUB_WORKSPACE");
        if (ws == null || ws.isBlank()) {
            return null;
        }
        try {
            return Path.of(ws);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A category: not blank, no control character. */
    static final class Category implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("a category cannot be empty (leave --category out for none)");
            }
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new TypeConversionException("a category cannot hold control characters");
            }
            return value.strip();
        }
    }
}
