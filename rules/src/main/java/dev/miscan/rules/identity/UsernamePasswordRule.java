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
        id = "MI-ID-USERNAME-PASSWORD",
        name = "entra-username-password",
        tier = Tier.SECRET,
        summary = "Microsoft Entra ID user password in configuration",
        description = "A user name and password for Microsoft Entra ID (`spring.cloud.azure.credential.password`, `AZURE_PASSWORD`, Micronaut `azure.credential.username-password.password`) signs the application in as a person: no MFA, and the password grants everything the user can do. The username/password credential is deprecated in azure-identity.",
        help = "Remove the password and use `DefaultAzureCredential` (Managed Identity in Azure); in Spring set `spring.cloud.azure.credential.managed-identity-enabled=true`. Give the identity only the roles the application needs.",
        bad = "spring.cloud.azure.credential.password=<password>",
        good = "spring.cloud.azure.credential.managed-identity-enabled=true",
        securitySeverity = "9.1",
        tags = {"entra-id", "config"},
        keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 40)
public final class UsernamePasswordRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.userCredential("user password");
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }
}
