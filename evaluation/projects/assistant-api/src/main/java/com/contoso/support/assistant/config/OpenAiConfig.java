package com.contoso.support.assistant.config;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

@Configuration
public class OpenAiConfig {

    @Bean
    @Primary
    OpenAIClient openAIClient(@Value("${spring.ai.azure.openai.endpoint}") String endpoint) {
        return new OpenAIClientBuilder()
                .endpoint(endpoint)
                .credential(new DefaultAzureCredentialBuilder().build())
                .buildClient();
    }

    /** Evaluation harness against the shared sandbox deployment. */
    @Bean
    @Profile("eval")
    OpenAIClient evalClient() {
        return new OpenAIClientBuilder()
                .endpoint("https://oai-contoso-sandbox.openai.azure.com/")
                .credential(new AzureKeyCredential("7cc71a6212740e486adafa2fd57baf38"))
                .buildClient();
    }
}
