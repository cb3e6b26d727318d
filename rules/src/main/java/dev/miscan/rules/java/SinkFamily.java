package dev.miscan.rules.java;

import java.util.List;

/**
 * A family of Java credential sinks: the Azure service (or kind of credential) a builder, constructor or
 * call authenticates to. Each family has a secret rule (a literal reaches the sink) and, except the two
 * that only exist for literals, a key-based-auth rule (the sink is fed from elsewhere).
 */
enum SinkFamily {
    STORAGE("MI-JAVA-STORAGE-KEY", "MI-JAVA-STORAGE-KEY-AUTH", "Azure Storage",
            List.of("com.azure.storage.", "com.azure.data.tables.", "com.microsoft.azure.storage.")),
    SERVICE_BUS("MI-JAVA-SERVICEBUS-KEY", "MI-JAVA-SERVICEBUS-KEY-AUTH", "Azure Service Bus",
            List.of("com.azure.messaging.servicebus.", "com.microsoft.azure.servicebus.")),
    EVENT_HUBS("MI-JAVA-EVENTHUBS-KEY", "MI-JAVA-EVENTHUBS-KEY-AUTH", "Azure Event Hubs",
            List.of("com.azure.messaging.eventhubs.", "com.microsoft.azure.eventhubs.",
                    "com.microsoft.azure.eventprocessorhost.")),
    COSMOS("MI-JAVA-COSMOS-KEY", "MI-JAVA-COSMOS-KEY-AUTH", "Azure Cosmos DB",
            List.of("com.azure.cosmos.", "com.azure.data.cosmos.", "com.microsoft.azure.documentdb.",
                    "com.microsoft.azure.cosmosdb.")),
    APP_CONFIGURATION("MI-JAVA-APPCONFIG-KEY", "MI-JAVA-APPCONFIG-KEY-AUTH", "Azure App Configuration",
            List.of("com.azure.data.appconfiguration.")),
    EVENT_GRID("MI-JAVA-EVENTGRID-KEY", "MI-JAVA-EVENTGRID-KEY-AUTH", "Azure Event Grid",
            List.of("com.azure.messaging.eventgrid.")),
    WEB_PUBSUB("MI-JAVA-WEBPUBSUB-KEY", "MI-JAVA-WEBPUBSUB-KEY-AUTH", "Azure Web PubSub",
            List.of("com.azure.messaging.webpubsub.")),
    SEARCH("MI-SEARCH-APIKEY", "MI-JAVA-SEARCH-KEY-AUTH", "Azure AI Search", List.of("com.azure.search.")),
    OPENAI("MI-JAVA-OPENAI-KEY", "MI-JAVA-OPENAI-KEY-AUTH", "Azure OpenAI / Azure AI services",
            List.of("com.azure.ai.", "com.openai.", "dev.langchain4j.")),
    KEY_CREDENTIAL("MI-CORE-KEYCREDENTIAL-LITERAL", "MI-JAVA-KEYCREDENTIAL-KEY-AUTH", "Azure service key",
            List.of("com.azure.")),
    CLIENT_SECRET("MI-JAVA-CLIENT-SECRET", "MI-JAVA-CLIENT-SECRET-AUTH", "Microsoft Entra ID",
            List.of("com.azure.identity.", "com.microsoft.aad.", "com.microsoft.azure.")),
    USERNAME_PASSWORD("MI-JAVA-USERNAME-PASSWORD", "MI-JAVA-USERNAME-PASSWORD-AUTH", "Microsoft Entra ID",
            List.of("com.azure.identity.")),
    CERTIFICATE_PASSWORD("MI-JAVA-CERT-PASSWORD", "MI-JAVA-CERT-PASSWORD-AUTH", "Microsoft Entra ID",
            List.of("com.azure.identity.")),
    REDIS("MI-JAVA-REDIS-KEY", "MI-JAVA-REDIS-KEY-AUTH", "Azure Cache for Redis",
            List.of("redis.clients.", "io.lettuce.", "org.redisson.", "org.springframework.data.redis.")),
    JDBC("MI-JAVA-JDBC-PASSWORD", "MI-JAVA-JDBC-PASSWORD-AUTH", "Azure SQL / PostgreSQL / MySQL",
            List.of("java.sql.", "javax.sql.", "com.microsoft.sqlserver.", "org.postgresql.", "com.mysql.",
                    "com.zaxxer.", "org.springframework.")),
    API_KEY_HEADER("MI-JAVA-API-KEY-HEADER", null, "Azure API key", List.of()),
    VALUE_DEFAULT("MI-JAVA-VALUE-DEFAULT", null, "Spring configuration", List.of());

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

    /** True when a type imported as {@code fqn} may belong to this family. */
    boolean owns(String fqn) {
        return packages.isEmpty() || packages.stream().anyMatch(fqn::startsWith);
    }
}
