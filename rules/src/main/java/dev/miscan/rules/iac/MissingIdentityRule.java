package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@DetectorInfo(
        rules = "MI-IAC-MISSING-IDENTITY",
        keywords = {"microsoft.web/sites", "microsoft.app/", "microsoft.containerinstance/", "microsoft.compute/virtualmachine", "microsoft.containerservice/managedclusters", "_web_app", "function_app", "azurerm_app_service", "azurerm_logic_app_standard", "azurerm_container_app", "azurerm_container_group", "virtual_machine", "azurerm_kubernetes_cluster"},
        kind = "iac")
public final class MissingIdentityRule extends Detector {
    private static final Pattern DATA_PLANE_HOST = Pattern.compile("(?i)(?<![a-z0-9-])[a-z0-9-]{1,63}\\.(?:"
            + "(blob|queue|table|file|dfs)\\.core\\.windows\\.net|(servicebus)\\.windows\\.net"
            + "|(documents)\\.azure\\.com|(vault)\\.azure\\.net|(database)\\.windows\\.net|(azconfig)\\.io"
            + "|(redis)\\.cache\\.windows\\.net|(search)\\.windows\\.net|(openai)\\.azure\\.com"
            + "|(cognitiveservices)\\.azure\\.com|[a-z0-9]{1,24}-1\\.(eventgrid)\\.azure\\.net|service\\.(signalr)\\.net"
            + "|(webpubsub)\\.azure\\.com|(postgres|mysql)\\.database\\.azure\\.com)");

    /** What shows that a host calls a data plane. */
    private record Evidence(String description, IacService service, IacTemplate.Resource target) {
    }

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null, Hosts.Kind.WEB_APP,
                new Evidence("a storage host name", IacService.STORAGE, null));
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        for (IacTemplate t : IacFindings.template(doc).allTemplates()) {
            List<Hosts.Setting> settings = null;
            for (IacTemplate.Resource host : Hosts.hosts(t)) {
                if (Hosts.hasIdentity(host)) {
                    continue;
                }
                if (settings == null) {
                    settings = Hosts.settings(t);
                }
                Hosts.Kind kind = Hosts.kindOf(host);
                Evidence e = evidence(t, host, kind, settings);
                if (e == null) {
                    continue;
                }
                Remediation remediation = remediation(t, host, kind, e);
                dev.miscan.core.api.Fix fix = identityFix(doc, t, host);
                report(doc, sink, host.offset(), IacFindings.slice(doc, host), capitalize(IacFindings.label(t, host,
                        kind.label())) + " has no managed identity but uses " + e.description()
                        + ", so it authenticates with keys or secrets.", fix == null ? remediation : remediation.withFix(fix));
            }
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Evidence evidence(IacTemplate t, IacTemplate.Resource host, Hosts.Kind kind,
            List<Hosts.Setting> settings) {
        if (kind == Hosts.Kind.AKS) {
            IacValue sp = host.body().at("properties", "servicePrincipalProfile");
            IacValue clientId = sp == null ? null : sp.get("clientId");
            boolean armSp = clientId != null && !(clientId.isString() && clientId.text().equalsIgnoreCase("msi"));
            return armSp || host.body().get("service_principal") != null
                    ? new Evidence("a service principal with a client secret", null, null) : null;
        }
        for (Hosts.Setting s : settings) {
            if (s.host() != host) {
                continue;
            }
            Evidence e = fromValue(t, s.value());
            if (e != null) {
                return e;
            }
            if (CredentialNames.isCredentialName(s.name()) && !(s.value().isString() && s.value().text().isBlank())) {
                return new Evidence("the credential setting '" + s.name() + "'", IacService.ofSettingName(s.name()),
                        null);
            }
        }
        if (kind == Hosts.Kind.FUNCTION_APP) {
            boolean written = settings.stream().anyMatch(s -> s.host() == host
                    && (s.name().toLowerCase(java.util.Locale.ROOT).startsWith("azurewebjobsstorage")
                    || s.slot() == Hosts.Slot.STORAGE_KEY));
            return new Evidence(written ? "its storage account (AzureWebJobsStorage)"
                    : "the storage account every function app needs (AzureWebJobsStorage, set outside this template:"
                            + " without an identity it takes an account key)", IacService.STORAGE, null);
        }
        if (kind == Hosts.Kind.VM) {
            return fromValue(t, host.body());
        }
        return null;
    }

    /** A key, a data-plane host name, or a data-plane resource of the same file in a value. */
    private static Evidence fromValue(IacTemplate t, IacValue v) {
        KeySources.KeySource k = KeySources.find(t, v);
        if (k != null) {
            return new Evidence("the " + k.serviceName() + " key from " + k.expression(), k.service(), k.target());
        }
        List<String> texts = new ArrayList<>();
        leaves(v, texts, 0);
        for (String text : texts) {
            Matcher m = DATA_PLANE_HOST.matcher(text == null ? "" : text);
            if (m.find()) {
                return new Evidence(m.group() .toLowerCase(Locale.ROOT), serviceOfHost(m), null);
            }
        }
        for (String ref : v.references()) {
            IacTemplate.Resource r = resourceOf(t, ref);
            IacService s = r == null ? ref.startsWith("type:") ? IacService.of(ref.substring(5)) : null
                    : IacService.of(r.type());
            if (s != null && s != IacService.APP_INSIGHTS && s != IacService.CONTAINER_REGISTRY) {
                return new Evidence(s.displayName() + (r == null ? "" : " " + IacFindings.label(t, r, "resource")
                        .replace("resource ", "")), s, r);
            }
        }
        return null;
    }

    /** The text of every string and expression in a value. */
    private static void leaves(IacValue v, List<String> out, int depth) {
        if (v == null || depth > 32) {
            return;
        }
        if (v.isString() || v.isExpression()) {
            out.add(v.text());
            return;
        }
        v.properties().forEach(p -> leaves(p.value(), out, depth + 1));
        v.items().forEach(i -> leaves(i, out, depth + 1));
    }

    private static IacTemplate.Resource resourceOf(IacTemplate t, String ref) {
        if (ref.startsWith("type:") || ref.startsWith("param:") || ref.startsWith("var:")) {
            return null;
        }
        if (IacRemedies.terraform(t)) {
            String[] parts = ref.replaceFirst("^data\\.", "").split("\\.");
            return parts.length >= 2 ? t.resource(parts[0] + "." + parts[1].replaceAll("\\[.*", "")) : null;
        }
        return t.resource(ref);
    }

    private static IacService serviceOfHost(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String s = m.group(g);
            if (s == null) {
                continue;
            }
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "blob", "queue", "table", "file", "dfs" -> IacService.STORAGE;
                case "servicebus" -> IacService.SERVICE_BUS;
                case "documents" -> IacService.COSMOS;
                case "vault" -> IacService.KEY_VAULT;
                case "database" -> IacService.SQL;
                case "azconfig" -> IacService.APP_CONFIGURATION;
                case "redis" -> IacService.REDIS;
                case "search" -> IacService.SEARCH;
                case "openai", "cognitiveservices" -> IacService.AI_SERVICES;
                case "eventgrid" -> IacService.EVENT_GRID;
                case "signalr" -> IacService.SIGNALR;
                case "webpubsub" -> IacService.WEB_PUBSUB;
                default -> null;
            };
        }
        return null;
    }

    /**
     * The system-assigned identity block, as the first property of the resource's body, at the indentation of the
     * line after its opening brace; only for a body written over several lines. The role assignment and the
     * identity-based settings stay in the remediation: they name a principal and resource a person confirms.
     */
    static dev.miscan.core.api.Fix identityFix(Document doc, IacTemplate t, IacTemplate.Resource host) {
        var body = host.body();
        String text = doc.text();
        if (body == null || body.start() < 0 || body.start() >= text.length() || text.charAt(body.start()) != '{') {
            return null;
        }
        var lines = doc.lines();
        int braceLine = lines.lineOf(body.start());
        if (braceLine + 1 >= lines.lineCount() || lines.lineOf(Math.max(body.start(), body.end() - 1)) == braceLine
                || !text.substring(body.start() + 1, lines.lineEnd(braceLine)).isBlank()) {
            return null;
        }
        String next = lines.line(braceLine + 1);
        String indent = next.substring(0, next.length() - next.stripLeading().length());
        if (next.isBlank() || indent.isEmpty()) {
            return null;
        }
        String block = IacRemedies.identityBlock(t);
        StringBuilder insert = new StringBuilder();
        String[] blockLines = block.split("\n");
        for (int i = 0; i < blockLines.length; i++) {
            insert.append(indent).append(blockLines[i]);
            if (i == blockLines.length - 1 && t.format() == IacTemplate.Format.ARM) {
                insert.append(','); // other properties follow
            }
            insert.append('\n');
        }
        int at = lines.lineStart(braceLine + 1);
        return new dev.miscan.core.api.Fix("Give the resource a system-assigned managed identity",
                List.of(doc.edit(at, at, insert.toString())));
    }

    private static Remediation remediation(IacTemplate t, IacTemplate.Resource host, Hosts.Kind kind, Evidence e) {
        IacService service = e.service();
        Role role = service == null ? null
                : kind == Hosts.Kind.FUNCTION_APP && service == IacService.STORAGE
                        ? dev.miscan.rules.support.AzureRoles.STORAGE_BLOB_DATA_OWNER : service.assignedRole();
        String replacement = IacRemedies.identityBlock(t)
                + (role == null ? "" : "\n\n" + IacRemedies.roleAssignment(t, service, role, e.target(), host));
        String scope = IacRemedies.scope(t, service, e.target());
        return IacRemedies.remediation(service, e.target(),
                "Give the " + kind.label() + " a managed identity (system- or user-assigned), grant it "
                        + (role == null ? "the data roles it needs" : role.name()) + " and replace keys and secrets in"
                        + " its configuration with identity-based settings.",
                t, replacement, role == null ? List.of() : List.of(role), scope,
                IacRemedies.roleCommands(kind, role, scope));
    }
}
