package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.rules.support.AzureRoles;
import java.util.ArrayList;
import java.util.List;

@DetectorInfo(
        rules = "MI-IAC-APP-SETTING-SECRET",
        keywords = {"password", "passwd", "pwd", "secret", "key", "token", "sas", "credential"},
        precedence = 70,
        kind = "iac")
public final class AppSettingSecretRule extends Detector {

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
