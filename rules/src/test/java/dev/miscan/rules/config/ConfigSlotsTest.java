package dev.miscan.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credential slots across formats, and suppression in every format that has comments. */
class ConfigSlotsTest {

    @Test
    void theSuffixGateKnowsEachAlternativesLiteralEnding() {
        assertThat(ConfigSlots.literalTails("(?:^|\\.)(?:spring\\.datasource\\.password|azure\\.password)$"))
                .containsExactly("spring.datasource.password", "azure.password");
        assertThat(ConfigSlots.literalTails("(?:^|\\.)(?:azure\\.eventgrid\\.(access)?key|a\\.stores\\[\\*\\])$"))
                .containsExactly("key", "a.stores[*]");
        // an alternative that may end anywhere keeps every key
        assertThat(ConfigSlots.literalTails("(?:^|\\.)(?:azure\\.key|fs\\.azure\\.account\\.key\\..+)$")).isNull();
        assertThat(ConfigSlots.literalTails("(?:^|\\.)(?:cosmosdbconnection(string)?)$")).isNull();
        // and the gate changes no answer on the keys of the table itself
        for (String key : List.of("spring.datasource.password", "azurewebjobsstorage", "fs.azure.account.key.acct.dfs",
                "cosmosdbconnection", "cosmosdbconnectionstring", "azure.eventgrid.accesskey", "azure.eventgrid.key",
                "spring.cloud.azure.appconfiguration.stores[*].connectionstring", "properties.template.resources[*].x",
                "spring.security.oauth2.client.registration.azure.clientsecret", "fs.azure.sas.container.acct",
                "app.fs.azure.account.key.acct", "servicebusconnection", "servicebusconnectionstring",
                "values.eventhubconnectionstring", "spring.cloud.azure.eventhub.connectionstring",
                "azure.storage.sastoken", "resources[*].properties.cosmosdbconnection",
                "spring.jms.servicebus.connectionstring", "fs.azure.account.keyprovider")) {
            ConfigSlots.Slot gated = ConfigSlots.slotOf(key);
            ConfigSlots.Slot scanned = ConfigSlots.table().stream().filter(t -> t.key().matcher(key).find()).findFirst()
                    .orElse(null);
            assertThat(gated).as(key).isEqualTo(scanned);
        }
    }
    @Test
    void theContainsGateKnowsEachAlternativesLongestLiteralRun() {
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:cosmosdbconnection(string)?|cosmosdb\\.connectionstring)$"))
                .containsExactly("cosmosdbconnection", "cosmosdb.connectionstring");
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:fs\\.azure\\.account\\.key\\..+)$"))
                .containsExactly("fs.azure.account.key.");
        // a character a quantifier may leave out is not part of the run; a class ends it
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:accounts?key|ab\\d+cdef)$")).containsExactly("account", "cdef");
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:a\\.stores\\[\\*\\]\\.x|(?:p|q)w)$"))
                .containsExactly("a.stores[*].x", "w");
        // an alternative with no literal at all keeps every key
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:key|.+)$")).isNull();
        // what the run reader does not read gets no gate, not a wrong one: an escape that stands for another
        // character (xxayyyy would be refused by a run "41yyyy"), quoting, a property class, inline flags
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:xx\\x41yyyy)$")).isNull();
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:xx\\u0041yyyy)$")).isNull();
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:\\Q.xyzw\\E)$")).isNull();
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:a\\p{Lower}bcde)$")).isNull();
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:(?i)KEYWORD)$")).isNull();
        // an escaped backslash is a literal one
        assertThat(ConfigSlots.literalRuns("(?:^|\\.)(?:ab\\\\xcdef)$")).containsExactly("ab\\xcdef");
        // runs that share four characters or more are tested by what they share
        assertThat(ConfigSlots.gate(new String[] {"azure.cosmos.connectionstring", "cosmosdbconnection"}))
                .containsExactly("connection");
        assertThat(ConfigSlots.gate(new String[] {"abcxyz", "defxyw"})).containsExactly("abcxyz", "defxyw");
    }

    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static String storageKey() {
        byte[] b = new byte[64];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static Engine.FileResult scan(String name, String text) {
        List<String> warnings = new ArrayList<>();
        Engine.FileResult r = ENGINE.scanFragment(new Fragment(name, text), w -> warnings.add(w.message()));
        assertThat(warnings).isEmpty();
        return r;
    }

    @Test
    void slotTable_isDataAndEveryRowNamesARegisteredRule() {
        var ids = RuleRegistry.load().rules().stream().map(r -> r.id()).toList();
        assertThat(ConfigSlots.table()).hasSizeGreaterThan(20);
        for (ConfigSlots.Slot s : ConfigSlots.table()) {
            assertThat(s.rule().equals("DB") || ids.contains(s.rule())).as(s.key().pattern()).isTrue();
            assertThat(s.passwordless()).as(s.key().pattern()).isNotBlank();
        }
    }

    @Test
    void springEnvironmentVariableAndPropertyFormsOfAKey_findTheSameSlot() {
        // Spring binds SPRING_..._ACCOUNTKEY (dots to underscores, dashes removed) to ...account-key
        assertThat(ConfigSlots.slotOf("SPRING_CLOUD_AZURE_STORAGE_BLOB_ACCOUNTKEY"))
                .isSameAs(ConfigSlots.slotOf("spring.cloud.azure.storage.blob.account-key"));
        assertThat(ConfigSlots.slotOf("AZURE_CLIENT_SECRET").rule()).isEqualTo("MI-ID-CLIENT-SECRET");
        assertThat(ConfigSlots.slotOf("login.password")).isNull();
        assertThat(ConfigSlots.slotOf("spring.cloud.azure.credential.client-id")).isNull();
    }

    @Test
    void placeholderInASlot_isKeyBasedAuthOnTheKeyLine() {
        var r = scan("application.properties", "a=1\nspring.cloud.azure.storage.blob.account-key=${STORAGE_KEY}\n");

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-STORAGE-KEY-AUTH");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.detector()).isEqualTo("config");
            assertThat(f.location().startLine()).isEqualTo(2);
            assertThat(f.location().startColumn()).isEqualTo(1);
        });
    }

    @Test
    void literalDefaultOfAPlaceholder_isASecretOnTheDefault() {
        String key = storageKey();
        var r = scan("application.properties", "spring.cloud.azure.storage.blob.account-key=${STORAGE_KEY:" + key + "}\n");

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().startColumn()).isEqualTo("spring.cloud.azure.storage.blob.account-key=${STORAGE_KEY:".length() + 1);
        });
    }

    @Test
    void continuationLinesAndUnicodeEscapes_areResolvedInProperties() {
        var r = scan("application.properties", "spring.cloud.azure.credential.client-secret=Zq\\u0038Lk\\\n    Pw7rTx2Vn\n");

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-ID-CLIENT-SECRET");
            assertThat(f.location().startLine()).isEqualTo(1);
        });
    }

    @Test
    void allowComment_suppressesInPropertiesYamlAndJsonWithComments() {
        String key = storageKey();
        var props = scan("application.properties", """
                # mi-scan:allow MI-STORAGE-SHAREDKEY rotated test account
                spring.cloud.azure.storage.blob.account-key=%s
                """.formatted(key));
        var yaml = scan("application.yml", """
                spring:
                  cloud:
                    azure:
                      storage:
                        blob:
                          account-key: %s # mi-scan:allow MI-STORAGE-SHAREDKEY test account
                """.formatted(key));
        var json = scan("appsettings.json", """
                {
                  // mi-scan:allow MI-STORAGE-SHAREDKEY test account
                  "AZURE_STORAGE_KEY": "%s"
                }
                """.formatted(key));

        for (Engine.FileResult r : List.of(props, yaml, json)) {
            assertThat(r.findings()).extracting(Finding::fingerprint).isEmpty();
            assertThat(r.suppressed()).isEqualTo(1);
        }
    }

    @Test
    void datasourcePassword_dependsOnTheUrlOfItsOwnDocument() {
        var r = scan("application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost:5432/orders
                    password: Local-Only-Pass1
                ---
                spring:
                  datasource:
                    url: jdbc:postgresql://orders.postgres.database.azure.com:5432/orders?sslmode=require
                    password: Cloud-Pass-2024!
                """);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-POSTGRES-JDBC-PASSWORD");
            assertThat(f.location().startLine()).isEqualTo(9);
        });
    }

    @Test
    void datasourceAndRedisPasswordsOfManyDocuments_eachSeeTheFirstUrlAndTheHostOfTheirOwnDocument() {
        // forty documents: an Azure SQL datasource URL in every third, a Flyway URL to Azure Database for PostgreSQL
        // in every fifth (before the datasource's in every fifteenth, so that it is the document's first), an Azure
        // Cache for Redis host in every fourth; each document's passwords follow the URL of their own document only
        StringBuilder yaml = new StringBuilder();
        java.util.Set<String> expected = new java.util.TreeSet<>();
        int line = 0;
        for (int i = 0; i < 40; i++) {
            List<String> lines = new ArrayList<>();
            if (i > 0) {
                lines.add("---");
            }
            lines.add("spring:");
            if (i % 5 == 0) {
                lines.add("  flyway:");
                lines.add("    url: jdbc:postgresql://pg" + i + ".postgres.database.azure.com:5432/orders");
            }
            if (i % 3 == 0) {
                lines.add("  datasource:");
                lines.add("    url: jdbc:sqlserver://sql" + i + ".database.windows.net:1433;database=orders");
            }
            if (i % 4 == 1) {
                lines.add("  data:");
                lines.add("    redis:");
                lines.add("      host: cache" + i + ".redis.cache.windows.net");
            }
            lines.add("  redis:");
            lines.add("    password: Redis-Pass-" + i + "-Abcdefghijklmnopqrstuv");
            int redisLine = line + lines.size();
            lines.add("  datasource.password: Db-Pass-" + i + "!x");
            int dbLine = line + lines.size();
            if (i % 5 == 0) {
                expected.add("MI-POSTGRES-JDBC-PASSWORD@" + dbLine);
            } else if (i % 3 == 0) {
                expected.add("MI-SQL-JDBC-PASSWORD@" + dbLine);
            }
            if (i % 4 == 1) {
                expected.add("MI-REDIS-ACCESSKEY@" + redisLine);
            }
            line += lines.size();
            yaml.append(String.join("\n", lines)).append('\n');
        }

        var r = scan("application.yml", yaml.toString());

        assertThat(r.findings()).extracting(f -> f.rule().id() + "@" + f.location().startLine())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void environmentVariablePasswords_seeTheDatasourceUrlAndRedisHostOfAnyDocumentOfTheFile() {
        // a Secret's variables and the Deployment that sets the URL and the host, documents apart
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            yaml.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s").append(i).append("\nstringData:\n")
                    .append("  SPRING_DATASOURCE_PASSWORD: Db-Pass-").append(i).append("!x\n")
                    .append("  SPRING_REDIS_PASSWORD: Redis-Pass-").append(i).append("-Abcdefghijklmnopqrstuv\n---\n");
        }
        String withoutAzure = yaml + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n";
        String withAzure = withoutAzure + """
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        env:
                        - name: SPRING_DATASOURCE_URL
                          value: jdbc:mysql://orders.mysql.database.azure.com:3306/orders
                        - name: SPRING_DATA_REDIS_HOST
                          value: orders.redis.cache.windows.net
                """;

        assertThat(scan("k8s.yaml", withoutAzure).findings()).isEmpty();
        var r = scan("k8s.yaml", withAzure);
        assertThat(r.findings()).extracting(f -> f.rule().id()).hasSize(24)
                .containsOnly("MI-MYSQL-JDBC-PASSWORD", "MI-REDIS-ACCESSKEY");
        assertThat(r.findings()).filteredOn(f -> f.rule().id().equals("MI-REDIS-ACCESSKEY")).hasSize(12);
    }
}
