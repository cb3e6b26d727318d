package dev.miscan.rules.identity;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-ID-CERT-PASSWORD",
        name = "entra-certificate-password",
        tier = Tier.SECRET,
        summary = "Microsoft Entra ID client certificate password in configuration",
        description = "The password of a client certificate (`spring.cloud.azure.credential.client-certificate-password`, `AZURE_CLIENT_CERTIFICATE_PASSWORD`, `azure.keyvault.certificate-password`) unlocks the private key that signs the application in; with the certificate file it is a complete credential.",
        help = "Use `DefaultAzureCredential` (Managed Identity) instead of a certificate credential; if a certificate is unavoidable, load it from Key Vault with the identity.",
        bad = "spring.cloud.azure.credential.client-certificate-password=<password>",
        good = "spring.cloud.azure.credential.managed-identity-enabled=true",
        securitySeverity = "7.5",
        tags = {"entra-id", "config"},
        keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 40)
public final class CertificatePasswordRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.userCredential("certificate password");
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }
}
