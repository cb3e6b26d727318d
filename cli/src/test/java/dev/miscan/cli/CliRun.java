package dev.miscan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One in-process run of the command line: its exit code and what it wrote to each stream. */
record CliRun(int exitCode, String out, String err) {

    /** The sample projects, seen from the cli module (the surefire working directory). */
    static final Path SAMPLES = Path.of("..", "samples");

    static CliRun run(String... args) {
        return run(Terminal.NONE, args);
    }

    /** A run whose streams are connected as {@code terminal} says (a person's terminal, or none). */
    static CliRun run(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(o, e, terminal, args);
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
