package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-API-KEY-HEADER",
        name = "java-api-key-header",
        tier = Tier.SECRET,
        summary = "Azure API key written in Java code and sent in an HTTP header",
        description = "An `api-key`, `Ocp-Apim-Subscription-Key`, `x-functions-key` or `aeg-sas-key` header with a literal value sends an Azure OpenAI, AI Search, AI services, API Management, Functions or Event Grid key with every request.",
        help = "Send `Authorization: Bearer <token>` with a Microsoft Entra token from `DefaultAzureCredential` (scope of the service, e.g. `https://cognitiveservices.azure.com/.default`), grant the identity the service's data role and rotate the key.",
        bad = "request.setHeader(\"api-key\", \"<key>\")",
        good = "request.setHeader(\"Authorization\", \"Bearer \" + token.getToken())",
        securitySeverity = "8.2",
        tags = {"java", "http", "sink"},
        keywords = {"api-key", "ocp-apim-subscription-key", "x-functions-key", "aeg-sas-key", "aeg-sas-token"},
        precedence = 5)
public final class ApiKeyHeaderInJavaRule extends JavaSinkRule {
    public ApiKeyHeaderInJavaRule() {
        super(SinkFamily.API_KEY_HEADER);
    }
}
