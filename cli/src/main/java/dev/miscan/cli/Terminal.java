package dev.miscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What the standard streams of this run are connected to. Colour, the progress line and a help text as wide as the
 * window are for a person at a terminal only: a pipe, a file, a CI log or a test gets plain lines.
 *
 * <p>Java says only whether standard input and output are both a terminal ({@link System#console()}); on Linux each
 * stream's own device is read from {@code /proc/self/fd}, so that {@code mi-scan scan > report.txt} still shows its
 * progress on the terminal's standard error. {@code TERM=dumb} and {@code NO_COLOR} turn the escapes off.
 *
 * @param stdout whether standard output is a terminal that takes ANSI escapes
 * @param stderr whether standard error is a terminal that takes ANSI escapes
 * @param color  whether colour is wanted there ({@code NO_COLOR} unset)
 */
record Terminal(boolean stdout, boolean stderr, boolean color) {
    /** Not a terminal: what tests and redirected runs see. */
    static final Terminal NONE = new Terminal(false, false, false);

    /** Both streams on a terminal with colour: for tests of what a person sees. */
    static final Terminal INTERACTIVE = new Terminal(true, true, true);

    /** The streams of this process. */
    static Terminal detect() {
        return detect(System.getenv(), Path.of("/proc/self/fd"), System.console() != null);
    }

    static Terminal detect(Map<String, String> env, Path fds, boolean console) {
        String term = env.getOrDefault("TERM", "");
        if (term.equals("dumb")) {
            return NONE;
        }
        boolean color = env.get("NO_COLOR") == null;
        if (Files.isDirectory(fds)) {
            return new Terminal(isTerminal(fds.resolve("1")), isTerminal(fds.resolve("2")), color);
        }
        return new Terminal(console, console, color);
    }

    /** A character device that is a terminal: a pseudo-terminal or a console, not /dev/null. */
    private static boolean isTerminal(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString().toLowerCase(Locale.ROOT);
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
