package dev.miscan.rules.identity;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.EntraSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-ID-CLIENT-SECRET",
        keywords = {"q~", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class EntraClientSecretRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.clientSecret();
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("q~")) {
            if (at < 4) {
                continue;
            }
            EntraSecrets.at(text, at).ifPresent(m -> {
                if (Placeholders.isPlaceholder(m.secret())) {
                    return;
                }
                if (m.checksumValid()) {
                    report(doc, sink, m.start(), m.secret(),
                            "Microsoft Entra ID client secret (checksum valid).", Remedies.clientSecret());
                } else if (Contexts.isCredentialSlot(doc, m.start())) {
                    report(doc, sink, m.start(), m.secret(), "Microsoft Entra ID client secret"
                            + (m.current() ? " (checksum does not validate)" : " (legacy 7Q~ format)")
                            + " in a credential setting.", Remedies.clientSecret());
                }
            });
        }
    }
}
