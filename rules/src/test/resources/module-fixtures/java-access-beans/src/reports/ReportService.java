// mi-scan:allow-file test fixture: the bean injected through the constructor, only read with
package reports;

import com.azure.storage.blob.BlobServiceClient;
import org.springframework.stereotype.Service;

@Service
class ReportService {
    private final BlobServiceClient blobs;

    ReportService(BlobServiceClient blobs) {
        this.blobs = blobs;
    }

    byte[] report(String name) {
        return blobs.getBlobContainerClient("reports").getBlobClient(name).downloadContent().toBytes();
    }
}
