package dev.miscan.cli;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Tier;
import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mi-scan fix}: applies the mechanical fixes of the findings to the working tree, prints what changed
 * (with removed credentials redacted), and re-scans. Files with uncommitted changes are left alone unless
 * {@code --force}, so that the fix is always a reviewable diff of its own.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Applies the mechanical fixes (passwordless settings instead of keys) and re-scans.",
            "Rules that are off, allow-lists and the baseline of the settings file apply to fixes as to 'scan'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing left to fix automatically", "1:findings remain that need a person",
            "2:usage error", "3:scan or write error"})
public final class FixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PathArguments paths;

    @Option(names = "--dry-run", description = "Print the changes without writing them.")
    boolean dryRun;

    @Option(names = "--rule", paramLabel = "ID", description = "Only fix findings of this rule; repeatable.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--force", description = "Also change files that have uncommitted changes.")
    boolean force;

    @Mixin
    SettingsOptions settingsOptions;

    @Override
    public Integer call() {
        if (dryRun) {
            return fix();
        }
        PrintWriter err = spec.commandLine().getErr();
        Path base = PathArguments.baseDir(paths.existing(spec));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile(base),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = channel.tryLock()) {
            if (lock == null) {
                err.println("mi-scan: another 'mi-scan fix' is changing " + base + "; run this one when it is done");
                return ExitCode.SCAN_ERROR.code();
            }
            return fix();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            err.println("mi-scan: another 'mi-scan fix' is changing " + base + "; run this one when it is done");
            return ExitCode.SCAN_ERROR.code();
        } catch (IOException e) {
            err.println("mi-scan: cannot lock " + base + " for fixing (" + e.getClass().getSimpleName() + ")");
            return ExitCode.SCAN_ERROR.code();
        }
    }

    /**
     * Where concurrent {@code fix} runs on one tree meet: {@code mi-scan-fix.lock} in its git directory, else in the
     * temporary directory under a name made of the tree's real path (nothing is written in the tree itself).
     */
    static Path lockFile(Path base) throws IOException {
        Path real = base.toRealPath();
        File gitDir = new FileRepositoryBuilder().findGitDir(real.toFile()).getGitDir();
        if (gitDir != null) {
            return gitDir.toPath().resolve("mi-scan-fix.lock");
        }
        String id = dev.miscan.core.secrets.Redaction.sha256(real.toString()).substring(0, 16);
        return Path.of(System.getProperty("java.io.tmpdir"), "mi-scan-fix-" + id + ".lock");
    }

    private Integer fix() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> targets = paths.existing(spec);
        Set<String> only = rules.stream().map(r -> r.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        RuleRegistry registry = RuleRegistry.load();
        for (String id : only) {
            if (registry.find(id).isEmpty()) {
                err.println("mi-scan: unknown rule '" + dev.miscan.core.report.TerminalText.safe(id)
                        + "' for --rule (see 'mi-scan rules')");
                return ExitCode.USAGE.code();
            }
        }
        Path base = PathArguments.baseDir(targets);
        // the same settings as 'scan': a rule that is off, an allow-list or a baseline entry is not fixed either
        ProjectSettings settings;
        Baseline baseline;
        try {
            settings = settingsOptions.load(base);
            baseline = ThresholdOptions.warnIfUnkeyed(settings.loadBaseline(settings.baselineFile(null, base)), err);
        } catch (ConfigException e) {
            err.println("mi-scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        ScanRequest request = new ScanRequest(base, targets, settingsOptions.excludes(settings),
                settings.maxFileSize(null), 0);
        // fingerprints only to compare with a baseline: 'fix' shows none
        Engine engine = baseline != null ? settings.engine(baseline) : settings.engine().withoutFingerprints();
        ScanResult before;
        try {
            before = settings.applyBaseline(baseline, engine.scan(request), Baseline.existingFilesUnder(base));
        } catch (IOException e) {
            err.println("mi-scan: scan failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
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
            return ExitCode.SCAN_ERROR.code();
        }
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
                if (apply(file, entry.getKey(), entry.getValue(), allByFile, out)) {
                    changed++;
                } else {
                    manual.addAll(entry.getValue());
                    refused.addAll(entry.getValue());
                }
            } catch (IOException e) {
                // this file is left as it was; the others are still fixed, and the run says so and exits 3
                err.println("mi-scan: " + dev.miscan.core.report.TerminalText.safe(entry.getKey()) + ": not fixed: "
                        + (e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text"
                                : e instanceof java.nio.file.AccessDeniedException ? "not writable"
                                : e.getClass().getSimpleName()));
                manual.addAll(entry.getValue());
                refused.addAll(entry.getValue());
                skipped++;
            }
        }
        for (Finding f : manual) {
            out.println(dev.miscan.core.report.TerminalText.safe("not fixed automatically: " + f.location().path() + ":"
                    + f.location().startLine() + "  " + f.rule().id() + "  (" + whyManual(f, refused.contains(f)) + ") "
                    + f.remediation().summary()));
        }
        if (dryRun) {
            out.println("mi-scan: dry run: " + (byFile.size() - skipped) + " file(s) would change; " + manual.size()
                    + " finding(s) need a person" + (skipped == 0 ? "" : "; " + skipped + " file(s) could not be fixed"));
            out.flush();
            return skipped > 0 ? ExitCode.SCAN_ERROR.code() : manual.isEmpty() ? ExitCode.CLEAN.code()
                    : ExitCode.FINDINGS.code();
        }
        try {
            ScanResult after = engine.scan(request);
            long remaining = after.findings().stream()
                    .filter(f -> only.isEmpty() || only.stream().anyMatch(f.rule()::answersTo)).count();
            out.println("mi-scan: fixed " + changed + " file(s); re-scan: " + remaining + " finding(s) left"
                    + (remaining == 0 ? "" : " (see 'not fixed automatically' above)")
                    + (skipped == 0 ? "" : "; " + skipped + " file(s) could not be fixed (see above)"));
            out.flush();
            return skipped > 0 ? ExitCode.SCAN_ERROR.code() : remaining == 0 ? ExitCode.CLEAN.code()
                    : ExitCode.FINDINGS.code();
        } catch (IOException e) {
            err.println("mi-scan: re-scan failed: " + e.getMessage());
            return ExitCode.SCAN_ERROR.code();
        }
    }

    /** Applies the fixes of one file; prints a unified diff with the removed lines redacted. */
    private boolean apply(Path file, String display, List<Finding> findings, Map<String, List<Finding>> secretsByFile,
            PrintWriter out) throws IOException {
        if (!dryRun && !Files.isWritable(file)) {
            throw new java.nio.file.AccessDeniedException(display);
        }
        // edited as it is: each line keeps its own ending (a mixed file stays mixed), a lone CR stays inside its line
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean crlf = text.contains("\r\n");
        if (!dev.miscan.core.engine.Fixes.unchanged(text, findings)) {
            return false; // the file changed since the scan: its edits would land in the wrong places
        }
        List<Fix.Edit> edits = new ArrayList<>();
        for (Finding f : findings) {
            for (Fix.Edit e : f.remediation().fix().edits()) {
                // lines a fix writes end as the file's lines do
                edits.add(crlf ? new Fix.Edit(e.startLine(), e.startColumn(), e.endLine(), e.endColumn(),
                        e.text().replaceAll("(?<!\r)\n", "\r\n")) : e);
            }
        }
        String updated;
        try {
            updated = Fixes.apply(text, edits);
        } catch (IllegalArgumentException e) {
            return false; // overlapping or stale edits: leave the file to a person
        }
        List<String> secrets = secretsOf(text, secretsByFile.getOrDefault(display, List.of()));
        dev.miscan.core.secrets.Snippets.Secrets known = new dev.miscan.core.secrets.Snippets.Secrets(secrets);
        out.print(Diffs.unified(display, text, updated, line -> {
            String r = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            for (String secret : secrets) {
                r = Redaction.redact(r, secret);
            }
            // and the forms a plain search misses: char literals, escapes, pieces of a concatenation
            return dev.miscan.core.report.TerminalText.safe(dev.miscan.core.secrets.Snippets.maskForms(r, known));
        }));
        findings.stream().map(f -> f.remediation().fix().description()).distinct()
                .forEach(d -> out.println("# " + d));
        if (!dryRun) {
            dev.miscan.core.source.SafeWrites.replace(file, updated);
        }
        return true;
    }

    /**
     * Why a file must not be written, or null: a path that leaves the scanned tree once resolved (a name such as
     * {@code ..\\x.properties} is one file name on POSIX, never a way up), a symbolic link, or a path whose real
     * location is outside the tree.
     */
    static String unsafeTarget(Path realBase, Path base, Path file) {
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
            return "the file has uncommitted changes, or its fixes overlap";
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
            Status s = git.status().addPath(rel).call();
            return s.isClean() ? null : "has uncommitted changes; commit or stash them, or use --force";
        } catch (IOException | GitAPIException | RuntimeException e) {
            return "its git status cannot be read (" + e.getClass().getSimpleName() + "), so uncommitted changes"
                    + " cannot be ruled out; use --force to fix it anyway";
        }
    }
}
