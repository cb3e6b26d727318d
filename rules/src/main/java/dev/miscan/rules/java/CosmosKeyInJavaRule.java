package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-COSMOS-KEY",
        name = "java-cosmos-db-key",
        tier = Tier.SECRET,
        summary = "Azure Cosmos DB key or resource token written in Java code and passed to a Cosmos client",
        description = "A Cosmos DB primary or secondary key grants full read-write access to every database of the account; a resource token is a bearer token. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Build the client with `.endpoint(\"https://<account>.documents.azure.com:443/\")` and `.credential(new DefaultAzureCredentialBuilder().build())`, assign the Cosmos DB data-plane role **Cosmos DB Built-in Data Contributor** (`az cosmosdb sql role assignment create`), rotate the key and set `disableLocalAuth: true`.",
        bad = "new CosmosClientBuilder().endpoint(\"https://contoso.documents.azure.com:443/\").key(\"<key>\")",
        good = "new CosmosClientBuilder().endpoint(\"https://contoso.documents.azure.com:443/\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "9.1",
        tags = {"java", "cosmos-db", "sink"},
        keywords = {"cosmosclientbuilder", "cosmosclient", "documentclient", "masterkeyorresourcetoken", "azurekeycredential"},
        precedence = 5)
public final class CosmosKeyInJavaRule extends JavaSinkRule {
    public CosmosKeyInJavaRule() {
        super(SinkFamily.COSMOS);
    }
}
