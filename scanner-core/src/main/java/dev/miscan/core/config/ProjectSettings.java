package dev.miscan.core.config;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
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
 * ScanResult r = s.engine().scan(new ScanRequest(root, paths, s.excludes(extra), s.maxFileSize(null), 0));
 * r = s.applyBaseline(s.baselineFile(baselineOrNull, root), r, Baseline.existingFilesUnder(root));
 * String failOn = s.failOn(failOnOrNull);   // error | warning | note | none; decide on r.findings() only
 * </pre>
 */
public final class ProjectSettings {
    private final MiScanConfig config;
    private final RuleRegistry registry;

    private ProjectSettings(MiScanConfig config, RuleRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Reads {@code configFile}, or {@code root/.mi-scan.yml} when it is null (no file: defaults), and checks its
     * rule ids against {@code registry}.
     */
    public static ProjectSettings load(Path configFile, Path root, RuleRegistry registry) throws ConfigException {
        MiScanConfig config = configFile != null ? MiScanConfig.load(configFile) : MiScanConfig.discover(root);
        config.checkRuleIds(registry.knownIds());
        return new ProjectSettings(config, registry);
    }

    public MiScanConfig config() {
        return config;
    }

    /** An engine with the file's rules on/off, severity overrides and allow-lists. */
    public Engine engine() {
        return new Engine(registry, config.policy());
    }

    /** The file's excludes followed by the front end's. */
    public List<String> excludes(List<String> flags) {
        List<String> all = new ArrayList<>(config.excludes());
        all.addAll(flags);
        return all;
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

    /** Applies the baseline if there is one ({@code baselineFile} null: the result as it is). */
    public ScanResult applyBaseline(Path baselineFile, ScanResult result, Predicate<String> pathExists)
            throws ConfigException, IOException {
        if (baselineFile == null) {
            return result;
        }
        Baseline baseline;
        try {
            baseline = Baseline.load(baselineFile);
        } catch (NoSuchFileException e) {
            throw new ConfigException("baseline file not found: " + baselineFile);
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
        return baseline.apply(result, pathExists).result();
    }
}
