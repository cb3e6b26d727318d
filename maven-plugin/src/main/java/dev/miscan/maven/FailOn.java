package dev.miscan.maven;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code failOn} threshold: a severity, the tier that has it by default ({@code secret},
 * {@code key-based-auth}, {@code hardening}), or {@code none}.
 */
enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), NOTE(Severity.NOTE), NONE(null);

    static final String CHOICES = "error (or secret), warning (or key-based-auth), note (or hardening), none";

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    static Optional<FailOn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "error", "secret" -> Optional.of(ERROR);
            case "warning", "key-based-auth" -> Optional.of(WARNING);
            case "note", "hardening" -> Optional.of(NOTE);
            case "none" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }

    boolean fails(Finding finding) {
        return threshold != null && finding.severity().atLeast(threshold);
    }

    /** The word users write, e.g. "error". */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
