// mi-scan:allow-file test fixture: a factory that returns the client its callers use
package archive;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

final class Clients {
    private Clients() {
    }

    static BlobServiceClient archive() {
        return new BlobServiceClientBuilder()
                // expect: MI-STORAGE-KEY-AUTH warning
                .connectionString(System.getenv("ARCHIVE_STORAGE"))
                .buildClient();
    }
}
