package dev.miscan.rules.identity;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.CaskKeys;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.rules.support.AzureRoles;
import dev.miscan.rules.support.Remedies;
import java.util.Map;
import java.util.Set;

@DetectorInfo(
        rules = "MI-IDENTIFIABLE-KEY",
        keywords = {"+aba", "+amc", "apim", "+arm", "aiot", "+acr", "azse", "azfu", "jqqj9"},
        precedence = 30)
public final class IdentifiableKeyRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.identifiable("Azure service", null);
    }
    /** Kinds reported by a service-specific rule instead. */
    private static final Set<String> OWN_RULE = Set.of("storage", "cosmos", "servicebus", "eventhubs", "redis",
            "eventgrid");
    private static final Map<String, Role> ROLES = Map.of(
            "acr", AzureRoles.ACR_PULL,
            "search", AzureRoles.SEARCH_INDEX_DATA_READER);

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        for (String sig : new String[] {"+ABa", "+AMC", "APIM", "+ARm", "AIoT", "+ACR", "AzSe", "AzFu"}) {
            for (int at : doc.occurrences(sig.toLowerCase(java.util.Locale.ROOT))) {
                IdentifiableKeys.at(text, at).filter(m -> !OWN_RULE.contains(m.format().kind())).ifPresent(m ->
                        report(doc, sink, at - m.format().signatureIndex(), m.key(),
                                m.format().service() + " (identifiable, checksum valid, seed " + m.seedLabel() + ").",
                                Remedies.identifiable(m.format().service(), ROLES.get(m.format().kind()))));
            }
        }
        for (int at : doc.occurrences("jqqj9")) {
            CaskKeys.at(text, at).filter(m -> !m.provider().equals("AZEG")).ifPresent(m ->
                    report(doc, sink, m.start(), m.key(), m.service() + " key (CASK, checksum valid, created "
                                    + m.yearMonth() + ").",
                            Remedies.identifiable(m.service(), m.provider().equals("ACOG")
                                    ? AzureRoles.COGNITIVE_SERVICES_USER : null)));
        }
    }
}
