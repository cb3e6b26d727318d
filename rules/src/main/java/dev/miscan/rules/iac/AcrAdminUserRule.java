package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;

@DetectorInfo(
        rules = "MI-IAC-ACR-ADMIN-USER",
        keywords = {"microsoft.containerregistry/registries", "azurerm_container_registry", "module", "using"},
        kind = "iac")
public final class AcrAdminUserRule extends DeployedResourceRule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null);
    }

    private static final String EFFECT = "its admin user's passwords push and pull every image";
    private static final List<Switch> SWITCHES = List.of(
            new Switch("Microsoft.ContainerRegistry/registries", List.of("properties", "adminUserEnabled"), false,
                    "container registry", EFFECT, "Key-based authentication: ", false),
            new Switch("azurerm_container_registry", List.of("admin_enabled"), false, "container registry", EFFECT,
                    "Key-based authentication: ", false));

    public AcrAdminUserRule() {
        super(SWITCHES, AcrAdminUserRule::remediation);
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        IacProperty p = r.isType("Microsoft.ContainerRegistry/registries")
                ? r.body().propertyAt("properties", "adminUserEnabled")
                : r.isType("azurerm_container_registry") ? r.body().property("admin_enabled") : null;
        if (p != null && Boolean.TRUE.equals(t.resolveBool(p.value()))) {
            report(doc, sink, p.nameOffset(), IacFindings.slice(doc, p), "Key-based authentication: "
                    + IacFindings.label(t, r, "container registry") + " enables the admin user, whose passwords"
                    + " push and pull every image.", SwitchFixes.of(doc, t, r, p.value(), false,
                    remediation(t, r), "Disable the admin user."));
        }
    }

    private static Remediation remediation(IacTemplate t, IacTemplate.Resource registry) {
        IacTemplate.Resource host = IacRemedies.onlyHost(t);
        String fix = IacRemedies.terraform(t) ? "admin_enabled = false"
                : IacRemedies.property(t, "adminUserEnabled", "false", "", "");
        String scope = IacRemedies.scope(t, IacService.CONTAINER_REGISTRY, registry);
        List<String> commands = IacRemedies.roleCommands(host == null ? null : Hosts.kindOf(host), AzureRoles.ACR_PULL,
                scope);
        commands.add("az acr update --name " + IacRemedies.literalName(t, registry, "registry") + " --admin-enabled false");
        return IacRemedies.remediation(IacService.CONTAINER_REGISTRY, registry,
                "Disable the admin user and pull with a managed identity that has AcrPull (push from CI with a"
                        + " federated identity); then delete the registry passwords wherever they were copied.",
                t, fix + "\n\n" + IacRemedies.roleAssignment(t, IacService.CONTAINER_REGISTRY, AzureRoles.ACR_PULL,
                        registry, host), List.of(AzureRoles.ACR_PULL), scope, commands);
    }
}
