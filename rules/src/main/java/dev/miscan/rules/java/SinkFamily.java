package dev.miscan.rules.java;

import java.util.List;

/**
 * A family of Java credential sinks: the Azure service (or kind of credential) a builder, constructor or
 * call authenticates to. Each family reports a literal that reaches the sink under the service's secret rule
 * ({@link #secretRule(String, String)} picks the form from the value) and, except the two that only exist for
 * literals, a sink fed from elsewhere under the service's key-based-auth rule: the same rules as the same
 * credential in any other file.
 */
enum SinkFamily {
    STORAGE("MI-STORAGE-SHAREDKEY", "MI-STORAGE-KEY-AUTH", "Azure Storage",
            List.of("com.azure.storage.", "com.azure.data.tables.", "com.microsoft.azure.storage.")),
    SERVICE_BUS("MI-SERVICEBUS-CONNSTR", "MI-SERVICEBUS-KEY-AUTH", "Azure Service Bus",
            List.of("com.azure.messaging.servicebus.", "com.microsoft.azure.servicebus.")),
    EVENT_HUBS("MI-EVENTHUBS-CONNSTR", "MI-EVENTHUBS-KEY-AUTH", "Azure Event Hubs",
            List.of("com.azure.messaging.eventhubs.", "com.microsoft.azure.eventhubs.",
                    "com.microsoft.azure.eventprocessorhost.")),
    COSMOS("MI-COSMOS-KEY", "MI-COSMOS-KEY-AUTH", "Azure Cosmos DB",
            List.of("com.azure.cosmos.", "com.azure.data.cosmos.", "com.microsoft.azure.documentdb.",
                    "com.microsoft.azure.cosmosdb.")),
    APP_CONFIGURATION("MI-APPCONFIG-CONNSTR", "MI-APPCONFIG-KEY-AUTH", "Azure App Configuration",
            List.of("com.azure.data.appconfiguration.")),
    EVENT_GRID("MI-EVENTGRID-KEY", "MI-EVENTGRID-KEY-AUTH", "Azure Event Grid",
            List.of("com.azure.messaging.eventgrid.")),
    WEB_PUBSUB("MI-SIGNALR-WEBPUBSUB-ACCESSKEY", "MI-SIGNALR-WEBPUBSUB-KEY-AUTH", "Azure Web PubSub",
            List.of("com.azure.messaging.webpubsub.")),
    SEARCH("MI-SEARCH-APIKEY", "MI-SEARCH-KEY-AUTH", "Azure AI Search", List.of("com.azure.search.")),
    OPENAI("MI-OPENAI-APIKEY", "MI-OPENAI-KEY-AUTH", "Azure OpenAI / Azure AI services",
            List.of("com.azure.ai.", "com.openai.", "dev.langchain4j.")),
    KEY_CREDENTIAL("MI-CORE-KEYCREDENTIAL-LITERAL", "MI-KEYCREDENTIAL-KEY-AUTH", "Azure service key",
            List.of("com.azure.")),
    CLIENT_SECRET("MI-ID-CLIENT-SECRET", "MI-ID-CLIENT-SECRET-AUTH", "Microsoft Entra ID",
            List.of("com.azure.identity.", "com.microsoft.aad.", "com.microsoft.azure.")),
    USERNAME_PASSWORD("MI-ID-USERNAME-PASSWORD", "MI-ID-USERNAME-PASSWORD-AUTH", "Microsoft Entra ID",
            List.of("com.azure.identity.")),
    CERTIFICATE_PASSWORD("MI-ID-CERT-PASSWORD", "MI-ID-CERT-PASSWORD-AUTH", "Microsoft Entra ID",
            List.of("com.azure.identity.")),
    REDIS("MI-REDIS-ACCESSKEY", "MI-REDIS-KEY-AUTH", "Azure Cache for Redis",
            List.of("redis.clients.", "io.lettuce.", "org.redisson.", "org.springframework.data.redis.")),
    JDBC("MI-DATABASE-PASSWORD", "MI-DATABASE-PASSWORD-AUTH", "Azure SQL / PostgreSQL / MySQL",
            List.of("java.sql.", "javax.sql.", "com.microsoft.sqlserver.", "org.postgresql.", "com.mysql.",
                    "com.zaxxer.", "org.springframework.")),
    API_KEY_HEADER("MI-API-KEY-HEADER", null, "Azure API key", List.of()),
    VALUE_DEFAULT("MI-CREDENTIAL-PLACEHOLDER-DEFAULT", null, "Spring configuration", List.of());

    /** The secret rule of client secrets that open a Key Vault ("secret zero"). */
    static final String KEY_VAULT_SECRET_RULE = "MI-KEYVAULT-SP-SECRET";

    final String secretRule;
    final String keyAuthRule;
    final String service;
    final List<String> packages;

    SinkFamily(String secretRule, String keyAuthRule, String service, List<String> packages) {
        this.secretRule = secretRule;
        this.keyAuthRule = keyAuthRule;
        this.service = service;
        this.packages = packages;
    }

    /** Every rule a Java sink may report under. */
    static List<String> rules() {
        List<String> ids = new java.util.ArrayList<>(List.of(KEY_VAULT_SECRET_RULE, "MI-STORAGE-CONNSTR",
                "MI-STORAGE-SAS", "MI-MESSAGING-SAS-TOKEN", "MI-SQL-JDBC-PASSWORD", "MI-POSTGRES-JDBC-PASSWORD",
                "MI-MYSQL-JDBC-PASSWORD"));
        for (SinkFamily f : values()) {
            ids.add(f.secretRule);
            if (f.keyAuthRule != null) {
                ids.add(f.keyAuthRule);
            }
        }
        return ids.stream().distinct().toList();
    }

    /**
     * The secret rule of literal {@code value} reaching this family's sink, by the value's shape: a storage
     * connection string, SAS or bare key; a messaging connection string or SAS token; the database engine of
     * {@code server} (the host the code connects to, or null).
     */
    String secretRule(String value, String server) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return switch (this) {
            case STORAGE -> v.contains("accountkey=") ? "MI-STORAGE-CONNSTR"
                    : v.contains("sig=") ? "MI-STORAGE-SAS" : secretRule;
            case SERVICE_BUS, EVENT_HUBS -> v.contains("sharedaccesssignature") && v.contains("sig=")
                    ? "MI-MESSAGING-SAS-TOKEN" : secretRule;
            case JDBC -> {
                String s = server == null ? "" : server.toLowerCase(java.util.Locale.ROOT);
                yield s.contains(".postgres.database.") ? "MI-POSTGRES-JDBC-PASSWORD"
                        : s.contains(".mysql.database.") ? "MI-MYSQL-JDBC-PASSWORD"
                        : s.isEmpty() ? secretRule : "MI-SQL-JDBC-PASSWORD";
            }
            default -> secretRule;
        };
    }

    /**
     * The family whose sinks the Azure SDK clients of catalogue service {@code key} are: the service's own, the
     * generic key credential for a service without a family, or null for services whose clients are not key sinks
     * (Key Vault: its builders receive credentials rather than keys).
     */
    static SinkFamily ofCatalogueService(String key) {
        if (key.startsWith("storage-")) {
            return STORAGE;
        }
        return switch (key) {
            case "servicebus" -> SERVICE_BUS;
            case "eventhubs" -> EVENT_HUBS;
            case "cosmos" -> COSMOS;
            case "appconfig" -> APP_CONFIGURATION;
            case "eventgrid" -> EVENT_GRID;
            case "webpubsub" -> WEB_PUBSUB;
            case "search" -> SEARCH;
            case "openai", "ai-services" -> OPENAI;
            case "keyvault" -> null;
            default -> KEY_CREDENTIAL;
        };
    }

    /** True when a type imported as {@code fqn} may belong to this family. */
    boolean owns(String fqn) {
        return packages.isEmpty() || packages.stream().anyMatch(fqn::startsWith);
    }
}
