package com.contoso.commerce.orders.config;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
public class CosmosConfig {

    /** Well-known key of the Cosmos DB emulator, only valid against https://localhost:8081. */
    private static final String EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    @Bean
    @Profile("prod")
    public CosmosAsyncClient cosmosClient(@Value("${orders.cosmos.endpoint}") String endpoint,
                                          @Value("${orders.cosmos.key}") String key) {
        return new CosmosClientBuilder()
                .endpoint(endpoint)
                .key(key)
                .consistencyLevel(ConsistencyLevel.SESSION)
                .contentResponseOnWriteEnabled(false)
                .buildAsyncClient();
    }

    @Bean
    @Profile("local")
    public CosmosAsyncClient emulatorClient() {
        return new CosmosClientBuilder()
                .endpoint("https://localhost:8081/")
                .key(EMULATOR_KEY)
                .gatewayMode()
                .buildAsyncClient();
    }

    @Bean
    @Profile("reporting")
    public CosmosAsyncClient reportingClient() {
        return new CosmosClientBuilder()
                .endpoint("https://cosmos-contoso-reporting.documents.azure.com:443/")
                .key("HvyCXqV+U1uOr1z7dVX/tCFmDwOFYHRydue57QJdhRcAErDvGpQChS40uxvT4I8VIQmqxKbd1iMCLROio69rbw==")
                .consistencyLevel(ConsistencyLevel.EVENTUAL)
                .buildAsyncClient();
    }
}
