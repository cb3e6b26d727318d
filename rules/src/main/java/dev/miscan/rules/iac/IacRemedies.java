package dev.miscan.rules.iac;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Remediation snippets in the language of the scanned file (Bicep, ARM JSON, Terraform): the corrected
 * property, the {@code identity} block, a role assignment with the built-in role's GUID and the right scope
 * (Bicep {@code Microsoft.Authorization/roleAssignments} named with {@code guid(…)}, its ARM equivalent,
 * {@code azurerm_role_assignment}; Cosmos DB and Redis use their data-plane assignments), and the Key Vault
 * reference form. Every role comes from {@code AzureRoles}, whose GUIDs are checked against the built-in roles list (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
 * Names the file does not say are left as {@code <placeholders>}.
 */
final class IacRemedies {
    static final String SCOPE_PREFIX = "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/";
    /** The rules' example remediations (catalogue, {@code explain}) are written in Bicep. */
    static final IacTemplate EXAMPLE = IacTemplate.empty(IacTemplate.Format.BICEP);

    private IacRemedies() {
    }

    static String language(IacTemplate t) {
        return t.format().language();
    }

    static boolean bicep(IacTemplate t) {
        return language(t).equals("bicep");
    }

    static boolean terraform(IacTemplate t) {
        return language(t).equals("terraform");
    }

    /** One property in the file's syntax: {@code disableLocalAuth: true}, {@code "disableLocalAuth": true}, … */
    static String property(IacTemplate t, String armName, String armValue, String tfName, String tfValue) {
        return switch (language(t)) {
            case "bicep" -> armName + ": " + armValue;
            case "json" -> "\"" + armName + "\": " + armValue.replace('\'', '"');
            default -> tfName + " = " + tfValue;
        };
    }

    static String identityBlock(IacTemplate t) {
        return switch (language(t)) {
            case "bicep" -> "identity: {\n  type: 'SystemAssigned'\n}";
            case "json" -> "\"identity\": {\n  \"type\": \"SystemAssigned\"\n}";
            default -> "identity {\n  type = \"SystemAssigned\"\n}";
        };
    }

    /** An app setting in the file's syntax. {@code value} is already an expression of that language. */
    static String setting(IacTemplate t, String name, String value) {
        return switch (language(t)) {
            case "bicep" -> "{ name: '" + name + "', value: " + value + " }";
            case "json" -> "{ \"name\": \"" + name + "\", \"value\": \"" + value + "\" }";
            default -> "\"" + name + "\" = " + value;
        };
    }

    /** The Key Vault reference form of an app setting whose value must stay a secret. */
    static String keyVaultReference(IacTemplate t, String name) {
        String secret = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return switch (language(t)) {
            case "bicep" -> "{ name: '" + name + "', value: '@Microsoft.KeyVault(SecretUri=${kv.properties.vaultUri}secrets/"
                    + secret + "/)' }";
            case "json" -> "{ \"name\": \"" + name + "\", \"value\": \"[format('@Microsoft.KeyVault(SecretUri={0}secrets/"
                    + secret + "/)', reference(resourceId('Microsoft.KeyVault/vaults', '<vault>'), '2023-07-01').vaultUri)]\" }";
            default -> "\"" + name + "\" = \"@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret." + secret.replace('-', '_')
                    + ".versionless_id})\"";
        };
    }

    // ---- resource references ----

    /** A resource as an expression: Bicep symbol, ARM name expression, Terraform address. */
    static String ref(IacTemplate t, IacTemplate.Resource r, String placeholder) {
        if (r == null) {
            return "<" + placeholder + ">";
        }
        return switch (language(t)) {
            case "bicep" -> r.symbol().isEmpty() ? "<" + placeholder + ">" : r.symbol();
            case "json" -> armName(r);
            default -> r.type() + "." + r.symbol();
        };
    }

    /** An ARM resource's name as an expression inside {@code [ ]}: {@code 'orders'}, {@code parameters('name')}. */
    static String armName(IacTemplate.Resource r) {
        IacValue name = r.name();
        if (name != null && name.isString()) {
            return "'" + name.text() + "'";
        }
        if (name != null && name.isExpression() && name.text().startsWith("[") && name.text().endsWith("]")) {
            return name.text().substring(1, name.text().length() - 1).strip();
        }
        return "'<resource>'";
    }

    /** The resource's literal name, or a placeholder. */
    static String literalName(IacTemplate t, IacTemplate.Resource r, String placeholder) {
        String name = r == null ? null : t.resolveString(r.name());
        return name != null && !name.isBlank() && dev.miscan.rules.support.Remedies.isPlainValue(name) ? name
                : "<" + placeholder + ">";
    }

    /** The principal id of a host's system-assigned identity. */
    static String principal(IacTemplate t, IacTemplate.Resource host) {
        return switch (language(t)) {
            case "bicep" -> ref(t, host, "app") + ".identity.principalId";
            case "json" -> host == null ? "<principal-id>" : "[reference(resourceId('" + host.type() + "', "
                    + armName(host) + "), '" + (host.apiVersion().isEmpty() ? "2023-12-01" : host.apiVersion())
                    + "', 'full').identity.principalId]";
            default -> (host == null ? "<app>" : host.type() + "." + host.symbol()) + ".identity[0].principal_id";
        };
    }

    static String scope(IacTemplate t, IacService service, IacTemplate.Resource target) {
        String type = target != null && target.type().indexOf('/') > 0 ? target.type()
                : service == null ? "<resource-type>" : service.armType();
        return SCOPE_PREFIX + type + "/" + literalName(t, target, service == null ? "resource" : service.placeholder());
    }

    /**
     * A role assignment of {@code role} on {@code target} (a resource of {@code service}) for the system-assigned
     * identity of {@code host}, in the file's language. Unknown resources stay placeholders.
     */
    static String roleAssignment(IacTemplate t, IacService service, Role role, IacTemplate.Resource target,
            IacTemplate.Resource host) {
        if (role == null) {
            return "";
        }
        if (role.id().isEmpty()) {
            return redisAccessPolicy(t, target, host);
        }
        if (service == IacService.COSMOS) {
            return cosmosRoleAssignment(t, role, target, host);
        }
        String targetRef = ref(t, target, service == null ? "target" : service.placeholder());
        String hostRef = ref(t, host, "app");
        String guid = role.id();
        String roleSymbol = role.name().replaceAll("[^A-Za-z0-9]", "");
        return switch (language(t)) {
            case "bicep" -> """
                    resource %s 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
                      name: guid(%s.id, %s.id, '%s')
                      scope: %s
                      properties: {
                        roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '%s') // %s
                        principalId: %s
                        principalType: 'ServicePrincipal'
                      }
                    }""".formatted(symbol(hostRef) + roleSymbol, targetRef, hostRef, guid, targetRef, guid, role.name(),
                    principal(t, host));
            case "json" -> {
                String targetType = target != null ? target.type() : service == null ? "<type>" : service.armType();
                String hostId = host == null ? "'<app>'" : "resourceId('" + host.type() + "', " + armName(host) + ")";
                yield """
                        {
                          "type": "Microsoft.Authorization/roleAssignments",
                          "apiVersion": "2022-04-01",
                          "scope": "[format('%s/{0}', %s)]",
                          "name": "[guid(resourceId('%s', %s), %s, '%s')]",
                          "properties": {
                            "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '%s')]",
                            "principalId": "%s",
                            "principalType": "ServicePrincipal"
                          }
                        }""".formatted(targetType, targetRef, targetType, targetRef, hostId, guid, guid,
                        principal(t, host));
            }
            default -> """
                    resource "azurerm_role_assignment" "%s" {
                      scope                = %s.id
                      role_definition_name = "%s" # %s
                      principal_id         = %s
                      principal_type       = "ServicePrincipal"
                    }""".formatted(snake(host == null ? "app" : host.symbol()) + "_" + snake(roleSymbol),
                    targetRef, role.name(), guid, principal(t, host));
        };
    }

    private static String cosmosRoleAssignment(IacTemplate t, Role role, IacTemplate.Resource target,
            IacTemplate.Resource host) {
        String acct = ref(t, target, IacService.COSMOS.placeholder());
        String guid = role.id();
        return switch (language(t)) {
            case "bicep" -> """
                    resource %sCosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
                      parent: %s
                      name: guid(%s.id, %s.id, '%s')
                      properties: {
                        roleDefinitionId: '${%s.id}/sqlRoleDefinitions/%s' // %s
                        principalId: %s
                        scope: %s.id
                      }
                    }""".formatted(symbol(ref(t, host, "app")), acct, acct, ref(t, host, "app"), guid, acct, guid,
                    role.name(), principal(t, host), acct);
            case "json" -> """
                    {
                      "type": "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
                      "apiVersion": "2024-05-15",
                      "name": "[format('{0}/{1}', %s, guid(%s, '%s'))]",
                      "properties": {
                        "roleDefinitionId": "[format('{0}/sqlRoleDefinitions/%s', resourceId('Microsoft.DocumentDB/databaseAccounts', %s))]",
                        "principalId": "%s",
                        "scope": "[resourceId('Microsoft.DocumentDB/databaseAccounts', %s)]"
                      }
                    }""".formatted(acct, acct, guid, guid, acct, principal(t, host), acct);
            default -> """
                    resource "azurerm_cosmosdb_sql_role_assignment" "%s_data" {
                      resource_group_name = %s.resource_group_name
                      account_name        = %s.name
                      role_definition_id  = "${%s.id}/sqlRoleDefinitions/%s" # %s
                      principal_id        = %s
                      scope               = %s.id
                    }""".formatted(snake(host == null ? "app" : host.symbol()), acct, acct, acct, guid, role.name(),
                    principal(t, host), acct);
        };
    }

    private static String redisAccessPolicy(IacTemplate t, IacTemplate.Resource target, IacTemplate.Resource host) {
        String cache = ref(t, target, IacService.REDIS.placeholder());
        String alias = host == null ? "app" : host.symbol().isEmpty() ? "app" : host.symbol();
        return switch (language(t)) {
            case "bicep" -> """
                    resource %sRedisData 'Microsoft.Cache/redis/accessPolicyAssignments@2024-03-01' = {
                      parent: %s
                      name: '%s-data-contributor'
                      properties: {
                        accessPolicyName: 'Data Contributor'
                        objectId: %s
                        objectIdAlias: '%s'
                      }
                    }""".formatted(symbol(ref(t, host, "app")), cache, alias, principal(t, host), alias);
            case "json" -> """
                    {
                      "type": "Microsoft.Cache/redis/accessPolicyAssignments",
                      "apiVersion": "2024-03-01",
                      "name": "[format('{0}/%s-data-contributor', %s)]",
                      "properties": {
                        "accessPolicyName": "Data Contributor",
                        "objectId": "%s",
                        "objectIdAlias": "%s"
                      }
                    }""".formatted(alias, cache, principal(t, host), alias);
            default -> """
                    resource "azurerm_redis_cache_access_policy_assignment" "%s_data" {
                      name               = "%s-data-contributor"
                      redis_cache_id     = %s.id
                      access_policy_name = "Data Contributor"
                      object_id          = %s
                      object_id_alias    = "%s"
                    }""".formatted(snake(alias), alias, cache, principal(t, host), alias);
        };
    }

    private static String symbol(String ref) {
        String s = ref.replaceAll("[^A-Za-z0-9]", "");
        return s.isEmpty() ? "app" : s;
    }

    private static String snake(String s) {
        return s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }

    /** The single host of a template, when there is exactly one (the app that will use the identity). */
    static IacTemplate.Resource onlyHost(IacTemplate t) {
        List<IacTemplate.Resource> hosts = Hosts.hosts(t);
        return hosts.size() == 1 ? hosts.get(0) : null;
    }

    /** The az commands that give a host an identity and grant it {@code role} on {@code scope}. */
    static List<String> roleCommands(Hosts.Kind host, Role role, String scope) {
        List<String> c = new ArrayList<>();
        c.add(identityCommand(host));
        if (role != null) {
            // ARM, Cosmos DB data plane or Redis access policy: the catalogue's one writer of assignments
            c.add(dev.miscan.core.catalogue.RoleAssignments.command(role, scope));
        }
        return c;
    }

    static String identityCommand(Hosts.Kind host) {
        if (host == null) {
            return "az webapp identity assign --name <app> --resource-group <resource-group>"
                    + "  # or the identity command of your host (Container Apps, VM, AKS)";
        }
        return switch (host) {
            case WEB_APP -> "az webapp identity assign --name <app> --resource-group <resource-group>";
            case FUNCTION_APP -> "az functionapp identity assign --name <app> --resource-group <resource-group>";
            case CONTAINER_APP -> "az containerapp identity assign --name <app> --resource-group <resource-group>"
                    + " --system-assigned";
            case CONTAINER_INSTANCE -> "az container create … --assign-identity  # container groups get an identity"
                    + " when they are created";
            case VM -> "az vm identity assign --name <app> --resource-group <resource-group>";
            case AKS -> "az aks update --name <cluster> --resource-group <resource-group> --enable-managed-identity";
        };
    }

    static Remediation remediation(IacService service, IacTemplate.Resource target, String summary, IacTemplate t,
            String replacement, List<Role> roles, String scope, List<String> commands) {
        return new Remediation(service == null ? "Azure" : service.displayName(), literalName(t, target, "").startsWith("<")
                ? "" : literalName(t, target, ""), summary, language(t), replacement.strip() + "\n", "", roles, scope,
                commands);
    }
}
