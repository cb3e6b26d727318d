// mi-scan:allow-file test fixture: the bean injected into a field, listed only
package reports;

import com.azure.storage.blob.BlobServiceClient;
import org.springframework.beans.factory.annotation.Autowired;

class ReportIndex {
    @Autowired
    private BlobServiceClient storage;

    int count() {
        int n = 0;
        for (Object ignored : storage.getBlobContainerClient("reports").listBlobs()) {
            n++;
        }
        return n;
    }
}
