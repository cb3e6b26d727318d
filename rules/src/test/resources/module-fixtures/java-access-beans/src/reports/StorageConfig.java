// mi-scan:allow-file test fixture: a Spring bean whose users the framework injects
package reports;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StorageConfig {
    @Bean
    BlobServiceClient reportBlobs() {
        return new BlobServiceClientBuilder()
                // expect: MI-STORAGE-KEY-AUTH warning
                .connectionString(System.getenv("REPORTS_STORAGE"))
                .buildClient();
    }
}
