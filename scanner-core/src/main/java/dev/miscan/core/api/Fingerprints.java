package dev.miscan.core.api;

import dev.miscan.core.secrets.Redaction;

/**
 * The content fingerprint of a finding, shared by SARIF {@code partialFingerprints}, baselines and
 * suppressions: rule id, path and the hash of the secret, never a line number, plus the occurrence of that
 * secret in the file ({@code <base>:<n>}).
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** The fingerprint without its occurrence number. */
    public static String base(String ruleId, String path, String secretHash) {
        return Redaction.sha256(ruleId + "\n" + path + "\n" + secretHash).substring(0, 32);
    }

    /**
     * The fingerprint {@code f} had when its rule was called {@code ruleId} (one of its former ids): what a
     * baseline written before the rename holds.
     */
    public static String under(String ruleId, Finding f) {
        if (ruleId.equals(f.rule().id()) || f.fingerprint() == null) {
            return f.fingerprint();
        }
        String occurrence = f.fingerprint().substring(f.fingerprint().indexOf(':'));
        return base(ruleId, f.location().path(), f.secretHash()) + occurrence;
    }
}
