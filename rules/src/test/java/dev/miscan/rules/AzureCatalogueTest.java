package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Azure catalogue proves itself against an independent copy of the built-in roles list and against what the
 * detectors need of it: every ARM role has the GUID the documentation gives it, every service a host in the public
 * cloud, an endpoint and an IaC type, and a service detected from the catalogue alone its rules and settings.
 */
class AzureCatalogueTest {
    private static final AzureCatalogue CATALOGUE = AzureCatalogue.get();

    private static Map<String, String> oracle() throws IOException {
        Map<String, String> byName = new HashMap<>();
        try (InputStream in = AzureCatalogueTest.class.getResourceAsStream("/iac/builtin-roles.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    byName.put(f[0], f[1]);
                }
            }
        }
        return byName;
    }

    @Test
    void everyArmRoleHasTheGuidOfTheBuiltInRolesList() throws IOException {
        Map<String, String> oracle = oracle();
        for (Role r : CATALOGUE.roles()) {
            if (r.id().isEmpty() || r.id().startsWith("00000000-")) {
                continue; // Redis access policies and Cosmos DB data-plane roles are not ARM roles
            }
            assertThat(oracle).as(r.name()).containsEntry(r.name(), r.id());
        }
    }

    @Test
    void everyServiceHasAPublicHostAnEndpointAnIacTypeAndRolesItKnows() {
        assertThat(CATALOGUE.services()).hasSizeGreaterThan(25);
        for (AzureCatalogue.Service s : CATALOGUE.services()) {
            assertThat(s.hosts()).as(s.key()).containsKey("public");
            assertThat(s.endpoint()).as(s.key()).isNotBlank();
            assertThat(s.armType()).as(s.key()).matches("Microsoft\\.[A-Za-z]+/[A-Za-z]+");
            assertThat(s.terraform()).as(s.key()).allMatch(t -> t.startsWith("azurerm_"));
            assertThat(CATALOGUE.roles()).as(s.key()).containsAll(s.allRoles());
        }
    }

    @Test
    void hostsNameTheirServiceInEveryCloud_theLongestSuffixWinning() {
        assertThat(CATALOGUE.serviceOfHost("orders.database.usgovcloudapi.net").orElseThrow().key()).isEqualTo("sql");
        assertThat(CATALOGUE.serviceOfHost("orders.postgres.database.chinacloudapi.cn").orElseThrow().key()).isEqualTo("postgres");
        assertThat(CATALOGUE.serviceOfHost("orders.sql.azuresynapse.net").orElseThrow().key()).isEqualTo("sql");
        assertThat(CATALOGUE.serviceOfHost("cache.redis.cache.usgovcloudapi.net").orElseThrow().key()).isEqualTo("redis");
        assertThat(CATALOGUE.serviceOfHost("orders.queue.core.chinacloudapi.cn").orElseThrow().key()).isEqualTo("storage-queue");
        assertThat(CATALOGUE.serviceOfHost("example.org")).isEmpty();
    }

    @Test
    void namesNameTheirServiceWithoutSeparators() {
        assertThat(CATALOGUE.servicesNamedIn("SERVICEBUS_CONNECTION")).containsExactly("servicebus");
        assertThat(CATALOGUE.servicesNamedIn("spring.cloud.azure.eventhubs.connection-string")).containsExactly("eventhubs");
        assertThat(CATALOGUE.servicesNamedIn("azure.storage.account-key")).containsExactly("storage-blob");
        assertThat(CATALOGUE.servicesNamedIn("app.name")).isEmpty();
    }

    @Test
    void servicesDetectedFromTheCatalogueAloneNameTheirRulesAndSettings() {
        assertThat(CATALOGUE.detectedFromCatalogue()).extracting(AzureCatalogue.Service::key).contains("maps");
        for (AzureCatalogue.Service s : CATALOGUE.detectedFromCatalogue()) {
            var rules = dev.miscan.rules.config.CatalogueRules.of(s.key()).orElseThrow();
            assertThat(dev.miscan.core.engine.RuleRegistry.load().find(rules.secret())).as(s.key()).isPresent();
            assertThat(dev.miscan.core.engine.RuleRegistry.load().find(rules.keyAuth())).as(s.key()).isPresent();
            assertThat(s.detection().settings()).as(s.key()).isNotEmpty();
        }
    }
}
