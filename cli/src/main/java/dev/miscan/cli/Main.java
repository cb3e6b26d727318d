package dev.miscan.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code mi-scan <command>}. The only place that calls {@code System.exit}. */
@Command(name = "mi-scan",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Finds Azure credentials that Managed Identity makes unnecessary, and says how to remove them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the --fail-on threshold",
            "1:findings at or above the threshold",
            "2:usage or configuration error",
            "3:scan error"})
public final class Main implements Runnable {
    /** The subcommands, in the order the help lists them (each {@link #subcommand} is registered under its name). */
    static final List<String> SUBCOMMANDS = List.of("scan", "history", "baseline", "install-hook", "init", "plan", "fix",
            "rules", "explain", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What the standard streams are connected to (subcommands read it through {@code @ParentCommand}). */
    Terminal terminal = Terminal.NONE;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'mi-scan scan .'");
    }

    public static void main(String[] args) {
        dev.miscan.core.engine.RuleRegistry.preload(); // the rules load while the command line is read
        dev.miscan.core.source.GitRepositories.assumeStandardSystemConfig(); // no 'git' process per run
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.detect(),
                args);
        ArchiveTraining.runIfAsked(); // the launcher's archive-writing run: every parser's classes, not only these
        System.exit(code);
    }

    /** Runs a command line with the given streams, neither of them a terminal, and returns its exit code (tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, Terminal.NONE, args);
    }

    /** Runs a command line with the given streams, connected as {@code terminal} says, and returns its exit code. */
    static int execute(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
        // every line the run writes, to either stream, passes the run's redactor: no secret the scan found leaves
        try (dev.miscan.core.secrets.Redactor.Scope scope = dev.miscan.core.secrets.Redactor.open()) {
            PrintWriter redactedOut = new PrintWriter(scope.redactor().writer(out), true);
            PrintWriter redactedErr = new PrintWriter(scope.redactor().writer(err), true);
            try {
                return run(redactedOut, redactedErr, terminal, args);
            } finally {
                redactedOut.flush();
                redactedErr.flush();
            }
        }
    }

    private static int run(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
        Main main = new Main();
        main.terminal = terminal;
        CommandLine cl = commandLine(main, args.length > 0 ? args[0] : null);
        HelpLayout.install(cl, terminal);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.stdout() && terminal.color()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("mi-scan: " + ex.getMessage());
            err.println("Run 'mi-scan help " + (ex.getCommandLine().getCommandName()) + "' for usage.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            err.println("mi-scan: internal error: " + ex.getClass().getName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return ExitCode.SCAN_ERROR.code();
        });
        return cl.execute(args);
    }

    /**
     * The command line of {@code main}. When {@code command} (the first argument) names a subcommand other than
     * {@code help}, only that one is registered: picocli builds each subcommand's model (reflection over every option
     * and mixin) when it is added, and the other eight cost a pre-commit run ~50 ms of CPU for nothing. Anything else
     * ({@code --help}, {@code help scan}, a mistyped command, none) gets them all, as its help and suggestions list
     * them.
     */
    static CommandLine commandLine(Main main, String command) {
        CommandLine cl = new CommandLine(main);
        List<String> names = command != null && !command.equals("help") && SUBCOMMANDS.contains(command)
                ? List.of(command) : SUBCOMMANDS;
        for (String name : names) {
            cl.addSubcommand(name, subcommand(name));
        }
        return cl;
    }

    /** Every subcommand registered, as {@code mi-scan --help} lists them (tests, and the full help). */
    static CommandLine commandLine() {
        return commandLine(new Main(), null);
    }

    /** A new instance of the subcommand {@code name} (one of {@link #SUBCOMMANDS}). */
    static Object subcommand(String name) {
        return switch (name) {
            case "scan" -> new ScanCommand();
            case "history" -> new HistoryCommand();
            case "baseline" -> new BaselineCommand();
            case "install-hook" -> new InstallHookCommand();
            case "init" -> new InitCommand();
            case "plan" -> new PlanCommand();
            case "fix" -> new FixCommand();
            case "rules" -> new RulesCommand();
            case "explain" -> new ExplainCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("not a subcommand: " + name);
        };
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Reads the version from the jar manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mi-scan " + version()};
        }
    }
}
