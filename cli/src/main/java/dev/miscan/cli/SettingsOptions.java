package dev.miscan.cli;

import dev.miscan.core.config.ConfigException;
import dev.miscan.core.config.ProjectSettings;
import dev.miscan.core.engine.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --exclude}: every command that scans reads the same settings the same way. */
final class SettingsOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: the .mi-scan.yml of the "
            + "scanned directory, else the nearest above it up to the repository root); command-line flags override it.")
    Path config;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip paths matching GLOB (gitignore syntax, relative to the report's base directory); "
                    + "repeatable; adds to .mi-scan.yml's exclude.")
    List<String> excludes = new ArrayList<>();

    /** {@code --config}, else {@code root/.mi-scan.yml}, else the defaults. */
    ProjectSettings load(Path root) throws ConfigException {
        return ProjectSettings.load(config, root, RuleRegistry.load());
    }

    /**
     * {@code --config}, else the {@code .mi-scan.yml} nearest to {@code scanned} up to the repository root, else the
     * defaults; paths are reported relative to {@code root}.
     */
    ProjectSettings load(Path root, Path scanned) throws ConfigException {
        return ProjectSettings.load(config, root, scanned, RuleRegistry.load());
    }

    /** The settings file's excludes and then the flags'. */
    List<String> excludes(ProjectSettings settings) {
        return settings.excludes(excludes);
    }
}
