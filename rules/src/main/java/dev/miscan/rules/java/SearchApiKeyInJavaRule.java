package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-SEARCH-APIKEY",
        name = "java-search-api-key",
        tier = Tier.SECRET,
        summary = "Azure AI Search API key written in Java code and passed to a search client",
        description = "An AI Search admin key manages the whole service (indexes, indexers, data sources); a query key reads every index. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Enable role-based access on the service, use `.credential(new DefaultAzureCredentialBuilder().build())` on the search client builder and grant **Search Index Data Reader** (queries) or **Search Index Data Contributor** (indexing); then regenerate the keys.",
        bad = "new SearchClientBuilder().endpoint(endpoint).indexName(\"hotels\").credential(new AzureKeyCredential(\"<key>\"))",
        good = "new SearchClientBuilder().endpoint(endpoint).indexName(\"hotels\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "8.2",
        tags = {"java", "search", "sink"},
        keywords = {"azurekeycredential", "searchclientbuilder", "searchindexclientbuilder", "searchindexerclientbuilder"},
        precedence = 5)
public final class SearchApiKeyInJavaRule extends JavaSinkRule {
    public SearchApiKeyInJavaRule() {
        super(SinkFamily.SEARCH);
    }
}
