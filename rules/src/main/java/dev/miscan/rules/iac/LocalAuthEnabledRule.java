package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

@DetectorInfo(rules = "MI-IAC-LOCAL-AUTH-ENABLED", kind = "iac")
public final class LocalAuthEnabledRule extends DeployedResourceRule {

    /** A resource type whose local authentication defaults to on (the Azure catalogue's), and its IaC service. */
    private record Target(IacService service, String label, String armType, String tfType, String enabled,
            String disabled) {
    }

    private static final List<Target> TARGETS = targets();
    /**
     * The resource types, lower case, and {@code module}, {@code using} (a module call or a parameters file may pass a switch on): a file that names none
     * of them has nothing for this rule.
     */
    private static final List<String> KEYWORDS = Stream.concat(TARGETS.stream()
            .flatMap(t -> Stream.of(t.armType(), t.tfType())).filter(x -> !x.isEmpty())
            .map(x -> x.toLowerCase(Locale.ROOT)), Stream.of("module", "using")).distinct().toList();

    private static List<Target> targets() {
        List<Target> out = new java.util.ArrayList<>();
        for (AzureCatalogue.Service s : AzureCatalogue.get().services()) {
            for (AzureCatalogue.LocalAuth a : s.localAuth()) {
                IacService service = IacService.of(a.terraform());
                if (service == null) {
                    throw new IllegalStateException("no IaC service for " + a.terraform());
                }
                out.add(new Target(service, a.label(), a.armType(), a.terraform(), a.enabled(), a.disabled()));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> keywords() {
        return KEYWORDS;
    }

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, TARGETS.get(0), null);
    }

    private static final List<Switch> SWITCHES = TARGETS.stream().flatMap(target -> Stream.of(
            target.armType().isEmpty() ? null : new Switch(target.armType(), List.of("properties", "disableLocalAuth"),
                    true, target.label(), "its keys work", "Key-based authentication: "),
            target.disabled() == null ? null : new Switch(target.tfType(), List.of(target.disabled()), true,
                    target.label(), "its keys work", "Key-based authentication: "),
            new Switch(target.tfType(), List.of(target.enabled()), false, target.label(), "its keys work",
                    "Key-based authentication: ")).filter(java.util.Objects::nonNull)).toList();

    public LocalAuthEnabledRule() {
        super(SWITCHES, LocalAuthEnabledRule::remediation);
    }

    /** The remediation of the target {@code r} is of. */
    private static Remediation remediation(IacTemplate t, IacTemplate.Resource r) {
        for (Target target : TARGETS) {
            if (!target.armType().isEmpty() && r.isType(target.armType()) || r.isType(target.tfType())) {
                return remediation(t, target, r);
            }
        }
        return remediation(t, TARGETS.get(0), r);
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        for (Target target : TARGETS) {
            if (!target.armType().isEmpty() && r.isType(target.armType())) {
                checkArm(doc, sink, t, r, target);
            } else if (r.isType(target.tfType())) {
                checkTerraform(doc, sink, t, r, target);
            }
        }
    }

    private void checkArm(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r, Target target) {
        if (target.service() == IacService.COSMOS && !supportsEntraData(r, false)) {
            return;
        }
        IacFindings.keySwitch(doc, t, r, new String[] {"properties", "disableLocalAuth"}, true,
                "Key-based authentication: ", IacFindings.label(t, r, target.label()), "its keys work",
                remediation(t, target, r), (offset, text, message, remediation) -> report(doc, sink, offset, text,
                        message, remediation));
    }

    private void checkTerraform(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r, Target target) {
        if (target.service() == IacService.COSMOS && !supportsEntraData(r, true)) {
            return;
        }
        String what = IacFindings.label(t, r, target.label());
        IacProperty disabled = target.disabled() == null ? null : r.body().property(target.disabled());
        IacProperty enabled = r.body().property(target.enabled());
        if (disabled != null) {
            if (Boolean.FALSE.equals(t.resolveBool(disabled.value()))) {
                IacFindings.Origin o = IacFindings.origin(doc, t, disabled);
                if (o.parameter() != null && IacFindings.overriddenByEveryCaller(doc, o.parameter())) {
                    return;
                }
                report(doc, sink, o.offset(), o.text(), IacFindings.switchMessage(o, what, target.disabled(), "false",
                        "its keys work"), SwitchFixes.of(doc, t, r, o.value(), true, remediation(t, target, r),
                        "Set " + (o.parameter() == null ? target.disabled() : o.parameter()) + " to true."));
            }
        } else if (enabled != null) {
            if (Boolean.TRUE.equals(t.resolveBool(enabled.value()))) {
                IacFindings.Origin o = IacFindings.origin(doc, t, enabled);
                if (o.parameter() != null && IacFindings.overriddenByEveryCaller(doc, o.parameter())) {
                    return;
                }
                report(doc, sink, o.offset(), o.text(), IacFindings.switchMessage(o, what, target.enabled(), "true",
                        "its keys work"), SwitchFixes.of(doc, t, r, o.value(), false, remediation(t, target, r),
                        "Set " + (o.parameter() == null ? target.enabled() : o.parameter()) + " to false."));
            }
        } else if (!r.body().unknownAt(target.enabled())) {
            report(doc, sink, r.offset(), IacFindings.slice(doc, r), "Key-based authentication: " + what
                    + " does not set " + terraformFix(t, target) + ", so its keys work.", remediation(t, target, r));
        }
    }

    /** Cosmos DB data-plane RBAC covers the NoSQL API (and Table), not MongoDB (RU), Cassandra or Gremlin. */
    private static boolean supportsEntraData(IacTemplate.Resource r, boolean terraform) {
        IacValue kind = r.body().get("kind");
        if (kind != null && kind.isString() && kind.text().equalsIgnoreCase("MongoDB")) {
            return false;
        }
        String body = String.valueOf(terraform ? r.body().all("capabilities").stream().map(c -> c.value().get("name"))
                .map(v -> v == null ? "" : v.text()).toList()
                : r.body().at("properties", "capabilities") == null ? ""
                        : r.body().at("properties", "capabilities").strings().stream().map(IacValue::text).toList());
        String lower = body.toLowerCase(Locale.ROOT);
        return !lower.contains("enablecassandra") && !lower.contains("enablegremlin")
                && !lower.contains("enablemongo");
    }

    /** The attribute to write, by the provider version the file asks for (both names when it does not say). */
    private static String terraformFix(IacTemplate t, Target target) {
        if (target.disabled() == null) {
            return target.enabled() + " = false";
        }
        int major = t.providerMajorVersion();
        if (major >= 5) {
            return target.enabled() + " = false";
        }
        if (major > 0) {
            return target.disabled() + " = true";
        }
        return target.disabled() + " = true (azurerm v4; v5: " + target.enabled() + " = false)";
    }

    private static Remediation remediation(IacTemplate t, Target target, IacTemplate.Resource r) {
        IacTemplate.Resource host = IacRemedies.onlyHost(t);
        IacService service = target.service();
        Role role = service.assignedRole();
        if (service == IacService.AI_SERVICES && r != null) {
            IacValue kind = r.body().get("kind");
            if (kind != null && kind.isString() && !kind.text().equalsIgnoreCase("OpenAI")) {
                role = service.roles().get(1);
            }
        }
        String fix = IacRemedies.terraform(t) ? "# in " + target.tfType() + "\n" + terraformFix(t, target)
                : "properties: {\n  " + IacRemedies.property(t, target.service() == IacService.APP_INSIGHTS
                        ? "DisableLocalAuth" : "disableLocalAuth", "true", "", "") + "\n}";
        if (IacRemedies.language(t).equals("json")) {
            fix = "\"properties\": {\n  \"" + (service == IacService.APP_INSIGHTS ? "DisableLocalAuth" : "disableLocalAuth")
                    + "\": true\n}";
        }
        String assignment = role == null ? "// " + service.displayName() + ": assign the Web PubSub Service Owner role"
                + " (look up its id) to the app's identity on the service"
                : IacRemedies.roleAssignment(t, service, role, r, host);
        if (role == null && IacRemedies.terraform(t)) {
            assignment = assignment.replace("//", "#");
        }
        String scope = IacRemedies.scope(t, service, r);
        List<String> commands = IacRemedies.roleCommands(host == null ? null : Hosts.kindOf(host), role, scope);
        commands.add("az resource update --ids " + scope
                + " --set properties." + (service == IacService.APP_INSIGHTS ? "DisableLocalAuth" : "disableLocalAuth")
                + "=true");
        String summary = "Disable local (key) authentication on the " + target.label() + ", give each client's"
                + " managed identity " + (role == null ? "the service's data role" : role.name()) + " and connect with"
                + " the identity; keys then stop working wherever they were copied.";
        return IacRemedies.remediation(service, r, summary, t, fix + "\n\n" + assignment,
                role == null ? List.of() : List.of(role), scope, commands);
    }
}
