package dev.miscan.core.api;

/** What a finding means for the user (DESIGN.md, "Severity and tiers"). */
public enum Tier {
    /** A credential literal is in the file. */
    SECRET("secret", Severity.ERROR),
    /** A credential slot is filled from elsewhere, or the value is a key that is not a secret on its own. */
    KEY_BASED_AUTH("key-based-auth", Severity.WARNING),
    /** Identity is not configured where it could be. */
    HARDENING("hardening", Severity.NOTE);

    private final String label;
    private final Severity defaultSeverity;

    Tier(String label, Severity defaultSeverity) {
        this.label = label;
        this.defaultSeverity = defaultSeverity;
    }

    public String label() {
        return label;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
