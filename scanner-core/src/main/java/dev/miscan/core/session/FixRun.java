package dev.miscan.core.session;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Tier;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.Fixes;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.secrets.Redaction;
import dev.miscan.core.suppress.Baseline;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One {@code fix} run, whichever front end asks ({@code mi-scan fix}, {@code mvn mi-scan:fix}): applies the
 * mechanical fixes of the findings to the working tree, prints what changed (with removed credentials redacted),
 * and re-scans. Files with uncommitted changes are left alone unless {@code force}, so that the fix is always a
 * reviewable diff of its own.
 */
public final class FixRun {
    /** What a run did; each front end turns it into its own exit status. */
    public enum Status {
        /** Nothing is left to fix automatically (or, in a dry run, nothing needs a person). */
        CLEAN,
        /** Findings remain that need a person. */
        FINDINGS_LEFT,
        /** A file could not be fixed, or the scan, the lock or the re-scan failed: said on the error writer. */
        ERROR
    }

    /**
     * What to fix.
     *
     * @param base        the directory report paths are relative to (the repository root or the scanned folder)
     * @param targets     the files and folders to scan
     * @param excludes    extra paths to skip (gitignore syntax, relative to {@code base})
     * @param maxFileSize files above this size are skipped
     * @param onlyRules   only findings of these rule ids (or their aliases), upper case; empty: every rule
     * @param dryRun      print the changes without writing them
     * @param force       also change files with uncommitted changes
     */
    public record Options(Path base, List<Path> targets, List<String> excludes, long maxFileSize,
            Set<String> onlyRules, boolean dryRun, boolean force) {
        public Options {
            targets = List.copyOf(targets);
            excludes = List.copyOf(excludes);
            onlyRules = Set.copyOf(onlyRules);
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final PrintWriter err;

    private FixRun(Options options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /**
     * Fixes what the scan of {@code options} finds with {@code settings} (rules off, allow-lists) and {@code baseline}
     * (its findings are not fixed either; may be null): takes the tree's lock (not in a dry run), writes each file's
     * fixes, prints their redacted diffs and the findings that need a person to {@code out}, problems to
     * {@code err}, then re-scans.
     */
    public static Status run(ProjectSettings settings, Baseline baseline, Options options, PrintWriter out,
            PrintWriter err) {
        FixRun run = new FixRun(options, out, err);
        if (options.dryRun()) {
            return run.fix(settings, baseline);
        }
        Path base = options.base();
        List<java.nio.channels.FileChannel> held = new ArrayList<>();
        try {
            if (!lock(base, held)) {
                err.println("mi-scan: another 'mi-scan fix' is changing " + base + "; run this one when it is done");
                return Status.ERROR;
            }
            return run.fix(settings, baseline);
        } catch (IOException e) {
            err.println("mi-scan: cannot lock " + base + " for fixing (" + e.getClass().getSimpleName() + ")");
            return Status.ERROR;
        } finally {
            for (java.nio.channels.FileChannel channel : held) {
                try {
                    channel.close(); // and its lock with it
                } catch (IOException e) {
                    // the process ends soon: the lock goes with it
                }
            }
        }
    }

    private Status fix(ProjectSettings settings, Baseline baseline) {
        boolean dryRun = options.dryRun();
        boolean force = options.force();
        Set<String> only = options.onlyRules();
        Path base = options.base();
        List<Path> targets = options.targets();
        ScanRequest request = new ScanRequest(base, targets, options.excludes(), options.maxFileSize(), 0);
        // fingerprints only to compare with a baseline: 'fix' shows none
        Engine engine = baseline != null ? settings.engine(baseline) : settings.engine().withoutFingerprints();
        ScanResult before;
        // what the scan read of each file, as a hash of its text: a file is written only if it still reads the same
        Map<String, String> scanned = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            before = settings.applyBaseline(baseline, scanRecording(engine, request, scanned),
                    Baseline.existingFilesUnder(base));
        } catch (IOException e) {
            err.println("mi-scan: scan failed: " + e.getMessage());
            return Status.ERROR;
        }
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        // every secret the scan knows, suppressed ones too, is redacted from the diff's lines
        Map<String, List<Finding>> allByFile = java.util.stream.Stream.concat(before.findings().stream(),
                before.suppressedFindings().stream()).collect(Collectors.groupingBy(f -> f.location().path()));
        List<Finding> manual = new ArrayList<>();
        Set<Finding> refused = new java.util.HashSet<>();
        for (Finding f : before.findings()) {
            if (!only.isEmpty() && only.stream().noneMatch(f.rule()::answersTo)) {
                continue;
            }
            if (f.remediation().fix() == null) {
                manual.add(f);
            } else {
                byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
            }
        }
        int changed = 0;
        int skipped = 0;
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            err.println("mi-scan: " + base + ": cannot resolve (" + e.getClass().getSimpleName() + ")");
            return Status.ERROR;
        }
        // the real path of each target: a target may be a link (the scan follows it), a folder below it may not
        Map<Path, Path> realTargets = new LinkedHashMap<>();
        for (Path t : targets) {
            try {
                realTargets.put(t.toAbsolutePath().normalize(), t.toRealPath());
            } catch (IOException e) {
                // gone since the scan: none of its files is written
            }
        }
        Runnable hook = afterPlanForTests;
        if (hook != null) {
            hook.run();
        }
        // the build files the fixes need (a module's pom.xml gets the dependency its Java fixes import): each is
        // checked first as a fixed file is; when one cannot be written, the fixes that need it are not applied
        Map<String, List<Fix.FileChange>> buildChanges = new LinkedHashMap<>();
        for (List<Finding> fs : byFile.values()) {
            for (Finding f : fs) {
                for (Fix.FileChange c : f.remediation().fix().changes()) {
                    buildChanges.computeIfAbsent(c.path(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        Map<Finding, String> buildRefused = new LinkedHashMap<>();
        for (var build : buildChanges.entrySet()) {
            String reason = byFile.containsKey(build.getKey()) ? "has fixes of its own; run fix again after them"
                    : buildFile(realBase, realTargets, build.getKey(), build.getValue(), false, allByFile);
            if (reason == null) {
                continue;
            }
            err.println("mi-scan: " + dev.miscan.core.report.TerminalText.safe(build.getKey()) + ": not changed: "
                    + reason);
            for (var it = byFile.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                boolean needs = entry.getValue().stream().anyMatch(f -> f.remediation().fix().changes().stream()
                        .anyMatch(c -> c.path().equals(build.getKey())));
                if (needs) {
                    for (Finding f : entry.getValue()) {
                        manual.add(f);
                        buildRefused.put(f, "its fix needs a change of " + build.getKey() + ", and " + reason);
                    }
                    it.remove();
                }
            }
        }
        java.util.Set<String> buildsNeeded = new java.util.LinkedHashSet<>();
        for (var entry : byFile.entrySet()) {
            Path file = base.resolve(entry.getKey());
            String unsafe = unsafeTarget(realBase, base, file);
            if (unsafe != null) {
                err.println("mi-scan: " + dev.miscan.core.report.TerminalText.safe(entry.getKey()) + ": not fixed: "
                        + unsafe);
                manual.addAll(entry.getValue());
                refused.addAll(entry.getValue());
                skipped++;
                continue;
            }
            String uncommitted = force ? null : uncommittedReason(file);
            if (uncommitted != null) {
                err.println("mi-scan: " + dev.miscan.core.report.TerminalText.safe(entry.getKey()) + ": " + uncommitted);
                manual.addAll(entry.getValue());
                refused.addAll(entry.getValue());
                continue;
            }
            try {
                if (apply(realBase, file, expectedReal(realTargets, file), entry.getKey(), scanned.get(entry.getKey()),
                        entry.getValue(), allByFile, out)) {
                    changed++;
                    entry.getValue().forEach(f -> f.remediation().fix().changes().forEach(c -> buildsNeeded.add(c.path())));
                } else {
                    manual.addAll(entry.getValue());
                    refused.addAll(entry.getValue());
                }
            } catch (IOException e) {
                // this file is left as it was; the others are still fixed, and the run says so and exits 3
                err.println("mi-scan: " + dev.miscan.core.report.TerminalText.safe(entry.getKey()) + ": not fixed: "
                        + (e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text"
                                : e instanceof java.nio.file.AccessDeniedException ? "not writable"
                                : e instanceof dev.miscan.core.source.SafeWrites.Refused r ? r.getReason()
                                : e instanceof java.nio.file.NoSuchFileException ? "it no longer exists"
                                : e.getClass().getSimpleName()));
                manual.addAll(entry.getValue());
                refused.addAll(entry.getValue());
                skipped++;
            }
        }
        // then the build files of the Java files fixed: one edit of a module's pom.xml for all its Java files
        int buildsChanged = 0;
        for (String build : buildsNeeded) {
            String reason = buildFile(realBase, realTargets, build, buildChanges.get(build), true, allByFile);
            if (reason == null) {
                changed++;
                buildsChanged++;
            } else {
                err.println("mi-scan: " + dev.miscan.core.report.TerminalText.safe(build) + ": not changed: " + reason
                        + "; the Java files fixed above need what it would have added");
                skipped++;
            }
        }
        for (Finding f : manual) {
            String why = buildRefused.containsKey(f) ? buildRefused.get(f) : whyManual(f, refused.contains(f));
            out.println(dev.miscan.core.report.TerminalText.safe("not fixed automatically: " + f.location().path() + ":"
                    + f.location().startLine() + "  " + f.rule().id() + "  (" + why + ") "
                    + f.remediation().summary()));
        }
        if (dryRun) {
            out.println("mi-scan: dry run: " + (byFile.size() - skipped + buildsChanged) + " file(s) would change; " + manual.size()
                    + " finding(s) need a person" + (skipped == 0 ? "" : "; " + skipped + " file(s) could not be fixed"));
            out.flush();
            return skipped > 0 ? Status.ERROR : manual.isEmpty() ? Status.CLEAN : Status.FINDINGS_LEFT;
        }
        try {
            ScanResult after = engine.scan(request);
            long remaining = after.findings().stream()
                    .filter(f -> only.isEmpty() || only.stream().anyMatch(f.rule()::answersTo)).count();
            out.println("mi-scan: fixed " + changed + " file(s); re-scan: " + remaining + " finding(s) left"
                    + (remaining == 0 ? "" : " (see 'not fixed automatically' above)")
                    + (skipped == 0 ? "" : "; " + skipped + " file(s) could not be fixed (see above)"));
            out.flush();
            return skipped > 0 ? Status.ERROR : remaining == 0 ? Status.CLEAN : Status.FINDINGS_LEFT;
        } catch (IOException e) {
            err.println("mi-scan: re-scan failed: " + e.getMessage());
            return Status.ERROR;
        }
    }

    /**
     * Where concurrent {@code fix} runs on one tree meet: {@code mi-scan-fix.lock} in its git directory, else in the
     * temporary directory under a name made of the tree's real path (nothing is written in the tree itself).
     */
    public static Path lockFile(Path base) throws IOException {
        Path real = base.toRealPath();
        File gitDir = new FileRepositoryBuilder().findGitDir(real.toFile()).getGitDir();
        if (gitDir != null) {
            return gitDir.toPath().resolve("mi-scan-fix.lock");
        }
        return folderLock(real);
    }

    /** The lock file of one folder (by its real path) in the temporary directory. */
    static Path folderLock(Path realFolder) {
        String id = dev.miscan.core.secrets.Redaction.sha256(realFolder.toString()).substring(0, 16);
        return Path.of(System.getProperty("java.io.tmpdir"), "mi-scan-fix-" + id + ".lock");
    }

    /**
     * Takes the locks of a run on {@code base} (each channel goes to {@code held}, to be closed when the run ends);
     * false when another run holds one. Exclusive: the tree's own lock ({@link #lockFile}) and its folder's in the
     * temporary directory. Shared: the folder lock of every folder above it. A run on a folder and a run on a folder
     * inside it, which change the same files, exclude each other so, whichever folder (or git repository) each
     * was started from, while runs on two separate trees do not wait for each other unless they are in one git
     * repository (its lock is the repository's: one fix at a time per repository). Lock files are opened without
     * following links (a link planted under a lock file's name in a shared temporary directory is refused).
     */
    static boolean lock(Path base, List<java.nio.channels.FileChannel> held) throws IOException {
        Path real = base.toRealPath();
        List<Path> exclusive = new ArrayList<>();
        exclusive.add(lockFile(base));
        if (!exclusive.contains(folderLock(real))) {
            exclusive.add(folderLock(real));
        }
        List<Path> shared = new ArrayList<>();
        for (Path p = real.getParent(); p != null; p = p.getParent()) {
            shared.add(folderLock(p));
        }
        for (Path file : exclusive) {
            if (!tryLock(file, false, held)) {
                return false;
            }
        }
        for (Path file : shared) {
            if (!tryLock(file, true, held)) {
                return false;
            }
        }
        return true;
    }

    private static boolean tryLock(Path file, boolean shared, List<java.nio.channels.FileChannel> held)
            throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        held.add(channel);
        try {
            return channel.tryLock(0L, Long.MAX_VALUE, shared) != null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false; // held by another run in this JVM
        }
    }

    /**
     * A test's hook between the plan and the writes (the scan is done, no file is written yet): how the tests
     * change, or swap for a link, a file the scan read, to check that {@code fix} then leaves it alone.
     */
    public static volatile Runnable afterPlanForTests;

    /**
     * Scans as {@code engine.scan(request)} does, and records in {@code scanned} a hash of the text the scan read of
     * each file (a file read twice with different texts gets a hash no text has).
     */
    static ScanResult scanRecording(Engine engine, ScanRequest request, Map<String, String> scanned)
            throws IOException {
        List<dev.miscan.core.source.Source> sources = new ArrayList<>();
        for (dev.miscan.core.source.Source tree : dev.miscan.core.source.WorkingTrees.sources(request.baseDir(),
                request.paths(), request.excludes(), request.maxFileSize())) {
            sources.add(warnings -> tree.entries(warnings).stream().<dev.miscan.core.source.Source.Entry>map(
                    e -> new dev.miscan.core.source.Source.Entry() {
                        @Override
                        public String path() {
                            return e.path();
                        }

                        @Override
                        public String key() {
                            return e.key();
                        }

                        @Override
                        public dev.miscan.core.source.Fragment read()
                                throws dev.miscan.core.source.SkippedException, IOException {
                            dev.miscan.core.source.Fragment f = e.read();
                            scanned.merge(e.path(), Redaction.sha256(f.text()), (a, b) -> a.equals(b) ? a : "changed");
                            return f;
                        }
                    }).toList());
        }
        // as engine.scan(request): the Java fixes get their build file's edit, or are withdrawn with the reason
        return dev.miscan.core.build.BuildFixes.attach(engine.scan(request.baseDir(), sources, request.threads()));
    }

    /** The hash of a file's text as the scan reads it (the same decoding), or null when the scan would skip it. */
    static String scannedHash(byte[] bytes) {
        try {
            return Redaction.sha256(dev.miscan.core.source.TextDecoding.decode(bytes).text());
        } catch (dev.miscan.core.source.SkippedException e) {
            return null;
        }
    }

    /**
     * The text with the edits applied, each line a fix writes ending as the file's lines do ({@code \r\n} in a
     * file that has one).
     *
     * @throws IllegalArgumentException when an edit is outside the text or two edits overlap
     */
    public static String edited(String text, List<Fix.Edit> fixEdits) {
        boolean crlf = text.contains("\r\n");
        List<Fix.Edit> edits = new ArrayList<>();
        for (Fix.Edit e : fixEdits) {
            edits.add(crlf ? new Fix.Edit(e.startLine(), e.startColumn(), e.endLine(), e.endColumn(),
                    e.text().replaceAll("(?<!\r)\n", "\r\n")) : e);
        }
        return Fixes.apply(text, edits);
    }

    /**
     * Applies the fixes of one file; prints a unified diff with the removed lines redacted. The file is opened
     * inside {@code realBase} without following links, and is changed only when it still holds what the scan read
     * ({@code scannedHash}) and, at the rename, what was read here.
     *
     * @throws IOException the file is left as it was: not readable or writable, not UTF-8, or refused
     *                     ({@link dev.miscan.core.source.SafeWrites.Refused}: a link, outside the tree, changed
     *                     since the scan)
     */
    private boolean apply(Path realBase, Path file, Path expectedReal, String display, String scannedHash,
            List<Finding> findings, Map<String, List<Finding>> secretsByFile, PrintWriter out) throws IOException {
        if (!options.dryRun() && !Files.isWritable(file)) {
            throw new java.nio.file.AccessDeniedException(display);
        }
        if (expectedReal == null) {
            throw new dev.miscan.core.source.SafeWrites.Refused(display, "outside the scanned tree");
        }
        try (dev.miscan.core.source.SafeWrites.TreeFile target = dev.miscan.core.source.SafeWrites.TreeFile.open(
                realBase, file, expectedReal)) {
            byte[] bytes = target.read();
            if (scannedHash == null || !scannedHash.equals(scannedHash(bytes))) {
                throw new ChangedSinceScan(display);
            }
            // edited as it is: each line keeps its own ending (a mixed file stays mixed), a lone CR stays inside its line
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (!dev.miscan.core.engine.Fixes.unchanged(text, findings)) {
                return false; // the file changed since the scan: its edits would land in the wrong places
            }
            List<Fix.Edit> edits = new ArrayList<>();
            for (Finding f : findings) {
                edits.addAll(f.remediation().fix().edits());
            }
            String updated;
            try {
                updated = edited(text, edits);
            } catch (IllegalArgumentException e) {
                return false; // overlapping or stale edits: leave the file to a person
            }
            if (!options.dryRun()) {
                target.replace(bytes, updated);
            }
            printDiff(display, text, updated, secretsByFile);
            findings.stream().map(f -> f.remediation().fix().description()).distinct()
                    .forEach(d -> out.println("# " + d));
            return true;
        }
    }

    /** Prints the unified diff of one file's change, every secret the scan knows in it redacted. */
    private void printDiff(String display, String text, String updated, Map<String, List<Finding>> secretsByFile) {
        List<String> secrets = secretsOf(text, secretsByFile.getOrDefault(display, List.of()));
        dev.miscan.core.secrets.Snippets.Secrets known = new dev.miscan.core.secrets.Snippets.Secrets(secrets);
        out.print(Diffs.unified(display, text, updated, line -> {
            String r = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            for (String secret : secrets) {
                r = Redaction.redact(r, secret);
            }
            // and the forms a plain search misses (char literals, escapes, pieces of a concatenation, a value
            // split over lines), every secret of the scan, and any value after a credential-looking name
            return dev.miscan.core.report.TerminalText.safe(dev.miscan.core.secrets.Redactor.current()
                    .fileLine(dev.miscan.core.secrets.Snippets.maskForms(r, known)));
        }));
    }

    /**
     * Checks ({@code write} false) or applies ({@code write} true, and prints its diff) the changes of a build file
     * the fixes need ({@link Fix#changes()}: identical edits of several fixes once), with the safety of the fixed
     * files: inside the tree, no link followed, no uncommitted changes unless {@code force}, and still the text the
     * changes were made for. Null when done; else why the file is left as it is.
     */
    private String buildFile(Path realBase, Map<Path, Path> realTargets, String display, List<Fix.FileChange> changes,
            boolean write, Map<String, List<Finding>> secretsByFile) {
        Path file = options.base().resolve(display);
        String unsafe = unsafeTarget(realBase, options.base(), file);
        if (unsafe != null) {
            return "it is " + unsafe;
        }
        String uncommitted = options.force() ? null : uncommittedReason(file);
        if (uncommitted != null) {
            return "it " + uncommitted;
        }
        Path expected = expectedReal(realTargets, file);
        if (expected == null) {
            // a module's pom.xml above the scanned folders: still inside the tree, where it is written as named
            expected = realBase.resolve(options.base().toAbsolutePath().normalize()
                    .relativize(file.toAbsolutePath().normalize()).toString());
        }
        if (write && !options.dryRun() && !Files.isWritable(file)) {
            return "it is not writable";
        }
        try (dev.miscan.core.source.SafeWrites.TreeFile target = dev.miscan.core.source.SafeWrites.TreeFile.open(
                realBase, file, expected)) {
            byte[] bytes = target.read();
            String hash = scannedHash(bytes);
            if (hash == null || changes.stream().anyMatch(c -> !hash.equals(c.textHash()))) {
                return "it changed since the scan (run 'mi-scan fix' again)";
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            List<Fix.Edit> edits = new ArrayList<>();
            changes.forEach(c -> edits.addAll(c.edits()));
            String updated;
            try {
                updated = edited(text, edits);
            } catch (IllegalArgumentException e) {
                return "its edits overlap";
            }
            if (write) {
                if (!options.dryRun()) {
                    target.replace(bytes, updated);
                }
                printDiff(display, text, updated, secretsByFile);
                changes.stream().map(Fix.FileChange::description).distinct().forEach(d -> out.println("# " + d));
            }
            return null;
        } catch (dev.miscan.core.source.SafeWrites.Refused e) {
            return "it is " + e.getReason();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "it is not UTF-8 text";
        } catch (IOException e) {
            return "it cannot be read or written (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Where a file of the scan really is when no link was followed but the target the user named (which the scan
     * follows when it is one): the deepest target above it, resolved, and the rest of the path as written. Null when
     * no target holds it.
     */
    public static Path expectedReal(Map<Path, Path> realTargets, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path best = null;
        for (Path t : realTargets.keySet()) {
            if (abs.startsWith(t) && (best == null || t.getNameCount() > best.getNameCount())) {
                best = t;
            }
        }
        return best == null ? null : realTargets.get(best).resolve(best.relativize(abs).toString());
    }

    /** A file whose text is not the one the scan read: its fixes were made for another text. */
    static final class ChangedSinceScan extends dev.miscan.core.source.SafeWrites.Refused {
        private static final long serialVersionUID = 1L;

        ChangedSinceScan(String display) {
            super(display, "changed since the scan (run 'mi-scan fix' again)");
        }
    }

    /**
     * Why a file must not be written, or null: a path that leaves the scanned tree once resolved (a name such as
     * {@code ..\\x.properties} is one file name on POSIX, never a way up), a symbolic link, or a path whose real
     * location is outside the tree.
     */
    public static String unsafeTarget(Path realBase, Path base, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(base.toAbsolutePath().normalize())) {
            return "outside the scanned tree";
        }
        if (Files.isSymbolicLink(file)) {
            return "a symbolic link";
        }
        try {
            if (!file.toRealPath().startsWith(realBase)) {
                return "outside the scanned tree";
            }
        } catch (IOException e) {
            return "cannot be resolved";
        }
        return null;
    }

    /** Why a finding has no mechanical fix, in a few words, so that the person who takes it over knows where to start. */
    static String whyManual(Finding f, boolean refused) {
        if (refused) {
            return "the file was left as it was: it has uncommitted changes, its fixes overlap, or it changed or"
                    + " moved since the scan";
        }
        // the rule that declined the fix said why (its own reason, or the kind of file)
        return !f.remediation().manual().isEmpty() ? f.remediation().manual()
                : Remediation.whyManual(f.rule(), f.location().path(), f.message());
    }

    /**
     * The secrets of a file's secret-tier findings, read back from the file at their locations (checked
     * against the finding's hash), so that no line of the diff, removed, added or context, shows one.
     */
    static List<String> secretsOf(String text, List<Finding> findings) {
        LineIndex lines = new LineIndex(text);
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            Location l = f.location();
            if (f.rule().tier() != Tier.SECRET || l.startLine() < 1 || l.endLine() > lines.lineCount()) {
                continue;
            }
            int start = lines.lineStart(l.startLine() - 1) + l.startColumn() - 1;
            int end = lines.lineStart(l.endLine() - 1) + l.endColumn() - 1;
            if (start >= 0 && end > start && end <= text.length()) {
                String secret = text.substring(start, end);
                if (Redaction.sha256(secret).equals(f.secretHash())) {
                    out.add(secret);
                }
            }
        }
        out.sort((a, b) -> b.length() - a.length()); // a secret inside a longer one is redacted with it
        return out;
    }

    /** True when the file is in a git work tree and differs from HEAD or the index. */
    /**
     * Why the file must not be edited without {@code --force}, or null: it has uncommitted changes (they would be
     * mixed with the fix), or its git status cannot be read (a repository format or an index JGit cannot read): the
     * guard fails closed. A file outside any repository has no such guard.
     */
    static String uncommittedReason(Path file) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(file.toAbsolutePath().getParent().toFile());
        File gitDir = builder.getGitDir();
        if (gitDir == null) {
            return null;
        }
        try (Git git = new Git(builder.build())) {
            Path top = git.getRepository().getWorkTree().toPath().toAbsolutePath().normalize();
            String rel = dev.miscan.core.source.ReportedPaths.slashes(top.relativize(file.toAbsolutePath().normalize()));
            org.eclipse.jgit.api.Status s = git.status().addPath(rel).call();
            return s.isClean() ? null : "has uncommitted changes; commit or stash them, or use --force";
        } catch (IOException | GitAPIException | RuntimeException e) {
            return "its git status cannot be read (" + e.getClass().getSimpleName() + "), so uncommitted changes"
                    + " cannot be ruled out; use --force to fix it anyway";
        }
    }
}
