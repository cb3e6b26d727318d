package dev.miscan.core.session;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The threshold at which a run fails ({@code --fail-on}, the Maven {@code failOn}, {@code .mi-scan.yml}'s
 * {@code fail-on}): a severity, the tier that has it by default ({@code secret}, {@code key-based-auth},
 * {@code hardening}), or {@code none}. One parser for every front end, so that a value means the same in a
 * terminal and in a build.
 */
public enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), NOTE(Severity.NOTE), NONE(null);

    /** What a user may write, for error messages. */
    public static final String CHOICES = "error (or secret), warning (or key-based-auth), note (or hardening), none";

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** Case and surrounding blanks are ignored; empty for null or an unknown word. */
    public static Optional<FailOn> parse(String text) {
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

    /** True when the finding is at or above the threshold ({@code none}: never). */
    public boolean fails(Finding finding) {
        return threshold != null && finding.severity().atLeast(threshold);
    }

    /** True when any of the findings fails the run. */
    public boolean fails(List<Finding> findings) {
        return findings.stream().anyMatch(this::fails);
    }

    /** The findings that fail the run, in their order. */
    public List<Finding> failing(List<Finding> findings) {
        return findings.stream().filter(this::fails).toList();
    }

    /** The word users write, e.g. "error". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
