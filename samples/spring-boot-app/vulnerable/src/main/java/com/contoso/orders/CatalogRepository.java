package com.contoso.orders;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;

/** The product catalogue in Cosmos DB, and its read replica for reporting. */
public class CatalogRepository {
    private final CosmosClient catalog = new CosmosClientBuilder()
            .endpoint("https://orders-catalog.documents.azure.com:443/")
            .key("80rfSCN0EMyRlPA1DtmJ2cavlgu4RG57pmJCJnF3kHkwZmJg0camyJVDRAJDeN1ulXlmYwT96Nq9zfk1Umqp7Q==")
            .buildClient();

    private final CosmosClient reporting = new CosmosClientBuilder()
            .endpoint("https://orders-catalog.documents.azure.com:443/")
            .key(System.getenv("CATALOG_READ_KEY"))
            .buildClient();
}
