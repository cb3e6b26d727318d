package dev.miscan.rules.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** IaC rules through the engine: syntax they do not know, remediation language, locations, provider versions. */
class IacRulesTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private record Scan(List<Finding> findings, List<String> warnings) {
        List<String> ids() {
            return findings.stream().map(f -> f.rule().id()).toList();
        }

        Finding only(String id) {
            List<Finding> fs = findings.stream().filter(f -> f.rule().id().equals(id)).toList();
            assertThat(fs).as(id).hasSize(1);
            return fs.get(0);
        }
    }

    private static Scan scan(String name, String text) {
        List<String> warnings = new ArrayList<>();
        List<Finding> findings = ENGINE.scanFragment(new Fragment(name, text), w -> warnings.add(w.message()), Engine.Options.UNSUPPRESSED)
                .findings();
        return new Scan(findings, warnings);
    }

    private static String password() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return "Pw-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b) + "!7";
    }

    @Test
    void bicepSyntaxTheParserDoesNotKnow_isSkippedWithOneWarningAndTheRestIsScanned() {
        Scan s = scan("main.bicep", """
                param location string = resourceGroup().location
                frobnicate storage with everything {
                  allowSharedKeyAccess: false
                }
                resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'ordersdata'
                  location: location
                  properties: {
                    networkAcls: ~~defaultAction~~
                  }
                }
                resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
                  name: 'ordersacr'
                  properties: {
                    adminUserEnabled: true
                  }
                }
                """);

        assertThat(s.warnings()).singleElement().asString()
                .startsWith("Bicep not fully parsed: unknown statement '…', line 2").contains("(and 1 more)");
        assertThat(s.warnings()).noneMatch(w -> w.contains("failed"));
        assertThat(s.ids()).containsExactly("MI-IAC-ACR-ADMIN-USER");
        assertThat(s.only("MI-IAC-ACR-ADMIN-USER").location().startLine()).isEqualTo(15);
    }

    @Test
    void garbageInEveryIacFormat_neverMakesARuleFail() {
        Random random = new Random(42);
        String alphabet = "{}[]()'\"$#/*\n =:,.@<>-?!|&resourceparamvarmoduleoutputlistKeys";
        for (String ext : List.of("bicep", "bicepparam", "tf", "tfvars", "json")) {
            for (int i = 0; i < 200; i++) {
                StringBuilder sb = new StringBuilder(ext.equals("json")
                        ? "{\"$schema\": \"https://schema.management.azure.com/x/deploymentTemplate.json#\", " : "");
                int n = random.nextInt(300);
                for (int k = 0; k < n; k++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                Scan s = scan("fuzz." + ext, sb.toString());
                assertThat(s.warnings()).as("fuzz.%s #%d", ext, i).noneMatch(w -> w.contains("failed on this file")
                        || w.contains("could not be parsed"));
            }
        }
    }

    /**
     * Templates made of what the evaluator follows (spreads, union(), merge(), concat(), ternaries, ??, variables
     * that refer to each other and to themselves, module calls, loops), nested and combined at random: no rule
     * fails, no parse crashes, and every file is done (a cycle or a long chain ends where the evaluator's bounds
     * say).
     */
    @Test
    void evaluatedTemplatesAtRandom_neverMakeARuleFail() {
        Random random = new Random(7);
        int partlyParsed = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder bicep = new StringBuilder("param p bool = true\nparam s string = ''\n");
            StringBuilder tf = new StringBuilder("variable \"p\" {\n  default = true\n}\n");
            int vars = 1 + random.nextInt(8);
            for (int v = 0; v < vars; v++) {
                bicep.append("var v").append(v).append(" = ").append(bicepValue(random, vars, 0)).append('\n');
                tf.append("locals {\n  l").append(v).append(" = ").append(tfValue(random, vars, 0)).append("\n}\n");
            }
            bicep.append("""
                    resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = [for i in range(0, 2): {
                      name: 'st${i}'
                      properties: %s
                    }]
                    resource app 'Microsoft.Web/sites@2023-12-01' = {
                      name: 'app'
                      properties: { siteConfig: { appSettings: %s } }
                    }
                    module m 'm.bicep' = { name: 'm', params: %s }
                    """.formatted(bicepValue(random, vars, 0), bicepValue(random, vars, 0), bicepValue(random, vars, 0)));
            tf.append("""
                    resource "azurerm_storage_account" "sa" {
                      count = 2
                      name  = "st${count.index}"
                      shared_access_key_enabled = %s
                      tags = %s
                    }
                    resource "azapi_resource" "bus" {
                      type = "Microsoft.ServiceBus/namespaces@2022-10-01-preview"
                      body = %s
                    }
                    module "m" {
                      source = "./m"
                      x      = %s
                    }
                    """.formatted(tfValue(random, vars, 0), tfValue(random, vars, 0), tfValue(random, vars, 0),
                    tfValue(random, vars, 0)));
            for (String[] file : new String[][] {{"fuzz.bicep", bicep.toString()}, {"fuzz.tf", tf.toString()}}) {
                Scan s = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                        () -> scan(file[0], file[1]), "a hang on generated template #" + i);
                assertThat(s.warnings()).as("%s #%d", file[0], i).noneMatch(w -> w.contains("failed on this file")
                        || w.contains("could not be parsed") || w.contains("internal error"));
                if (s.warnings().stream().anyMatch(w -> w.contains("not fully parsed"))) {
                    partlyParsed++;
                }
            }
        }
        // the generated templates are valid syntax: the evaluator, not the parser's recovery, is what they exercise
        assertThat(partlyParsed).as("generated templates that did not parse").isZero();
    }

    private static String bicepValue(Random r, int vars, int depth) {
        int pick = depth > 4 ? r.nextInt(3) : r.nextInt(10);
        return switch (pick) {
            case 0 -> r.nextBoolean() ? "true" : "'Pw-" + r.nextInt(1000) + "'";
            case 1 -> "v" + r.nextInt(vars);
            case 2 -> "p";
            case 3 -> "{\n  ...v" + r.nextInt(vars) + "\n  allowSharedKeyAccess: " + bicepValue(r, vars, depth + 1) + "\n}";
            case 4 -> "union(" + bicepValue(r, vars, depth + 1) + ", " + bicepValue(r, vars, depth + 1) + ")";
            case 5 -> "p ? " + bicepValue(r, vars, depth + 1) + " : " + bicepValue(r, vars, depth + 1);
            case 6 -> "s ?? " + bicepValue(r, vars, depth + 1);
            case 7 -> "[\n  " + bicepValue(r, vars, depth + 1) + "\n  { name: 'K', value: " + bicepValue(r, vars, depth + 1)
                    + " }\n]";
            case 8 -> "concat(" + bicepValue(r, vars, depth + 1) + ", [for x in range(0, 3): "
                    + bicepValue(r, vars, depth + 1) + "])";
            default -> "{ disableLocalAuth: " + bicepValue(r, vars, depth + 1) + ", nested: { a: "
                    + bicepValue(r, vars, depth + 1) + " } }";
        };
    }

    private static String tfValue(Random r, int vars, int depth) {
        int pick = depth > 4 ? r.nextInt(3) : r.nextInt(8);
        return switch (pick) {
            case 0 -> r.nextBoolean() ? "true" : "\"Pw-" + r.nextInt(1000) + "\"";
            case 1 -> "local.l" + r.nextInt(vars);
            case 2 -> "var.p";
            case 3 -> "merge(" + tfValue(r, vars, depth + 1) + ", { a = " + tfValue(r, vars, depth + 1) + " })";
            case 4 -> "var.p ? " + tfValue(r, vars, depth + 1) + " : " + tfValue(r, vars, depth + 1);
            case 5 -> "[for x in range(3) : " + tfValue(r, vars, depth + 1) + "]";
            case 6 -> "{ properties = { disableLocalAuth = " + tfValue(r, vars, depth + 1) + " } }";
            default -> "coalesce(" + tfValue(r, vars, depth + 1) + ", " + tfValue(r, vars, depth + 1) + ")";
        };
    }

    @Test
    void aListKeysOfAnAuthorizationRuleWrittenAsAStringNamesItsService() {
        String text = """
                resource sbNamespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
                  name: 'orders-bus'
                }
                resource app 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'orders-api'
                  identity: { type: 'SystemAssigned' }
                  properties: {
                    siteConfig: {
                      appSettings: [
                        { name: 'SB', value: listKeys('${sbNamespace.id}/AuthorizationRules/Root', '2022-10-01-preview').primaryConnectionString }
                        { name: 'EH', value: listKeys('/subscriptions/x/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ev/authorizationRules/send', '2024-01-01').primaryConnectionString }
                      ]
                    }
                  }
                }
                """;
        List<String> messages = scan("main.bicep", text).findings().stream()
                .filter(f -> f.rule().id().equals("MI-IAC-KEY-INJECTION")).map(Finding::message).toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).contains("Service Bus key");
        assertThat(messages.get(1)).contains("Event Hubs key");
    }

    @Test
    void deeplyNestedInput_isAWarningNotAStackOverflow() {
        // the keyword "password" makes the rules run, and so parse the file
        Scan bicep = scan("deep.bicep", "var password = " + "[".repeat(20_000) + "\n");
        Scan tf = scan("deep.tf", "password = " + "{a = ".repeat(20_000) + "\n");

        assertThat(bicep.warnings()).singleElement().asString().startsWith("Bicep not fully parsed");
        assertThat(tf.warnings()).singleElement().asString().startsWith("Terraform not fully parsed");
    }

    @Test
    void remediationIsWrittenInTheLanguageOfTheFile() {
        Finding bicep = scan("main.bicep", """
                resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
                  name: 'orders-bus'
                }
                resource app 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'orders-api'
                  identity: { type: 'SystemAssigned' }
                }
                """).only("MI-IAC-LOCAL-AUTH-ENABLED");
        Finding arm = scan("azuredeploy.json", """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.ServiceBus/namespaces", "apiVersion": "2022-10-01-preview", "name": "orders-bus" }
                  ]
                }
                """).only("MI-IAC-LOCAL-AUTH-ENABLED");
        Finding tf = scan("main.tf", """
                resource "azurerm_servicebus_namespace" "bus" {
                  name = "orders-bus"
                  sku  = "Standard"
                }
                """).only("MI-IAC-LOCAL-AUTH-ENABLED");

        assertThat(bicep.remediation().language()).isEqualTo("bicep");
        assertThat(bicep.remediation().replacement()).contains("disableLocalAuth: true")
                .contains("resource appAzureServiceBusDataSender 'Microsoft.Authorization/roleAssignments@2022-04-01'")
                .contains("name: guid(bus.id, app.id, '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')")
                .contains("scope: bus").contains("principalId: app.identity.principalId");
        assertThat(bicep.remediation().target()).isEqualTo("orders-bus");
        assertThat(arm.remediation().language()).isEqualTo("json");
        assertThat(arm.remediation().replacement()).contains("\"disableLocalAuth\": true")
                .contains("\"type\": \"Microsoft.Authorization/roleAssignments\"")
                .contains("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')")
                .contains("\"scope\": \"[format('Microsoft.ServiceBus/namespaces/{0}', 'orders-bus')]\"");
        assertThat(tf.remediation().language()).isEqualTo("terraform");
        assertThat(tf.remediation().replacement()).contains("local_auth_enabled = false")
                .contains("resource \"azurerm_role_assignment\"").contains("scope                = azurerm_servicebus_namespace.bus.id")
                .contains("# 69a216fc-b8fb-44d8-bc22-1f3c2cd27a39");
        assertThat(tf.remediation().scope()).endsWith("/Microsoft.ServiceBus/namespaces/orders-bus");
    }

    @Test
    void terraformAttributeNameFollowsTheProviderVersionOfTheFile() {
        String account = """
                resource "azurerm_cosmosdb_account" "db" {
                  name       = "orders-db"
                  offer_type = "Standard"
                }
                """;
        String v4 = "terraform {\n  required_providers {\n    azurerm = {\n      version = \"~> 4.1\"\n    }\n  }\n}\n";

        assertThat(scan("a.tf", v4 + account).only("MI-IAC-LOCAL-AUTH-ENABLED").message())
                .contains("local_authentication_disabled = true").doesNotContain("v5");
        assertThat(scan("b.tf", v4.replace("4.1", "5.0") + account).only("MI-IAC-LOCAL-AUTH-ENABLED").message())
                .contains("local_authentication_enabled = false");
        assertThat(scan("c.tf", account).only("MI-IAC-LOCAL-AUTH-ENABLED").message())
                .contains("local_authentication_disabled = true (azurerm v4; v5: local_authentication_enabled = false)");
    }

    @Test
    void aSecretFindingStartsAtTheLiteralAndAKeyBasedOneAtTheProperty() {
        String pw = password();
        Scan s = scan("main.bicep", """
                @secure()
                param dbPassword string = '%s'
                resource app 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'orders-api'
                  identity: { type: 'SystemAssigned' }
                  properties: {
                    siteConfig: {
                      appSettings: [
                        { name: 'DB_PASSWORD', value: dbPassword }
                      ]
                    }
                  }
                }
                """.formatted(pw));

        Finding secret = s.only("MI-IAC-SECRET-PARAMETER-DEFAULT");
        assertThat(secret.severity()).isEqualTo(Severity.ERROR);
        assertThat(secret.location().startLine()).isEqualTo(2);
        assertThat(secret.location().startColumn()).isEqualTo("param dbPassword string = '".length() + 1);
        assertThat(secret.location().endColumn() - secret.location().startColumn()).isEqualTo(pw.length());
        assertThat(secret.message()).doesNotContain(pw);
        Finding keyBased = s.only("MI-IAC-KEY-INJECTION");
        assertThat(keyBased.severity()).isEqualTo(Severity.WARNING);
        assertThat(keyBased.location().startLine()).isEqualTo(9);
        assertThat(keyBased.location().startColumn()).isEqualTo("        { name: 'DB_PASSWORD', ".length() + 1);
        assertThat(keyBased.message()).contains("secure parameter 'dbPassword'");
    }

    @Test
    void goodPatternsAreNeverReported() {
        Scan s = scan("main.bicep", """
                @secure()
                param sqlPassword string
                resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
                  name: 'ordersdata'
                }
                resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
                  name: 'orders-kv'
                }
                resource seeded 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
                  parent: kv
                  name: 'storage-key'
                  properties: { value: stg.listKeys().keys[0].value }
                }
                resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
                  name: 'orders-bus'
                  properties: { disableLocalAuth: true }
                }
                resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
                  name: 'orders-id'
                }
                resource fn 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'orders-fn'
                  kind: 'functionapp'
                  identity: {
                    type: 'UserAssigned'
                    userAssignedIdentities: { '${uami.id}': {} }
                  }
                  properties: {
                    keyVaultReferenceIdentity: uami.id
                    siteConfig: {
                      appSettings: [
                        { name: 'AzureWebJobsStorage__accountName', value: stg.name }
                        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
                        { name: 'AzureWebJobsStorage__clientId', value: uami.properties.clientId }
                        { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: '${bus.name}.servicebus.windows.net' }
                        { name: 'STORAGE_KEY', value: '@Microsoft.KeyVault(SecretUri=${seeded.properties.secretUri})' }
                      ]
                    }
                  }
                }
                """);

        assertThat(s.warnings()).isEmpty();
        assertThat(s.findings()).isEmpty();
    }

    @Test
    void aFunctionAppWithoutSettingsIsNotSaidToUseOne() {
        Scan s = scan("main.bicep", """
                resource fn 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'orders-fn'
                  kind: 'functionapp'
                  location: 'westeurope'
                  properties: {}
                }
                """);
        assertThat(s.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-IAC-MISSING-IDENTITY");
            assertThat(f.message()).contains("set outside this template");
        });
    }
}
