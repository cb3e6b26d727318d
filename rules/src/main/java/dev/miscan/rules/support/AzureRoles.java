package dev.miscan.rules.support;

import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;

/**
 * The built-in roles remediations name, by exact name; their GUIDs come from the Azure catalogue
 * ({@link AzureCatalogue}), so a role is written once. Cosmos DB and Redis data access use their own data-plane
 * role systems, which the catalogue names with their ids.
 */
public final class AzureRoles {
    public static final Role STORAGE_BLOB_DATA_READER = role("Storage Blob Data Reader");
    public static final Role STORAGE_BLOB_DATA_CONTRIBUTOR = role("Storage Blob Data Contributor");
    public static final Role SERVICE_BUS_DATA_SENDER = role("Azure Service Bus Data Sender");
    public static final Role SERVICE_BUS_DATA_RECEIVER = role("Azure Service Bus Data Receiver");
    public static final Role EVENT_HUBS_DATA_SENDER = role("Azure Event Hubs Data Sender");
    public static final Role EVENT_HUBS_DATA_RECEIVER = role("Azure Event Hubs Data Receiver");
    public static final Role APP_CONFIGURATION_DATA_READER = role("App Configuration Data Reader");
    public static final Role APP_CONFIGURATION_DATA_OWNER = role("App Configuration Data Owner");
    public static final Role EVENTGRID_DATA_SENDER = role("EventGrid Data Sender");
    public static final Role SIGNALR_APP_SERVER = role("SignalR App Server");
    public static final Role WEB_PUBSUB_SERVICE_OWNER = role("Web PubSub Service Owner");
    public static final Role ACR_PULL = role("AcrPull");
    public static final Role ACR_PUSH = role("AcrPush");
    public static final Role SEARCH_INDEX_DATA_READER = role("Search Index Data Reader");
    public static final Role COGNITIVE_SERVICES_OPENAI_USER = role("Cognitive Services OpenAI User");
    public static final Role COGNITIVE_SERVICES_USER = role("Cognitive Services User");
    /** Described in the docs as publishing all Application Insights telemetry despite its name. */
    public static final Role MONITORING_METRICS_PUBLISHER = role("Monitoring Metrics Publisher");
    /** Cosmos DB SQL data-plane role definitions (not ARM roles). */
    public static final Role COSMOS_DATA_READER = role("Cosmos DB Built-in Data Reader");
    public static final Role COSMOS_DATA_CONTRIBUTOR = role("Cosmos DB Built-in Data Contributor");
    /** Azure Cache for Redis built-in access policies (not ARM roles; identified by name). */
    public static final Role REDIS_DATA_CONTRIBUTOR = role("Data Contributor (Redis access policy)");
    public static final Role REDIS_DATA_READER = role("Data Reader (Redis access policy)");

    // Java sink remediations (issue 3): the exact client the code builds needs its service's data role.
    public static final Role STORAGE_QUEUE_DATA_CONTRIBUTOR = role("Storage Queue Data Contributor");
    public static final Role STORAGE_QUEUE_DATA_MESSAGE_SENDER = role("Storage Queue Data Message Sender");
    public static final Role STORAGE_TABLE_DATA_CONTRIBUTOR = role("Storage Table Data Contributor");
    public static final Role STORAGE_TABLE_DATA_READER = role("Storage Table Data Reader");
    public static final Role STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR = role("Storage File Data Privileged Contributor");
    public static final Role SERVICE_BUS_DATA_OWNER = role("Azure Service Bus Data Owner");
    public static final Role SEARCH_INDEX_DATA_CONTRIBUTOR = role("Search Index Data Contributor");
    public static final Role KEY_VAULT_SECRETS_USER = role("Key Vault Secrets User");

    // IaC remediations (issue 5): the Functions host's own storage needs Blob Data Owner.
    public static final Role STORAGE_BLOB_DATA_OWNER = role("Storage Blob Data Owner");

    private AzureRoles() {
    }

    private static Role role(String name) {
        return AzureCatalogue.get().role(name);
    }
}
