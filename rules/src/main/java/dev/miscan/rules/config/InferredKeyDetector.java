package dev.miscan.rules.config;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.support.Remedies;
import java.util.List;

/**
 * Keys under settings the application named itself, attributed by their neighbours ({@link InferredSlots}):
 * reported under the service's rule whatever detector owns the rule's other forms, so that a service known to
 * the catalogue only (AI Search, Functions, API Management) is covered as well as one with a detector of its own.
 * A place both report is one finding.
 */
@DetectorInfo(keywords = {"key", "secret"}, precedence = 45, kind = "config")
public final class InferredKeyDetector extends Detector {
    private static final List<String> RULES = InferredSlots.ruleIds();

    @Override
    public List<String> ruleIds() {
        return RULES;
    }

    @Override
    public Remediation exampleRemediation() {
        return exampleRemediation(ruleId());
    }

    @Override
    public Remediation exampleRemediation(String ruleId) {
        return AzureCatalogue.get().services().stream()
                .filter(s -> InferredSlots.of(s.key()) != null && (InferredSlots.of(s.key()).rule().equals(ruleId)
                        || keyAuthOf(InferredSlots.of(s.key()).rule()).equals(ruleId)))
                .findFirst().map(s -> Remedies.catalogue(s.key(), null)).orElseThrow();
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        for (String rule : RULES) {
            ConfigSlots.report(doc, rule, c -> {
                if (!c.slot().when().equals("inferred") || c.slot().kind() != ConfigSlots.Kind.APIKEY) {
                    return; // the rule's own detector reports its table slots
                }
                AzureCatalogue.get().services().stream().filter(s -> InferredSlots.of(s.key()) == c.slot()).findFirst()
                        .ifPresent(s -> report(doc, sink, c.secret() ? rule : keyAuthOf(rule), c.offset(), c.text(),
                                c.message(), Remedies.config(Remedies.catalogue(s.key(), null), c.slot())));
            });
        }
    }
}
