package dev.miscan.rules.script;

import dev.miscan.core.api.Remediation;
import dev.miscan.rules.support.Remedies;
import java.util.List;

/**
 * What replaces a credential on a command line: the same tool signed in with an identity. Facts, with their
 * sources: {@code --auth-mode login} (Azure CLI storage commands), {@code az login --identity} and
 * {@code --federated-token} (az login reference), access tokens as database passwords ({@code az account
 * get-access-token --resource-type oss-rdbms}, Azure Database for PostgreSQL/MySQL "Connect with Microsoft
 * Entra ID"), {@code --authentication-method ActiveDirectoryDefault} (go-sqlcmd), {@code az acr login}, and
 * {@code ARM_USE_OIDC}/{@code ARM_USE_MSI} (the azurerm provider's authentication guides).
 */
public final class ScriptRemedies {
    private ScriptRemedies() {
    }

    /** An az storage command: the signed-in identity with a Storage data role instead of a key, string or SAS. */
    static Remediation storage(String account, String command) {
        Remediation base = Remedies.storage("storage-blob", account, null);
        String acct = Remedies.or(account, "<account>");
        String replacement = command != null && !command.isEmpty()
                ? command + " --account-name " + acct + " --auth-mode login"
                : "az storage blob upload --account-name " + acct + " --auth-mode login"
                        + " --container-name <container> --name <blob> --file <file>";
        return new Remediation(base.service(), base.target(), "Sign in instead of passing the key: --auth-mode login"
                + " uses the identity az is signed in with (a federated identity in CI, the managed identity on"
                + " Azure), which needs a Storage data role on the account.", "shell", replacement, "",
                base.roles(), base.scope(), base.commands());
    }

    /** az login, Connect-AzAccount, ARM_CLIENT_SECRET: a federated or managed identity instead of a secret. */
    public static Remediation signIn(String path, boolean terraform) {
        if (path.contains(".github/workflows/")) {
            return Remedies.githubOidc();
        }
        Remediation base = Remedies.clientSecret();
        String replacement = terraform
                ? """
                # azurerm provider: OpenID Connect in CI (GitHub Actions, Azure Pipelines), a managed identity on Azure
                export ARM_USE_OIDC=true        # or: export ARM_USE_MSI=true
                export ARM_CLIENT_ID=<client-id>
                export ARM_TENANT_ID=<tenant-id>
                export ARM_SUBSCRIPTION_ID=<subscription-id>
                """
                : """
                # on Azure (VM, build agent, container): the managed identity
                az login --identity
                # in Kubernetes with workload identity, or any CI that issues an OIDC token
                az login --service-principal -u <client-id> --tenant <tenant-id> --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")"
                """;
        String summary = "Remove the client secret: sign in with a managed identity on Azure, or with workload identity"
                + " federation in CI (GitHub Actions OIDC, an Azure Pipelines service connection with workload"
                + " identity federation), then delete the secret from the app registration.";
        return new Remediation(base.service(), "", summary, "shell", replacement, "", List.of(), "", base.commands());
    }

    static Remediation sqlServer(String server) {
        Remediation base = Remedies.sqlServer(server, null);
        String srv = Remedies.or(server, "<server>.database.windows.net");
        return new Remediation(base.service(), base.target(), "Remove the SQL password: sign in with Microsoft Entra"
                + " ID (go-sqlcmd --authentication-method ActiveDirectoryDefault uses the managed or federated"
                + " identity), create a database user for the identity, then enable Entra-only authentication.",
                "shell", "sqlcmd -S " + srv + " -d <database> --authentication-method ActiveDirectoryDefault",
                "", List.of(), "", base.commands());
    }

    static Remediation postgres(String server) {
        Remediation base = Remedies.postgres(server, null);
        String srv = Remedies.or(server, "<server>.postgres.database.azure.com");
        return new Remediation(base.service(), base.target(), "Remove the password: use an Entra access token as the"
                + " password (valid one hour, fetched by the signed-in managed or federated identity) and an"
                + " Entra database user for the identity.", "shell",
                "export PGPASSWORD=\"$(az account get-access-token --resource-type oss-rdbms --query accessToken"
                        + " --output tsv)\"\npsql \"host=" + srv + " port=5432 dbname=<database> user=<entra-user>"
                        + " sslmode=require\"", "", List.of(), "", base.commands());
    }

    static Remediation mysql(String server) {
        Remediation base = Remedies.mysql(server, null);
        String srv = Remedies.or(server, "<server>.mysql.database.azure.com");
        return new Remediation(base.service(), base.target(), "Remove the password: use an Entra access token as the"
                + " password (fetched by the signed-in managed or federated identity) and an Entra database user"
                + " for the identity.", "shell",
                "mysql -h " + srv + " --user <entra-user> --enable-cleartext-plugin"
                        + " --password=\"$(az account get-access-token --resource-type oss-rdbms --output tsv"
                        + " --query accessToken)\"", "", List.of(), "", base.commands());
    }
}
