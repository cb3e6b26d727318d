package demo;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

/** Reads the Pinned container; the SAS comes from the environment. */
public class Pinned {
    BlobServiceClient client() {
        return new BlobServiceClientBuilder()
                .endpoint("https://contoso.blob.core.windows.net")
                .sasToken(System.getenv("STORAGE_SAS"))
                .buildClient();
    }
}
