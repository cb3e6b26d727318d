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

    @Test
    void aDecisionTakesTheNarrowestRoleOfEachAccessAndKeepsOnlyRolesNoOtherIncludes() {
        var read = java.util.EnumSet.of(AzureCatalogue.Access.READ);
        var write = java.util.EnumSet.of(AzureCatalogue.Access.WRITE);
        var both = java.util.EnumSet.of(AzureCatalogue.Access.READ, AzureCatalogue.Access.WRITE);
        assertThat(CATALOGUE.service("storage-blob").assign(read)).extracting(Role::name).containsExactly("Storage Blob Data Reader");
        assertThat(CATALOGUE.service("storage-blob").assign(both)).extracting(Role::name)
                .containsExactly("Storage Blob Data Contributor");
        assertThat(CATALOGUE.service("cosmos").assign(write)).extracting(Role::name)
                .containsExactly("Cosmos DB Built-in Data Contributor");
        assertThat(CATALOGUE.service("servicebus").assign(both)).extracting(Role::name)
                .containsExactly("Azure Service Bus Data Receiver", "Azure Service Bus Data Sender");
        // unknown needs: read and write
        assertThat(CATALOGUE.service("appconfig").assign(java.util.Set.of())).extracting(Role::name)
                .containsExactly("App Configuration Data Owner");
        // a service with one role gives it for any access
        assertThat(CATALOGUE.service("eventgrid").assign(read)).extracting(Role::name).containsExactly("EventGrid Data Sender");
        assertThat(CATALOGUE.reduce(java.util.List.of(CATALOGUE.role("Data Contributor (Redis access policy)"),
                CATALOGUE.role("Data Reader (Redis access policy)")))).extracting(Role::name)
                .containsExactly("Data Contributor (Redis access policy)");
    }

    @Test
    void operationsSayWhatAClientCallNeeds_theServicesOwnListFirst() {
        AzureCatalogue.Service cosmos = CATALOGUE.service("cosmos");
        assertThat(cosmos.step("createItem", true)).isEqualTo(AzureCatalogue.Step.WRITE);
        assertThat(cosmos.step("readItem", true)).isEqualTo(AzureCatalogue.Step.READ);
        assertThat(cosmos.step("getContainer", true)).isEqualTo(AzureCatalogue.Step.NAVIGATE);
        assertThat(cosmos.step("close", true)).isNull();
        AzureCatalogue.Service blob = CATALOGUE.service("storage-blob");
        assertThat(blob.step("getBlobContainerClient", true)).isEqualTo(AzureCatalogue.Step.NAVIGATE);
        assertThat(blob.step("getProperties", true)).isEqualTo(AzureCatalogue.Step.READ);
        assertThat(blob.step("upload", true)).isEqualTo(AzureCatalogue.Step.WRITE);
        // the builder chain is read against the service's own list only
        assertThat(CATALOGUE.service("servicebus").step("sender", false)).isEqualTo(AzureCatalogue.Step.WRITE);
        assertThat(CATALOGUE.service("servicebus").step("ServiceBusAdministrationClientBuilder", false))
                .isEqualTo(AzureCatalogue.Step.MANAGE);
        assertThat(blob.step("connectionString", false)).isNull();
    }

    @Test
    void everyRoleIncludesOnlyRolesOfItsOwnServicesAndEveryServiceHasAPlaceholder() {
        for (Role broader : CATALOGUE.roles()) {
            for (Role narrower : CATALOGUE.roles()) {
                if (!broader.equals(narrower) && CATALOGUE.includes(broader, narrower)) {
                    assertThat(CATALOGUE.services()).as(broader.name() + " includes " + narrower.name())
                            .anyMatch(s -> s.allRoles().contains(broader) && s.allRoles().contains(narrower));
                }
            }
        }
        for (AzureCatalogue.Service s : CATALOGUE.services()) {
            assertThat(s.placeholder()).as(s.key()).matches("<[a-z-]+>");
        }
    }

    /** The catalogue's suffix index answers as a walk over every service's every suffix would. */
    @Test
    void serviceOfHostAnswersAsAWalkOverEverySuffix() {
        java.util.List<String> hosts = new java.util.ArrayList<>(java.util.List.of("example.org", "windows.net",
                "core.windows.net", ".net", "a.b", "x", "UPPER.BLOB.CORE.WINDOWS.NET", "acct.blob.core.windows.net."));
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (AzureCatalogue.Service s : CATALOGUE.services()) {
            keys.add(s.key());
            for (java.util.List<String> cloud : s.hosts().values()) {
                for (String suffix : cloud) {
                    hosts.add("orders" + suffix);
                    hosts.add(suffix.substring(1));
                    hosts.add("a.b" + suffix);
                    hosts.add("orders" + suffix.substring(0, suffix.length() - 1));
                    hosts.add("orders" + suffix + ".evil.example");
                }
            }
        }
        java.util.Random random = new java.util.Random(7);
        java.util.List<String[]> keySets = new java.util.ArrayList<>();
        keySets.add(new String[0]);
        keySets.add(new String[] {"sql", "postgres", "mysql"});
        keySets.add(new String[] {"eventhubs", "servicebus", "eventhubs"});
        for (int i = 0; i < 40; i++) {
            java.util.List<String> shuffled = new java.util.ArrayList<>(keys);
            java.util.Collections.shuffle(shuffled, random);
            keySets.add(shuffled.subList(0, 1 + random.nextInt(6)).toArray(String[]::new));
        }
        for (String host : hosts) {
            for (String[] k : keySets) {
                assertThat(CATALOGUE.serviceOfHost(host, k).map(AzureCatalogue.Service::key))
                        .as(host + " " + java.util.Arrays.toString(k))
                        .isEqualTo(java.util.Optional.ofNullable(walk(host, k)).map(AzureCatalogue.Service::key));
            }
        }
    }

    private static AzureCatalogue.Service walk(String host, String... keys) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        java.util.List<AzureCatalogue.Service> candidates = keys.length == 0 ? CATALOGUE.services()
                : java.util.Arrays.stream(keys).map(CATALOGUE::service).toList();
        AzureCatalogue.Service best = null;
        int bestLength = 0;
        for (AzureCatalogue.Service s : candidates) {
            for (java.util.List<String> cloud : s.hosts().values()) {
                for (String suffix : cloud) {
                    if (h.endsWith(suffix) && suffix.length() > bestLength) {
                        best = s;
                        bestLength = suffix.length();
                    }
                }
            }
        }
        return best;
    }
}
