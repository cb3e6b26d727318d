package dev.miscan.cli;

import dev.miscan.core.api.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a blocked commit prints after the findings: how to fix, how to allow a false positive, and only commands
 * that can be run where the hook runs. Inside the pre-commit framework no {@code mi-scan} need be on PATH: the
 * advice then names the launcher or jar that is running, and the framework's whole-repository hook when the
 * project's configuration has it.
 */
final class HookAdvice {
    /** The id of a whole-repository hook in a {@code .pre-commit-config.yaml} (see .pre-commit-hooks.yaml). */
    private static final Pattern FULL_HOOK = Pattern.compile("(?m)^[\\s-]*id:\\s*['\"]?(mi-scan-full(?:-system)?)\\b");

    private HookAdvice() {
    }

    /**
     * Where the hook runs, as far as the advice is concerned.
     *
     * @param miScan   the shell words that start this mi-scan there ({@code mi-scan}, a launcher's or a jar's
     *                 path), or null when none is known to work
     * @param fullHook the id of the pre-commit framework's whole-repository hook configured for the repository,
     *                 or null (not in the framework, or not configured)
     */
    record Context(String miScan, String fullHook) {
        /** This process's context: its environment, the jar it runs from, the repository's pre-commit config. */
        static Context detect(Path repoRoot) {
            return detect(System.getenv(), repoRoot, InstallHookCommand.runningJar(), InstallHookCommand.javaBinary());
        }

        static Context detect(Map<String, String> env, Path repoRoot, Path runningJar, Path java) {
            return new Context(command(env, runningJar, java), fullHook(env, repoRoot));
        }

        private static String command(Map<String, String> env, Path runningJar, Path java) {
            String path = env.getOrDefault("PATH", "");
            if (onPath(path, "mi-scan")) {
                return "mi-scan";
            }
            String launcher = env.get("MI_SCAN_LAUNCHER");
            if (launcher != null && !launcher.isBlank() && Files.isExecutable(Path.of(launcher))) {
                return shellWord(launcher);
            }
            if (runningJar != null && Files.isRegularFile(runningJar)) {
                String javaWord = onPath(path, "java") ? "java" : shellWord(java.toString());
                return javaWord + " -jar " + shellWord(runningJar.toString());
            }
            return null;
        }

        private static String fullHook(Map<String, String> env, Path repoRoot) {
            if (!"1".equals(env.get("PRE_COMMIT")) || repoRoot == null) {
                return null;
            }
            try {
                Path config = repoRoot.resolve(".pre-commit-config.yaml");
                if (!Files.isRegularFile(config) || Files.size(config) > 1 << 20) {
                    return null;
                }
                Matcher m = FULL_HOOK.matcher(Files.readString(config, StandardCharsets.UTF_8));
                return m.find() ? m.group(1) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** @param blocking the findings at or above the threshold, in report order */
    static void print(PrintWriter err, List<Finding> blocking, Context context) {
        if (blocking.isEmpty()) {
            return;
        }
        Finding first = blocking.get(0);
        err.println();
        err.println("mi-scan: commit blocked: " + blocking.size() + " credential finding"
                + (blocking.size() == 1 ? "" : "s") + " in the staged changes (see above).");
        err.println("  To fix: remove the credential as the 'fix:' line says, 'git add' the file and commit again;");
        err.println("          a credential that was ever committed or pushed must also be rotated.");
        err.println("  Not a secret? Add a comment on that line or the line above it, with the reason:");
        err.println("          mi-scan:allow " + first.rule().id() + " <why this is not a secret>");
        if (context.fullHook() != null) {
            err.println("  Every finding in the repository: pre-commit run " + context.fullHook() + " --all-files");
        }
        if (context.miScan() != null) {
            err.println("  Accept everything already in the repository: " + context.miScan() + " baseline create");
        }
        err.flush();
    }

    static boolean onPath(String path, String command) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                try {
                    if (Files.isExecutable(Path.of(dir, command))) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // a PATH entry that is no valid path names no command
                }
            }
        }
        return false;
    }

    /** {@code s} as one shell word: as it is when that is safe, else single-quoted. */
    static String shellWord(String s) {
        return !s.isEmpty() && s.matches("[A-Za-z0-9_./:@%+=,~-]+") && !s.startsWith("~")
                ? s : InstallHookCommand.quote(s);
    }
}
