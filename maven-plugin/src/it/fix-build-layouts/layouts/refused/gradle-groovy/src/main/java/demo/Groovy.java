package demo;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

/** Reads the Groovy container; the SAS comes from the environment. */
public class Groovy {
    BlobServiceClient client() {
        return new BlobServiceClientBuilder()
                .endpoint("https://contoso.blob.core.windows.net")
                .sasToken(System.getenv("STORAGE_SAS"))
                .buildClient();
    }
}
