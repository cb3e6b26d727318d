package dev.miscan.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.secrets.RandomKeys;
import dev.miscan.core.source.Fragment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A secret that a value rule recognises and that also sits in one of the rule's configuration slots is found twice
 * by the same detector; the engine keeps the first, which must be the value's finding (its message says what the
 * secret is).
 */
class ConfigSlotDetectorTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static List<Finding> scan(String name, String text) {
        return ENGINE.scanFragment(new Fragment(name, text), w -> { }).findings();
    }

    @Test
    void keyInASlot_keepsTheValueRulesMessage() {
        String key = RandomKeys.base64(64);
        List<Finding> found = scan("application.properties", """
                azure.cosmos.endpoint=https://contoso-db.documents.azure.com:443/
                azure.cosmos.key=%s
                """.formatted(key));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-COSMOS-KEY");
            assertThat(f.message()).isEqualTo("Azure Cosmos DB account key: it grants full access to the account's data.");
        });
    }

    @Test
    void slotFilledFromElsewhere_isKeyBasedAuthentication() {
        List<Finding> found = scan("application.properties", "azure.cosmos.key=${COSMOS_KEY}\n");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-COSMOS-KEY-AUTH");
            assertThat(f.message()).startsWith("Key-based authentication: 'azure.cosmos.key' is set");
            assertThat(f.detector()).isEqualTo("config");
        });
    }

    /** The resource a key-based setting uses is the one its neighbours (the same parent) name. */
    private static String targetOf(String name, String text) {
        List<Finding> found = scan(name, text);
        assertThat(found).hasSize(1);
        return found.get(0).remediation().target();
    }

    @Test
    void keyBasedAuthentication_namesTheResourceItsNeighboursName() {
        // a namespace name beside the connection string
        assertThat(targetOf("application.properties", """
                spring.cloud.azure.servicebus.connection-string=${SERVICEBUS_CONNECTION_STRING}
                spring.cloud.azure.servicebus.namespace=orders-bus
                """)).isEqualTo("orders-bus");
        // an endpoint of the service under the same parent, in YAML
        assertThat(targetOf("application.yml", """
                app:
                  cosmos:
                    uri: https://orders-catalog.documents.azure.com:443/
                    key: ${COSMOS_KEY}
                """)).isEqualTo("orders-catalog");
        // the scope follows the name
        assertThat(scan("application.properties", """
                spring.cloud.azure.servicebus.connection-string=${SB}
                spring.cloud.azure.servicebus.namespace=orders-bus
                """).get(0).remediation().scope()).endsWith("/namespaces/orders-bus");
    }

    @Test
    void keyBasedAuthentication_namesNothingFromPlaceholdersOrOtherParents() {
        // a placeholder, a documentation name, a host of another service, a name under another parent
        assertThat(targetOf("application.properties", """
                spring.cloud.azure.servicebus.connection-string=${SB}
                spring.cloud.azure.servicebus.namespace=${SB_NAMESPACE}
                """)).isEmpty();
        assertThat(targetOf("application.properties", """
                spring.cloud.azure.servicebus.connection-string=${SB}
                spring.cloud.azure.servicebus.namespace=your-namespace
                """)).isEmpty();
        assertThat(targetOf("application.properties", """
                spring.cloud.azure.servicebus.connection-string=${SB}
                spring.cloud.azure.servicebus.endpoint=https://orders.blob.core.windows.net/
                """)).isEmpty();
        assertThat(targetOf("application.properties", """
                spring.cloud.azure.servicebus.connection-string=${SB}
                other.servicebus.namespace=orders-bus
                """)).isEmpty();
    }
}
