package dev.miscan.core.parse.iac;

import static dev.miscan.core.parse.iac.IacParsing.line;
import static dev.miscan.core.parse.iac.IacParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {
    private final List<String> warnings = new ArrayList<>();

    private IacTemplate tf(String text) {
        return parse("main.tf", text, warnings);
    }

    @Test
    void resourcesBlocksAttributesAndReferencesWithOffsets() {
        String text = """
                terraform {
                  required_providers {
                    azurerm = {
                      source  = "hashicorp/azurerm"
                      version = "~> 4.10"
                    }
                  }
                }

                resource "azurerm_linux_function_app" "fn" {
                  name                       = "orders-fn"
                  storage_account_access_key = azurerm_storage_account.sa.primary_access_key
                  identity { type = "SystemAssigned" }

                  app_settings = {
                    "SB"         = azurerm_servicebus_namespace.sb.default_primary_connection_string
                    CONFIG       = azurerm_app_configuration.cfg.primary_read_key[0].connection_string
                    "PLAIN"      = "value"
                    "MIXED"      = "Endpoint=${azurerm_eventgrid_topic.t.endpoint};Key=${azurerm_eventgrid_topic.t.primary_access_key}"
                  }

                  connection_string {
                    name  = "db"
                    type  = "SQLAzure"
                    value = var.db_connection
                  }
                  connection_string {
                    name  = "cache"
                    type  = "Custom"
                    value = local.cache
                  }
                }
                """;
        IacTemplate t = tf(text);

        assertThat(warnings).isEmpty();
        assertThat(t.providerMajorVersion()).isEqualTo(4);
        IacTemplate.Resource fn = t.resource("azurerm_linux_function_app.fn");
        assertThat(fn.type()).isEqualTo("azurerm_linux_function_app");
        assertThat(line(text, fn.offset())).isEqualTo(10);
        assertThat(fn.body().get("storage_account_access_key").references())
                .containsExactly("azurerm_storage_account.sa.primary_access_key");
        assertThat(fn.body().at("identity", "type").text()).isEqualTo("SystemAssigned");
        IacValue settings = fn.body().get("app_settings");
        assertThat(settings.properties()).extracting(IacProperty::name).containsExactly("SB", "CONFIG", "PLAIN", "MIXED");
        assertThat(settings.get("CONFIG").references())
                .containsExactly("azurerm_app_configuration.cfg.primary_read_key[0].connection_string");
        assertThat(settings.get("PLAIN").text()).isEqualTo("value");
        assertThat(settings.get("MIXED").references()).containsExactly("azurerm_eventgrid_topic.t.endpoint",
                "azurerm_eventgrid_topic.t.primary_access_key");
        assertThat(line(text, settings.property("CONFIG").nameOffset())).isEqualTo(17);
        assertThat(fn.body().all("connection_string")).hasSize(2);
        assertThat(fn.body().all("connection_string").get(1).value().get("value").references()).containsExactly("local.cache");
    }

    @Test
    void variablesLocalsOutputsModulesAndHeredocs() {
        String text = """
                variable "admin_password" {
                  type      = string
                  sensitive = true
                  default   = "Zq9-not-a-real-one"
                }
                variable "enabled" {
                  default = true
                }
                locals {
                  conn = "AccountKey=${azurerm_storage_account.sa.primary_access_key}"
                  script = <<-EOT
                    echo ${var.enabled}
                    done
                  EOT
                  listy = [for s in var.items : upper(s) if s != ""]
                  mapped = { for k, v in var.m : k => v }
                }
                output "key" {
                  value     = azurerm_storage_account.sa.primary_access_key
                  sensitive = true
                }
                module "app" {
                  source = "./modules/app"
                  key    = local.conn
                }
                data "azurerm_client_config" "current" {}
                """;
        IacTemplate t = tf(text);

        assertThat(warnings).isEmpty();
        IacTemplate.Parameter pw = t.parameter("admin_password");
        assertThat(pw.secure()).isTrue();
        assertThat(pw.defaultValue().text()).isEqualTo("Zq9-not-a-real-one");
        assertThat(text.substring(pw.defaultValue().start(), pw.defaultValue().end())).isEqualTo("Zq9-not-a-real-one");
        assertThat(t.variable("conn").value().references()).containsExactly("azurerm_storage_account.sa.primary_access_key");
        assertThat(t.variable("script").value().references()).containsExactly("var.enabled");
        assertThat(t.outputs()).singleElement().satisfies(o -> assertThat(o.secure()).isTrue());
        assertThat(t.modules()).singleElement().satisfies(m -> assertThat(m.source()).isEqualTo("./modules/app"));
        assertThat(t.resources()).singleElement().satisfies(r -> assertThat(r.data()).isTrue());
    }

    @Test
    void resolveFollowsVariableDefaultsAndLocals() {
        IacTemplate t = tf("""
                variable "shared_key" {
                  default = true
                }
                locals {
                  key_enabled = var.shared_key
                }
                resource "azurerm_storage_account" "sa" {
                  shared_access_key_enabled = local.key_enabled
                  other = "${var.shared_key}"
                }
                """);

        IacTemplate.Resource sa = t.resource("azurerm_storage_account.sa");
        assertThat(t.resolveBool(sa.body().get("shared_access_key_enabled"))).isTrue();
        assertThat(t.resolveBool(sa.body().get("other"))).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void dynamicBlocksStandForTheirBlocks() {
        IacTemplate t = tf("""
                resource "azurerm_linux_web_app" "app" {
                  dynamic "identity" {
                    for_each = var.use_identity ? [1] : []
                    content {
                      type = "SystemAssigned"
                    }
                  }
                }
                """);

        assertThat(t.resource("azurerm_linux_web_app.app").body().at("identity", "type").text()).isEqualTo("SystemAssigned");
        assertThat(warnings).isEmpty();
    }

    @Test
    void tfvarsAreAssignments() {
        IacTemplate t = parse("prod.tfvars", """
                location       = "westeurope"
                admin_password = "Zq9-not-a-real-one"
                settings = {
                  DB_PASSWORD = "x"
                }
                """, warnings);

        assertThat(t.format()).isEqualTo(IacTemplate.Format.TFVARS);
        assertThat(t.assignments()).extracting(IacTemplate.Assignment::name).containsExactly("location",
                "admin_password", "settings");
        assertThat(warnings).isEmpty();
    }

    @Test
    void brokenBlockIsSkippedWithAWarningAndLaterBlocksAreRead() {
        IacTemplate t = tf("""
                resource "azurerm_storage_account" "a" {
                  name = = "x"
                }
                resource "azurerm_storage_account" "b" {
                  name = "y"
                }
                """);

        assertThat(t.resource("azurerm_storage_account.b")).isNotNull();
        assertThat(warnings).singleElement().asString().startsWith("Terraform not fully parsed:").contains("line 2");
    }

    @Test
    void garbageNeverThrows() {
        for (String s : List.of("\"", "<<EOT", "<<EOT\nabc", "resource {", "a = [", "a = {", "a = ${", "}}}}",
                "a = " + "(".repeat(5000), "a = \"${\"", "/*")) {
            warnings.clear();
            tf(s);
        }
        assertThat(tf("x = 1").format()).isEqualTo(IacTemplate.Format.TERRAFORM);
    }

    @Test
    void aTraversalsSpacesAreRemovedAsARegularExpressionsWhitespaceClassWould() {
        java.util.Random random = new java.util.Random(3);
        String alphabet = "ab. \t\n\r\f\u000B\u00a0\u2003[]\"0";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(HclParser.withoutSpaces(s)).isEqualTo(s.replaceAll("\\s+", ""));
        }
    }
}
