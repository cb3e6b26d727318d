package demo.orders;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

/** Reads the Returns container; the SAS comes from the environment. */
public class Returns {
    BlobServiceClient client() {
        return new BlobServiceClientBuilder()
                .endpoint("https://contoso.blob.core.windows.net")
                .sasToken(System.getenv("STORAGE_SAS"))
                .buildClient();
    }
}
