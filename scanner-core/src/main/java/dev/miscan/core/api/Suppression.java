package dev.miscan.core.api;

import java.util.Objects;

/**
 * Why a finding is not counted: it is still reported (SARIF {@code suppressions}, the JSON
 * {@code suppressedFindings}, the text summary) but never fails a build.
 *
 * @param origin        who suppressed it
 * @param justification the reason given ({@code mi-scan:allow … reason}), or where the suppression comes
 *                      from (baseline file, configuration key); never the secret
 */
public record Suppression(Origin origin, String justification) {

    /** Where a suppression comes from; SARIF distinguishes only in-source and external ones. */
    public enum Origin {
        /** {@code mi-scan:allow} in the scanned file. */
        INLINE("inSource", "inline"),
        /** An allow-list in {@code .mi-scan.yml}. */
        CONFIG("external", "config"),
        /** A fingerprint in the baseline file. */
        BASELINE("external", "baseline");

        private final String sarifKind;
        private final String label;

        Origin(String sarifKind, String label) {
            this.sarifKind = sarifKind;
            this.label = label;
        }

        /** SARIF 2.1.0 {@code suppression.kind}: {@code inSource} or {@code external}. */
        public String sarifKind() {
            return sarifKind;
        }

        /** Lower-case name used in the JSON and text reports. */
        public String label() {
            return label;
        }
    }

    public Suppression {
        Objects.requireNonNull(origin);
        justification = justification == null ? "" : justification;
    }
}
