package com.contoso.orders;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;

/** The product catalogue in Cosmos DB, read and written with a Cosmos DB data-plane role. */
public class CatalogRepository {
    private final CosmosClient catalog = new CosmosClientBuilder()
            .endpoint("https://orders-catalog.documents.azure.com:443/")
            .credential(new DefaultAzureCredentialBuilder().build())
            .buildClient();

    private final CosmosClient reporting = catalog;
}
