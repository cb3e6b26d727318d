package dev.miscan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Helpers for the git tests: storage keys generated at run time (none is committed), and running the real
 * {@code git} and {@code pre-commit} executables with an isolated configuration.
 */
final class GitFixtures {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A run of x (3 or more, between + or /) is a placeholder filler to the rules; such a key would not be reported. */
    private static final Pattern X_RUN = Pattern.compile("(?i)x{3,}");

    private GitFixtures() {
    }

    /** A fresh 64-byte storage account key, base64 (88 characters). */
    static String storageKey() {
        while (true) {
            byte[] b = new byte[64];
            RANDOM.nextBytes(b);
            String key = Base64.getEncoder().encodeToString(b);
            if (!X_RUN.matcher(key).find()) {
                return key;
            }
        }
    }

    /** A storage connection string with a fresh key. */
    static String connectionString() {
        return "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=" + storageKey()
                + ";EndpointSuffix=core.windows.net";
    }

    /** The output and exit code of a process. */
    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + output;
        }
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in {@code dir} with git isolated from the user's and system's configuration. */
    static Result exec(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("GIT_CONFIG_NOSYSTEM", "1");
        e.put("GIT_CONFIG_GLOBAL", dir.resolve(".git-test-config").toString());
        e.put("GIT_AUTHOR_NAME", "Ada Lovelace");
        e.put("GIT_AUTHOR_EMAIL", "ada@example.com");
        e.put("GIT_COMMITTER_NAME", "Ada Lovelace");
        e.put("GIT_COMMITTER_EMAIL", "ada@example.com");
        e.remove("GIT_DIR");
        e.remove("GIT_INDEX_FILE");
        e.remove("GIT_WORK_TREE");
        e.putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        return exec(dir, Map.of(), cmd.toArray(new String[0]));
    }

    /** {@code git init} with branch main; fails the test if git fails. */
    static void initRepo(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        check(git(dir, "init", "-q", "-b", "main"));
    }

    static Result check(Result r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("command failed: " + r);
        }
        return r;
    }

    /**
     * A jar that stands for the mi-scan jar: {@code java -jar} on it starts this build's mi-scan (its manifest names
     * the main class and, as its class path, the test class path).
     */
    static Path writeManifestJar(Path jar) throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(java.util.jar.Attributes.Name.MAIN_CLASS, Main.class.getName());
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        main.put(java.util.jar.Attributes.Name.CLASS_PATH, String.join(" ", entries));
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    /** The PATH of this process without its directories that hold an executable {@code command}. */
    static String pathWithout(String command) {
        List<String> kept = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && !Files.isExecutable(Path.of(dir, command))) {
                kept.add(dir);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    /** A script that starts this build's mi-scan (the test class path), standing in for the launcher. */
    static void writeLauncher(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(file, "#!/bin/sh\nexec " + InstallHookCommand.quote(java) + " -XX:TieredStopAtLevel=1"
                + " -XX:+UseSerialGC -cp " + InstallHookCommand.quote(System.getProperty("java.class.path"))
                + " dev.miscan.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }
}
