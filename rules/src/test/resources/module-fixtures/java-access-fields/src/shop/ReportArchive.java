// mi-scan:allow-file test fixture: a Blob client in a field behind a getter, which its callers only read through
package shop;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

public class ReportArchive {
    private BlobServiceClient blobs;

    public ReportArchive() {
        blobs = new BlobServiceClientBuilder()
                // expect: MI-STORAGE-KEY-AUTH warning
                .connectionString(System.getenv("REPORTS_STORAGE"))
                .buildClient();
    }

    public BlobServiceClient getBlobs() {
        return this.blobs;
    }
}
