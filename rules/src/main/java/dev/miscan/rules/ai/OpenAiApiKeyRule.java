package dev.miscan.rules.ai;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-OPENAI-APIKEY",
        name = "azure-openai-api-key",
        tier = Tier.SECRET,
        summary = "Azure OpenAI API key in configuration",
        description = "An Azure OpenAI or Azure AI services API key (`spring.ai.azure.openai.api-key`, `AZURE_OPENAI_API_KEY`, `quarkus.langchain4j.azure-openai.api-key`) lets anyone call the deployments and run up costs on the resource.",
        help = "Authenticate with Microsoft Entra ID: omit the key (Spring AI uses `DefaultAzureCredential` when no key is set), grant the identity **Cognitive Services OpenAI User**, then disable local authentication on the resource.",
        bad = "spring.ai.azure.openai.api-key=<api key>",
        good = "spring.ai.azure.openai.endpoint=https://contoso.openai.azure.com/",
        securitySeverity = "8.1",
        tags = {"openai", "config"},
        keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 40)
public final class OpenAiApiKeyRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.openAi(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }
}
