package com.contoso.orders;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.net.URI;
import java.net.http.HttpRequest;

/** Answers customer questions about their orders with Azure OpenAI, as Cognitive Services OpenAI User. */
public class Assistant {
    private static final TokenCredential IDENTITY = new DefaultAzureCredentialBuilder().build();

    private final OpenAIClient chat = new OpenAIClientBuilder()
            .endpoint("https://orders-ai.openai.azure.com/")
            .credential(IDENTITY)
            .buildClient();

    private final OpenAIClient summaries = new OpenAIClientBuilder()
            .endpoint(System.getenv("SUMMARY_OPENAI_ENDPOINT"))
            .credential(IDENTITY)
            .buildClient();

    HttpRequest moderation(String body) {
        String token = IDENTITY.getToken(new TokenRequestContext()
                .addScopes("https://cognitiveservices.azure.com/.default")).block().getToken();
        return HttpRequest.newBuilder(URI.create("https://orders-ai.openai.azure.com/openai/deployments/moderation/completions"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
