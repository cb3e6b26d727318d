package dev.miscan.maven;

import dev.miscan.core.build.BuildFixes;
import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.secrets.Redactor;
import dev.miscan.core.session.ValueCodec;
import dev.miscan.core.source.Source;
import dev.miscan.core.source.WorkingTrees;
import dev.miscan.core.source.archive.ArchiveOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A module's scan (its sources, then its build output), in Maven's JVM or in a JVM of its own ({@code fork}).
 *
 * <p>Maven's JVM runs with its defaults (G1, both JIT compilers, an initial heap of 1/64 of the machine's memory that
 * grows under garbage-collection pressure): a large tree's scan makes Maven's process two to three times the size
 * the same scan needs in a JVM tuned for it. The forked JVM is the launcher's ({@link #JVM_OPTIONS}), with Maven's
 * maximum heap, and its class path is the plugin's own (no download, works offline).
 *
 * <p>The child does exactly what {@link #scan} does in Maven's JVM and hands back both scan results, the paths the
 * source scan listed and the secrets it found (for the build's redactor): {@code CheckMojo} then de-duplicates,
 * applies the baseline, logs and writes the reports as it does after an in-process scan. What goes to the child goes
 * through its standard input (with the secrets the build found so far, so that its snippets are masked as in
 * Maven's JVM); what comes back is a file in the build directory, encrypted with a key only the two processes know
 * (AES-GCM, the key sent on the child's standard input) and deleted once read. The child writes nothing to its
 * standard output or error.
 */
final class ForkedScan {
    /**
     * The child's JVM options: the launcher's (serial collector, C1 only, class-data sharing when available, and one
     * compiler thread on one or two processors).
     */
    static final List<String> JVM_OPTIONS = jvmOptions(Runtime.getRuntime().availableProcessors());

    static List<String> jvmOptions(int processors) {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xmn64m", "-Xshare:auto"));
        if (processors <= 2) {
            options.add("-XX:CICompilerCount=1"); // the second competes with the scanning threads for the cores
        }
        return List.copyOf(options);
    }

    private static final int MAGIC = 0x4d495346; // "MISF"
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;

    private ForkedScan() {
    }

    /** {@code fork}: when the scan runs in a JVM of its own. */
    enum Mode {
        AUTO, ALWAYS, NEVER;

        /** {@code auto}, {@code always}, {@code never} (any case; blank: auto). */
        static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTO;
            }
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown fork '" + text.strip() + "': use auto, always or never");
        }
    }

    /**
     * What a module's scan reads and how.
     *
     * @param baseDir         the module's base directory
     * @param config          the {@code config} parameter, or null
     * @param key             the fingerprint key of the engine ({@code baseline}'s or the default)
     * @param fingerprints    false when no report shows fingerprints and no baseline compares them
     * @param excludes        the source scan's excludes
     * @param artifacts       the build output's archives
     * @param classes         the build output's classes directory, or null
     * @param outputExcludes  the build output scan's excludes
     * @param archiveLibraries the {@code archiveLibraries} parameter
     */
    record Request(Path baseDir, Path config, FingerprintKey key, boolean fingerprints, List<String> excludes,
            List<Path> artifacts, Path classes, List<String> outputExcludes, boolean archiveLibraries) {
        BuildOutput.Targets targets() {
            return new BuildOutput.Targets(artifacts, classes, List.of());
        }
    }

    /**
     * What a module's scan found.
     *
     * @param sources the source scan, fixes attached
     * @param output  the build output's scan, or null when there is no build output to read
     * @param listed  the paths the source scan listed (for {@link BuildOutput#merge}'s copies of skipped files)
     */
    record Scans(ScanResult sources, ScanResult output, Set<String> listed) {
    }

    /** The scan failed: a configuration problem ({@code config}) or a problem of the scan, with its message. */
    static final class Failure extends Exception {
        private final boolean config;

        Failure(boolean config, String message) {
            super(message);
            this.config = config;
        }

        boolean config() {
            return config;
        }
    }

    /** The module's scan, in this JVM, reporting its secrets to the redactor current on this thread. */
    static Scans scan(Request r) throws ConfigException, IOException {
        ProjectSettings settings = ProjectSettings.load(r.config(), r.baseDir(), RuleRegistry.load());
        return scan(r, settings, settings.engine(r.key()));
    }

    /** As above, with the settings and engine the caller made ({@code r.fingerprints()} applied here). */
    static Scans scan(Request r, ProjectSettings settings, Engine engine) throws IOException {
        if (!r.fingerprints()) {
            engine = engine.withoutFingerprints(); // no report shows them and no baseline compares them
        }
        Path baseDir = r.baseDir();
        // the files the source scan reads: the build output's copies of the others are left out as they are
        Set<String> listed = ConcurrentHashMap.newKeySet();
        List<Source> sources = new ArrayList<>();
        for (Source source : WorkingTrees.sources(baseDir, List.of(baseDir), r.excludes(),
                settings.maxFileSize(null))) {
            sources.add(warnings -> {
                List<Source.Entry> entries = source.entries(warnings);
                entries.forEach(e -> listed.add(e.path()));
                return entries;
            });
        }
        ScanResult result = BuildFixes.attach(engine.scan(baseDir, sources, 0));
        BuildOutput.Targets targets = r.targets();
        ScanResult built = null;
        if (!targets.isEmpty()) {
            built = engine.scan(baseDir, BuildOutput.sources(baseDir, targets, r.outputExcludes(),
                    settings.maxFileSize(null), ArchiveOptions.DEFAULT.libraries(r.archiveLibraries())), 0);
        }
        return new Scans(result, built, listed);
    }

    // ---------------------------------------------------------------- the parent: Maven's JVM

    /**
     * Whether the module is large enough to fork: the files under {@code baseDir} ({@code .git} and {@code skipDirs}
     * left out, symbolic links not followed) and the build output together exceed {@code threshold} bytes. Stops
     * counting at the threshold.
     */
    static boolean larger(Path baseDir, List<Path> skipDirs, List<Path> output, long threshold) throws IOException {
        long[] total = {0};
        for (Path p : Stream.concat(Stream.of(baseDir), output.stream()).toList()) {
            if (total[0] > threshold || !Files.exists(p)) {
                continue;
            }
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(p) && (dir.getFileName().toString().equals(".git") || skipDirs.contains(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return total[0] > threshold ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return total[0] > threshold;
    }

    /**
     * Classes the plugin's libraries use that Maven lends to plugins instead of putting them in the plugin's own class
     * path (JGit's logging API).
     */
    static final List<String> FROM_MAVEN = List.of("org.slf4j.LoggerFactory");

    /**
     * The plugin's class path (its jar and its dependencies), from the class loader Maven gave it, with the jars of
     * {@link #FROM_MAVEN} that Maven lends it; empty if unknown.
     */
    static List<Path> classPath(ClassLoader loader) {
        List<Path> out = new ArrayList<>();
        if (!(loader instanceof java.net.URLClassLoader urls)) {
            return out;
        }
        try {
            for (URL u : urls.getURLs()) {
                if ("file".equals(u.getProtocol())) {
                    out.add(Path.of(u.toURI()));
                }
            }
            for (String name : FROM_MAVEN) {
                try {
                    java.security.CodeSource source = Class.forName(name, false, loader).getProtectionDomain()
                            .getCodeSource();
                    if (source != null && source.getLocation() != null
                            && "file".equals(source.getLocation().getProtocol())) {
                        Path jar = Path.of(source.getLocation().toURI());
                        if (!out.contains(jar)) {
                            out.add(jar);
                        }
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not lent: the plugin's libraries do without it
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
        return out;
    }

    /**
     * Runs {@code r} in a child JVM with {@code classPath}; the exchange file is made in {@code workParent} (the
     * build directory) and deleted. The secrets the child found are added to {@code redactor}.
     *
     * @throws Failure     the scan failed in the child as it would have here
     * @throws IOException the child could not be run or ended without its result
     */
    static Scans fork(Request r, List<Path> classPath, Path workParent, Redactor redactor)
            throws Failure, IOException, InterruptedException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(workParent);
        Path work = Files.createTempDirectory(workParent, "mi-scan-fork");
        Path resultFile = work.resolve("result");
        Process child = null;
        try {
            String java = Path.of(System.getProperty("java.home"), "bin",
                    System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                            ? "java.exe" : "java").toString();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(JVM_OPTIONS);
            command.add("-Xmx" + Runtime.getRuntime().maxMemory()); // what a file too large for memory needs: Maven's
            command.add("-Dfile.encoding=" + System.getProperty("file.encoding", "UTF-8"));
            command.add("-XX:ErrorFile=" + work.resolve("hs_err.log"));
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            command.add(ForkedScan.class.getName());
            Path errors = work.resolve("stderr");
            child = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            try (OutputStream stdin = child.getOutputStream()) {
                send(stdin, key, resultFile, r, redactor.learned());
            } catch (IOException e) {
                // the child ended before reading its request: its exit code says more
            }
            int code = child.waitFor();
            if (code != 0 || !Files.isRegularFile(resultFile)) {
                String why = "";
                if (Files.isRegularFile(errors)) {
                    // the child's last line says what failed (a library's notices may come before it)
                    why = Files.readAllLines(errors, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                            .reduce((a, b) -> b).map(l -> ": " + l.strip()).orElse("");
                }
                throw new IOException("the forked scan ended with exit code " + code + why);
            }
            byte[] boxed = Files.readAllBytes(resultFile);
            Files.delete(resultFile);
            return readOutcome(unseal(key, boxed), redactor);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(work);
        }
    }

    /**
     * The child's standard input: the key of its result, where to write it, the request and the secrets the build
     * knows so far.
     */
    static void send(OutputStream stdin, byte[] key, Path resultFile, Request r, List<String[]> known)
            throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stdin));
        out.writeInt(MAGIC);
        out.write(key);
        ValueCodec.writeString(out, resultFile.toString());
        writeRequest(out, r);
        writeLearned(out, known);
        out.flush();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // nothing of it holds a secret in the clear: the result is encrypted with a key now forgotten
        }
    }

    // ---------------------------------------------------------------- the child

    /** The child JVM: reads its request on standard input, writes its encrypted outcome, prints nothing. */
    public static void main(String[] args) {
        int code;
        try {
            code = child(System.in);
        } catch (Throwable t) {
            // what failed and where, never the message (which may quote a file)
            StackTraceElement[] at = t.getStackTrace();
            System.err.println(t.getClass().getName() + (at.length == 0 ? "" : " at " + at[0]));
            code = 3;
        }
        System.exit(code);
    }

    /** The child's work: 0 when the outcome (a result or a failure of the scan) is written, else 2. */
    static int child(InputStream stdin) throws IOException, GeneralSecurityException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stdin));
        if (in.readInt() != MAGIC) {
            return 2;
        }
        byte[] key = in.readNBytes(KEY_BYTES);
        Path resultFile = Path.of(ValueCodec.readString(in));
        Request r = readRequest(in);
        List<String[]> known = readLearned(in);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(plain);
        try (Redactor.Scope scope = Redactor.open()) {
            Redactor redactor = scope.redactor();
            redactor.learn(known);
            int before = redactor.learned().size();
            Scans scans = null;
            Failure failure = null;
            try {
                scans = scan(r);
            } catch (ConfigException e) {
                failure = new Failure(true, e.getMessage());
            } catch (IOException | RuntimeException e) {
                failure = new Failure(false, e.getMessage());
            }
            out.writeInt(MAGIC);
            out.writeBoolean(failure != null);
            if (failure != null) {
                out.writeBoolean(failure.config());
                ValueCodec.write(out, failure.getMessage());
            } else {
                writeResult(out, scans.sources());
                out.writeBoolean(scans.output() != null);
                if (scans.output() != null) {
                    writeResult(out, scans.output());
                    ValueCodec.write(out, new ArrayList<>(scans.listed()));
                } else {
                    ValueCodec.write(out, List.of());
                }
            }
            List<String[]> learned = redactor.learned();
            writeLearned(out, learned.subList(before, learned.size()));
        }
        out.flush();
        byte[] boxed = seal(key, plain.toByteArray());
        Path partial = resultFile.resolveSibling(resultFile.getFileName() + ".part");
        Files.write(partial, boxed);
        Files.move(partial, resultFile);
        return 0;
    }

    // ---------------------------------------------------------------- the exchange

    static void writeRequest(DataOutputStream out, Request r) throws IOException {
        ValueCodec.write(out, r.baseDir().toString());
        ValueCodec.write(out, r.config() == null ? null : r.config().toString());
        ValueCodec.write(out, r.key().algorithm());
        out.writeInt(r.key().iterations());
        ValueCodec.write(out, r.key().saltBase64());
        out.writeBoolean(r.fingerprints());
        ValueCodec.write(out, r.excludes());
        ValueCodec.write(out, r.artifacts().stream().map(Path::toString).toList());
        ValueCodec.write(out, r.classes() == null ? null : r.classes().toString());
        ValueCodec.write(out, r.outputExcludes());
        out.writeBoolean(r.archiveLibraries());
    }

    @SuppressWarnings("unchecked")
    static Request readRequest(DataInputStream in) throws IOException {
        Path baseDir = Path.of((String) ValueCodec.read(in));
        String config = (String) ValueCodec.read(in);
        String algorithm = (String) ValueCodec.read(in);
        int iterations = in.readInt();
        String salt = (String) ValueCodec.read(in);
        boolean fingerprints = in.readBoolean();
        List<String> excludes = (List<String>) ValueCodec.read(in);
        List<Path> artifacts = ((List<String>) ValueCodec.read(in)).stream().map(Path::of).toList();
        String classes = (String) ValueCodec.read(in);
        List<String> outputExcludes = (List<String>) ValueCodec.read(in);
        boolean libraries = in.readBoolean();
        return new Request(baseDir, config == null ? null : Path.of(config),
                FingerprintKey.of(algorithm, iterations, salt), fingerprints, excludes, artifacts,
                classes == null ? null : Path.of(classes), outputExcludes, libraries);
    }

    private static void writeLearned(DataOutputStream out, List<String[]> learned) throws IOException {
        out.writeInt(learned.size());
        for (String[] e : learned) {
            out.writeByte(e.length);
            for (String s : e) {
                ValueCodec.writeString(out, s);
            }
        }
    }

    private static List<String[]> readLearned(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] e = new String[in.readUnsignedByte()];
            for (int k = 0; k < e.length; k++) {
                e[k] = ValueCodec.readString(in);
            }
            out.add(e);
        }
        return out;
    }

    private static void writeResult(DataOutputStream out, ScanResult r) throws IOException {
        ValueCodec.write(out, r.baseDir().toString());
        ValueCodec.write(out, r.rules());
        ValueCodec.write(out, r.findings());
        ValueCodec.write(out, r.warnings());
        out.writeInt(r.filesScanned());
        out.writeLong(r.bytesScanned());
        out.writeInt(r.suppressed());
        ValueCodec.write(out, r.suppressedFindings());
        ValueCodec.write(out, r.fingerprintKey().algorithm());
        out.writeInt(r.fingerprintKey().iterations());
        ValueCodec.write(out, r.fingerprintKey().saltBase64());
        out.writeInt(r.filesBinary());
    }

    @SuppressWarnings("unchecked")
    private static ScanResult readResult(DataInputStream in) throws IOException {
        Path baseDir = Path.of((String) ValueCodec.read(in));
        List<dev.miscan.core.api.RuleDescriptor> rules = (List<dev.miscan.core.api.RuleDescriptor>) ValueCodec.read(in);
        List<dev.miscan.core.api.Finding> findings = (List<dev.miscan.core.api.Finding>) ValueCodec.read(in);
        List<dev.miscan.core.source.ScanWarning> warnings = (List<dev.miscan.core.source.ScanWarning>) ValueCodec.read(in);
        int files = in.readInt();
        long bytes = in.readLong();
        int suppressed = in.readInt();
        List<dev.miscan.core.api.Finding> suppressedFindings = (List<dev.miscan.core.api.Finding>) ValueCodec.read(in);
        String algorithm = (String) ValueCodec.read(in);
        int iterations = in.readInt();
        String salt = (String) ValueCodec.read(in);
        int binary = in.readInt();
        return new ScanResult(baseDir, rules, findings, warnings, files, bytes, suppressed, suppressedFindings,
                FingerprintKey.of(algorithm, iterations, salt), binary);
    }

    /** The child's outcome; its secrets go to {@code redactor} (also when the scan failed). */
    @SuppressWarnings("unchecked")
    static Scans readOutcome(byte[] plain, Redactor redactor) throws IOException, Failure {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        if (in.readInt() != MAGIC) {
            throw new IOException("the forked scan's result is not one");
        }
        if (in.readBoolean()) {
            boolean config = in.readBoolean();
            String message = (String) ValueCodec.read(in);
            redactor.learn(readLearned(in));
            throw new Failure(config, message);
        }
        ScanResult sources = readResult(in);
        ScanResult output = in.readBoolean() ? readResult(in) : null;
        Set<String> listed = ConcurrentHashMap.newKeySet();
        listed.addAll((List<String>) ValueCodec.read(in));
        redactor.learn(readLearned(in));
        return new Scans(sources, output, listed);
    }

    static byte[] seal(byte[] key, byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] body = cipher.doFinal(plain);
        byte[] out = new byte[IV_BYTES + body.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(body, 0, out, IV_BYTES, body.length);
        return out;
    }

    static byte[] unseal(byte[] key, byte[] boxed) throws IOException {
        if (boxed.length < IV_BYTES) {
            throw new IOException("the forked scan's result is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, boxed, 0, IV_BYTES));
            return cipher.doFinal(boxed, IV_BYTES, boxed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IOException("the forked scan's result does not decrypt", e);
        }
    }
}
