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
}
