package dev.miscan.rules.iac;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.rules.support.AzureRoles;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "MI-IAC-APP-SETTING-SECRET",
        name = "iac-app-setting-secret",
        tier = Tier.SECRET,
        summary = "Secret literal in an app setting or container environment variable in IaC",
        description = "A literal password, key, token or secret in an App Service or Functions app setting"
                + " (`siteConfig.appSettings`, `Microsoft.Web/sites/config` `appsettings`, azurerm `app_settings`), a"
                + " Container Apps secret or environment variable, or a container group environment variable is"
                + " deployed as plain configuration and sits in the repository. The setting's name says it is a"
                + " credential; connection strings are left to the value rules, which validate the key inside them,"
                + " and Key Vault references and identity-based settings (`X__accountName`) are not reported.",
        help = "For an Azure service, drop the credential and connect with the app's managed identity; for a secret"
                + " that must stay, store it in Key Vault and use a Key Vault reference"
                + " (`@Microsoft.KeyVault(SecretUri=…)`, Container Apps `keyVaultUrl` with an identity) read with the"
                + " app's identity (**Key Vault Secrets User**); rotate the value.",
        bad = "{ name: 'PAYMENT_API_KEY', value: '<literal>' }",
        good = "{ name: 'PAYMENT_API_KEY', value: '@Microsoft.KeyVault(SecretUri=${kv.properties.vaultUri}secrets/payment-api-key/)' }",
        securitySeverity = "7.5",
        tags = {"iac", "app-settings"},
        keywords = {"password", "passwd", "pwd", "secret", "key", "token", "sas", "credential"},
        precedence = 70)
public final class AppSettingSecretRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, "PAYMENT_API_KEY", null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate root = IacFindings.template(doc);
        if (root.format().isParametersFile()) {
            return;
        }
        for (IacTemplate t : root.allTemplates()) {
            for (Hosts.Setting s : Hosts.settings(t)) {
                IacValue v = s.value();
                if (!v.isString() || s.slot() == Hosts.Slot.STORAGE_KEY || s.slot() == Hosts.Slot.CONNECTION_STRING
                        || !(s.slot() == Hosts.Slot.SECRET || CredentialNames.isCredentialName(s.name()))
                        || !CredentialNames.isSecretLiteral(v.text())) {
                    continue;
                }
                String where = switch (s.slot()) {
                    case ENV -> "environment variable";
                    case SECRET -> "container app secret";
                    default -> "app setting";
                };
                report(doc, sink, v.start(), IacFindings.raw(doc, v), "Secret literal in " + where + " '" + s.name()
                        + "'" + (s.host() == null ? "" : " of " + IacFindings.label(t, s.host(), "the app")) + ".",
                        remediation(t, s.name(), s.host()));
            }
        }
    }

    private static Remediation remediation(IacTemplate t, String setting, IacTemplate.Resource host) {
        List<String> parts = new ArrayList<>();
        if (host == null || !Hosts.hasIdentity(host)) {
            parts.add(IacRemedies.identityBlock(t));
        }
        parts.add(IacRemedies.keyVaultReference(t, setting));
        parts.add(IacRemedies.roleAssignment(t, IacService.KEY_VAULT, AzureRoles.KEY_VAULT_SECRETS_USER, null, host));
        String scope = IacRemedies.scope(t, IacService.KEY_VAULT, null);
        return IacRemedies.remediation(IacService.KEY_VAULT, null,
                "Take the literal out of the setting: for an Azure service connect with the app's managed identity"
                        + " instead; for a secret that must stay, store it in Key Vault and use a Key Vault reference"
                        + " read with the app's identity; rotate the value.",
                t, String.join("\n\n", parts), List.of(AzureRoles.KEY_VAULT_SECRETS_USER), scope,
                IacRemedies.roleCommands(host == null ? null : Hosts.kindOf(host), AzureRoles.KEY_VAULT_SECRETS_USER,
                        scope));
    }
}
