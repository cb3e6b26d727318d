package dev.miscan.rules.iac;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.iac.IacTemplate;
import java.util.List;
import java.util.Locale;

/** Remediations of the IaC secret rules: the secret leaves the file, for Managed Identity or Key Vault. */
final class SecretRemedies {
    private SecretRemedies() {
    }

    private static String secretName(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** A secret parameter default: no default, the value from Key Vault at deploy time. */
    static Remediation parameter(IacTemplate t, String name) {
        String secret = secretName(name);
        String replacement = switch (IacRemedies.language(t)) {
            case "terraform" -> """
                    variable "%s" {
                      type      = string
                      sensitive = true
                      # no default: TF_VAR_%s from a pipeline secret, or read it in the configuration:
                    }
                    # data "azurerm_key_vault_secret" "%s" { name = "%s"  key_vault_id = azurerm_key_vault.kv.id }"""
                    .formatted(name, name, name, secret);
            case "json" -> """
                    "%s": { "type": "securestring" }

                    // azuredeploy.parameters.json
                    "%s": {
                      "reference": {
                        "keyVault": { "id": "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/<vault>" },
                        "secretName": "%s"
                      }
                    }""".formatted(name, name, secret);
            default -> """
                    @secure()
                    param %s string

                    // main.bicepparam
                    param %s = az.getSecret('<subscription-id>', '<resource-group>', '<vault>', '%s')"""
                    .formatted(name, name, secret);
        };
        return new Remediation("Azure Key Vault", "",
                "Remove the literal default. If Managed Identity can replace the credential (a database password, a"
                        + " storage or messaging key, a client secret), use the identity; otherwise pass the value at"
                        + " deploy time from Key Vault and rotate it, since it is in the repository's history.",
                IacRemedies.language(t), replacement + "\n", "", List.of(), "",
                List.of("az keyvault secret set --vault-name <vault> --name " + secret + " --file <file-with-the-new-value>",
                        "az deployment group create --resource-group <resource-group> --template-file <template>"
                                + " --parameters <parameters-file>"));
    }

    /** A secret value in a parameters file: a Key Vault reference instead. */
    static Remediation parameterValue(IacTemplate t, String name) {
        String secret = secretName(name);
        String replacement = switch (t.format()) {
            case TFVARS -> "# remove " + name + " from the .tfvars file; set TF_VAR_" + name
                    + " from a pipeline secret, or read it with data \"azurerm_key_vault_secret\" in the configuration";
            case ARM_PARAMETERS -> """
                    "%s": {
                      "reference": {
                        "keyVault": { "id": "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/<vault>" },
                        "secretName": "%s"
                      }
                    }""".formatted(name, secret);
            default -> "param " + name + " = az.getSecret('<subscription-id>', '<resource-group>', '<vault>', '"
                    + secret + "')";
        };
        return new Remediation("Azure Key Vault", "",
                "Take the secret out of the parameters file: where Managed Identity can replace it, use the identity;"
                        + " otherwise reference it in Key Vault (a vault with enabledForTemplateDeployment, a deploying"
                        + " identity allowed Microsoft.KeyVault/vaults/deploy/action) and rotate it.",
                IacRemedies.language(t), replacement + "\n", "", List.of(), "",
                List.of("az keyvault secret set --vault-name <vault> --name " + secret + " --file <file-with-the-new-value>",
                        "az keyvault update --name <vault> --enabled-for-template-deployment true"));
    }
}
