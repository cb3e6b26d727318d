package dev.miscan.rules.identity;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.EntraSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-ID-CLIENT-SECRET",
        name = "entra-client-secret",
        tier = Tier.SECRET,
        summary = "Microsoft Entra ID application client secret",
        description = "A client secret of an app registration (`xxx8Q~…`, 40 characters) lets anyone sign in as the"
                + " application, with every role it holds. A secret whose `8Q~` checksum validates is reported"
                + " wherever it appears; the legacy `7Q~` form and secrets whose checksum fails are reported only in"
                + " a credential setting (`client-secret`, `password`, …).",
        help = "Use `new DefaultAzureCredentialBuilder().build()` (Managed Identity in Azure, workload identity"
                + " federation in CI) instead of `ClientSecretCredential`; in Spring remove"
                + " `spring.cloud.azure.credential.client-secret` and set"
                + " `spring.cloud.azure.credential.managed-identity-enabled=true`. Move the app's role assignments to"
                + " the identity and delete the secret from the app registration.",
        bad = "spring.cloud.azure.credential.client-secret=<client secret>",
        good = "spring.cloud.azure.credential.managed-identity-enabled=true",
        securitySeverity = "9.1",
        tags = {"entra-id", "service-principal"},
        keywords = {"q~", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class EntraClientSecretRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.clientSecret();
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }

    private void scanValues(Document doc, FindingSink sink) {
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
