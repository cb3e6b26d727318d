package com.contoso.orders;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.credential.AzureKeyCredential;
import java.net.URI;
import java.net.http.HttpRequest;

/** Answers customer questions about their orders with Azure OpenAI. */
public class Assistant {
    private final OpenAIClient chat = new OpenAIClientBuilder()
            .endpoint("https://orders-ai.openai.azure.com/")
            .credential(new AzureKeyCredential("85724d0e28c20837b5f94a58c9fc2a07"))
            .buildClient();

    private final OpenAIClient summaries = new OpenAIClientBuilder()
            .endpoint(System.getenv("SUMMARY_OPENAI_ENDPOINT"))
            .credential(new AzureKeyCredential(System.getenv("SUMMARY_OPENAI_KEY")))
            .buildClient();

    HttpRequest moderation(String body) {
        return HttpRequest.newBuilder(URI.create("https://orders-ai.openai.azure.com/openai/deployments/moderation/completions"))
                .header("api-key", "d9024a95bc734732921d97336962292f")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
