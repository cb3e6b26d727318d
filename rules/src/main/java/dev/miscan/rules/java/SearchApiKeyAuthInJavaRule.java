package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-SEARCH-KEY-AUTH",
        name = "java-search-api-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure AI Search client in Java authenticates with an API key",
        description = "An AI Search admin key manages the whole service (indexes, indexers, data sources); a query key reads every index. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Enable role-based access on the service, use `.credential(new DefaultAzureCredentialBuilder().build())` on the search client builder and grant **Search Index Data Reader** (queries) or **Search Index Data Contributor** (indexing); then regenerate the keys.",
        bad = "new SearchClientBuilder().endpoint(endpoint).indexName(\"hotels\").credential(new AzureKeyCredential(key))",
        good = "new SearchClientBuilder().endpoint(endpoint).indexName(\"hotels\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "search", "sink", "key-based-auth"},
        keywords = {"azurekeycredential", "searchclientbuilder", "searchindexclientbuilder", "searchindexerclientbuilder"},
        precedence = 50)
public final class SearchApiKeyAuthInJavaRule extends JavaSinkRule {
    public SearchApiKeyAuthInJavaRule() {
        super(SinkFamily.SEARCH);
    }
}
