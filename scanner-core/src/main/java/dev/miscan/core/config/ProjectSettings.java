package dev.miscan.core.config;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.suppress.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The settings of one run, shared by the front ends (CLI, Maven plugin): {@code .mi-scan.yml} (named, or
 * found in the scanned root) with the front end's own flags or parameters on top. A flag wins over the file;
 * list flags ({@code --exclude}) add to the file's lists.
 *
 * <pre>
 * ProjectSettings s = ProjectSettings.load(configOrNull, root, RuleRegistry.load());   // ConfigException: exit 2
 * Baseline b = s.loadBaseline(s.baselineFile(baselineOrNull, root));   // null: none; b.advice(): warn once
 * ScanResult r = s.engine(b).scan(new ScanRequest(root, paths, s.excludes(extra), s.maxFileSize(null), 0));
 * r = s.applyBaseline(b, r, Baseline.existingFilesUnder(root));
 * String failOn = s.failOn(failOnOrNull);   // error | warning | note | none; decide on r.findings() only
 * </pre>
 */
public final class ProjectSettings {
    private final MiScanConfig config;
    private final RuleRegistry registry;
    /** Where the scan's paths start, relative to the directory of the settings file ("" when it is the same). */
    private final String rootInConfigDir;
    /**
     * Where the settings file's directory is, relative to the root the paths are reported from, with a trailing
     * {@code /} ("" when it is the same): a file found in the scanned subdirectory of a repository.
     */
    private final String configDirInRoot;

    private ProjectSettings(MiScanConfig config, RuleRegistry registry, String rootInConfigDir, String configDirInRoot) {
        this.config = config;
        this.registry = registry;
        this.rootInConfigDir = rootInConfigDir;
        this.configDirInRoot = configDirInRoot;
    }

    /**
     * Reads {@code configFile}, or the {@code .mi-scan.yml} that applies to {@code root} when it is null: the
     * root's own, else the nearest above it within its git repository (no file: defaults). Checks its rule ids
     * against {@code registry}.
     */
    public static ProjectSettings load(Path configFile, Path root, RuleRegistry registry) throws ConfigException {
        return load(configFile, root, root, registry);
    }

    /**
     * Reads {@code configFile}, or the {@code .mi-scan.yml} that applies to a scan of {@code scanned} when it is
     * null: that directory's own, else the nearest above it within its git repository (no file: defaults). Paths
     * are reported relative to {@code root} (the repository root): the file's excludes and allow-list paths,
     * written relative to its own directory, are matched as such wherever that directory is.
     */
    public static ProjectSettings load(Path configFile, Path root, Path scanned, RuleRegistry registry)
            throws ConfigException {
        MiScanConfig config = configFile != null ? MiScanConfig.load(configFile) : MiScanConfig.discover(scanned);
        config.checkRuleIds(registry.knownIds());
        String prefix = "";
        String below = "";
        if (configFile == null && config.file() != null && config.file().getParent() != null) {
            Path configDir = config.file().toAbsolutePath().normalize().getParent();
            Path scanRoot = root.toAbsolutePath().normalize();
            if (scanRoot.startsWith(configDir) && !scanRoot.equals(configDir)) {
                prefix = configDir.relativize(scanRoot).toString().replace('\\', '/') + "/";
            } else if (configDir.startsWith(scanRoot) && !scanRoot.equals(configDir)) {
                below = scanRoot.relativize(configDir).toString().replace('\\', '/') + "/";
            }
        }
        return new ProjectSettings(config, registry, prefix, below);
    }

    public MiScanConfig config() {
        return config;
    }

    /**
     * An engine with the file's rules on/off, severity overrides and allow-lists, fingerprinting with the default
     * key: for a scan that no baseline is compared with.
     */
    public Engine engine() {
        return new Engine(registry, policy());
    }

    private dev.miscan.core.suppress.FindingPolicy policy() {
        String dir = configDirInRoot;
        return dir.isEmpty() ? config.policy()
                : config.policy(path -> path.startsWith(dir) ? path.substring(dir.length()) : path);
    }

    /**
     * As {@link #engine()}, fingerprinting with {@code baseline}'s key ({@link Baseline#scanKey()}), so that its
     * reports' fingerprints are those of the baseline; {@code baseline} null: the default key.
     */
    public Engine engine(Baseline baseline) {
        return baseline == null ? engine() : engine(baseline.scanKey());
    }

    /** As {@link #engine()}, fingerprinting with {@code key} (a new baseline's). */
    public Engine engine(FingerprintKey key) {
        return new Engine(registry, policy(), key);
    }

    /**
     * The file's excludes followed by the front end's. A file found above the scanned root (the repository's)
     * has its patterns rebased onto the root, so that they mean what they mean to git.
     */
    public List<String> excludes(List<String> flags) {
        List<String> all = new ArrayList<>();
        for (String pattern : config.excludes()) {
            String rebased = configDirInRoot.isEmpty() ? rebase(pattern, rootInConfigDir) : below(pattern, configDirInRoot);
            if (rebased != null) {
                all.add(rebased);
            }
        }
        all.addAll(flags);
        return all;
    }

    /**
     * {@code pattern}, written relative to the settings file's directory, relative to the scanned root that lies at
     * {@code prefix} below it; null when it can only match outside the root. A pattern without an inner slash
     * matches at any depth and stays as it is.
     */
    static String rebase(String pattern, String prefix) {
        if (prefix.isEmpty()) {
            return pattern;
        }
        boolean negated = pattern.startsWith("!");
        String p = negated ? pattern.substring(1) : pattern;
        String body = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if (!body.contains("/")) {
            return pattern;
        }
        String anchored = p.startsWith("/") ? p.substring(1) : p;
        if (anchored.startsWith(prefix)) {
            String rest = anchored.substring(prefix.length());
            return rest.isEmpty() ? negated ? null : "*" : (negated ? "!" : "") + "/" + rest;
        }
        String dir = anchored.endsWith("/") ? anchored : anchored + "/";
        if (prefix.startsWith(dir) && !dir.contains("*") && !dir.contains("?") && !dir.contains("[")) {
            return negated ? null : "*"; // the pattern names a directory above the root: everything in it
        }
        return null;
    }

    /**
     * {@code pattern}, written relative to the settings file's directory, which lies at {@code dir} (ending with
     * {@code /}) below the root the paths are reported from: anchored there, and a pattern without an inner slash
     * still matches at any depth below it.
     */
    static String below(String pattern, String dir) {
        boolean negated = pattern.startsWith("!");
        String p = negated ? pattern.substring(1) : pattern;
        String body = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        String anchored = body.contains("/") ? "/" + dir + (p.startsWith("/") ? p.substring(1) : p) : "/" + dir + "**/" + p;
        return (negated ? "!" : "") + anchored;
    }

    /** The flag's size when given, else the file's, else the default. */
    public long maxFileSize(Long flag) {
        if (flag != null) {
            return flag;
        }
        return config.maxFileSize() != null ? config.maxFileSize() : ScanRequest.DEFAULT_MAX_FILE_SIZE;
    }

    /** The flag when given, else the file's {@code fail-on}, else {@code error}: error, warning, note or none. */
    public String failOn(String flag) {
        if (flag != null) {
            return flag;
        }
        return config.failOn() != null ? config.failOn() : "error";
    }

    /**
     * The baseline to apply: {@code --baseline}, else the file's {@code baseline:}, else
     * {@code root/.mi-scan-baseline.json} when it exists; null for none. A file that was named but does not
     * exist is an error.
     */
    public Path baselineFile(Path flag, Path root) throws ConfigException {
        Path named = flag != null ? flag : config.baselinePath();
        if (named == null) {
            Path standard = root.resolve(Baseline.DEFAULT_FILE);
            return Files.isRegularFile(standard) ? standard : null;
        }
        if (!Files.isRegularFile(named)) {
            throw new ConfigException("baseline file not found: " + named
                    + " (create it with 'mi-scan baseline create')");
        }
        return named;
    }

    /**
     * The baseline to apply to a scan of {@code scanned} whose paths are reported relative to {@code root}:
     * {@code --baseline}, else the file's {@code baseline:}, else the nearest {@code .mi-scan-baseline.json} from
     * {@code scanned} up to {@code root} (the repository's, or one a subdirectory's scan wrote before paths were
     * taken from the repository root); null for none.
     */
    public Path baselineFile(Path flag, Path root, Path scanned) throws ConfigException {
        if (flag != null || config.baselinePath() != null) {
            return baselineFile(flag, root);
        }
        return nearestBaseline(root, scanned);
    }

    /** The nearest {@code .mi-scan-baseline.json} from {@code scanned} up to {@code root}, or null. */
    public static Path nearestBaseline(Path root, Path scanned) {
        Path top = root.toAbsolutePath().normalize();
        Path start = scanned.toAbsolutePath().normalize();
        for (Path d = start.startsWith(top) ? start : top; d != null && d.startsWith(top); d = d.getParent()) {
            Path standard = d.resolve(Baseline.DEFAULT_FILE);
            if (Files.isRegularFile(standard)) {
                return standard;
            }
        }
        return null;
    }

    /**
     * Reads the baseline to apply to a scan of {@code scanned} reported from {@code root}, as
     * {@link #loadBaseline(Path)}; a file written before paths were taken from the repository root may hold paths
     * relative to its own directory or to the scanned one: its entries are matched that way too
     * ({@link Baseline#withLegacyPrefixes}).
     */
    public Baseline loadBaseline(Path baselineFile, Path root, Path scanned) throws ConfigException {
        Baseline baseline = loadBaseline(baselineFile);
        return baseline == null ? null : baseline.withLegacyPrefixes(legacyPrefixes(root, baselineFile, scanned));
    }

    /** The directories of {@code file} and {@code scanned} below {@code root}, each ending with '/'. */
    public static List<String> legacyPrefixes(Path root, Path file, Path scanned) {
        Path top = root.toAbsolutePath().normalize();
        List<String> prefixes = new ArrayList<>();
        for (Path d : new Path[] {file.toAbsolutePath().normalize().getParent(), scanned.toAbsolutePath().normalize()}) {
            if (d != null && d.startsWith(top) && !d.equals(top)) {
                prefixes.add(top.relativize(d).toString().replace('\\', '/') + "/");
            }
        }
        return prefixes;
    }

    /**
     * Reads the baseline to apply ({@code baselineFile} null: none, null). Read before the scan, whose engine
     * takes its key ({@link #engine(Baseline)}). A format 1 file is read; its {@link Baseline#advice()} is the
     * one warning the front end gives.
     */
    public Baseline loadBaseline(Path baselineFile) throws ConfigException {
        if (baselineFile == null) {
            return null;
        }
        try {
            return Baseline.load(baselineFile);
        } catch (NoSuchFileException e) {
            throw new ConfigException("baseline file not found: " + baselineFile);
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * Applies the baseline if there is one ({@code baseline} null: the result as it is). The result must come
     * from {@link #engine(Baseline)} with the same baseline.
     */
    public ScanResult applyBaseline(Baseline baseline, ScanResult result, Predicate<String> pathExists) {
        return baseline == null ? result : baseline.apply(result, pathExists).result();
    }
}
