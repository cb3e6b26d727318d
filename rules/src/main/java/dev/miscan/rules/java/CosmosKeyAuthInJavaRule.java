package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-COSMOS-KEY-AUTH",
        name = "java-cosmos-db-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure Cosmos DB client in Java authenticates with an account key",
        description = "A Cosmos DB primary or secondary key grants full read-write access to every database of the account; a resource token is a bearer token. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Build the client with `.endpoint(\"https://<account>.documents.azure.com:443/\")` and `.credential(new DefaultAzureCredentialBuilder().build())`, assign the Cosmos DB data-plane role **Cosmos DB Built-in Data Contributor** (`az cosmosdb sql role assignment create`), rotate the key and set `disableLocalAuth: true`.",
        bad = "new CosmosClientBuilder().endpoint(\"https://contoso.documents.azure.com:443/\").key(key)",
        good = "new CosmosClientBuilder().endpoint(\"https://contoso.documents.azure.com:443/\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "cosmos-db", "sink", "key-based-auth"},
        keywords = {"cosmosclientbuilder", "cosmosclient", "documentclient", "masterkeyorresourcetoken", "azurekeycredential"},
        precedence = 50)
public final class CosmosKeyAuthInJavaRule extends JavaSinkRule {
    public CosmosKeyAuthInJavaRule() {
        super(SinkFamily.COSMOS);
    }
}
