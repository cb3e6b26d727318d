package dev.miscan.core.parse.iac;

import static dev.miscan.core.parse.iac.IacParsing.line;
import static dev.miscan.core.parse.iac.IacParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BicepParserTest {
    private final List<String> warnings = new ArrayList<>();

    private IacTemplate bicep(String text) {
        return parse("main.bicep", text, warnings);
    }

    @Test
    void parametersKeepDecoratorsTypesAndDefaultsWithExactOffsets() {
        String text = """
                @description('The admin password')
                @secure()
                param adminPassword string = 'Zq9-not-a-real-one'

                @sys.secure()
                param token string
                param tags object = {
                  env: 'dev'
                }
                param names string[] = [
                  'a'
                  'b'
                ]
                """;
        IacTemplate t = bicep(text);

        assertThat(warnings).isEmpty();
        assertThat(t.parameters()).extracting(IacTemplate.Parameter::name).containsExactly("adminPassword", "token",
                "tags", "names");
        IacTemplate.Parameter pw = t.parameter("adminPassword");
        assertThat(pw.secure()).isTrue();
        assertThat(pw.type()).isEqualTo("string");
        assertThat(pw.defaultValue().text()).isEqualTo("Zq9-not-a-real-one");
        assertThat(text.substring(pw.defaultValue().start(), pw.defaultValue().end())).isEqualTo("Zq9-not-a-real-one");
        assertThat(t.parameter("token").secure()).isTrue();
        assertThat(t.parameter("token").defaultValue()).isNull();
        assertThat(t.parameter("tags").defaultValue().get("env").text()).isEqualTo("dev");
        assertThat(t.parameter("names").defaultValue().items()).hasSize(2);
        assertThat(t.parameter("names").type()).isEqualTo("string[]");
    }

    @Test
    void resourcesWithNestedChildrenParentsConditionsAndLoops() {
        String text = """
                resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
                  name: 'st${uniqueString(resourceGroup().id)}'
                  properties: {
                    allowSharedKeyAccess: false
                  }
                  resource blobs 'blobServices' = {
                    name: 'default'
                  }
                }

                resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
                  parent: app
                  name: 'appsettings'
                  properties: {
                    STORAGE: stg.listKeys().keys[0].value
                  }
                }

                resource app 'Microsoft.Web/sites@2023-12-01' existing = {
                  name: 'orders'
                }

                resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = if (deployVault) {
                  name: 'kv'
                }

                resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-01-01' = [for q in names: {
                  name: q
                }]
                """;
        IacTemplate t = bicep(text);

        assertThat(warnings).isEmpty();
        assertThat(t.resources()).extracting(IacTemplate.Resource::symbol)
                .containsExactly("stg", "blobs", "settings", "app", "kv", "queues");
        IacTemplate.Resource blobs = t.resource("blobs");
        assertThat(blobs.type()).isEqualTo("Microsoft.Storage/storageAccounts/blobServices");
        assertThat(blobs.apiVersion()).isEqualTo("2023-01-01");
        assertThat(blobs.parent().symbol()).isEqualTo("stg");
        IacTemplate.Resource settings = t.resource("settings");
        assertThat(settings.parent().symbol()).isEqualTo("app");
        IacValue storage = settings.body().at("properties", "STORAGE");
        assertThat(storage.isExpression()).isTrue();
        assertThat(storage.calls()).contains("listKeys");
        assertThat(storage.references()).contains("stg");
        assertThat(storage.text()).isEqualTo("stg.listKeys().keys[0].value");
        assertThat(t.resource("app").existing()).isTrue();
        assertThat(t.resource("kv").body().get("name").text()).isEqualTo("kv");
        assertThat(t.resource("queues").body().get("name").references()).containsExactly("q");
        assertThat(t.resource("stg").body().at("properties", "allowSharedKeyAccess").bool()).isFalse();
        assertThat(line(text, t.resource("stg").offset())).isEqualTo(1);
        assertThat(t.resource("stg").body().get("name").isExpression()).isTrue();
    }

    @Test
    void modulesOutputsVariablesAndInterpolation() {
        String text = """
                var conn = 'DefaultEndpointsProtocol=https;AccountName=${stg.name};AccountKey=${stg.listKeys().keys[0].value}'
                var multi = '''
                line one
                line two'''
                module app './modules/app.bicep' = {
                  name: 'app'
                  params: {
                    storageConnection: conn
                  }
                }
                @secure()
                output key string = stg.listKeys().keys[0].value
                output id resource 'Microsoft.Storage/storageAccounts@2023-01-01' = stg
                """;
        IacTemplate t = bicep(text);

        assertThat(warnings).isEmpty();
        IacValue conn = t.variable("conn").value();
        assertThat(conn.isExpression()).isTrue();
        assertThat(conn.calls()).contains("listKeys");
        assertThat(t.variable("multi").value().text()).isEqualTo("line one\nline two");
        assertThat(t.modules()).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo("./modules/app.bicep");
            assertThat(t.singleReference(m.body().at("params", "storageConnection"))).isEqualTo("conn");
        });
        assertThat(t.outputs()).extracting(IacTemplate.Output::name).containsExactly("key", "id");
        assertThat(t.outputs().get(0).secure()).isTrue();
        assertThat(t.outputs().get(0).value().calls()).containsExactly("listKeys");
    }

    @Test
    void resolveFollowsParametersAndVariables() {
        IacTemplate t = bicep("""
                param allowKeys bool = true
                var allow = allowKeys
                resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {
                  name: 'x'
                  properties: { allowSharedKeyAccess: allow }
                }
                """);

        IacValue v = t.resource("stg").body().at("properties", "allowSharedKeyAccess");
        assertThat(t.resolveBool(v)).isTrue();
        IacTemplate negated = bicep("param p bool = true\nvar n = !p\n");
        assertThat(negated.resolveBool(negated.variable("n").value())).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void newerSyntaxIsSkippedQuietly() {
        IacTemplate t = bicep("""
                targetScope = 'resourceGroup'
                metadata info = {
                  owner: 'team'
                }
                import { settings } from 'shared.bicep'
                extension microsoftGraphV1
                type storageSku = 'Standard_LRS' | 'Standard_ZRS'
                @export()
                func prefix(name string) string => 'app-${name}'
                #disable-next-line secure-parameter-default
                param sku storageSku = 'Standard_LRS'
                var filtered = filter(items, i => i.enabled && !(i.name =~ 'x'))
                var maybe = settings.?value ?? 'none'
                var sku = environment == 'prod'
                  ? 'Premium'
                  : 'Standard'
                var enabled = isProd
                  && hasCapacity
                var spread = {
                  ...base
                  extra: true
                }
                resource app 'Microsoft.Web/sites@2023-12-01' = {
                  name: 'a'
                  properties: { siteConfig: { appSettings: [for s in items: { name: s.name, value: s.value }] } }
                }
                """);

        assertThat(warnings).isEmpty();
        assertThat(t.parameter("sku")).isNotNull();
        assertThat(t.variables()).extracting(IacTemplate.Variable::name).containsExactly("filtered", "maybe", "sku", "enabled", "spread");
        assertThat(t.resource("app")).isNotNull();
    }

    @Test
    void aKeywordItStoppedAt_isNamed_aWordOfTheFileIsNot() {
        bicep("param before string = 'a' resource\n");
        bicep("param p string = 'a' Qwzxkplm\n");
        bicep("param p string\n'Qwzxkplm'\n");

        assertThat(warnings).extracting(w -> w.substring(0, w.indexOf(", line"))).containsExactly(
                "Bicep not fully parsed: unexpected 'resource' after a statement",
                "Bicep not fully parsed: unexpected '…' after a statement",
                "Bicep not fully parsed: unexpected '…'");
    }

    @Test
    void unknownSyntaxIsSkippedWithOneWarningAndTheRestIsStillRead() {
        String text = """
                param before string = 'a'
                frobnicate everything now {
                  really: true
                }
                resource broken 'Microsoft.Storage/storageAccounts@2023-01-01' = {
                  name: 'x'
                  properties: {
                    allowSharedKeyAccess: <<nonsense>>
                  }
                }
                param after string = 'b'
                """;
        IacTemplate t = bicep(text);

        assertThat(t.parameter("before")).isNotNull();
        assertThat(t.parameter("after")).isNotNull();
        // the word it stopped at is the file's text, which a warning never quotes
        assertThat(warnings).singleElement().asString().startsWith("Bicep not fully parsed: unknown statement '…', line 2")
                .contains("and 1 more");
    }

    @Test
    void garbageNeverThrows() {
        for (String s : List.of("'", "'''", "resource", "param x string = '${", "@", "{{{{", "resource a 'b' = [for",
                "var x = (", "output o string = [", "\u0000\uFFFF", "var x = " + "(".repeat(5000), "}".repeat(50))) {
            warnings.clear();
            bicep(s);
        }
        assertThat(bicep("param p string = '${'").parameters()).isNotNull();
    }

    @Test
    void bicepparamFilesAreAssignments() {
        List<String> w = new ArrayList<>();
        IacTemplate t = parse("main.bicepparam", """
                using './main.bicep'

                param adminPassword = 'Zq9-not-a-real-one'
                param kvSecret = az.getSecret('sub', 'rg', 'kv', 'admin')
                """, w);

        assertThat(w).isEmpty();
        assertThat(t.format()).isEqualTo(IacTemplate.Format.BICEP_PARAMS);
        assertThat(t.assignments()).extracting(IacTemplate.Assignment::name).containsExactly("adminPassword", "kvSecret");
        assertThat(t.assignments().get(1).value().calls()).containsExactly("getSecret");
    }
}
