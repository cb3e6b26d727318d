package demo.orders;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

/** Reads the Orders container; the SAS comes from the environment. */
public class Orders {
    BlobServiceClient client() {
        return new BlobServiceClientBuilder()
                .endpoint("https://contoso.blob.core.windows.net")
                .sasToken(System.getenv("STORAGE_SAS"))
                .buildClient();
    }
}
