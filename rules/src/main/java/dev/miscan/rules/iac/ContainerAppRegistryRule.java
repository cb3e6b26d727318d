package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;
import java.util.Locale;

/**
 * A container app that pulls from a {@code *.azurecr.io} registry with a user name and a password secret
 * ({@code configuration.registries[*].passwordSecretRef}, azurerm {@code registry { password_secret_name }})
 * instead of an identity: the registry's admin or token password, key-based authentication.
 */
@DetectorInfo(
        rules = "MI-ACR-KEY-AUTH",
        keywords = {"passwordsecretref", "password_secret_name"},
        kind = "iac")
public final class ContainerAppRegistryRule extends DeployedResourceRule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, "<registry>.azurecr.io");
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        boolean arm = r.isType("Microsoft.App/containerApps", "Microsoft.App/jobs");
        if (!arm && !r.isType("azurerm_container_app", "azurerm_container_app_job")) {
            return;
        }
        List<IacValue> registries = new java.util.ArrayList<>();
        if (arm) {
            IacValue list = r.body().at("properties", "configuration", "registries");
            if (list != null && list.isArray()) {
                registries.addAll(list.items());
            }
        } else {
            for (IacProperty p : r.body().all("registry")) {
                registries.add(p.value());
            }
        }
        for (IacValue registry : registries) {
            if (registry == null || !registry.isObject()) {
                continue;
            }
            IacProperty secret = registry.property(arm ? "passwordSecretRef" : "password_secret_name");
            IacValue server = registry.get(arm ? "server" : "server");
            String host = server == null ? null : t.resolveString(server);
            if (secret == null || host != null && !host.toLowerCase(Locale.ROOT).contains(".azurecr.")) {
                continue;
            }
            String registryName = host == null ? "its registry" : "'" + host + "'";
            report(doc, sink, secret.nameOffset(), IacFindings.slice(doc, secret), "Key-based authentication: "
                    + IacFindings.label(t, r, "container app") + " pulls from " + registryName + " with a registry"
                    + " password; its managed identity with AcrPull needs none.", remediation(t, host));
        }
    }

    private static Remediation remediation(IacTemplate t, String host) {
        String server = host == null ? "<registry>.azurecr.io" : host;
        String fix = IacRemedies.terraform(t)
                ? "registry {\n  server   = \"" + server + "\"\n  identity = azurerm_user_assigned_identity.app.id\n}"
                : "registries: [\n  {\n    server: '" + server + "'\n    identity: 'system'\n  }\n]";
        return IacRemedies.remediation(IacService.CONTAINER_REGISTRY, null,
                "Pull with the container app's managed identity: give it AcrPull on the registry, name the identity"
                        + " in the registry entry instead of a user name and password secret, then disable the"
                        + " registry's admin user.", t, fix, List.of(AzureRoles.ACR_PULL), scope(host),
                List.of(dev.miscan.core.catalogue.RoleAssignments.command(AzureRoles.ACR_PULL, scope(host)),
                        "az containerapp registry set --name <app> --resource-group <resource-group> --server "
                        + server + " --identity system"));
    }

    /** The registry's resource id: its name is the host's first label. */
    private static String scope(String host) {
        String name = host == null || !host.contains(".") ? null : host.substring(0, host.indexOf('.'));
        return dev.miscan.core.catalogue.RoleAssignments.scope(
                dev.miscan.core.catalogue.AzureCatalogue.get().service("acr"),
                name == null || !dev.miscan.rules.support.Remedies.isPlainValue(name) ? null : name);
    }
}
