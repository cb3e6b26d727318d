package dev.miscan.core.config;

/**
 * A {@code .mi-scan.yml} that cannot be used. The message names the file, the line and the key, e.g.
 * {@code .mi-scan.yml:4: unknown key 'alow' (known keys: …)}; front ends print it and exit with the
 * configuration-error code.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
