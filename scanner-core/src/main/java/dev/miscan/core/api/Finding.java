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
 * @param secretHash  hex SHA-256 of the secret, for this process only (de-duplication, fix checks, history):
 *                    never written to a report or a baseline, where it could be brute-forced
 * @param fingerprint content-based id: rule, path, keyed digest of the secret and occurrence, never a line
 *                    number ({@link Fingerprints})
 * @param remediation what to do instead
 * @param provenance  the commit that introduced it (git history and range scans), or null
 * @param suppression why it is not counted (inline allow, config allow-list, baseline), or null
 * @param detector    what found it: value, config, java, iac or script (a property of the result, so that
 *                    per-format views stay possible while the rule id is the same in every format)
 * @param related     other places the result involves (the resource a module argument configures), each with
 *                    what it is; empty for most results
 * @param secretDigest the keyed, slow digest of the secret ({@link dev.miscan.core.secrets.FingerprintKey}) that
 *                    the fingerprint and a baseline's content hash derive from; null until the engine numbers the
 *                    finding. Never written itself
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
        Remediation remediation,
        Provenance provenance,
        Suppression suppression,
        String detector,
        java.util.List<Related> related,
        String secretDigest) {

    /** Another place a result involves, and what it is there ("the Service Bus namespace it configures"). */
    public record Related(Location location, String message) {
        public Related {
            Objects.requireNonNull(location);
            Objects.requireNonNull(message);
        }
    }

    public Finding(RuleDescriptor rule, Severity severity, String message, Location location, String snippet,
            String preview, String secretHash, String fingerprint, Remediation remediation, Provenance provenance,
            Suppression suppression, String detector) {
        this(rule, severity, message, location, snippet, preview, secretHash, fingerprint, remediation, provenance,
                suppression, detector, java.util.List.of(), null);
    }

    public Finding(RuleDescriptor rule, Severity severity, String message, Location location, String snippet,
            String preview, String secretHash, String fingerprint, Remediation remediation, Provenance provenance,
            Suppression suppression, String detector, java.util.List<Related> related) {
        this(rule, severity, message, location, snippet, preview, secretHash, fingerprint, remediation, provenance,
                suppression, detector, related, null);
    }

    public Finding withRelated(java.util.List<Related> newRelated) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, fingerprint,
                remediation, provenance, suppression, detector, newRelated, secretDigest);
    }

    /** The deterministic output order: path, line, column, rule. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(f -> f.rule().id());

    public Finding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(remediation);
        detector = detector == null ? "value" : detector;
        related = related == null ? java.util.List.of() : java.util.List.copyOf(related);
    }

    /** A finding from the working tree: no commit, not suppressed. */
    public Finding(RuleDescriptor rule, Severity severity, String message, Location location, String snippet,
            String preview, String secretHash, String fingerprint, Remediation remediation) {
        this(rule, severity, message, location, snippet, preview, secretHash, fingerprint, remediation, null, null,
                "value");
    }

    public Finding withFingerprint(String newFingerprint) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, newFingerprint,
                remediation, provenance, suppression, detector, related, secretDigest);
    }

    /** The finding numbered: its fingerprint and the keyed digest it derives from. */
    public Finding withFingerprint(String newFingerprint, String newSecretDigest) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, newFingerprint,
                remediation, provenance, suppression, detector, related, newSecretDigest);
    }

    public Finding withSnippet(String newSnippet) {
        return new Finding(rule, severity, message, location, newSnippet, preview, secretHash, fingerprint,
                remediation, provenance, suppression, detector, related, secretDigest);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, message, location, snippet, preview, secretHash, fingerprint,
                remediation, provenance, suppression, detector, related, secretDigest);
    }

    public Finding withProvenance(Provenance newProvenance) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, fingerprint,
                remediation, newProvenance, suppression, detector, related, secretDigest);
    }

    public Finding withRemediation(Remediation newRemediation) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, fingerprint,
                newRemediation, provenance, suppression, detector, related, secretDigest);
    }

    public Finding withLocation(Location newLocation) {
        return new Finding(rule, severity, message, newLocation, snippet, preview, secretHash, fingerprint,
                remediation, provenance, suppression, detector, related, secretDigest);
    }

    public Finding withSuppression(Suppression newSuppression) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, fingerprint,
                remediation, provenance, newSuppression, detector, related, secretDigest);
    }

    public Finding withDetector(String newDetector) {
        return new Finding(rule, severity, message, location, snippet, preview, secretHash, fingerprint,
                remediation, provenance, suppression, newDetector, related, secretDigest);
    }

    public boolean suppressed() {
        return suppression != null;
    }
}
