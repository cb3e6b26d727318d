package dev.miscan.cli;

import dev.miscan.core.source.GitRepositories;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mi-scan install-hook}: writes the repository's {@code pre-commit} hook, which runs
 * {@code mi-scan scan --staged} with start-up-tuned JVM options and blocks the commit on secret findings.
 * A hook that mi-scan did not write is left alone unless {@code --force} (it is then kept as a backup).
 *
 * <p>The hook finds its jar when it runs: {@code MI_SCAN_JAR} when set, else the jar recorded at installation,
 * relative to the work tree when it lies in the repository (mi-scan's own clone: moving the clone keeps the hook
 * working), else by its absolute path (a stable install location, {@code --jar}); a missing jar falls back to an
 * {@code mi-scan} on PATH, else the hook says in one line how to repair it or bypass it, and fails.
 */
@Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = {"Installs a git pre-commit hook that runs 'mi-scan scan --staged' and blocks commits that add "
                + "credentials. (With the pre-commit framework, use the 'mi-scan' hook of .pre-commit-hooks.yaml instead.)"})
public final class InstallHookCommand implements Callable<Integer> {
    /** The line that marks a hook as ours, so that re-installing replaces it without --force. */
    static final String MARKER = "# mi-scan pre-commit hook";
    static final String BACKUP_SUFFIX = ".mi-scan-backup";

    /**
     * Short-lived CLI: C1 only and the serial collector start fastest (see bench/RESULTS.md); a staged scan is over
     * before most methods pay back their compilation, so methods are compiled after three times the usual number of
     * calls (C1 compiled 1,200 methods in a pre-commit run, ~800 with this; bench/NOTES.md).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:CompileThresholdScaling=3");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "A directory in the repository (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Replace a pre-commit hook that mi-scan did not write (it is kept as pre-commit"
            + BACKUP_SUFFIX + ").")
    boolean force;

    @Option(names = "--command", paramLabel = "CMD", description = "The command the hook runs to start mi-scan, e.g. "
            + "'mi-scan' from PATH (default: this Java and an mi-scan jar, see --jar).")
    String command;

    @Option(names = "--jar", paramLabel = "JAR", description = "The mi-scan jar the hook runs, e.g. a copy in a stable "
            + "place (default: the jar this runs from). A jar inside the repository is recorded relative to it; "
            + "MI_SCAN_JAR overrides it when the hook runs.")
    Path jarOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Repository repo = GitRepositories.open(dir)) {
            Path hooks = hooksDir(repo);
            Path hook = hooks.resolve("pre-commit");
            if (Files.exists(hook)) {
                String existing = Files.readString(hook, StandardCharsets.UTF_8);
                if (!existing.contains(MARKER)) {
                    if (!force) {
                        err.println("mi-scan: " + hook + " exists and was not written by mi-scan; add this line to it:");
                        err.println("    " + launch() + " scan --staged || exit 1");
                        err.println("or run 'mi-scan install-hook --force' to replace it (the old hook is kept as pre-commit"
                                + BACKUP_SUFFIX + ")");
                        return ExitCode.USAGE.code();
                    }
                    Files.move(hook, hooks.resolve("pre-commit" + BACKUP_SUFFIX), StandardCopyOption.REPLACE_EXISTING);
                    out.println("mi-scan: kept the previous hook as " + hooks.resolve("pre-commit" + BACKUP_SUFFIX));
                }
            }
            Path jar = jar();
            if (jarOption != null && !Files.isRegularFile(jar)) {
                err.println("mi-scan: --jar " + jarOption + ": no such file");
                return ExitCode.USAGE.code();
            }
            Files.createDirectories(hooks);
            Files.writeString(hook, script(GitRepositories.root(repo), jar), StandardCharsets.UTF_8);
            if (!hook.toFile().setExecutable(true)) {
                err.println("mi-scan: could not make " + hook + " executable");
                return ExitCode.SCAN_ERROR.code();
            }
            out.println("mi-scan: installed " + hook + "; commits that add credentials are now blocked.");
            out.flush();
            return ExitCode.CLEAN.code();
        } catch (GitRepositories.GitUsageException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("mi-scan: cannot install the hook: " + dev.miscan.core.source.IoProblems.of(e));
            return ExitCode.SCAN_ERROR.code();
        }
    }

    /** {@code core.hooksPath} when set (relative to the work tree), else {@code .git/hooks} (shared by worktrees). */
    static Path hooksDir(Repository repo) {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return p.isAbsolute() ? p : GitRepositories.root(repo).resolve(p);
        }
        File common = repo.getCommonDirectory() != null ? repo.getCommonDirectory() : repo.getDirectory();
        return common.toPath().resolve("hooks");
    }

    /** What the hook prints, on one line, when it cannot start mi-scan: the cause, then how to repair or bypass. */
    static final String BYPASS = "bypass once: git commit --no-verify";

    /**
     * The hook for a given jar (null: the class path this runs from), or for the {@code --command} given.
     *
     * @param workTree the repository's work tree: a jar inside it is recorded relative to it
     */
    String script(Path workTree, Path jar) {
        String header = "#!/bin/sh\n"
                + MARKER + " (installed by 'mi-scan install-hook'; run it again to update, delete this file to remove).\n"
                + "# Blocks a commit whose staged changes add an Azure credential. A false positive is allowed with a\n"
                + "# comment on its line or the line above: mi-scan:allow RULE-ID reason\n";
        if ((command != null && !command.isBlank()) || jar == null) {
            return header + "exec " + launch() + " scan --staged\n";
        }
        Path abs = jar.toAbsolutePath().normalize();
        Path top = workTree.toAbsolutePath().normalize();
        // git runs a hook at the top of the work tree, but asking git costs little and holds wherever it is run
        String recorded = abs.startsWith(top) && !abs.equals(top)
                ? "\"$(git rev-parse --show-toplevel)\"/" + quote(top.relativize(abs).toString().replace('\\', '/'))
                : quote(abs.toString());
        // Class-data sharing: the first run (and the first after the jar or the JVM changes) writes an archive
        // of the loaded classes into the repository's git directory, under a temporary name so that a concurrent
        // commit never maps half of one; later runs map it and start faster. -Xlog:cds=off hides the JVM's notice
        // if it stops matching.
        return header
                + "# The jar: MI_SCAN_JAR when set, else the one recorded here (a relative one is in this repository, so\n"
                + "# moving the clone keeps the hook working); when it is missing, an mi-scan on PATH. Java: the one\n"
                + "# recorded, else JAVA_HOME's, else the one on PATH.\n"
                + "if [ -n \"${MI_SCAN_JAR:-}\" ]; then\n"
                + "    JAR=$MI_SCAN_JAR\n"
                + "else\n"
                + "    JAR=" + recorded + "\n"
                + "fi\n"
                + "JAVA=" + quote(java()) + "\n"
                + "OPTS='" + String.join(" ", JVM_OPTIONS) + " -Xlog:cds=off -Xlog:cds+dynamic=off'\n"
                + "if [ ! -f \"$JAR\" ]; then\n"
                + "    if [ -z \"${MI_SCAN_JAR:-}\" ] && command -v mi-scan >/dev/null 2>&1; then\n"
                + "        exec mi-scan scan --staged\n"
                + "    fi\n"
                + "    echo \"mi-scan: the pre-commit hook finds no mi-scan jar at $JAR (removed by 'mvn clean', or moved?);"
                + " repair: run 'mi-scan install-hook' from a built mi-scan, or set MI_SCAN_JAR to the jar's path; "
                + BYPASS + "\" >&2\n"
                + "    exit 3\n"
                + "fi\n"
                + "if [ ! -x \"$JAVA\" ]; then\n"
                + "    if [ -n \"${JAVA_HOME:-}\" ] && [ -x \"$JAVA_HOME/bin/java\" ]; then\n"
                + "        JAVA=$JAVA_HOME/bin/java\n"
                + "    elif command -v java >/dev/null 2>&1; then\n"
                + "        JAVA=$(command -v java)\n"
                + "    else\n"
                + "        echo \"mi-scan: the pre-commit hook finds no Java at $JAVA, in JAVA_HOME or on PATH; repair: install"
                + " Java 17 or later, or set JAVA_HOME; " + BYPASS + "\" >&2\n"
                + "        exit 3\n"
                + "    fi\n"
                + "fi\n"
                + "GIT_DIR_ABS=$(git rev-parse --absolute-git-dir 2>/dev/null) || GIT_DIR_ABS=\n"
                + "if [ -z \"$GIT_DIR_ABS\" ]; then\n"
                + "    exec \"$JAVA\" $OPTS -jar \"$JAR\" scan --staged\n"
                + "fi\n"
                + "CDS=$GIT_DIR_ABS/mi-scan.jsa\n"
                + "if [ -f \"$CDS\" ] && [ ! \"$JAR\" -nt \"$CDS\" ] && [ ! \"$JAVA\" -nt \"$CDS\" ]; then\n"
                + "    exec \"$JAVA\" $OPTS \"-XX:SharedArchiveFile=$CDS\" -jar \"$JAR\" scan --staged\n"
                + "fi\n"
                + "TMP=\"$CDS.$$.tmp\"\n"
                + "\"$JAVA\" $OPTS \"-XX:ArchiveClassesAtExit=$TMP\" -D" + ArchiveTraining.PROPERTY
                + "=true -jar \"$JAR\" scan --staged\n"
                + "rc=$?\n"
                + "if [ -s \"$TMP\" ]; then mv -f \"$TMP\" \"$CDS\"; else rm -f \"$TMP\"; fi\n"
                + "exit $rc\n";
    }

    /** The shell words that start mi-scan. */
    String launch() {
        if (command != null && !command.isBlank()) {
            return command.strip();
        }
        List<String> words = new ArrayList<>();
        words.add(quote(java()));
        words.addAll(JVM_OPTIONS);
        Path jar = jar();
        if (jar != null) {
            words.add("-jar");
            words.add(quote(jar.toString()));
        } else {
            words.add("-cp");
            words.add(quote(System.getProperty("java.class.path")));
            words.add(Main.class.getName());
        }
        return String.join(" ", words);
    }

    private static String java() {
        return javaBinary().toString();
    }

    /** The java executable of this JVM. */
    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The jar the hook runs: {@code --jar}, else the one this runs from, else null (running from classes). */
    private Path jar() {
        return jarOption != null ? jarOption.toAbsolutePath().normalize() : runningJar();
    }

    /** The mi-scan jar this runs from, or null when running from classes (tests). */
    static Path runningJar() {
        Path code = codeLocation();
        return code != null && Files.isRegularFile(code) && code.toString().endsWith(".jar") ? code : null;
    }

    private static Path codeLocation() {
        try {
            var source = Main.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A POSIX shell single-quoted word. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
