package dev.miscan.rules.iac;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;

@RuleInfo(
        id = "MI-IAC-STORAGE-SHARED-KEY-ACCESS",
        name = "iac-storage-shared-key-access",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Storage account allows Shared Key authorization",
        description = "A storage account accepts its account keys (and account or service SAS signed with them)"
                + " unless `allowSharedKeyAccess` is `false` (Terraform: `shared_access_key_enabled = false`);"
                + " leaving it out keeps keys working. As long as keys work, a leaked connection string grants full"
                + " access to every blob, queue, table and file share (PSRule Azure.Storage.LocalAuth, Checkov"
                + " CKV2_AZURE_40).",
        help = "Set `allowSharedKeyAccess: false` (Terraform: `shared_access_key_enabled = false`, and"
                + " `storage_use_azuread = true` in the azurerm provider), give each app's managed identity a"
                + " **Storage Blob/Queue/Table Data** role on the account, and connect with `DefaultAzureCredential`"
                + " or the Functions setting `AzureWebJobsStorage__accountName`.",
        bad = "resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' = { … properties: { allowSharedKeyAccess: true } }",
        good = "properties: { allowSharedKeyAccess: false }",
        securitySeverity = "5.3",
        tags = {"iac", "storage"},
        cwe = "CWE-1188",
        keywords = {"microsoft.storage/storageaccounts", "azurerm_storage_account"})
public final class StorageSharedKeyAccessRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate root = IacFindings.template(doc);
        for (IacTemplate t : root.allTemplates()) {
            for (IacTemplate.Resource r : t.resources()) {
                if (!IacFindings.deployed(r)) {
                    continue;
                }
                boolean arm = r.isType("Microsoft.Storage/storageAccounts");
                if (!arm && !r.isType("azurerm_storage_account")) {
                    continue;
                }
                String attribute = arm ? "allowSharedKeyAccess" : "shared_access_key_enabled";
                IacProperty p = arm ? r.body().propertyAt("properties", attribute) : r.body().property(attribute);
                String account = IacFindings.label(t, r, "storage account");
                if (p == null) {
                    report(doc, sink, r.offset(), IacFindings.slice(doc, r), "Key-based authentication: " + account
                            + " does not set " + attribute + ", so its account keys and key-signed SAS keep working.",
                            remediation(t, r));
                } else if (Boolean.TRUE.equals(t.resolveBool(p.value()))) {
                    report(doc, sink, p.nameOffset(), IacFindings.slice(doc, p), "Key-based authentication: " + account
                            + " sets " + attribute + " to true, so its account keys and key-signed SAS work.",
                            IacFindings.withBooleanFix(doc, p.value(), false, remediation(t, r),
                                    "Set " + attribute + " to false."));
                }
            }
        }
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
