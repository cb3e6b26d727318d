package dev.miscan.core.catalogue;

import dev.miscan.core.api.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The role assignments of one decision, in every form advice takes: the {@code az} command, Bicep and Terraform.
 * Every form is written from the same role and resource, so that they cannot disagree; ARM roles become Azure RBAC
 * assignments, Cosmos DB roles SQL role assignments, Redis access policies access-policy assignments. The identity is
 * always {@code <principal-id>} (the object id of the managed identity) and the names the code does not say are the
 * placeholders of the plan's vocabulary (docs/plan.md).
 */
public final class RoleAssignments {
    /** The beginning of every resource id that advice writes. */
    public static final String SCOPE_PREFIX = "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/";

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^az (role assignment create|cosmosdb sql role assignment create|redis access-policy-assignment create)\\b.*");
    private static final Pattern IDENTITY = Pattern.compile("^az ([a-z]+ )+identity assign\\b.*");

    private RoleAssignments() {
    }

    /** True when {@code command} grants a role: it is written from the decision, not copied. */
    public static boolean isAssignment(String command) {
        return ASSIGNMENT.matcher(command).matches();
    }

    /** True when {@code command} turns a host's managed identity on. */
    public static boolean isIdentity(String command) {
        return IDENTITY.matcher(command).matches();
    }

    /** The resource id of {@code service}'s resource {@code name} (its placeholder when null or blank). */
    public static String scope(AzureCatalogue.Service service, String name) {
        return SCOPE_PREFIX + service.armType() + "/" + (name == null || name.isBlank() ? service.placeholder() : name);
    }

    /**
     * {type, name} of the resource a scope names (its first resource after the provider), or null; with a child
     * resource the catalogue knows ({@code …/eventhubs/orders}), {type, name, child type, child name}.
     */
    public static String[] resourceOf(String scope) {
        int p = scope == null ? -1 : scope.indexOf("/providers/");
        if (p < 0) {
            return null;
        }
        String[] seg = scope.substring(p + "/providers/".length()).split("/");
        if (seg.length < 3 || !seg[0].contains(".")) {
            return null;
        }
        String type = seg[0] + "/" + seg[1];
        return AzureCatalogue.get().serviceOfArmType(type).map(s -> seg.length == 5 && s.children().containsKey(seg[3])
                ? new String[] {s.armType(), seg[2], seg[3], seg[4]} : new String[] {s.armType(), seg[2]}).orElse(null);
    }

    /** The Bicep {@code existing} declaration of the resource (or child resource) an assignment targets. */
    private static String existing(AzureCatalogue.Service s, String[] resource) {
        boolean child = resource.length == 4;
        return "resource target '" + resource[0] + (child ? "/" + resource[2] : "") + "@" + s.apiVersion()
                + "' existing = {\n"
                + "  name: '" + resource[1] + (child ? "/" + resource[3] : "") + "'\n"
                + "}\n\n";
    }

    /** The Terraform address of the resource (or child resource) an assignment targets, and its name. */
    private static String terraformTarget(AzureCatalogue.Service s, String[] resource) {
        return (resource.length == 4 ? s.children().get(resource[2]) : s.terraform().get(0)) + ".target";
    }

    private static String terraformName(String[] resource) {
        return resource.length == 4 ? resource[1] + "/" + resource[3] : resource[1];
    }

    /** The {@code az} commands that grant {@code roles} on the resource of {@code scope}, one per role. */
    public static List<String> commands(List<Role> roles, String scope) {
        List<String> out = new ArrayList<>();
        for (Role r : roles) {
            out.add(command(r, scope));
        }
        return out;
    }

    /** The {@code az} command that grants {@code role} on the resource of {@code scope}. */
    public static String command(Role role, String scope) {
        String[] resource = resourceOf(scope);
        String name = resource != null ? resource[1] : AzureCatalogue.get().serviceOfRole(role)
                .map(AzureCatalogue.Service::placeholder).orElse("<resource>");
        return switch (AzureCatalogue.get().plane(role)) {
            case "cosmos" -> "az cosmosdb sql role assignment create --account-name " + name
                    + " --resource-group <resource-group> --role-definition-id " + role.id()
                    + " --principal-id <principal-id> --scope \"/\"";
            case "redis" -> "az redis access-policy-assignment create --name " + name
                    + " --resource-group <resource-group> --policy-assignment-name " + policySlug(role)
                    + " --access-policy-name \"" + policy(role) + "\" --object-id <principal-id>"
                    + " --object-id-alias <identity-name>";
            default -> "az role assignment create --assignee-object-id <principal-id> --assignee-principal-type"
                    + " ServicePrincipal --role \"" + role.name() + "\" --scope " + scope;
        };
    }

    /** The name of a Redis access policy ("Data Contributor"), which the catalogue qualifies. */
    static String policy(Role role) {
        return role.name().replace(" (Redis access policy)", "");
    }

    private static String policySlug(Role role) {
        return "app-" + policy(role).toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** The Bicep role assignment of {@code role} on the resource {@code resource} ({type, name}). */
    public static String bicep(Role role, String[] resource) {
        AzureCatalogue.Service s = AzureCatalogue.get().serviceOfArmType(resource[0]).orElseThrow();
        return existing(s, resource) + switch (AzureCatalogue.get().plane(role)) {
            case "cosmos" -> "resource roleAssignment 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@"
                    + s.apiVersion() + "' = {\n"
                    + "  parent: target\n"
                    + "  name: guid(target.id, app.id, '" + role.id() + "')\n"
                    + "  properties: {\n"
                    + "    roleDefinitionId: '${target.id}/sqlRoleDefinitions/" + role.id() + "' // " + role.name() + "\n"
                    + "    principalId: app.identity.principalId // app: the web app, function app or container app\n"
                    + "    scope: target.id\n"
                    + "  }\n"
                    + "}\n";
            case "redis" -> "resource accessPolicyAssignment 'Microsoft.Cache/redis/accessPolicyAssignments@2024-03-01' = {\n"
                    + "  parent: target\n"
                    + "  name: '" + policySlug(role) + "'\n"
                    + "  properties: {\n"
                    + "    accessPolicyName: '" + policy(role) + "'\n"
                    + "    objectId: app.identity.principalId // app: the web app, function app or container app\n"
                    + "    objectIdAlias: '<identity-name>'\n"
                    + "  }\n"
                    + "}\n";
            default -> "resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n"
                    + "  name: guid(target.id, app.id, '" + role.id() + "')\n"
                    + "  scope: target\n"
                    + "  properties: {\n"
                    + "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '"
                    + role.id() + "') // " + role.name() + "\n"
                    + "    principalId: app.identity.principalId // app: the web app, function app or container app\n"
                    + "    principalType: 'ServicePrincipal'\n"
                    + "  }\n"
                    + "}\n";
        };
    }

    /** The Terraform (azurerm) role assignment of {@code role} on the resource {@code resource} ({type, name}). */
    public static String terraform(Role role, String[] resource) {
        AzureCatalogue.Service s = AzureCatalogue.get().serviceOfArmType(resource[0]).orElseThrow();
        String target = terraformTarget(s, resource);
        String principal = "azurerm_linux_web_app.app.identity[0].principal_id";
        return switch (AzureCatalogue.get().plane(role)) {
            case "cosmos" -> "resource \"azurerm_cosmosdb_sql_role_assignment\" \"app\" {\n"
                    + "  resource_group_name = " + target + ".resource_group_name # " + terraformName(resource) + "\n"
                    + "  account_name        = " + target + ".name\n"
                    + "  role_definition_id  = \"${" + target + ".id}/sqlRoleDefinitions/" + role.id() + "\" # "
                    + role.name() + "\n"
                    + "  principal_id        = " + principal + "\n"
                    + "  scope               = " + target + ".id\n"
                    + "}\n";
            case "redis" -> "resource \"azurerm_redis_cache_access_policy_assignment\" \"app\" {\n"
                    + "  name               = \"" + policySlug(role) + "\"\n"
                    + "  redis_cache_id     = " + target + ".id # " + terraformName(resource) + "\n"
                    + "  access_policy_name = \"" + policy(role) + "\"\n"
                    + "  object_id          = " + principal + "\n"
                    + "  object_id_alias    = \"<identity-name>\"\n"
                    + "}\n";
            default -> "resource \"azurerm_role_assignment\" \"app\" {\n"
                    + "  scope                = " + target + ".id # " + terraformName(resource) + "\n"
                    + "  role_definition_name = \"" + role.name() + "\" # " + role.id() + "\n"
                    + "  principal_id         = " + principal + "\n"
                    + "}\n";
        };
    }
}
