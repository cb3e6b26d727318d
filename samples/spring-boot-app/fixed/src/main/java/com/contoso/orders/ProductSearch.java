package com.contoso.orders;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchClientBuilder;
import com.contoso.orders.config.AzureKeys;

/** Product search for the storefront, with Search Index Data Reader. */
public class ProductSearch {
    private final SearchClient products = new SearchClientBuilder()
            .endpoint(AzureKeys.SEARCH_ENDPOINT)
            .indexName("products")
            .credential(new DefaultAzureCredentialBuilder().build())
            .buildClient();
}
