package com.contoso.orders;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchClientBuilder;
import com.contoso.orders.config.AzureKeys;

/** Product search for the storefront. */
public class ProductSearch {
    private final SearchClient products = new SearchClientBuilder()
            .endpoint("https://orders-search.search.windows.net")
            .indexName("products")
            .credential(new AzureKeyCredential(AzureKeys.SEARCH_KEY))
            .buildClient();
}
