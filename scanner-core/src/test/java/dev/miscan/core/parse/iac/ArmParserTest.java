package dev.miscan.core.parse.iac;

import static dev.miscan.core.parse.iac.IacParsing.line;
import static dev.miscan.core.parse.iac.IacParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArmParserTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void templateParametersVariablesResourcesNestedChildrenAndOutputs() {
        String text = """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "adminPassword": { "type": "securestring", "defaultValue": "Zq9-not-a-real-one" },
                    "storageName": { "type": "string", "defaultValue": "ordersdata" },
                    "allowKeys": { "type": "bool", "defaultValue": true }
                  },
                  "variables": {
                    "allow": "[parameters('allowKeys')]",
                    "escaped": "[[not an expression]"
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Storage/storageAccounts",
                      "apiVersion": "2023-01-01",
                      "name": "[parameters('storageName')]",
                      "properties": { "allowSharedKeyAccess": "[variables('allow')]" }
                    },
                    {
                      "type": "Microsoft.Web/sites",
                      "apiVersion": "2023-12-01",
                      "name": "orders",
                      "resources": [
                        {
                          "type": "config",
                          "name": "appsettings",
                          "properties": {
                            "STORAGE": "[concat('AccountKey=', listKeys(resourceId('Microsoft.Storage/storageAccounts', parameters('storageName')), '2023-01-01').keys[0].value)]"
                          }
                        }
                      ]
                    }
                  ],
                  "outputs": {
                    "key": { "type": "securestring", "value": "[listKeys(parameters('storageName'), '2023-01-01').keys[0].value]" }
                  }
                }
                """;
        IacTemplate t = parse("azuredeploy.json", text, warnings);

        assertThat(warnings).isEmpty();
        assertThat(t.format()).isEqualTo(IacTemplate.Format.ARM);
        IacTemplate.Parameter pw = t.parameter("adminPassword");
        assertThat(pw.secure()).isTrue();
        assertThat(text.substring(pw.defaultValue().start(), pw.defaultValue().end())).isEqualTo("Zq9-not-a-real-one");
        assertThat(t.variable("escaped").value().text()).isEqualTo("[not an expression]");
        IacTemplate.Resource stg = t.resources().get(0);
        assertThat(line(text, stg.offset())).isEqualTo(15);
        assertThat(t.resolveBool(stg.body().at("properties", "allowSharedKeyAccess"))).isTrue();
        assertThat(t.resolveBool(IacValue.expression("[not(parameters('allowKeys'))]", 0, 0, List.of(), List.of(),
                List.of()))).isFalse();
        IacTemplate.Resource config = t.resources().get(2);
        assertThat(config.type()).isEqualTo("Microsoft.Web/sites/config");
        assertThat(config.parent().type()).isEqualTo("Microsoft.Web/sites");
        IacValue storage = config.body().at("properties", "STORAGE");
        assertThat(storage.calls()).contains("listKeys", "resourceId", "concat");
        assertThat(storage.references()).contains("type:Microsoft.Storage/storageAccounts", "param:storageName");
        assertThat(t.outputs()).singleElement().satisfies(o -> {
            assertThat(o.secure()).isTrue();
            assertThat(o.value().calls()).contains("listKeys");
        });
    }

    @Test
    void nestedDeploymentTemplatesAndSymbolicResources() {
        IacTemplate t = parse("main.json", """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "languageVersion": "2.0",
                  "contentVersion": "1.0.0.0",
                  "resources": {
                    "stg": { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "x" },
                    "inner": {
                      "type": "Microsoft.Resources/deployments",
                      "apiVersion": "2022-09-01",
                      "name": "inner",
                      "properties": {
                        "mode": "Incremental",
                        "template": {
                          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                          "contentVersion": "1.0.0.0",
                          "parameters": { "key": { "type": "string", "defaultValue": "abc" } },
                          "resources": [ { "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acr",
                            "properties": { "adminUserEnabled": true } } ]
                        }
                      }
                    }
                  }
                }
                """, warnings);

        assertThat(t.resources()).extracting(IacTemplate.Resource::symbol).containsExactly("stg", "inner");
        assertThat(t.nested()).singleElement().satisfies(n -> {
            assertThat(n.parameter("key")).isNotNull();
            assertThat(n.resources()).singleElement().satisfies(r ->
                    assertThat(r.body().at("properties", "adminUserEnabled").bool()).isTrue());
        });
        assertThat(t.allTemplates()).hasSize(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void parametersFilesAreAssignmentsAndKeyVaultReferencesAreNotValues() {
        IacTemplate t = parse("azuredeploy.parameters.json", """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "adminPassword": { "value": "Zq9-not-a-real-one" },
                    "sqlPassword": { "reference": { "keyVault": { "id": "/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/kv" }, "secretName": "sql" } }
                  }
                }
                """, warnings);

        assertThat(t.format()).isEqualTo(IacTemplate.Format.ARM_PARAMETERS);
        assertThat(t.assignments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("adminPassword"));
    }

    @Test
    void otherJsonIsNotArm() {
        assertThat(parse("package.json", "{\"name\": \"x\", \"resources\": []}", warnings).isEmpty()).isTrue();
        assertThat(parse("broken.json", "{\"$schema\": \"https://schema.management.azure.com/x\", ", warnings).isEmpty())
                .isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theSharedJsonTree_givesWhatThisReaderAloneGives() {
        String schema = "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\"";
        String body = "\"contentVersion\": \"1.0.0.0\", \"parameters\": {\"p\": {\"type\": \"string\", "
                + "\"defaultValue\": \"[[literal]\"}}, \"variables\": {\"v\": \"[parameters('p')]\"}, "
                + "\"resources\": [{\"type\": \"Microsoft.Web/sites\", \"apiVersion\": \"2023-01-01\", \"name\": \"x\","
                + " \"properties\": {\"n\": 1.5, \"b\": false, \"z\": null}}]";
        List<String> texts = List.of(
                "{" + schema + ", " + body + "}",
                "// c\n{" + schema + ", /* # */ " + body + ",}\n{\"second\": 1} trailing garbage",
                "{" + schema + ",\n# a comment\n" + body + "}",
                "{" + schema.replace('"', '\'') + ", " + body + "}",
                "{" + schema + ", " + body + ", \"deep\": " + "[".repeat(205) + "]".repeat(205) + "}",
                "{" + schema + ", " + body,
                "[1, 2]");
        for (String text : texts) {
            IacTemplate alone = ArmParser.parse(text, "main.json");
            IacTemplate shared = ArmParser.parse(dev.miscan.core.parse.JsonTree.parse(text), text, "main.json");

            assertThat(describe(shared)).isEqualTo(describe(alone));
        }
    }

    private static String describe(IacTemplate t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t.format()));
        t.parameters().forEach(p -> sb.append("|p:").append(p.name()).append('@').append(p.offset())
                .append('=').append(p.defaultValue() == null ? null : p.defaultValue().kind() + ":"
                        + p.defaultValue().text() + "@" + p.defaultValue().start() + "-" + p.defaultValue().end()));
        t.variables().forEach(v -> sb.append("|v:").append(v.name()).append('=').append(v.value().kind())
                .append(v.value().references()));
        t.resources().forEach(r -> sb.append("|r:").append(r.type()).append('@').append(r.offset()).append('-')
                .append(r.declEnd()).append(r.body().start()).append('-').append(r.body().end()));
        return sb.toString();
    }
}
