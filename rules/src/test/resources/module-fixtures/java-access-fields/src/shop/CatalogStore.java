// mi-scan:allow-file test fixture: a Cosmos DB container kept in a field and handed out by a getter
package shop;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;

public class CatalogStore {
    private final CosmosContainer items;

    public CatalogStore() {
        CosmosClient client = new CosmosClientBuilder().endpoint("https://shop-catalog.documents.azure.com:443/")
                // expect: MI-COSMOS-KEY-AUTH warning
                .key(System.getenv("COSMOS_KEY"))
                .buildClient();
        this.items = client.getDatabase("shop").getContainer("items");
    }

    public CosmosContainer getItems() {
        return items;
    }
}
