package dev.miscan.rules.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.source.Fragment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The uses of a resource's keys are found from the key sources of the document's templates, worked out once for
 * all the resources asked about: each resource gets the uses, in the order, it gets when it is the only one asked
 * about, and the uses of another resource never count for it.
 */
class KeyUsesTest {

    private static final String BICEP = """
            param prefix string

            resource st0 'Microsoft.Storage/storageAccounts@2022-09-01' = {
              name: '${prefix}st0'
              properties: { allowSharedKeyAccess: true }
            }

            resource st1 'Microsoft.Storage/storageAccounts@2022-09-01' = {
              name: '${prefix}st1'
              properties: { allowSharedKeyAccess: true }
            }

            resource st2 'Microsoft.Storage/storageAccounts@2022-09-01' = {
              name: '${prefix}st2'
              properties: { allowSharedKeyAccess: true }
            }

            resource app0 'Microsoft.Web/sites@2022-03-01' = {
              name: 'app0'
              kind: 'functionapp'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'AzureWebJobsStorage', value: 'AccountName=${st0.name};AccountKey=${st0.listKeys().keys[0].value}' }
                    { name: 'EXPORTS', value: 'AccountKey=${st1.listKeys().keys[0].value}' }
                  ]
                }
              }
            }

            resource vault 'Microsoft.KeyVault/vaults@2022-07-01' existing = {
              name: 'kv'
            }

            resource secret 'Microsoft.KeyVault/vaults/secrets@2022-07-01' = {
              parent: vault
              name: 'st1-key'
              properties: { value: st1.listKeys().keys[1].value }
            }

            output st0Key string = st0.listKeys().keys[0].value
            """;

    private static final String TERRAFORM = """
            resource "azurerm_storage_account" "st0" {
              name                      = "st0"
              shared_access_key_enabled = true
            }

            resource "azurerm_storage_account" "st1" {
              name                      = "st1"
              shared_access_key_enabled = true
            }

            resource "azurerm_linux_function_app" "fn0" {
              name                       = "fn0"
              storage_account_name       = azurerm_storage_account.st0.name
              storage_account_access_key = azurerm_storage_account.st0.primary_access_key
              app_settings = {
                CONN = azurerm_storage_account.st1.primary_connection_string
              }
            }

            output "st1_key" {
              value     = azurerm_storage_account.st1.secondary_access_key
              sensitive = true
            }
            """;

    /** listKeys of an account named by an expression: the template cannot tell which account, so any may be read. */
    private static final String ARM_GUESSED = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "prefix": { "type": "string" } },
              "resources": [
                { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
                  "name": "[concat(parameters('prefix'), 'st0')]", "properties": { "allowSharedKeyAccess": true } },
                { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
                  "name": "[concat(parameters('prefix'), 'st1')]", "properties": { "allowSharedKeyAccess": true } },
                { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "app0",
                  "properties": { "siteConfig": { "appSettings": [ { "name": "AzureWebJobsStorage",
                    "value": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', concat(parameters('prefix'), 'st0')), '2022-09-01').keys[0].value]" } ] } } },
                { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "app1",
                  "properties": { "siteConfig": { "appSettings": [ { "name": "AzureWebJobsStorage",
                    "value": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', concat(parameters('prefix'), 'st1')), '2022-09-01').keys[0].value]" } ] } } }
              ]
            }
            """;

    /** Accounts of nested deployments, and an app of the outer template reading one of them by its name. */
    private static final String ARM_NESTED = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "d0",
                  "properties": { "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
                    "template": { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0", "resources": [
                        { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01", "name": "st0",
                          "properties": { "allowSharedKeyAccess": true } } ] } } },
                { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "d1",
                  "properties": { "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
                    "template": { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0", "resources": [
                        { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01", "name": "st1",
                          "properties": { "allowSharedKeyAccess": true } } ] } } },
                { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01", "name": "st1",
                  "properties": { "allowSharedKeyAccess": true } },
                { "type": "Microsoft.Web/sites", "apiVersion": "2022-03-01", "name": "app1",
                  "properties": { "siteConfig": { "appSettings": [ { "name": "DATA",
                    "value": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2022-09-01').keys[0].value]" } ] } } }
              ]
            }
            """;

    private static Document document(String name, String text) {
        return new Document(new Fragment(name, text), new KeywordIndex(List.of("resource")), new int[1][]);
    }

    /** The uses of the keys of each storage account of the text, asked in order of a single document. */
    private static Map<String, List<String>> uses(String name, String text, boolean reversed) {
        Document doc = document(name, text);
        List<IacTemplate> templates = IacFindings.template(doc).allTemplates();
        List<String> keys = new ArrayList<>();
        List<List<String>> found = new ArrayList<>();
        for (int ti = 0; ti < templates.size(); ti++) {
            IacTemplate t = templates.get(ti);
            for (int ri = 0; ri < t.resources().size(); ri++) {
                IacTemplate.Resource r = t.resources().get(ri);
                if (r.isType("Microsoft.Storage/storageAccounts", "azurerm_storage_account")) {
                    keys.add(ti + "/" + ri);
                    found.add(describe(KeyUses.of(doc, t, r)));
                }
            }
        }
        if (reversed) {
            // ask again, last first, on a new document: the answers do not depend on what was asked before
            Document again = document(name, text);
            List<IacTemplate> ts = IacFindings.template(again).allTemplates();
            for (int i = keys.size() - 1; i >= 0; i--) {
                String[] at = keys.get(i).split("/");
                IacTemplate t = ts.get(Integer.parseInt(at[0]));
                found.set(i, describe(KeyUses.of(again, t, t.resources().get(Integer.parseInt(at[1])))));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), found.get(i));
        }
        return out;
    }

    /** The uses of one resource, asked alone of a document of its own. */
    private static List<String> alone(String name, String text, String key) {
        Document doc = document(name, text);
        String[] at = key.split("/");
        IacTemplate t = IacFindings.template(doc).allTemplates().get(Integer.parseInt(at[0]));
        return describe(KeyUses.of(doc, t, t.resources().get(Integer.parseInt(at[1]))));
    }

    private static List<String> describe(List<KeyUses.Use> uses) {
        return uses.stream().map(u -> u.what() + " from " + u.expression() + " at " + u.at() + "@" + u.offset()
                + (u.setting() == null ? "" : " (setting)")).toList();
    }

    private static void assertSameAsAlone(String name, String text) {
        Map<String, List<String>> all = uses(name, text, false);
        assertThat(uses(name, text, true)).isEqualTo(all);
        all.forEach((key, found) -> assertThat(found).as(key).isEqualTo(alone(name, text, key)));
    }

    @Test
    void bicep_eachAccountGetsItsOwnUsesInOrder() {
        assertSameAsAlone("main.bicep", BICEP);
        assertThat(uses("main.bicep", BICEP, false).values().stream().map(l -> l.stream()
                .map(u -> u.replaceAll(" at .*", "")).toList()).toList()).containsExactly(
                List.of("setting 'AzureWebJobsStorage' of function app 'app0' from st0.listKeys()",
                        "output 'st0Key' from st0.listKeys()"),
                List.of("setting 'EXPORTS' of function app 'app0' from st1.listKeys()",
                        "resource 'secret', property 'value' from st1.listKeys()"),
                List.of());
    }

    @Test
    void terraform_eachAccountGetsTheUsesOfItsAddress() {
        assertSameAsAlone("main.tf", TERRAFORM);
        assertThat(uses("main.tf", TERRAFORM, false).values().stream().map(l -> l.stream()
                .map(u -> u.replaceAll(" at .*", "")).toList()).toList()).containsExactly(
                List.of("storage_account_access_key of function app 'fn0' from "
                        + "azurerm_storage_account.st0.primary_access_key"),
                List.of("setting 'CONN' of function app 'fn0' from azurerm_storage_account.st1.primary_connection_string",
                        "output 'st1_key' from azurerm_storage_account.st1.secondary_access_key"));
    }

    @Test
    void armListKeysOfAnUntoldAccount_countsForEveryAccountOfTheTemplate() {
        assertSameAsAlone("azuredeploy.json", ARM_GUESSED);
        Map<String, List<String>> uses = uses("azuredeploy.json", ARM_GUESSED, false);
        assertThat(uses).hasSize(2);
        assertThat(uses.values()).allSatisfy(l -> assertThat(l).hasSize(2)
                .allSatisfy(u -> assertThat(u).startsWith("setting 'AzureWebJobsStorage' of web app 'app")));
    }

    @Test
    void armNestedDeployments_anAccountGetsTheUsesOfItsNameInTheOtherTemplates() {
        assertSameAsAlone("azuredeploy.json", ARM_NESTED);
        Map<String, List<String>> uses = uses("azuredeploy.json", ARM_NESTED, false);
        assertThat(uses).hasSize(3);
        assertThat(uses.values().stream().map(List::size).toList()).containsExactly(1, 0, 1);
    }
}
