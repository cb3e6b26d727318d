package dev.miscan.rules.support;

import dev.miscan.core.api.Role;

/**
 * Built-in roles by exact name and role-definition GUID, from MicrosoftDocs/azure-docs
 * {@code built-in-roles.md} (shared/reference/iac-rules.md §3). Cosmos DB and Redis data access use
 * their own data-plane role systems, named here with their ids.
 */
public final class AzureRoles {
    public static final Role STORAGE_BLOB_DATA_READER = new Role("Storage Blob Data Reader",
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1");
    public static final Role STORAGE_BLOB_DATA_CONTRIBUTOR = new Role("Storage Blob Data Contributor",
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe");
    public static final Role SERVICE_BUS_DATA_SENDER = new Role("Azure Service Bus Data Sender",
            "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39");
    public static final Role SERVICE_BUS_DATA_RECEIVER = new Role("Azure Service Bus Data Receiver",
            "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0");
    public static final Role EVENT_HUBS_DATA_SENDER = new Role("Azure Event Hubs Data Sender",
            "2b629674-e913-4c01-ae53-ef4638d8f975");
    public static final Role EVENT_HUBS_DATA_RECEIVER = new Role("Azure Event Hubs Data Receiver",
            "a638d3c7-ab3a-418d-83e6-5f17a39d4fde");
    public static final Role APP_CONFIGURATION_DATA_READER = new Role("App Configuration Data Reader",
            "516239f1-63e1-4d78-a4de-a74fb236a071");
    public static final Role APP_CONFIGURATION_DATA_OWNER = new Role("App Configuration Data Owner",
            "5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b");
    public static final Role EVENTGRID_DATA_SENDER = new Role("EventGrid Data Sender",
            "d5a91429-5739-47e2-a06b-3470a27159e7");
    public static final Role SIGNALR_APP_SERVER = new Role("SignalR App Server",
            "420fcaa2-552c-430f-98ca-3264be4806c7");
    public static final Role WEB_PUBSUB_SERVICE_OWNER = new Role("Web PubSub Service Owner",
            "12cf5a90-567b-43ae-8102-96cf46c7d9b4");
    public static final Role ACR_PULL = new Role("AcrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d");
    public static final Role SEARCH_INDEX_DATA_READER = new Role("Search Index Data Reader",
            "1407120a-92aa-4202-b7e9-c0e197c71c8f");
    public static final Role COGNITIVE_SERVICES_OPENAI_USER = new Role("Cognitive Services OpenAI User",
            "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd");
    public static final Role COGNITIVE_SERVICES_USER = new Role("Cognitive Services User",
            "a97b65f3-24c7-4388-baec-2e87135dc908");
    /** Described in the docs as publishing all Application Insights telemetry despite its name. */
    public static final Role MONITORING_METRICS_PUBLISHER = new Role("Monitoring Metrics Publisher",
            "3913510d-42f4-4e42-8a64-420c390055eb");
    /** Cosmos DB SQL data-plane role definitions (not ARM roles). */
    public static final Role COSMOS_DATA_READER = new Role("Cosmos DB Built-in Data Reader",
            "00000000-0000-0000-0000-000000000001");
    public static final Role COSMOS_DATA_CONTRIBUTOR = new Role("Cosmos DB Built-in Data Contributor",
            "00000000-0000-0000-0000-000000000002");
    /** Azure Cache for Redis built-in access policies (not ARM roles; identified by name). */
    public static final Role REDIS_DATA_CONTRIBUTOR = new Role("Data Contributor (Redis access policy)", "");
    public static final Role REDIS_DATA_READER = new Role("Data Reader (Redis access policy)", "");

    // Java sink remediations (issue 3): the exact client the code builds needs its service's data role.
    public static final Role STORAGE_QUEUE_DATA_CONTRIBUTOR = new Role("Storage Queue Data Contributor",
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88");
    public static final Role STORAGE_QUEUE_DATA_MESSAGE_SENDER = new Role("Storage Queue Data Message Sender",
            "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a");
    public static final Role STORAGE_TABLE_DATA_CONTRIBUTOR = new Role("Storage Table Data Contributor",
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3");
    public static final Role STORAGE_TABLE_DATA_READER = new Role("Storage Table Data Reader",
            "76199698-9eea-4c19-bc75-cec21354c6b6");
    public static final Role STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR = new Role(
            "Storage File Data Privileged Contributor", "69566ab7-960f-475b-8e7c-b3118f30c6bd");
    public static final Role SERVICE_BUS_DATA_OWNER = new Role("Azure Service Bus Data Owner",
            "090c5cfd-751d-490a-894a-3ce6f1109419");
    public static final Role SEARCH_INDEX_DATA_CONTRIBUTOR = new Role("Search Index Data Contributor",
            "8ebe5a00-799e-43f5-93ac-243d3dce84a7");
    public static final Role KEY_VAULT_SECRETS_USER = new Role("Key Vault Secrets User",
            "4633458b-17de-408a-b874-0445c86b69e6");

    // IaC remediations (issue 5): the Functions host's own storage needs Blob Data Owner.
    public static final Role STORAGE_BLOB_DATA_OWNER = new Role("Storage Blob Data Owner",
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b");

    private AzureRoles() {
    }
}
