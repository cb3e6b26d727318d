package dev.miscan.core.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * One result. Immutable; never holds the secret itself, only a redacted preview and a hash of it.
 *
 * @param rule        the rule that produced it
 * @param severity    the level of this result (usually the rule's default)
 * @param message     one sentence for the user, without the secret
 * @param location    where the credential material starts
 * @param snippet     the source line with the secret redacted
 * @param preview     a redacted rendering of the secret, e.g. {@code Zm9v…(88 chars)}
 * @param secretHash  hex SHA-256 of the secret; feeds fingerprints, never reversed
 * @param fingerprint content-based id: rule, path, secret hash and occurrence, never a line number
 * @param remediation what to do instead
 */
public record Finding(
        RuleDescriptor rule,
        Severity severity,
        String message,
        Location location,
        String snippet,
        String preview,
        String secretHash,
        String fingerprint,
        Remediation remediation) {

    /** The deterministic output order: path, line, column, rule. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(f -> f.rule().id());

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(remediation);
    }

    public Finding withFingerprint(String newFingerprint) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, newFingerprint,
                remediation);
    }

    public Finding withSnippet(String newSnippet) {
        return new Finding(rule, severity, message, location, newSnippet, preview, secretHash, fingerprint,
                remediation);
    }
}
