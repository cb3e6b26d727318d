package dev.miscan.rules.java;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.rules.support.Remedies;
import java.util.Locale;

/** The remediation of a Java sink: the replacement for the client it builds, filled with what the code says. */
final class JavaRemedies {
    private JavaRemedies() {
    }

    static Remediation of(SinkFamily family, JavaSinks.Target t) {
        String endpoint = t.get("endpoint");
        String host = endpoint == null ? null : Credentials.host(endpoint);
        return switch (family) {
            case STORAGE -> {
                String account = t.get("account");
                String suffix = t.get("suffix");
                if (account == null && host != null && host.contains(".core.")) {
                    account = host.substring(0, host.indexOf('.'));
                    suffix = host.substring(host.indexOf(".core.") + 1);
                }
                yield Remedies.storageClient(t.builder, account, suffix, t.get("containerName"));
            }
            case SERVICE_BUS -> {
                String ns = label(host, ".servicebus.");
                yield t.builder.equals("ServiceBusAdministrationClientBuilder") ? Remedies.serviceBusAdministration(ns)
                        : Remedies.serviceBus(ns);
            }
            case EVENT_HUBS -> Remedies.eventHubs(label(host, ".servicebus."),
                    t.get("eventHubName") != null ? t.get("eventHubName") : t.get("entity"));
            case COSMOS -> Remedies.cosmos(label(host, ".documents."));
            case APP_CONFIGURATION -> Remedies.appConfiguration(label(host, ".azconfig."));
            case EVENT_GRID -> Remedies.eventGrid(endpoint);
            case WEB_PUBSUB -> Remedies.webPubSub(endpoint, t.get("hub"));
            case SEARCH -> Remedies.search(endpoint, t.get("indexName"));
            case OPENAI -> Remedies.azureAi(t.builder.isEmpty() ? null : t.builder, endpoint);
            case KEY_CREDENTIAL -> AzureCatalogue.get().serviceOfJavaBuilder(t.builder)
                    .map(s -> Remedies.catalogue(s.key(), null))
                    .orElseGet(() -> Remedies.tokenCredential(t.builder.isEmpty() ? null : t.builder, "key"));
            case CLIENT_SECRET -> t.get("keyVault") != null ? Remedies.keyVault(t.get("vaultUrl"))
                    : Remedies.clientSecret();
            case USERNAME_PASSWORD -> Remedies.userCredential("user password");
            case CERTIFICATE_PASSWORD -> Remedies.userCredential("certificate password");
            case REDIS -> Remedies.redisJedis(t.get("host"));
            case JDBC -> jdbc(t);
            case API_KEY_HEADER -> Remedies.apiKeyHeader(t.get("header"), t.get("service"));
            case VALUE_DEFAULT -> Remedies.valueDefault(t.get("property"));
        };
    }

    /**
     * The legacy Storage SDK (azure-storage v8, {@code com.microsoft.azure.storage}): its {@code CloudStorageAccount}
     * takes keys, SAS or an OAuth token it does not refresh, so there is no one-line edit; the note is the v12 client
     * built with the endpoint and DefaultAzureCredential (https://learn.microsoft.com/azure/storage/blobs/storage-blob-java-get-started),
     * the account named when the connection string says it.
     */
    static Remediation legacyStorage(Remediation base, JavaSinks.Target t) {
        String account = t.get("account") == null || !t.get("account").matches("[a-z0-9]{3,24}") ? "<account>"
                : t.get("account");
        String suffix = t.get("suffix") == null || !t.get("suffix").matches("[a-z0-9.]{1,64}") ? "core.windows.net"
                : t.get("suffix");
        String replacement = """
                // com.azure:azure-storage-blob and com.azure:azure-identity (versions from com.azure:azure-sdk-bom)
                BlobServiceClient blobServiceClient = new BlobServiceClientBuilder()
                        .endpoint("https://%s.blob.%s")
                        .credential(new DefaultAzureCredentialBuilder().build())
                        .buildClient();
                """.formatted(account, suffix);
        return new Remediation(base.service(), base.target(), "Replace the legacy azure-storage v8 client"
                + " (CloudStorageAccount) with the v12 SDK built with the account's endpoint and DefaultAzureCredential,"
                + " give the app's identity a Storage data role on the account, then rotate the keys.", "java",
                replacement, "com.azure:azure-storage-blob", base.roles(), base.scope(), base.commands(), null,
                base.access(), "legacy azure-storage v8 (com.microsoft.azure.storage): no edit, the client has to move to"
                        + " the v12 SDK — new BlobServiceClientBuilder().endpoint(\"https://" + account + ".blob." + suffix
                        + "\").credential(new DefaultAzureCredentialBuilder().build()).buildClient()");
    }

    /** The Key Vault remediation of a client secret that opens a vault. */
    static Remediation keyVault(JavaSinks.Target t) {
        return Remedies.keyVault(t.get("vaultUrl"));
    }

    private static Remediation jdbc(JavaSinks.Target t) {
        String server = t.get("server");
        String sub = t.get("subprotocol");
        String database = t.get("database");
        String s = server == null ? "" : server.toLowerCase(Locale.ROOT);
        if (s.contains(".postgres.") || "postgresql".equals(sub)) {
            return Remedies.postgres(server, database);
        }
        if (s.contains(".mysql.") || s.contains(".mariadb.") || "mysql".equals(sub) || "mariadb".equals(sub)) {
            return Remedies.mysql(server, database);
        }
        return Remedies.sqlServer(server, database);
    }

    /** The first DNS label of a host that contains {@code marker}, e.g. the namespace of a Service Bus host. */
    private static String label(String host, String marker) {
        if (host == null || !host.contains(marker)) {
            return null;
        }
        return host.substring(0, host.indexOf('.'));
    }
}
