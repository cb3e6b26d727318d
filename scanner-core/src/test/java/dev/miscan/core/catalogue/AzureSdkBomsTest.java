package dev.miscan.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureSdkBomsTest {
    private final AzureSdkBoms boms = AzureSdkBoms.get();

    @Test
    void theDataLoads_newestFirst_andEveryBomNamesAzureCoreAndIdentity() {
        assertThat(boms.versions()).first().isEqualTo("1.3.8");
        assertThat(boms.versions()).last().isEqualTo("1.2.20");
        for (String v : boms.versions()) {
            assertThat(boms.managed(v, "azure-core")).isPresent();
            assertThat(boms.managed(v, "azure-identity")).isPresent();
        }
        assertThat(boms.managed("1.3.8", "azure-core")).contains("1.58.1");
    }

    @Test
    void azureCoreDecides_andTheNewestBomOfASharedAzureCoreWins() {
        assertThat(boms.matching(Map.of("azure-core", "1.57.1", "azure-storage-blob", "12.0.0"))).contains("1.3.6");
        assertThat(boms.matching(Map.of("azure-core", "1.55.0"))).isEmpty();
    }

    @Test
    void withoutAzureCore_everyKnownClientVersionMustMatch() {
        assertThat(boms.matching(Map.of("azure-storage-blob", "12.29.0", "azure-cosmos", "4.65.0"))).contains("1.2.30");
        assertThat(boms.matching(Map.of("azure-storage-blob", "12.29.0", "azure-cosmos", "4.81.0"))).isEmpty();
        // an artifact the data does not know decides nothing
        assertThat(boms.matching(Map.of("azure-storage-blob", "12.35.0", "azure-unknown", "1.0.0"))).contains("1.3.8");
        assertThat(boms.matching(Map.of("azure-unknown", "1.0.0"))).isEmpty();
    }

    @Test
    void badData_isRejectedAtLoad() {
        assertThatThrownBy(() -> AzureSdkBoms.parse(Map.of("boms", Map.of("1.x", Map.of()))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AzureSdkBoms.parse(Map.of("boms", Map.of("1.0.0", Map.of("azure-core", "1.0.0")))))
                .hasMessageContaining("lacks azure-core or azure-identity");
    }
}
