package dev.miscan.core.api;

import dev.miscan.core.secrets.Redaction;

/**
 * The content fingerprint of a finding, shared by SARIF {@code partialFingerprints}, the JSON report, baselines
 * and suppressions: rule id, path and the keyed digest of the secret ({@link Finding#secretDigest()}, PBKDF2 with
 * the repository's salt), never a line number, plus the occurrence of that secret in the file
 * ({@code <base>:<n>}). Nothing here is computed from the plain SHA-256 of a secret, which could be
 * brute-forced from a committed file.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** The fingerprint without its occurrence number. */
    public static String base(String ruleId, String path, String secretDigest) {
        return Redaction.sha256(ruleId + "\n" + path + "\n" + secretDigest).substring(0, 32);
    }

    /** Identifies a secret for one rule independently of its path (a baseline's {@code contentHash}). */
    public static String contentHash(String ruleId, String secretDigest) {
        return Redaction.sha256(ruleId + "\n" + secretDigest).substring(0, 32);
    }

    /**
     * The fingerprint {@code f} had when its rule was called {@code ruleId} (one of its former ids): what a
     * baseline written before the rename holds.
     */
    public static String under(String ruleId, Finding f) {
        if (ruleId.equals(f.rule().id()) || f.fingerprint() == null) {
            return f.fingerprint();
        }
        return base(ruleId, f.location().path(), f.secretDigest()) + occurrence(f);
    }

    /** The occurrence suffix of a numbered finding's fingerprint ({@code ":2"}). */
    public static String occurrence(Finding f) {
        return f.fingerprint().substring(f.fingerprint().lastIndexOf(':'));
    }
}
