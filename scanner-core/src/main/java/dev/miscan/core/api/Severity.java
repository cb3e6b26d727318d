package dev.miscan.core.api;

import java.util.Locale;

/** Result level, ordered from most to least severe; names match SARIF levels. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String sarifLevel() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
