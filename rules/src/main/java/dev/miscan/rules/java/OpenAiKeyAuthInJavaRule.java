package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-OPENAI-KEY-AUTH",
        name = "java-openai-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure OpenAI or Azure AI services client in Java authenticates with an API key",
        description = "An Azure OpenAI / Azure AI services key calls every model deployment and API of the resource and is billed to it; it does not expire. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `.credential(new DefaultAzureCredentialBuilder().build())` on `OpenAIClientBuilder` (or the AI service builder; the resource needs a custom subdomain endpoint), grant **Cognitive Services OpenAI User** (or the service's user role) and disable key authentication.",
        bad = "new OpenAIClientBuilder().endpoint(endpoint).credential(new AzureKeyCredential(key))",
        good = "new OpenAIClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "openai", "sink", "key-based-auth"},
        keywords = {"azurekeycredential", "keycredential", "apikey", "azureapikeycredential"},
        precedence = 50)
public final class OpenAiKeyAuthInJavaRule extends JavaSinkRule {
    public OpenAiKeyAuthInJavaRule() {
        super(SinkFamily.OPENAI);
    }
}
