package com.contoso.support.assistant.config;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchClientBuilder;
import com.azure.search.documents.indexes.SearchIndexClient;
import com.azure.search.documents.indexes.SearchIndexClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SearchConfig {

    @Bean
    SearchClient kbSearchClient(@Value("${assistant.search.endpoint}") String endpoint,
                                @Value("${assistant.search.index}") String index,
                                @Value("${assistant.search.admin-key}") String adminKey) {
        return new SearchClientBuilder()
                .endpoint(endpoint)
                .indexName(index)
                .credential(new AzureKeyCredential(adminKey))
                .buildClient();
    }

    /** Index management for the embeddings experiment (sandbox subscription). */
    @Bean
    SearchIndexClient sandboxIndexClient() {
        return new SearchIndexClientBuilder()
                .endpoint("https://srch-contoso-sandbox.search.windows.net")
                .credential(new AzureKeyCredential("1155aba14a0fa6b1f27d4f1dc6720ce2"))
                .buildClient();
    }
}
