package dev.miscan.rules.support;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * The Managed Identity replacement for each service; hosts, roles and endpoints come from the Azure catalogue. Java
 * snippets start with their imports and are compiled against the Azure SDK by
 * {@code RemediationSnippetsCompileTest}. Placeholders in angle brackets are left where the scanned
 * text did not say the value.
 */
public final class Remedies {
    static final String IDENTITY_DEPENDENCY = "com.azure:azure-identity";
    static final String ENABLE_IDENTITY =
            "az containerapp identity assign --name <app> --resource-group <resource-group> --system-assigned"
                    + "  # or the identity command of your host (App Service, Functions, VM, AKS workload identity)";
    static final String SCOPE_PREFIX = "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/";

    private Remedies() {
    }

    public static String or(String value, String placeholder) {
        return value == null || value.isBlank() || !isPlainValue(value) ? placeholder : value;
    }

    /**
     * Characters a name, host, endpoint or path taken from a scanned file may have to be pasted into advice: the
     * letters of Azure names and URLs, never a shell's ({@code $ ` ; | & ( ) ' " \ < > * ? !}, spaces, line
     * breaks) or a code string's (quotes, braces). Anything else is shown as its placeholder: a suggested command
     * copied with a value from a hostile repository must not run that repository's code.
     */
    public static boolean isPlainValue(String value) {
        return PLAIN_VALUE.matcher(value).matches();
    }

    private static final java.util.regex.Pattern PLAIN_VALUE =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:/@%+=,-]{0,299}+");

    static List<String> roleCommands(Role role, String scope) {
        return roleCommands(List.of(role), scope);
    }

    /** The identity command, then the assignment of each role the decision keeps ({@code roles} reduced). */
    static List<String> roleCommands(List<Role> roles, String scope) {
        List<String> c = new ArrayList<>();
        c.add(ENABLE_IDENTITY);
        c.addAll(dev.miscan.core.catalogue.RoleAssignments.commands(AzureCatalogue.get().reduce(roles), scope));
        return c;
    }

    /**
     * The remediation of a storage credential for the storage service it is for ({@code storage-queue},
     * {@code storage-file}, {@code storage-dfs}, {@code storage-table}; Blob otherwise): its endpoint and roles.
     */
    public static Remediation storage(String serviceKey, String account, String endpointSuffix) {
        String builder = switch (serviceKey == null ? "" : serviceKey) {
            case "storage-queue" -> "QueueServiceClientBuilder";
            case "storage-file" -> "ShareServiceClientBuilder";
            case "storage-dfs" -> "DataLakeServiceClientBuilder";
            case "storage-table" -> "TableServiceClientBuilder";
            default -> null;
        };
        return builder == null ? storageBlob(account, endpointSuffix) : storageClient(builder, account, endpointSuffix, null);
    }

    public static Remediation storageBlob(String account, String endpointSuffix) {
        String acct = or(account, "<account>");
        String suffix = or(endpointSuffix, "core.windows.net");
        String scope = SCOPE_PREFIX + "Microsoft.Storage/storageAccounts/" + acct;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.storage.blob.BlobServiceClient;
                import com.azure.storage.blob.BlobServiceClientBuilder;

                BlobServiceClient blobServiceClient = new BlobServiceClientBuilder()
                        .endpoint("https://%s.blob.%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(acct, suffix);
        return new Remediation("Azure Storage", or(account, ""),
                "Remove the account key: connect to https://" + acct + ".blob." + suffix
                        + " with DefaultAzureCredential (Managed Identity in Azure) and grant the identity a data role;"
                        + " then rotate the key and disallow shared-key access on the account.",
                "java", java, IDENTITY_DEPENDENCY,
                List.of(AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR), scope,
                roleCommands(AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR, scope));
    }

    public static Remediation serviceBus(String namespace) {
        String ns = or(namespace, "<namespace>");
        String scope = SCOPE_PREFIX + "Microsoft.ServiceBus/namespaces/" + ns;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.messaging.servicebus.ServiceBusClientBuilder;
                import com.azure.messaging.servicebus.ServiceBusSenderClient;

                ServiceBusSenderClient sender = new ServiceBusClientBuilder()
                        .credential("%s.servicebus.windows.net", new DefaultAzureCredentialBuilder().build())
                        .sender()
                        .queueName("<queue>")
                        .buildClient();
                """.formatted(ns);
        return new Remediation("Azure Service Bus", or(namespace, ""),
                "Remove the SAS key: connect to " + ns + ".servicebus.windows.net with DefaultAzureCredential and grant"
                        + " the identity Azure Service Bus Data Sender and/or Receiver; then rotate the key and set"
                        + " disableLocalAuth on the namespace.",
                "java", java, IDENTITY_DEPENDENCY,
                List.of(AzureRoles.SERVICE_BUS_DATA_SENDER, AzureRoles.SERVICE_BUS_DATA_RECEIVER), scope,
                roleCommands(List.of(AzureRoles.SERVICE_BUS_DATA_SENDER, AzureRoles.SERVICE_BUS_DATA_RECEIVER), scope));
    }

    public static Remediation eventHubs(String namespace, String eventHub) {
        String ns = or(namespace, "<namespace>");
        String hub = or(eventHub, "<event-hub>");
        String scope = SCOPE_PREFIX + "Microsoft.EventHub/namespaces/" + ns + "/eventhubs/" + hub;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.messaging.eventhubs.EventHubClientBuilder;
                import com.azure.messaging.eventhubs.EventHubProducerClient;

                EventHubProducerClient producer = new EventHubClientBuilder()
                        .credential("%s.servicebus.windows.net", "%s", new DefaultAzureCredentialBuilder().build())
                        .buildProducerClient();
                """.formatted(ns, hub);
        return new Remediation("Azure Event Hubs", or(namespace, ""),
                "Remove the SAS key: connect to " + ns + ".servicebus.windows.net with DefaultAzureCredential and grant"
                        + " the identity Azure Event Hubs Data Sender and/or Receiver; then rotate the key and set"
                        + " disableLocalAuth on the namespace.",
                "java", java, IDENTITY_DEPENDENCY,
                List.of(AzureRoles.EVENT_HUBS_DATA_SENDER, AzureRoles.EVENT_HUBS_DATA_RECEIVER), scope,
                roleCommands(List.of(AzureRoles.EVENT_HUBS_DATA_SENDER, AzureRoles.EVENT_HUBS_DATA_RECEIVER), scope));
    }

    public static Remediation cosmos(String account) {
        String acct = or(account, "<account>");
        String java = """
                import com.azure.cosmos.CosmosClient;
                import com.azure.cosmos.CosmosClientBuilder;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                CosmosClient cosmosClient = new CosmosClientBuilder()
                        .endpoint("https://%s.documents.azure.com:443/")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(acct);
        return new Remediation("Azure Cosmos DB", or(account, ""),
                "Remove the account key: connect with DefaultAzureCredential and grant the identity a Cosmos DB"
                        + " data-plane role (not an ARM role); then rotate the key and set disableLocalAuth.",
                "java", java, IDENTITY_DEPENDENCY,
                List.of(AzureRoles.COSMOS_DATA_READER, AzureRoles.COSMOS_DATA_CONTRIBUTOR),
                SCOPE_PREFIX + "Microsoft.DocumentDB/databaseAccounts/" + acct,
                roleCommands(List.of(AzureRoles.COSMOS_DATA_READER, AzureRoles.COSMOS_DATA_CONTRIBUTOR),
                        SCOPE_PREFIX + "Microsoft.DocumentDB/databaseAccounts/" + acct));
    }

    public static Remediation appConfiguration(String store) {
        String s = or(store, "<store>");
        String scope = SCOPE_PREFIX + "Microsoft.AppConfiguration/configurationStores/" + s;
        String java = """
                import com.azure.data.appconfiguration.ConfigurationClient;
                import com.azure.data.appconfiguration.ConfigurationClientBuilder;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                ConfigurationClient configurationClient = new ConfigurationClientBuilder()
                        .endpoint("https://%s.azconfig.io")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(s);
        return new Remediation("Azure App Configuration", or(store, ""),
                "Remove the access key: connect to https://" + s + ".azconfig.io with DefaultAzureCredential and grant"
                        + " the identity an App Configuration data role (Data Reader when the code only reads); then"
                        + " rotate the key and set disableLocalAuth.",
                "java", java, IDENTITY_DEPENDENCY,
                List.of(AzureRoles.APP_CONFIGURATION_DATA_READER, AzureRoles.APP_CONFIGURATION_DATA_OWNER), scope,
                roleCommands(List.of(AzureRoles.APP_CONFIGURATION_DATA_READER, AzureRoles.APP_CONFIGURATION_DATA_OWNER), scope));
    }

    public static Remediation eventGrid(String endpoint) {
        String ep = or(endpoint, "https://<topic>.<region>-1.eventgrid.azure.net/api/events");
        String scope = SCOPE_PREFIX + "Microsoft.EventGrid/topics/<topic>";
        String java = """
                import com.azure.core.models.CloudEvent;
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.messaging.eventgrid.EventGridPublisherClient;
                import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;

                EventGridPublisherClient<CloudEvent> publisher = new EventGridPublisherClientBuilder()
                        .endpoint("%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildCloudEventPublisherClient();
                """.formatted(ep);
        return new Remediation("Azure Event Grid", "",
                "Remove the topic key: publish with DefaultAzureCredential and grant the identity EventGrid Data"
                        + " Sender on the topic; then rotate the key and set disableLocalAuth.",
                "java", java, IDENTITY_DEPENDENCY, List.of(AzureRoles.EVENTGRID_DATA_SENDER), scope,
                roleCommands(AzureRoles.EVENTGRID_DATA_SENDER, scope));
    }

    public static Remediation signalR(String host) {
        boolean webPubSub = host != null && host.contains("webpubsub");
        String h = or(host, webPubSub ? "<webpubsub>.webpubsub.azure.com" : "<signalr>.service.signalr.net");
        String name = or(h.contains(".") ? h.substring(0, h.indexOf('.')) : null, webPubSub ? "<webpubsub>" : "<signalr>");
        Role role = webPubSub ? AzureRoles.WEB_PUBSUB_SERVICE_OWNER : AzureRoles.SIGNALR_APP_SERVER;
        String scope = SCOPE_PREFIX + "Microsoft.SignalRService/" + (webPubSub ? "WebPubSub/" : "SignalR/") + name;
        return new Remediation(webPubSub ? "Azure Web PubSub" : "Azure SignalR Service", or(host, ""),
                "Remove the access key: use the identity-based connection string (no AccessKey) and grant the"
                        + " identity " + role.name() + "; then rotate the key and set disableLocalAuth.",
                "text", "Endpoint=https://" + h + ";AuthType=aad;ClientId=<user-assigned-identity-client-id>;Version=1.0;",
                "", List.of(role), scope, roleCommands(role, scope));
    }

    public static Remediation redis(String host) {
        String h = or(host, "<cache>.redis.cache.windows.net");
        String name = or(h.contains(".") ? h.substring(0, h.indexOf('.')) : null, "<cache>");
        String properties = """
                # com.azure.spring:spring-cloud-azure-starter-data-redis-lettuce (Spring Cloud Azure 5.13+)
                spring.data.redis.host=%s
                spring.data.redis.port=6380
                spring.data.redis.ssl.enabled=true
                spring.data.redis.azure.passwordless-enabled=true
                """.formatted(h);
        return new Remediation("Azure Cache for Redis", or(host, ""),
                "Remove the access key: enable Microsoft Entra authentication on the cache, give the identity a"
                        + " Redis data access policy and use a token instead of the key; then disable access-key"
                        + " authentication.",
                "properties", properties, "com.azure.spring:spring-cloud-azure-starter-data-redis-lettuce",
                List.of(AzureRoles.REDIS_DATA_READER, AzureRoles.REDIS_DATA_CONTRIBUTOR),
                SCOPE_PREFIX + "Microsoft.Cache/redis/" + name,
                roleCommands(List.of(AzureRoles.REDIS_DATA_READER, AzureRoles.REDIS_DATA_CONTRIBUTOR),
                        SCOPE_PREFIX + "Microsoft.Cache/redis/" + name));
    }

    public static Remediation communication(String endpoint) {
        return new Remediation("Azure Communication Services", or(endpoint, ""),
                "Remove the access key: build the Communication Services client with .endpoint(\""
                        + or(endpoint, "https://<resource>.communication.azure.com") + "\") and"
                        + " .credential(new DefaultAzureCredentialBuilder().build()); grant the identity a custom role"
                        + " with only the Microsoft.Communication actions it needs (no least-privilege built-in data"
                        + " role exists); then rotate the key.",
                "text", "endpoint=" + or(endpoint, "https://<resource>.communication.azure.com/")
                        + "  (no accesskey; authenticate with a TokenCredential)",
                IDENTITY_DEPENDENCY, List.of(), "", List.of(ENABLE_IDENTITY));
    }

    public static Remediation sqlServer(String server, String database) {
        String srv = or(server, "<server>.database.windows.net");
        String db = or(database, "<database>");
        String jdbc = "jdbc:sqlserver://" + srv + ":1433;database=" + db
                + ";encrypt=true;authentication=ActiveDirectoryManagedIdentity";
        return new Remediation("Azure SQL Database", or(server, ""),
                "Remove the SQL password: connect with authentication=ActiveDirectoryManagedIdentity"
                        + " (ADO.NET: Authentication=Active Directory Managed Identity), create a database user for the"
                        + " identity and give it only the database roles it needs; then enable Entra-only auth.",
                "jdbc", jdbc, "com.microsoft.sqlserver:mssql-jdbc (12.2 or later)", List.of(), "",
                List.of(ENABLE_IDENTITY,
                        "sqlcmd -S " + srv + " -d " + db + " -G -Q \"CREATE USER [<identity-name>] FROM EXTERNAL PROVIDER;"
                                + " ALTER ROLE db_datareader ADD MEMBER [<identity-name>];"
                                + " ALTER ROLE db_datawriter ADD MEMBER [<identity-name>];\""));
    }

    public static Remediation postgres(String server, String database) {
        String srv = or(server, "<server>.postgres.database.azure.com");
        String db = or(database, "<database>");
        String jdbc = "jdbc:postgresql://" + srv + ":5432/" + db + "?sslmode=require"
                + "&authenticationPluginClassName=com.azure.identity.extensions.jdbc.postgresql"
                + ".AzurePostgresqlAuthenticationPlugin";
        return new Remediation("Azure Database for PostgreSQL", or(server, ""),
                "Remove the password: use the azure-identity-extensions authentication plugin (user = the identity's"
                        + " Entra principal name, no password); Spring: spring.datasource.azure.passwordless-enabled=true.",
                "jdbc", jdbc, "com.azure:azure-identity-extensions", List.of(), "",
                List.of(ENABLE_IDENTITY,
                        "psql \"host=" + srv + " dbname=postgres sslmode=require\" -c \"select * from"
                                + " pgaadauth_create_principal('<identity-name>', false, false);\""));
    }

    public static Remediation mysql(String server, String database) {
        String srv = or(server, "<server>.mysql.database.azure.com");
        String db = or(database, "<database>");
        String jdbc = "jdbc:mysql://" + srv + ":3306/" + db + "?sslMode=REQUIRED"
                + "&defaultAuthenticationPlugin=com.azure.identity.extensions.jdbc.mysql.AzureMysqlAuthenticationPlugin"
                + "&authenticationPlugins=com.azure.identity.extensions.jdbc.mysql.AzureMysqlAuthenticationPlugin";
        return new Remediation("Azure Database for MySQL", or(server, ""),
                "Remove the password: use the azure-identity-extensions authentication plugin (user = the identity's"
                        + " name, no password); Spring: spring.datasource.azure.passwordless-enabled=true.",
                "jdbc", jdbc, "com.azure:azure-identity-extensions", List.of(), "", List.of(ENABLE_IDENTITY));
    }

    public static Remediation clientSecret() {
        String java = """
                import com.azure.core.credential.TokenCredential;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                TokenCredential credential = new DefaultAzureCredentialBuilder().build();
                """;
        return new Remediation("Microsoft Entra ID", "",
                "Remove the client secret: use DefaultAzureCredential (Managed Identity in Azure, workload identity"
                        + " federation in CI), give the identity the roles the application held, then delete the secret"
                        + " from the app registration.",
                "java", java, IDENTITY_DEPENDENCY, List.of(), "",
                List.of(ENABLE_IDENTITY, "az ad app credential delete --id <app-id> --key-id <key-id>"));
    }

    public static Remediation appInsights() {
        String json = """
                "authentication": { "enabled": true, "type": "SAMI" }
                """;
        String scope = SCOPE_PREFIX + "Microsoft.Insights/components/<application-insights>";
        return new Remediation("Application Insights", "",
                "The connection string is not a secret, but anyone holding it can send telemetry: turn on Microsoft"
                        + " Entra authenticated ingestion (Java agent applicationinsights.json) and disable local auth.",
                "json", json, "", List.of(AzureRoles.MONITORING_METRICS_PUBLISHER), scope,
                roleCommands(AzureRoles.MONITORING_METRICS_PUBLISHER, scope));
    }

    /**
     * The remediation of a service from the Azure catalogue alone: connect to its endpoint with Microsoft Entra ID
     * and grant the roles the catalogue lists (the write role in the commands, as the code was not seen), or the
     * catalogue's own advice where that does not fit. {@code resource} names the account, namespace or hub, or is
     * null.
     */
    public static Remediation catalogue(String serviceKey, String resource) {
        AzureCatalogue.Service s = AzureCatalogue.get().service(serviceKey);
        String name = or(resource, s.placeholder());
        String endpoint = s.endpoint().replaceFirst("<[^>]+>", java.util.regex.Matcher.quoteReplacement(name));
        String scope = SCOPE_PREFIX + s.armType() + "/" + name;
        // the code was not seen: the roles any use of the key may need (read and write)
        List<Role> roles = s.allRoles().isEmpty() ? List.of() : s.assign(java.util.Set.of());
        String summary = !s.remedy().isEmpty() ? s.remedy()
                : "Remove the key: connect to " + endpoint + " with Microsoft Entra ID (DefaultAzureCredential; Managed"
                        + " Identity in Azure), grant the identity " + String.join(" and ", roles.stream().map(Role::name).toList())
                        + ", then rotate the key.";
        String replacement = !s.remedy().isEmpty() ? "" : "endpoint: " + endpoint + "\ncredential: DefaultAzureCredential";
        return new Remediation(s.name(), or(resource, ""), summary, "text", replacement,
                s.dependency().isEmpty() ? IDENTITY_DEPENDENCY : s.dependency(), roles,
                s.armType().isEmpty() || roles.isEmpty() ? "" : scope,
                roles.isEmpty() ? List.of(ENABLE_IDENTITY) : roleCommands(roles, scope));
    }

    public static Remediation identifiable(String service, Role role) {
        String java = """
                import com.azure.core.credential.TokenCredential;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                TokenCredential credential = new DefaultAzureCredentialBuilder().build();
                """;
        return new Remediation(service, "",
                "Remove the key: pass a TokenCredential (DefaultAzureCredential) to the service client instead, grant"
                        + " the identity the service's data role, then rotate the key.",
                "java", java, IDENTITY_DEPENDENCY, role == null ? List.of() : List.of(role), role == null ? "" : scopeOf(role),
                role == null ? List.of(ENABLE_IDENTITY) : roleCommands(role, scopeOf(role)));
    }

    /** The resource id of the resource a role is granted on, from the first service that lists the role. */
    static String scopeOf(Role role) {
        return AzureCatalogue.get().serviceOfRole(role).map(s -> SCOPE_PREFIX + s.armType() + "/" + s.placeholder())
                .orElse(SCOPE_PREFIX + "<resource>");
    }

    /** The remediation of a configuration slot: the passwordless settings, with the service's roles and commands. */
    public static Remediation config(Remediation service, dev.miscan.rules.config.ConfigSlots.Slot slot) {
        return new Remediation(service.service(), service.target(), service.summary(), "properties",
                slot.passwordless(), service.dependency(), service.roles(), service.scope(), service.commands());
    }

    public static Remediation openAi(String resource) {
        String r = or(resource, "<resource>");
        String scope = SCOPE_PREFIX + "Microsoft.CognitiveServices/accounts/" + r;
        return new Remediation("Azure OpenAI", or(resource, ""),
                "Remove the API key: authenticate with Microsoft Entra ID (DefaultAzureCredential; Spring AI: omit"
                        + " api-key) and grant the identity Cognitive Services OpenAI User; then disable local"
                        + " (key) authentication on the resource.",
                "text", "new OpenAIClientBuilder().endpoint(\"https://" + r + ".openai.azure.com/\")"
                        + ".credential(new DefaultAzureCredentialBuilder().build()).buildClient()",
                IDENTITY_DEPENDENCY, List.of(AzureRoles.COGNITIVE_SERVICES_OPENAI_USER), scope,
                roleCommands(AzureRoles.COGNITIVE_SERVICES_OPENAI_USER, scope));
    }

    /** For a user password or certificate password of Entra ID: the identity replaces the credential. */
    public static Remediation userCredential(String what) {
        Remediation base = clientSecret();
        return new Remediation(base.service(), "", "Remove the " + what + ": use DefaultAzureCredential (Managed"
                + " Identity in Azure, workload identity federation in CI) and give the identity the roles the"
                + " account held.", base.language(), base.replacement(), base.dependency(), List.of(), "",
                List.of(ENABLE_IDENTITY));
    }

    /** GitHub Actions: OpenID Connect federation instead of a service-principal secret. */
    public static Remediation githubOidc() {
        String yaml = """
                permissions:
                  id-token: write
                  contents: read
                steps:
                  - uses: azure/login@v2
                    with:
                      client-id: ${{ secrets.AZURE_CLIENT_ID }}
                      tenant-id: ${{ secrets.AZURE_TENANT_ID }}
                      subscription-id: ${{ secrets.AZURE_SUBSCRIPTION_ID }}
                """;
        return new Remediation("Microsoft Entra ID (GitHub Actions)", "",
                "Replace the service-principal secret with OpenID Connect: add a federated credential for the"
                        + " repository to the app registration (or a user-assigned managed identity), give the job"
                        + " permissions id-token: write, pass client-id/tenant-id/subscription-id to azure/login,"
                        + " then delete the client secret.",
                "yaml", yaml, "", List.of(), "",
                List.of("az ad app federated-credential create --id <app-id> --parameters '{\"name\":\"github-main\","
                                + "\"issuer\":\"https://token.actions.githubusercontent.com\",\"subject\":"
                                + "\"repo:<owner>/<repo>:ref:refs/heads/main\",\"audiences\":[\"api://AzureADTokenExchange\"]}'",
                        "az ad app credential delete --id <app-id> --key-id <key-id>"));
    }

    public static Remediation containerRegistry(String registry) {
        return containerRegistry(registry, false);
    }

    /** {@code push}: the identity pushes images (a build), so it needs AcrPush rather than AcrPull. */
    public static Remediation containerRegistry(String registry, boolean push) {
        String r = or(registry, "<registry>");
        String scope = SCOPE_PREFIX + "Microsoft.ContainerRegistry/registries/" + r;
        Role role = push ? AzureRoles.ACR_PUSH : AzureRoles.ACR_PULL;
        return new Remediation("Azure Container Registry", or(registry, ""),
                "Remove the registry password: pull with the cluster's or app's managed identity (AcrPull), push from"
                        + " CI with a federated identity (az acr login, AcrPush), then disable the admin user.",
                "text", "az acr login --name " + r + "   # with the signed-in (federated or managed) identity",
                "", List.of(role), scope, roleCommands(role, scope));
    }

    // ---- Java sinks (issue 3): the replacement for the exact client the code builds ----------------------

    /** The storage client of {@code builder} (Blob, Queue, File share, Data Lake, Tables) with an identity. */
    public static Remediation storageClient(String builder, String account, String endpointSuffix, String container) {
        String b = or(builder, "BlobServiceClientBuilder");
        String acct = or(account, "<account>");
        String suffix = or(endpointSuffix, "core.windows.net");
        String scope = SCOPE_PREFIX + "Microsoft.Storage/storageAccounts/" + acct;
        String java;
        Role role;
        List<Role> roles;
        if (b.startsWith("Queue")) {
            java = """
                    import com.azure.identity.DefaultAzureCredentialBuilder;
                    import com.azure.storage.queue.QueueClient;
                    import com.azure.storage.queue.QueueClientBuilder;

                    QueueClient queueClient = new QueueClientBuilder()
                            .endpoint("https://%s.queue.%s")
                            .queueName("<queue>")
                            .credential(new DefaultAzureCredentialBuilder().build())
                            .buildClient();
                    """.formatted(acct, suffix);
            role = AzureRoles.STORAGE_QUEUE_DATA_CONTRIBUTOR;
            roles = List.of(AzureRoles.STORAGE_QUEUE_DATA_MESSAGE_SENDER, AzureRoles.STORAGE_QUEUE_DATA_CONTRIBUTOR);
        } else if (b.startsWith("Share")) {
            java = """
                    import com.azure.identity.DefaultAzureCredentialBuilder;
                    import com.azure.storage.file.share.ShareServiceClient;
                    import com.azure.storage.file.share.ShareServiceClientBuilder;
                    import com.azure.storage.file.share.models.ShareTokenIntent;

                    ShareServiceClient shareServiceClient = new ShareServiceClientBuilder()
                            .endpoint("https://%s.file.%s")
                            .credential(new DefaultAzureCredentialBuilder().build())
                            .shareTokenIntent(ShareTokenIntent.BACKUP)
                            .buildClient();
                    """.formatted(acct, suffix);
            role = AzureRoles.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR;
            roles = List.of(role);
        } else if (b.startsWith("DataLake")) {
            java = """
                    import com.azure.identity.DefaultAzureCredentialBuilder;
                    import com.azure.storage.file.datalake.DataLakeServiceClient;
                    import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;

                    DataLakeServiceClient dataLakeServiceClient = new DataLakeServiceClientBuilder()
                            .endpoint("https://%s.dfs.%s")
                            .credential(new DefaultAzureCredentialBuilder().build())
                            .buildClient();
                    """.formatted(acct, suffix);
            role = AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR;
            roles = List.of(AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR);
        } else if (b.startsWith("Table")) {
            java = """
                    import com.azure.data.tables.TableServiceClient;
                    import com.azure.data.tables.TableServiceClientBuilder;
                    import com.azure.identity.DefaultAzureCredentialBuilder;

                    TableServiceClient tableServiceClient = new TableServiceClientBuilder()
                            .endpoint("https://%s.table.%s")
                            .credential(new DefaultAzureCredentialBuilder().build())
                            .buildClient();
                    """.formatted(acct, suffix);
            role = AzureRoles.STORAGE_TABLE_DATA_CONTRIBUTOR;
            roles = List.of(AzureRoles.STORAGE_TABLE_DATA_READER, AzureRoles.STORAGE_TABLE_DATA_CONTRIBUTOR);
        } else if (b.startsWith("BlobContainer") || b.equals("BlobClientBuilder")) {
            boolean blob = b.equals("BlobClientBuilder");
            java = """
                    import com.azure.identity.DefaultAzureCredentialBuilder;
                    import com.azure.storage.blob.%1$s;
                    import com.azure.storage.blob.%1$sBuilder;

                    %1$s client = new %1$sBuilder()
                            .endpoint("https://%2$s.blob.%3$s")
                            .containerName("%4$s")%5$s
                            .credential(new DefaultAzureCredentialBuilder().build())
                            .buildClient();
                    """.formatted(blob ? "BlobClient" : "BlobContainerClient", acct, suffix,
                    or(container, "<container>"), blob ? "\n        .blobName(\"<blob>\")" : "");
            role = AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR;
            roles = List.of(AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR);
        } else {
            Remediation blob = storageBlob(account, endpointSuffix);
            return blob;
        }
        return new Remediation("Azure Storage", or(account, ""),
                "Remove the account key: build the client with .endpoint(\"https://" + acct + "…\") and"
                        + " .credential(new DefaultAzureCredentialBuilder().build()), grant the identity "
                        + role.name() + ", then rotate the key and disallow shared-key access on the account.",
                "java", java, IDENTITY_DEPENDENCY, roles, scope, roleCommands(roles, scope));
    }

    /** Service Bus management with an identity. */
    public static Remediation serviceBusAdministration(String namespace) {
        String ns = or(namespace, "<namespace>");
        String scope = SCOPE_PREFIX + "Microsoft.ServiceBus/namespaces/" + ns;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
                import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;

                ServiceBusAdministrationClient administrationClient = new ServiceBusAdministrationClientBuilder()
                        .credential("%s.servicebus.windows.net", new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(ns);
        return new Remediation("Azure Service Bus", or(namespace, ""),
                "Remove the SAS key: manage " + ns + ".servicebus.windows.net with DefaultAzureCredential and grant the"
                        + " identity Azure Service Bus Data Owner on the namespace; then rotate the key and set"
                        + " disableLocalAuth.",
                "java", java, IDENTITY_DEPENDENCY, List.of(AzureRoles.SERVICE_BUS_DATA_OWNER), scope,
                roleCommands(AzureRoles.SERVICE_BUS_DATA_OWNER, scope));
    }

    public static Remediation webPubSub(String endpoint, String hub) {
        String ep = or(endpoint, "https://<webpubsub>.webpubsub.azure.com");
        String host = ep.replaceFirst("^https?://", "");
        String name = or(host.contains(".") ? host.substring(0, host.indexOf('.')) : null, "<webpubsub>");
        String scope = SCOPE_PREFIX + "Microsoft.SignalRService/WebPubSub/" + name;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.messaging.webpubsub.WebPubSubServiceClient;
                import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;

                WebPubSubServiceClient webPubSubServiceClient = new WebPubSubServiceClientBuilder()
                        .endpoint("%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .hub("%s")
                        .buildClient();
                """.formatted(ep, or(hub, "<hub>"));
        return new Remediation("Azure Web PubSub", endpoint == null ? "" : name,
                "Remove the access key: connect to " + ep + " with DefaultAzureCredential and grant the identity Web"
                        + " PubSub Service Owner; then rotate the key and set disableLocalAuth.",
                "java", java, IDENTITY_DEPENDENCY, List.of(AzureRoles.WEB_PUBSUB_SERVICE_OWNER), scope,
                roleCommands(AzureRoles.WEB_PUBSUB_SERVICE_OWNER, scope));
    }

    public static Remediation search(String endpoint, String index) {
        String ep = or(endpoint, "https://<service>.search.windows.net");
        String host = ep.replaceFirst("^https?://", "");
        String name = or(host.contains(".") ? host.substring(0, host.indexOf('.')) : null, "<service>");
        String scope = SCOPE_PREFIX + "Microsoft.Search/searchServices/" + name;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.search.documents.SearchClient;
                import com.azure.search.documents.SearchClientBuilder;

                SearchClient searchClient = new SearchClientBuilder()
                        .endpoint("%s")
                        .indexName("%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(ep, or(index, "<index>"));
        return new Remediation("Azure AI Search", endpoint == null ? "" : name,
                "Remove the API key: enable role-based access on the search service, connect with"
                        + " DefaultAzureCredential and grant the identity Search Index Data Reader (queries) or"
                        + " Contributor (indexing); then regenerate the admin keys.",
                "java", java, IDENTITY_DEPENDENCY,
                List.of(AzureRoles.SEARCH_INDEX_DATA_READER, AzureRoles.SEARCH_INDEX_DATA_CONTRIBUTOR), scope,
                roleCommands(List.of(AzureRoles.SEARCH_INDEX_DATA_READER, AzureRoles.SEARCH_INDEX_DATA_CONTRIBUTOR), scope));
    }

    /** Azure OpenAI with {@code OpenAIClientBuilder}, or another Azure AI client builder named {@code builder}. */
    public static Remediation azureAi(String builder, String endpoint) {
        String b = or(builder, "OpenAIClientBuilder");
        boolean openAi = b.equals("OpenAIClientBuilder") || b.startsWith("AzureOpenAi") || b.startsWith("OpenAIOkHttp")
                || b.isEmpty();
        String ep = or(endpoint, openAi ? "https://<resource>.openai.azure.com/" : "https://<resource>.cognitiveservices.azure.com/");
        String host = ep.replaceFirst("^https?://", "");
        String name = or(host.contains(".") ? host.substring(0, host.indexOf('.')) : null, "<resource>");
        String scope = SCOPE_PREFIX + "Microsoft.CognitiveServices/accounts/" + name;
        Role role = openAi ? AzureRoles.COGNITIVE_SERVICES_OPENAI_USER : AzureRoles.COGNITIVE_SERVICES_USER;
        String java = openAi ? """
                import com.azure.ai.openai.OpenAIClient;
                import com.azure.ai.openai.OpenAIClientBuilder;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                OpenAIClient openAIClient = new OpenAIClientBuilder()
                        .endpoint("%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(ep) : """
                import com.azure.core.credential.TokenCredential;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                TokenCredential credential = new DefaultAzureCredentialBuilder().build();
                // new %s().endpoint("%s").credential(credential)
                """.formatted(b, ep);
        return new Remediation(openAi ? "Azure OpenAI" : "Azure AI services", endpoint == null ? "" : name,
                "Remove the API key: authenticate " + b + " with DefaultAzureCredential (the resource needs a custom"
                        + " subdomain endpoint), grant the identity " + role.name() + ", then disable key"
                        + " authentication (disableLocalAuth).",
                "java", java, IDENTITY_DEPENDENCY, List.of(role), scope, roleCommands(role, scope));
    }

    /** A client of any service built with an azure-core key credential: pass a TokenCredential instead. */
    public static Remediation tokenCredential(String builder, String what) {
        String java = """
                import com.azure.core.credential.TokenCredential;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                TokenCredential credential = new DefaultAzureCredentialBuilder().build();
                // pass it to the client builder: .credential(credential)
                """;
        return new Remediation("Azure", "",
                "Remove the " + or(what, "key") + ": give " + or(builder, "the client builder")
                        + " a TokenCredential (DefaultAzureCredential) and grant the identity the service's data role"
                        + " on the resource; then rotate the key and disable local (key) authentication.",
                "java", java, IDENTITY_DEPENDENCY, List.of(), "", List.of(ENABLE_IDENTITY));
    }

    /** A client-secret credential that opens a Key Vault ("secret zero"). */
    public static Remediation keyVault(String vaultUrl) {
        String url = or(vaultUrl, "https://<vault>.vault.azure.net/");
        String host = url.replaceFirst("^https?://", "");
        String name = or(host.contains(".") ? host.substring(0, host.indexOf('.')) : null, "<vault>");
        String scope = SCOPE_PREFIX + "Microsoft.KeyVault/vaults/" + name;
        String java = """
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import com.azure.security.keyvault.secrets.SecretClient;
                import com.azure.security.keyvault.secrets.SecretClientBuilder;

                SecretClient secretClient = new SecretClientBuilder()
                        .vaultUrl("%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(url);
        List<String> commands = new ArrayList<>(roleCommands(AzureRoles.KEY_VAULT_SECRETS_USER, scope));
        commands.add("az ad app credential delete --id <app-id> --key-id <key-id>");
        return new Remediation("Azure Key Vault", vaultUrl == null ? "" : name,
                "Remove the client secret that opens the vault: connect with DefaultAzureCredential (Managed Identity),"
                        + " grant the identity Key Vault Secrets User on " + name + ", then delete the secret from the"
                        + " app registration.",
                "java", java, IDENTITY_DEPENDENCY, List.of(AzureRoles.KEY_VAULT_SECRETS_USER), scope, commands);
    }

    /** Jedis to Azure Cache for Redis with a Microsoft Entra token as the password. */
    public static Remediation redisJedis(String host) {
        String h = or(host, "<cache>.redis.cache.windows.net");
        String name = or(h.contains(".") ? h.substring(0, h.indexOf('.')) : null, "<cache>");
        String java = """
                import com.azure.core.credential.AccessToken;
                import com.azure.core.credential.TokenRequestContext;
                import com.azure.identity.DefaultAzureCredentialBuilder;
                import redis.clients.jedis.DefaultJedisClientConfig;
                import redis.clients.jedis.HostAndPort;
                import redis.clients.jedis.Jedis;

                AccessToken token = new DefaultAzureCredentialBuilder().build()
                        .getToken(new TokenRequestContext().addScopes("https://redis.azure.com/.default")).block();
                Jedis jedis = new Jedis(new HostAndPort("%s", 6380), DefaultJedisClientConfig.builder()
                        .user("<principal-id>")
                        .password(token.getToken())
                        .ssl(true)
                        .build());
                """.formatted(h);
        Remediation spring = redis(host);
        return new Remediation("Azure Cache for Redis", or(host, ""),
                "Remove the access key: enable Microsoft Entra authentication on the cache, give the identity a Redis"
                        + " data access policy and authenticate with a token (user = the identity's object id; renew it"
                        + " before it expires, or use spring.data.redis.azure.passwordless-enabled=true with Spring);"
                        + " then disable access-key authentication.",
                "java", java, IDENTITY_DEPENDENCY + ", redis.clients:jedis", spring.roles(), spring.scope(),
                spring.commands().isEmpty() ? List.of(ENABLE_IDENTITY) : spring.commands());
    }

    /** A key in an HTTP header: send a Microsoft Entra token instead. */
    public static Remediation apiKeyHeader(String header, String service) {
        String h = or(header, "api-key");
        String s = or(service, "").toLowerCase(java.util.Locale.ROOT);
        String audience = s.equals("search") ? "https://search.azure.com/.default"
                : h.equalsIgnoreCase("aeg-sas-key") || h.equalsIgnoreCase("aeg-sas-token")
                        ? "https://eventgrid.azure.net/.default"
                        : h.equalsIgnoreCase("x-functions-key") ? "api://<function-app-client-id>/.default"
                        : h.equalsIgnoreCase("ocp-apim-subscription-key") && !s.contains("cognitive")
                                ? "api://<api-client-id>/.default"
                                : "https://cognitiveservices.azure.com/.default";
        String java = """
                import com.azure.core.credential.TokenRequestContext;
                import com.azure.identity.DefaultAzureCredentialBuilder;

                String authorization = "Bearer " + new DefaultAzureCredentialBuilder().build()
                        .getToken(new TokenRequestContext().addScopes("%s")).block().getToken();
                // send it as the Authorization header instead of the %s header
                """.formatted(audience, h);
        return new Remediation("Azure", "",
                "Remove the key from the " + h + " header: send a Microsoft Entra token (Authorization: Bearer) for "
                        + audience.replace("/.default", "") + " obtained with DefaultAzureCredential, grant the"
                        + " identity the service's data role, then rotate the key.",
                "java", java, IDENTITY_DEPENDENCY, List.of(), "", List.of(ENABLE_IDENTITY));
    }

    /** A credential written as the default of a Spring {@code @Value} placeholder. */
    public static Remediation valueDefault(String property) {
        String p = or(property, "<property>");
        return new Remediation("Spring configuration", "",
                "Remove the default from @Value(\"${" + p + ":…}\"): a default is a credential in the code. Prefer"
                        + " Managed Identity so the setting is not needed at all (Spring Cloud Azure:"
                        + " spring.cloud.azure.credential.managed-identity-enabled=true).",
                "text", "@Value(\"${" + p + "}\")   // no default; better: no key at all, with Managed Identity",
                IDENTITY_DEPENDENCY, List.of(), "", List.of(ENABLE_IDENTITY));
    }
}
