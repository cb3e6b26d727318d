package dev.miscan.rules.iac;

import dev.miscan.core.api.Role;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;
import java.util.Locale;

/**
 * The Azure services whose keys IaC hands around, by ARM resource type and azurerm resource type, with the
 * data roles that replace the key (iac-rules.md §1 and §3) and the identity-based setting that replaces a
 * connection string in app settings.
 */
enum IacService {
    STORAGE("Azure Storage", List.of("Microsoft.Storage/storageAccounts"),
            List.of("azurerm_storage_account", "azurerm_storage_account_sas", "azurerm_storage_account_blob_container_sas"),
            List.of(AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR), "accountName"),
    SERVICE_BUS("Azure Service Bus", List.of("Microsoft.ServiceBus/namespaces"),
            List.of("azurerm_servicebus_namespace", "azurerm_servicebus_namespace_authorization_rule",
                    "azurerm_servicebus_queue_authorization_rule", "azurerm_servicebus_topic_authorization_rule"),
            List.of(AzureRoles.SERVICE_BUS_DATA_SENDER, AzureRoles.SERVICE_BUS_DATA_RECEIVER), "fullyQualifiedNamespace"),
    EVENT_HUBS("Azure Event Hubs", List.of("Microsoft.EventHub/namespaces"),
            List.of("azurerm_eventhub_namespace", "azurerm_eventhub_namespace_authorization_rule",
                    "azurerm_eventhub_authorization_rule"),
            List.of(AzureRoles.EVENT_HUBS_DATA_SENDER, AzureRoles.EVENT_HUBS_DATA_RECEIVER), "fullyQualifiedNamespace"),
    COSMOS("Azure Cosmos DB", List.of("Microsoft.DocumentDB/databaseAccounts"), List.of("azurerm_cosmosdb_account"),
            List.of(AzureRoles.COSMOS_DATA_READER, AzureRoles.COSMOS_DATA_CONTRIBUTOR), "accountEndpoint"),
    APP_CONFIGURATION("Azure App Configuration", List.of("Microsoft.AppConfiguration/configurationStores"),
            List.of("azurerm_app_configuration"),
            List.of(AzureRoles.APP_CONFIGURATION_DATA_READER, AzureRoles.APP_CONFIGURATION_DATA_OWNER), "endpoint"),
    EVENT_GRID("Azure Event Grid", List.of("Microsoft.EventGrid/topics", "Microsoft.EventGrid/domains"),
            List.of("azurerm_eventgrid_topic", "azurerm_eventgrid_domain"), List.of(AzureRoles.EVENTGRID_DATA_SENDER),
            "topicEndpointUri"),
    AI_SERVICES("Azure AI services (OpenAI)", List.of("Microsoft.CognitiveServices/accounts"),
            List.of("azurerm_cognitive_account", "azurerm_ai_services"),
            List.of(AzureRoles.COGNITIVE_SERVICES_OPENAI_USER, AzureRoles.COGNITIVE_SERVICES_USER), "endpoint"),
    SEARCH("Azure AI Search", List.of("Microsoft.Search/searchServices"), List.of("azurerm_search_service"),
            List.of(AzureRoles.SEARCH_INDEX_DATA_READER, AzureRoles.SEARCH_INDEX_DATA_CONTRIBUTOR), "endpoint"),
    SIGNALR("Azure SignalR Service", List.of("Microsoft.SignalRService/signalR"), List.of("azurerm_signalr_service"),
            List.of(AzureRoles.SIGNALR_APP_SERVER), "serviceUri"),
    /** Its data role (Web PubSub Service Owner) is not in iac-rules.md §3, so it is named, not assigned. */
    WEB_PUBSUB("Azure Web PubSub", List.of("Microsoft.SignalRService/webPubSub"), List.of("azurerm_web_pubsub"),
            List.of(), "serviceUri"),
    APP_INSIGHTS("Application Insights", List.of("Microsoft.Insights/components"),
            List.of("azurerm_application_insights"), List.of(AzureRoles.MONITORING_METRICS_PUBLISHER), ""),
    CONTAINER_REGISTRY("Azure Container Registry", List.of("Microsoft.ContainerRegistry/registries"),
            List.of("azurerm_container_registry"), List.of(AzureRoles.ACR_PULL), ""),
    REDIS("Azure Cache for Redis", List.of("Microsoft.Cache/redis"), List.of("azurerm_redis_cache"),
            List.of(AzureRoles.REDIS_DATA_CONTRIBUTOR, AzureRoles.REDIS_DATA_READER), ""),
    KEY_VAULT("Azure Key Vault", List.of("Microsoft.KeyVault/vaults"), List.of("azurerm_key_vault"),
            List.of(AzureRoles.KEY_VAULT_SECRETS_USER), "vaultUri"),
    SQL("Azure SQL Database", List.of("Microsoft.Sql/servers", "Microsoft.Sql/managedInstances"),
            List.of("azurerm_mssql_server", "azurerm_sql_server", "azurerm_mssql_managed_instance"), List.of(), "");

    private final String displayName;
    private final List<String> armTypes;
    private final List<String> terraformTypes;
    private final List<Role> roles;
    private final String identitySetting;

    IacService(String displayName, List<String> armTypes, List<String> terraformTypes, List<Role> roles,
            String identitySetting) {
        this.displayName = displayName;
        this.armTypes = armTypes;
        this.terraformTypes = terraformTypes;
        this.roles = roles;
        this.identitySetting = identitySetting;
    }

    String displayName() {
        return displayName;
    }

    /** Least-privilege data roles, narrowest first. */
    List<Role> roles() {
        return roles;
    }

    /**
     * The role a remediation assigns: what an app that uses the key typically does with it (read and write for
     * Storage and Cosmos DB, send for messaging, read for the rest); the summary names the narrower one.
     */
    Role assignedRole() {
        return switch (this) {
            case STORAGE -> AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR;
            case COSMOS -> AzureRoles.COSMOS_DATA_CONTRIBUTOR;
            default -> roles.isEmpty() ? null : roles.get(0);
        };
    }

    /** The service a setting's name points at ({@code AzureWebJobsStorage}, {@code SERVICEBUS_CONNECTION}), or null. */
    static IacService ofSettingName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.startsWith("azurewebjobs") || n.contains("storage") || n.contains("blob") || n.contains("queue")) {
            return STORAGE;
        }
        String[][] table = {{"servicebus", "SERVICE_BUS"}, {"eventhub", "EVENT_HUBS"}, {"cosmos", "COSMOS"},
            {"appconfig", "APP_CONFIGURATION"}, {"eventgrid", "EVENT_GRID"}, {"openai", "AI_SERVICES"},
            {"cognitive", "AI_SERVICES"}, {"search", "SEARCH"}, {"signalr", "SIGNALR"}, {"webpubsub", "WEB_PUBSUB"},
            {"redis", "REDIS"}, {"keyvault", "KEY_VAULT"}, {"sql", "SQL"}};
        for (String[] row : table) {
            if (n.contains(row[0])) {
                return valueOf(row[1]);
            }
        }
        return null;
    }

    /** The suffix of the identity-based Functions setting ({@code <CONNECTION>__accountName}), or "". */
    String identitySetting() {
        return identitySetting;
    }

    /** The placeholder for a resource of this service that the file does not declare: {@code <storage>}. */
    String placeholder() {
        return switch (this) {
            case STORAGE -> "storage";
            case SERVICE_BUS -> "servicebus";
            case EVENT_HUBS -> "eventhubs";
            case COSMOS -> "cosmos";
            case APP_CONFIGURATION -> "appconfig";
            case EVENT_GRID -> "topic";
            case AI_SERVICES -> "openai";
            case SEARCH -> "search";
            case SIGNALR -> "signalr";
            case WEB_PUBSUB -> "webpubsub";
            case APP_INSIGHTS -> "insights";
            case CONTAINER_REGISTRY -> "registry";
            case REDIS -> "redis";
            case KEY_VAULT -> "kv";
            case SQL -> "sql";
        };
    }

    String armType() {
        return armTypes.get(0);
    }

    String terraformType() {
        return terraformTypes.get(0);
    }

    /** The service of an ARM type (child types count for their parent) or azurerm type, or null. */
    static IacService of(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        for (IacService s : values()) {
            for (String arm : s.armTypes) {
                String a = arm.toLowerCase(Locale.ROOT);
                if (t.equals(a) || t.startsWith(a + "/")) {
                    return s;
                }
            }
            if (s.terraformTypes.contains(t)) {
                return s;
            }
        }
        return null;
    }
}
