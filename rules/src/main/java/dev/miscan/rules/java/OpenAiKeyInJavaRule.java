package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-OPENAI-KEY",
        name = "java-openai-key",
        tier = Tier.SECRET,
        summary = "Azure OpenAI or Azure AI services API key written in Java code and passed to a client",
        description = "An Azure OpenAI / Azure AI services key calls every model deployment and API of the resource and is billed to it; it does not expire. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `.credential(new DefaultAzureCredentialBuilder().build())` on `OpenAIClientBuilder` (or the AI service builder; the resource needs a custom subdomain endpoint), grant **Cognitive Services OpenAI User** (or the service's user role) and disable key authentication.",
        bad = "new OpenAIClientBuilder().endpoint(endpoint).credential(new AzureKeyCredential(\"<key>\"))",
        good = "new OpenAIClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "8.2",
        tags = {"java", "openai", "sink"},
        keywords = {"azurekeycredential", "keycredential", "apikey", "azureapikeycredential"},
        precedence = 5)
public final class OpenAiKeyInJavaRule extends JavaSinkRule {
    public OpenAiKeyInJavaRule() {
        super(SinkFamily.OPENAI);
    }
}
