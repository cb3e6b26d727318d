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
 * The configuration slots of the services that the Azure catalogue alone describes (no dedicated detector): a key
 * written in the setting is the service's secret rule, a setting filled from elsewhere its key-based-auth rule,
 * with the catalogue's remediation. A new service of this kind is a catalogue entry, its rules' prose, fixtures.
 */
@DetectorInfo(keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"}, precedence = 40,
        kind = "config")
public final class CatalogueServiceDetector extends Detector {
    private static final List<String> RULES = CatalogueRules.ruleIds(s -> true);

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
        return AzureCatalogue.get().detectedFromCatalogue().stream()
                .filter(s -> CatalogueRules.of(s.key()).filter(r -> r.secret().equals(ruleId) || r.keyAuth().equals(ruleId))
                        .isPresent())
                .findFirst().map(s -> Remedies.catalogue(s.key(), null)).orElseThrow();
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        for (AzureCatalogue.Service s : AzureCatalogue.get().detectedFromCatalogue()) {
            CatalogueRules.Rules d = CatalogueRules.of(s.key()).orElseThrow();
            ConfigSlots.report(doc, d.secret(), c -> report(doc, sink, c.secret() ? d.secret() : d.keyAuth(),
                    c.offset(), c.text(), c.message(),
                    Remedies.config(Remedies.catalogue(s.key(), ConfigSlots.resourceNear(doc, c.entry(), s)), c.slot())
                            .withFix(ConfigSlots.fix(doc, c))));
        }
    }
}
