package dev.miscan.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key credentials whose fix needs the endpoint: where it is not in the code, the finding has no fix and says what is
 * missing; the legacy Storage SDK gets a note with its v12 replacement instead of an edit. (The fixes themselves are
 * in the compiling fixture and its golden.)
 */
class KeyCredentialFixTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static List<Finding> scan(String text) {
        return ENGINE.scanFragment(new Fragment("Clients.java", text), w -> { }, Engine.Options.UNSUPPRESSED)
                .findings();
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void sharedKeyCredentialForABuilderWithoutEndpoint_isNotFixedAndSaysTheEndpointIsMissing() {
        Finding f = only(scan("""
                package app;

                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.azure.storage.common.StorageSharedKeyCredential;

                class Clients {
                    Object client(String key) {
                        StorageSharedKeyCredential credential = new StorageSharedKeyCredential("ordersdata", key);
                        return new BlobServiceClientBuilder().credential(credential).buildClient();
                    }
                }
                """));
        assertThat(f.remediation().fix()).isNull();
        assertThat(f.remediation().manual()).startsWith("the endpoint is not set on the builder")
                .contains(".endpoint(\"https://<account>.blob.core.windows.net\")");
    }

    @Test
    void sharedKeyCredentialUsedTwice_isNotFixedAndSaysSo() {
        Finding f = only(scan("""
                package app;

                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.azure.storage.queue.QueueClientBuilder;
                import com.azure.storage.common.StorageSharedKeyCredential;

                class Clients {
                    void clients(String key) {
                        StorageSharedKeyCredential credential = new StorageSharedKeyCredential("ordersdata", key);
                        new BlobServiceClientBuilder().endpoint("https://ordersdata.blob.core.windows.net")
                                .credential(credential).buildClient();
                        new QueueClientBuilder().endpoint("https://ordersdata.queue.core.windows.net").queueName("q")
                                .credential(credential).buildClient();
                    }
                }
                """));
        assertThat(f.remediation().fix()).isNull();
        assertThat(f.remediation().manual()).contains("'credential' is used 2 times");
    }

    @Test
    void sharedKeyCredentialWithEndpointFromAConstant_isReplacedAndTheCredentialDeleted() {
        Finding f = only(scan("""
                package app;

                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.azure.storage.common.StorageSharedKeyCredential;

                class Clients {
                    static final String ENDPOINT = "https://ordersdata.blob.core.windows.net";

                    Object client(String key) {
                        StorageSharedKeyCredential credential = new StorageSharedKeyCredential("ordersdata", key);
                        return new BlobServiceClientBuilder().endpoint(ENDPOINT).credential(credential).buildClient();
                    }
                }
                """));
        assertThat(f.remediation().fix()).isNotNull();
        assertThat(f.remediation().fix().edits().stream().map(e -> e.text()))
                .contains("new DefaultAzureCredentialBuilder().build()", "")
                .anySatisfy(t -> assertThat(t).contains("import com.azure.identity.DefaultAzureCredentialBuilder;"));
    }

    @Test
    void legacyCloudStorageAccount_getsANoteWithTheV12ClientAndNoEdit() {
        Finding f = only(scan("""
                package app;

                import com.microsoft.azure.storage.CloudStorageAccount;

                class Clients {
                    Object account() throws Exception {
                        return CloudStorageAccount.parse("DefaultEndpointsProtocol=https;AccountName=legacydata;AccountKey="
                                + System.getenv("STORAGE_KEY"));
                    }
                }
                """));
        assertThat(f.remediation().fix()).isNull();
        assertThat(f.remediation().manual()).startsWith("legacy azure-storage v8 (com.microsoft.azure.storage)")
                .contains("new BlobServiceClientBuilder().endpoint(\"https://legacydata.blob.core.windows.net\")"
                        + ".credential(new DefaultAzureCredentialBuilder().build())");
        assertThat(f.remediation().replacement()).contains("new BlobServiceClientBuilder()")
                .contains("https://legacydata.blob.core.windows.net");
        assertThat(f.remediation().dependency()).isEqualTo("com.azure:azure-storage-blob");
    }
}
