// mi-scan:allow-file test fixture: the returned client is passed as a parameter that uploads
package archive;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobServiceClient;

class Archiver {
    void run() {
        BlobServiceClient client = Clients.archive();
        store(client, "today.csv");
    }

    private void store(BlobServiceClient target, String name) {
        target.getBlobContainerClient("archive").getBlobClient(name).upload(BinaryData.fromString("x"));
    }
}
