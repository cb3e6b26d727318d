package dev.miscan.core.suppress;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Suppression;

/**
 * Project settings the engine applies to every finding: which rules run, severity overrides, and
 * allow-lists that need the secret itself (it is handed over here and nowhere else, and must not be kept).
 * {@link dev.miscan.core.config.MiScanConfig#policy()} builds one from {@code .mi-scan.yml}.
 */
public interface FindingPolicy {
    /** Every rule on, default severities, nothing allowed. */
    FindingPolicy DEFAULT = new FindingPolicy() {
    };

    default boolean enabled(RuleDescriptor rule) {
        return true;
    }

    /** The severity to report a finding of {@code rule} with. */
    default Severity severity(RuleDescriptor rule, Severity reported) {
        return reported;
    }

    /** An allow-list suppression for this finding, or null. */
    default Suppression suppression(Finding finding, String secret) {
        return null;
    }
}
