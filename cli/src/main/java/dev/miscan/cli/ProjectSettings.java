package dev.miscan.cli;

import dev.miscan.core.api.Rule;
import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.MiScanConfig;
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
 * The settings of one run: {@code .mi-scan.yml} (from {@code --config} or the scanned root) with the
 * command-line flags on top. Flags win; list flags ({@code --exclude}) add to the file's lists.
 */
final class ProjectSettings {
    private final MiScanConfig config;
    private final RuleRegistry registry;

    private ProjectSettings(MiScanConfig config, RuleRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** Reads {@code configFile}, or {@code root/.mi-scan.yml} when it is null, and checks its rule ids. */
    static ProjectSettings load(Path configFile, Path root) throws ConfigException {
        MiScanConfig config = configFile != null ? MiScanConfig.load(configFile) : MiScanConfig.discover(root);
        RuleRegistry registry = RuleRegistry.load();
        config.checkRuleIds(registry.rules().stream().map(Rule::descriptor).map(d -> d.id()).toList());
        return new ProjectSettings(config, registry);
    }

    MiScanConfig config() {
        return config;
    }

    Engine engine() {
        return new Engine(registry, config.policy());
    }

    List<String> excludes(List<String> flags) {
        List<String> all = new ArrayList<>(config.excludes());
        all.addAll(flags);
        return all;
    }

    /** The flag's size when given, else the file's, else the default. */
    long maxFileSize(Long flag) {
        if (flag != null) {
            return flag;
        }
        return config.maxFileSize() != null ? config.maxFileSize() : ScanRequest.DEFAULT_MAX_FILE_SIZE;
    }

    /** The flag when given, else the file's {@code fail-on}, else error. */
    ScanCommand.FailOn failOn(ScanCommand.FailOn flag) {
        if (flag != null) {
            return flag;
        }
        return config.failOn() != null ? ScanCommand.FailOn.valueOf(config.failOn()) : ScanCommand.FailOn.error;
    }

    /**
     * The baseline to apply: {@code --baseline}, else the file's {@code baseline:}, else
     * {@code root/.mi-scan-baseline.json} when it exists; null for none. A file that was named but does not
     * exist is an error.
     */
    Path baselineFile(Path flag, Path root) throws ConfigException {
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

    /** Applies the baseline if there is one. */
    ScanResult applyBaseline(Path baselineFile, ScanResult result, Predicate<String> pathExists)
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
