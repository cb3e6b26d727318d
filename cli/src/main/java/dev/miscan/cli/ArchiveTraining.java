package dev.miscan.cli;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.session.ReportFormat;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.Source;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the run that writes the launcher's class-data sharing archive does after its own scan: it scans a few small
 * texts held here, one of each kind mi-scan parses (Java, Kotlin, properties, YAML, JSON settings, an ARM template,
 * Bicep, Terraform, a shell script, a Dockerfile, XML), and renders the result in every report format, so that the
 * archive holds the classes of every parser and writer, not only those the first scan happened to need. Without
 * it, a first scan of a Java-only tree left the Kotlin compiler out of the archive, and every later scan that met
 * one {@code .kt} file loaded it from the jar (0.5 s instead of 0.1 s).
 *
 * <p>The texts hold no credential, only the shapes of key-based access (settings read from the environment). The
 * training writes nothing and prints nothing; whatever goes wrong in it is ignored, since the user's scan is over.
 */
final class ArchiveTraining {
    /** The system property the launcher sets on the run that writes the archive. */
    static final String PROPERTY = "mi-scan.archiveTraining";

    private ArchiveTraining() {
    }

    static void runIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        try {
            ScanResult result = train();
            for (ReportFormat format : ReportFormat.values()) {
                format.write(result, Writer.nullWriter(), Main.version());
            }
        } catch (Throwable e) { // NOPMD: even an OutOfMemoryError: the user's scan is over and its exit code decided
            // the archive is only the poorer for it
        }
    }

    /** Scans the texts, on one thread. */
    static ScanResult train() throws java.io.IOException {
        return new Engine(RuleRegistry.load()).scan(Path.of("").toAbsolutePath(), List.of(source()), 1);
    }

    static int size() {
        return TEXTS.size();
    }

    private static Source source() {
        return warnings -> TEXTS.entrySet().stream().map(e -> (Source.Entry) new Source.Entry() {
            @Override
            public String path() {
                return "mi-scan-training/" + e.getKey();
            }

            @Override
            public Fragment read() {
                return new Fragment(path(), e.getValue());
            }
        }).toList();
    }

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("src/main/java/demo/Storage.java", """
                    package demo;

                    import com.azure.storage.blob.BlobServiceClientBuilder;
                    import com.azure.storage.common.StorageSharedKeyCredential;

                    class Storage {
                        static final String ACCOUNT = "contoso";

                        Object client() {
                            String key = System.getenv("STORAGE_KEY");
                            return new BlobServiceClientBuilder().endpoint("https://contoso.blob.core.windows.net")
                                    .credential(new StorageSharedKeyCredential(ACCOUNT, key)).buildClient();
                        }
                    }
                    """),
            // the Kotlin constructs a source commonly holds (KDoc and its links, lambdas, classes, enums, string
            // templates, when, try), so that the archive holds the parser's and the PSI's classes for them
            Map.entry("src/main/kotlin/demo/Bus.kt", """
                    @file:JvmName("BusKt")
                    package demo

                    import com.azure.messaging.servicebus.ServiceBusClientBuilder
                    import org.springframework.beans.factory.annotation.Value as Setting

                    /**
                     * The orders queue's client, built by [ServiceBusClientBuilder.buildClient].
                     *
                     * @param queue the queue's name
                     * @see Bus
                     */
                    object Bus {
                        const val QUEUE = "orders"

                        fun client(queue: String = QUEUE) = ServiceBusClientBuilder()
                            .connectionString(System.getenv("SERVICEBUS_CONNECTION") ?: "")
                            .sender().queueName(queue).buildClient()
                    }

                    enum class Tier(val label: String) { BASIC("basic"), STANDARD("standard") }

                    data class Settings(@Setting("\\${bus.namespace:contoso}") val namespace: String, val tier: Tier?)

                    interface Sender { fun send(text: String): Boolean }

                    class Orders(private val settings: Settings) : Sender {
                        private val names = mutableListOf<String>()
                        var sent: Int = 0
                            private set

                        companion object {
                            private val DEFAULT = Settings("contoso", Tier.BASIC)
                            fun of(vararg names: String): Orders = Orders(DEFAULT).apply { names.forEach { add(it) } }
                        }

                        fun add(name: String) {
                            names += name
                        }

                        override fun send(text: String): Boolean {
                            val endpoint = "sb://${settings.namespace}.servicebus.windows.net/$text"
                            val label = when (settings.tier) {
                                Tier.BASIC -> "basic"
                                null -> return false
                                else -> settings.tier.label.uppercase()
                            }
                            for ((i, name) in names.withIndex()) {
                                if (name.isEmpty() || i > 10) continue
                                sent++
                            }
                            return try {
                                endpoint.length > label.length && names.map { n -> n.trim() }.any { it == text }
                            } catch (e: IllegalStateException) {
                                false
                            } finally {
                                sent = maxOf(sent, 0)
                            }
                        }
                    }

                    fun String.queue(): Orders = Orders.of(this, *arrayOf("audit")).also { it.send(this) }
                    """),
            Map.entry("src/main/resources/application.properties", """
                    spring.datasource.url=jdbc:sqlserver://contoso.database.windows.net:1433;database=orders
                    spring.datasource.password=${DB_PASSWORD}
                    """),
            Map.entry("src/main/resources/application.yml", """
                    spring:
                      cloud:
                        azure:
                          storage:
                            blob:
                              account-name: contoso
                              account-key: ${STORAGE_KEY}
                    """),
            Map.entry("local.settings.json", """
                    { "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true" } }
                    """),
            // a template as a module library compiles them: variables, a secure parameter, a nested deployment, a
            // copy loop, outputs; and its parameters file (the ARM rules' classes and lambdas, not only the parser's)
            Map.entry("infra/azuredeploy.json", """
                    {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "name": { "type": "string" }, "adminPassword": { "type": "securestring" } },
                      "variables": { "account": "[concat('st', uniqueString(resourceGroup().id))]" },
                      "resources": [ {
                        "type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "[parameters('name')]",
                        "properties": { "siteConfig": { "appSettings": [ { "name": "STORAGE",
                          "value": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'contoso'), '2023-01-01').keys[0].value]" } ] } }
                      }, {
                        "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "sql",
                        "properties": {
                          "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
                          "parameters": { "password": { "value": "[parameters('adminPassword')]" } },
                          "template": {
                            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                            "contentVersion": "1.0.0.0",
                            "parameters": { "password": { "type": "securestring" } },
                            "resources": [ { "type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview",
                              "name": "contoso-sql", "properties": { "administratorLogin": "sqladmin",
                                "administratorLoginPassword": "[parameters('password')]" } } ]
                          }
                        }
                      }, {
                        "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
                        "name": "[concat(variables('account'), copyIndex())]", "copy": { "name": "accounts", "count": 2 },
                        "kind": "StorageV2", "properties": { "allowSharedKeyAccess": true }
                      }, {
                        "type": "Microsoft.Insights/components", "apiVersion": "2020-02-02", "name": "contoso-ai",
                        "kind": "web", "properties": { "Application_Type": "web", "DisableLocalAuth": false }
                      } ],
                      "outputs": { "account": { "type": "string", "value": "[variables('account')]" } }
                    }
                    """),
            Map.entry("infra/azuredeploy.parameters.json", """
                    {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "name": { "value": "contoso" }, "adminPassword": { "reference": { "keyVault": {
                        "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv" },
                        "secretName": "sql-admin" } } }
                    }
                    """),
            Map.entry("infra/main.bicep", """
                    param name string
                    resource account 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
                      name: name
                    }
                    resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
                      name: 'contoso-kv'
                    }
                    module app 'app.bicep' = {
                      name: 'app'
                      params: {
                        settings: union({ a: '1' }, { STORAGE: account.listKeys().keys[0].value })
                      }
                    }
                    module data 'modules/data.bicep' = {
                      name: 'data'
                      params: {
                        adminPassword: vault.getSecret('sql-admin')
                      }
                    }
                    """),
            // a module the scan holds, so that its callers' arguments are followed into it
            Map.entry("infra/modules/data.bicep", """
                    @secure()
                    param adminPassword string
                    param location string = resourceGroup().location
                    var server = 'sql-${uniqueString(resourceGroup().id)}'
                    resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
                      name: server
                      location: location
                      properties: {
                        administratorLogin: 'sqladmin'
                        administratorLoginPassword: adminPassword
                      }
                    }
                    resource accounts 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 2): {
                      name: 'st${i}${uniqueString(resourceGroup().id)}'
                      location: location
                      sku: { name: 'Standard_LRS' }
                      kind: 'StorageV2'
                      properties: { allowSharedKeyAccess: true }
                    }]
                    output names array = map(accounts, a => a.name)
                    output fqdn string = sql.properties.fullyQualifiedDomainName
                    """),
            Map.entry("infra/main.tf", """
                    resource "azurerm_storage_account" "data" {
                      name                     = "contoso"
                      shared_access_key_enabled = true
                    }
                    resource "azurerm_linux_web_app" "app" {
                      app_settings = {
                        STORAGE = azurerm_storage_account.data.primary_connection_string
                      }
                    }
                    module "queue" {
                      source      = "./modules/queue"
                      account_key = azurerm_storage_account.data.primary_access_key
                    }
                    """),
            Map.entry("infra/modules/queue/main.tf", """
                    variable "account_key" {
                      type      = string
                      sensitive = true
                    }
                    resource "azurerm_storage_queue" "orders" {
                      name                 = "orders"
                      storage_account_name = "contoso"
                    }
                    output "key" {
                      value     = var.account_key
                      sensitive = true
                    }
                    """),
            Map.entry("deploy.sh", """
                    #!/bin/sh
                    key=$(az storage account keys list -n contoso --query '[0].value' -o tsv)
                    az storage blob upload --account-name contoso --account-key "$key" -f a -c b -n a
                    """),
            Map.entry("k8s/deployment.yaml", """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: orders
                    spec:
                      template:
                        spec:
                          containers:
                            - name: orders
                              env:
                                - name: AZURE_CLIENT_SECRET
                                  valueFrom: { secretKeyRef: { name: orders, key: secret } }
                    """),
            Map.entry("Dockerfile", """
                    FROM eclipse-temurin:17
                    ARG STORAGE_KEY
                    ENV AZURE_STORAGE_KEY=$STORAGE_KEY
                    """),
            Map.entry("pom.xml", """
                    <project><dependencies><dependency><groupId>com.azure</groupId>
                    <artifactId>azure-storage-blob</artifactId></dependency></dependencies></project>
                    """));
}
