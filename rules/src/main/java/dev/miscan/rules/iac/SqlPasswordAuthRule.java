package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.List;
import java.util.Locale;

@DetectorInfo(
        rules = "MI-IAC-SQL-PASSWORD-AUTH",
        keywords = {"microsoft.sql/", "azurerm_mssql_", "azurerm_sql_server", "microsoft.dbforpostgresql/",
                "azurerm_postgresql_flexible_server"},
        kind = "iac")
public final class SqlPasswordAuthRule extends DeployedResourceRule {
    private static final List<String> ARM_SERVERS = List.of("Microsoft.Sql/servers", "Microsoft.Sql/managedInstances");
    private static final List<String> TF_SERVERS = List.of("azurerm_mssql_server", "azurerm_sql_server",
            "azurerm_mssql_managed_instance");

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null);
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        if (r.isType("Microsoft.DBforPostgreSQL/flexibleServers", "azurerm_postgresql_flexible_server")) {
            checkPostgres(doc, sink, t, r, r.isType("Microsoft.DBforPostgreSQL/flexibleServers"));
            return;
        }
        boolean arm = ARM_SERVERS.stream().anyMatch(r::isType);
        if (!arm && TF_SERVERS.stream().noneMatch(r::isType)) {
            return;
        }
        IacProperty pw = arm ? r.body().propertyAt("properties", "administratorLoginPassword")
                : firstOf(r.body(), "administrator_login_password", "administrator_login_password_wo");
        if (pw == null || literalSecret(pw.value()) || entraOnly(t, r, arm)) {
            return;
        }
        report(doc, sink, pw.nameOffset(), IacFindings.slice(doc, pw), "Key-based authentication: "
                + IacFindings.label(t, r, "SQL server") + " has a SQL administrator password and Microsoft"
                + " Entra-only authentication is off, so apps can log in with passwords.", remediation(t, r));
    }

    /**
     * A PostgreSQL flexible server accepts password logins unless {@code authConfig.passwordAuth} is
     * {@code 'Disabled'} (Terraform {@code authentication { password_auth_enabled = false }}); the default is on.
     * Reported on the switch when it is written on, else on the administrator password.
     */
    private void checkPostgres(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r, boolean arm) {
        IacProperty sw = arm ? r.body().propertyAt("properties", "authConfig", "passwordAuth")
                : r.body().get("authentication") == null ? null
                : r.body().propertyAt("authentication", "password_auth_enabled");
        if (sw == null && (arm ? r.body().unknownAt("properties", "authConfig", "passwordAuth")
                : r.body().unknownAt("authentication", "password_auth_enabled"))) {
            return;
        }
        IacProperty at;
        if (sw != null) {
            boolean on = arm ? "enabled".equalsIgnoreCase(t.resolveString(sw.value()))
                    : Boolean.TRUE.equals(t.resolveBool(sw.value()));
            if (!on) {
                return;
            }
            at = sw;
        } else {
            at = arm ? r.body().propertyAt("properties", "administratorLoginPassword")
                    : firstOf(r.body(), "administrator_password", "administrator_password_wo");
            if (at == null || literalSecret(at.value())) {
                return;
            }
        }
        report(doc, sink, at.nameOffset(), IacFindings.slice(doc, at), "Key-based authentication: "
                + IacFindings.label(t, r, "PostgreSQL flexible server") + " accepts password logins"
                + (sw != null ? "" : " (password authentication is on by default)")
                + ", so apps can log in with passwords.", postgresRemediation(t, r));
    }

    static Remediation postgresRemediation(IacTemplate t, IacTemplate.Resource server) {
        String fix = IacRemedies.terraform(t) ? """
                authentication {
                  active_directory_auth_enabled = true
                  password_auth_enabled         = false
                  tenant_id                     = "<tenant-id>"
                }
                # then an azurerm_postgresql_flexible_server_active_directory_administrator for the Entra admin group"""
                : """
                authConfig: {
                  activeDirectoryAuth: 'Enabled'
                  passwordAuth: 'Disabled'
                  tenantId: subscription().tenantId
                }
                // then a flexibleServers/administrators child resource for the Entra admin group""";
        return IacRemedies.remediation(IacService.POSTGRES, server,
                "Turn on Microsoft Entra authentication, make an Entra group the administrator, turn password"
                        + " authentication off, and create a database role for each app's managed identity"
                        + " (pgaadauth_create_principal); apps connect with an Entra token.",
                t, fix, List.of(), "", List.of(IacRemedies.identityCommand(null)));
    }

    private static IacProperty firstOf(IacValue body, String... names) {
        for (String n : names) {
            IacProperty p = body.property(n);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** A literal password (or literal fallback) is a secret finding ({@code MI-IAC-SECRET-PROPERTY}), not this one. */
    private static boolean literalSecret(IacValue v) {
        return SecretPropertyRule.writesLiteralSecret(v);
    }

    private static boolean entraOnly(IacTemplate t, IacTemplate.Resource server, boolean arm) {
        if (!arm) {
            for (String block : new String[] {"azuread_administrator", "azure_active_directory_administrator"}) {
                IacValue b = server.body().get(block);
                if (b != null && b.isObject() && (Boolean.TRUE.equals(t.resolveBool(b.get("azuread_authentication_only")))
                        || Boolean.TRUE.equals(t.resolveBool(b.get("azuread_authentication_only_enabled"))))) {
                    return true;
                }
            }
            return false;
        }
        if (Boolean.TRUE.equals(t.resolveBool(server.body().at("properties", "administrators",
                "azureADOnlyAuthentication")))) {
            return true;
        }
        long servers = t.derived("iac.sqlServers", x -> x.resources().stream()
                .filter(r -> ARM_SERVERS.stream().anyMatch(r::isType)).count());
        List<IacTemplate.Resource> entraOnly = t.derived("iac.sqlEntraOnly", x -> x.resources().stream()
                .filter(c -> c.type().toLowerCase(Locale.ROOT).endsWith("/azureadonlyauthentications") && c.body() != null
                        && Boolean.TRUE.equals(x.resolveBool(c.body().at("properties", "azureADOnlyAuthentication"))))
                .toList());
        for (IacTemplate.Resource child : entraOnly) {
            if (child.parent() == server || child.parent() == null && (servers == 1
                    || Hosts.nameText(child).contains(Hosts.nameText(server)))) {
                return true;
            }
        }
        return false;
    }

    static Remediation remediation(IacTemplate t, IacTemplate.Resource server) {
        String fix = switch (IacRemedies.language(t)) {
            case "terraform" -> """
                    # remove administrator_login and administrator_login_password
                    azuread_administrator {
                      login_username              = "<entra-admin-group>"
                      object_id                   = "<entra-admin-object-id>"
                      azuread_authentication_only = true
                    }""";
            case "json" -> """
                    "administrators": {
                      "administratorType": "ActiveDirectory",
                      "azureADOnlyAuthentication": true,
                      "login": "<entra-admin-group>",
                      "sid": "<entra-admin-object-id>",
                      "tenantId": "[subscription().tenantId]",
                      "principalType": "Group"
                    }""";
            default -> """
                    // remove administratorLogin and administratorLoginPassword
                    administrators: {
                      administratorType: 'ActiveDirectory'
                      azureADOnlyAuthentication: true
                      login: '<entra-admin-group>'
                      sid: '<entra-admin-object-id>'
                      tenantId: subscription().tenantId
                      principalType: 'Group'
                    }""";
        };
        String name = IacRemedies.literalName(t, server, "server");
        return IacRemedies.remediation(IacService.SQL, server,
                "Turn on Microsoft Entra-only authentication with an Entra administrator, remove the SQL"
                        + " administrator password, create a database user for each app's managed identity and connect"
                        + " with Authentication=Active Directory Managed Identity.",
                t, fix + "\n\n-- in each database, as the Entra administrator:\nCREATE USER [<identity-name>] FROM"
                        + " EXTERNAL PROVIDER;\nALTER ROLE db_datareader ADD MEMBER [<identity-name>];",
                List.of(), "",
                List.of(IacRemedies.identityCommand(null),
                        "az sql server ad-admin create --server-name " + name + " --resource-group <resource-group>"
                                + " --display-name <entra-admin-group> --object-id <entra-admin-object-id>",
                        "az sql server ad-only-auth enable --name " + name + " --resource-group <resource-group>"));
    }
}
