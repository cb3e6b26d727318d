package dev.miscan.rules.config;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.support.Remedies;

/**
 * A detector of one service's rule that also reads the configuration slots of that rule ({@link ConfigSlots}):
 * a literal in a slot is reported under the rule, a slot filled from elsewhere under the rule's key-based-auth
 * rule, both with the slot's passwordless settings as the remediation. A rule with a value shape of its own
 * (a connection string, an identifiable key) reports it in {@link #scanValues}; a rule known only by the
 * setting that holds it (a certificate password) has none.
 */
public abstract class ConfigSlotDetector extends Detector {

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        reportConfigSlots(doc, sink);
    }

    /**
     * Reports the credentials this detector recognises by their value, wherever they are written. {@code sink}
     * gives a value found inside a slot that slot's fix.
     */
    protected void scanValues(Document doc, FindingSink sink) {
    }

    /**
     * The remediation of slot candidate {@code c}, before its fix: the service's, with the slot's settings, for the
     * resource the setting's neighbours name when they name one ({@link ConfigSlots#resourceNear}).
     */
    protected Remediation configRemediation(Document doc, ConfigSlots.Candidate c) {
        Remediation service = exampleRemediation();
        String resource = dev.miscan.core.catalogue.AzureCatalogue.get().services().stream()
                .filter(s -> s.name().equals(service.service())).findFirst()
                .map(s -> ConfigSlots.resourceNear(doc, c.entry(), s)).orElse(null);
        return Remedies.config(resource == null ? service : remediationOf(resource), c.slot());
    }

    /** The remediation for the named resource of this rule's service; by default the service's own (no name). */
    protected Remediation remediationOf(String resource) {
        return exampleRemediation();
    }

    /** Reports this detector's rule's slot candidates in {@code doc}. */
    protected final void reportConfigSlots(Document doc, FindingSink sink) {
        ConfigSlots.report(doc, ruleId(), c -> report(doc, sink,
                c.secret() ? ruleId() : keyAuthOf(ruleId()), "config", c.offset(), c.text(), c.message(),
                configRemediation(doc, c).withFix(ConfigSlots.fix(doc, c))));
    }
}
