package dev.miscan.rules.iac;

import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;
import java.util.Locale;

/**
 * The Azure services whose keys IaC hands around, with the data roles that replace the key and the identity-based
 * setting that replaces a connection string in app settings; their ARM and azurerm resource types are the Azure
 * catalogue's.
 */
enum IacService {
    STORAGE("Azure Storage", "storage-blob",
            List.of(AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR), "accountName"),
    SERVICE_BUS("Azure Service Bus", "servicebus",
            List.of(AzureRoles.SERVICE_BUS_DATA_SENDER, AzureRoles.SERVICE_BUS_DATA_RECEIVER), "fullyQualifiedNamespace"),
    EVENT_HUBS("Azure Event Hubs", "eventhubs",
            List.of(AzureRoles.EVENT_HUBS_DATA_SENDER, AzureRoles.EVENT_HUBS_DATA_RECEIVER), "fullyQualifiedNamespace"),
    COSMOS("Azure Cosmos DB", "cosmos", List.of(AzureRoles.COSMOS_DATA_READER, AzureRoles.COSMOS_DATA_CONTRIBUTOR),
            "accountEndpoint"),
    APP_CONFIGURATION("Azure App Configuration", "appconfig",
            List.of(AzureRoles.APP_CONFIGURATION_DATA_READER, AzureRoles.APP_CONFIGURATION_DATA_OWNER), "endpoint"),
    EVENT_GRID("Azure Event Grid", "eventgrid", List.of(AzureRoles.EVENTGRID_DATA_SENDER), "topicEndpointUri"),
    AI_SERVICES("Azure AI services (OpenAI)", "openai",
            List.of(AzureRoles.COGNITIVE_SERVICES_OPENAI_USER, AzureRoles.COGNITIVE_SERVICES_USER), "endpoint"),
    SEARCH("Azure AI Search", "search",
            List.of(AzureRoles.SEARCH_INDEX_DATA_READER, AzureRoles.SEARCH_INDEX_DATA_CONTRIBUTOR), "endpoint"),
    SIGNALR("Azure SignalR Service", "signalr", List.of(AzureRoles.SIGNALR_APP_SERVER), "serviceUri"),
    /** Its data role (Web PubSub Service Owner) manages the service, so it is named, not assigned. */
    WEB_PUBSUB("Azure Web PubSub", "webpubsub", List.of(), "serviceUri"),
    APP_INSIGHTS("Application Insights", "appinsights", List.of(AzureRoles.MONITORING_METRICS_PUBLISHER), ""),
    CONTAINER_REGISTRY("Azure Container Registry", "acr", List.of(AzureRoles.ACR_PULL), ""),
    REDIS("Azure Cache for Redis", "redis", List.of(AzureRoles.REDIS_DATA_CONTRIBUTOR, AzureRoles.REDIS_DATA_READER),
            ""),
    KEY_VAULT("Azure Key Vault", "keyvault", List.of(AzureRoles.KEY_VAULT_SECRETS_USER), "vaultUri"),
    SQL("Azure SQL Database", "sql", List.of(), ""),
    POSTGRES("Azure Database for PostgreSQL", "postgres", List.of(), "");

    private final String displayName;
    /** The service in the Azure catalogue: its ARM and azurerm resource types, one list for every reader. */
    private final AzureCatalogue.Service catalogue;
    private final List<Role> roles;
    private final String identitySetting;

    IacService(String displayName, String catalogueKey, List<Role> roles, String identitySetting) {
        this.displayName = displayName;
        this.catalogue = AzureCatalogue.get().service(catalogueKey);
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
     * Storage, Cosmos DB, App Configuration and AI Search, send for messaging, the service's one role for the rest).
     */
    Role assignedRole() {
        return switch (this) {
            // a template does not show what the code does: the role that reads and writes (docs/plan.md)
            case STORAGE -> AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR;
            case COSMOS -> AzureRoles.COSMOS_DATA_CONTRIBUTOR;
            case APP_CONFIGURATION -> AzureRoles.APP_CONFIGURATION_DATA_OWNER;
            case SEARCH -> AzureRoles.SEARCH_INDEX_DATA_CONTRIBUTOR;
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

    /**
     * The placeholder for a resource of this service that the file does not declare, without its brackets: the
     * catalogue's, so that every piece of advice names an unknown resource alike ({@code account}).
     */
    String placeholder() {
        String p = catalogue.placeholder();
        return p.substring(1, p.length() - 1);
    }

    String armType() {
        return catalogue.armType();
    }

    String terraformType() {
        return catalogue.terraform().get(0);
    }

    /** The service of an ARM type (child types count for their parent) or azurerm type, or null. */
    static IacService of(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        for (IacService s : values()) {
            for (String arm : s.catalogue.armTypes()) {
                String a = arm.toLowerCase(Locale.ROOT);
                if (t.equals(a) || t.startsWith(a + "/")) {
                    return s;
                }
            }
            if (s.catalogue.terraform().contains(t)) {
                return s;
            }
        }
        return null;
    }
}
