package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;

@DetectorInfo(
        rules = "MI-IAC-STORAGE-SHARED-KEY-ACCESS",
        keywords = {"microsoft.storage/storageaccounts", "azurerm_storage_account", "module", "using"},
        kind = "iac")
public final class StorageSharedKeyAccessRule extends DeployedResourceRule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null);
    }

    private static final String EFFECT = "its account keys and key-signed SAS work";
    private static final List<Switch> SWITCHES = List.of(
            new Switch("Microsoft.Storage/storageAccounts", List.of("properties", "allowSharedKeyAccess"), false,
                    "storage account", EFFECT, "Key-based authentication: "),
            new Switch("azurerm_storage_account", List.of("shared_access_key_enabled"), false, "storage account",
                    EFFECT, "Key-based authentication: "));

    public StorageSharedKeyAccessRule() {
        super(SWITCHES, StorageSharedKeyAccessRule::remediation);
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        boolean arm = r.isType("Microsoft.Storage/storageAccounts");
        if (!arm && !r.isType("azurerm_storage_account")) {
            return;
        }
        String[] path = arm ? new String[] {"properties", "allowSharedKeyAccess"}
                : new String[] {"shared_access_key_enabled"};
        IacFindings.keySwitch(doc, t, r, path, false, "Key-based authentication: ",
                IacFindings.label(t, r, "storage account"), EFFECT,
                remediation(t, r), (offset, text, message, remediation) -> report(doc, sink, offset, text, message,
                        remediation));
    }

    private static Remediation remediation(IacTemplate t, IacTemplate.Resource account) {
        IacTemplate.Resource host = IacRemedies.onlyHost(t);
        String fix = IacRemedies.terraform(t)
                ? "shared_access_key_enabled       = false\ndefault_to_oauth_authentication = true\n\n"
                        + "# provider \"azurerm\" { storage_use_azuread = true }  (so Terraform itself uses Entra ID)"
                : IacRemedies.property(t, "allowSharedKeyAccess", "false", "", "")
                        + (IacRemedies.language(t).equals("json") ? ",\n" : "\n")
                        + IacRemedies.property(t, "defaultToOAuthAuthentication", "true", "", "");
        String replacement = fix + "\n\n" + IacRemedies.roleAssignment(t, IacService.STORAGE,
                AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR, account, host);
        String scope = IacRemedies.scope(t, IacService.STORAGE, account);
        List<String> commands = IacRemedies.roleCommands(host == null ? null : Hosts.kindOf(host),
                AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR, scope);
        commands.add("az storage account update --name " + IacRemedies.literalName(t, account, "account")
                + " --resource-group <resource-group> --allow-shared-key-access false");
        return IacRemedies.remediation(IacService.STORAGE, account,
                "Disallow Shared Key authorization on the account, give each app's managed identity a Storage data"
                        + " role on it and connect with the identity; then rotate both account keys.",
                t, replacement,
                List.of(AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR), scope, commands);
    }
}
