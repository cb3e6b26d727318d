package dev.miscan.rules.iac;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.parse.iac.IacModules;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the same deployment still uses a resource's keys: turning its key access off (a local-auth or shared-key
 * switch) breaks every such use at the next deployment. A use is any value that reads a key of the resource — an
 * ARM/Bicep {@code list*()} function on it, a {@code primary*Key}-style member, an azurerm key attribute
 * ({@code primary_access_key}, {@code *_connection_string}) — found by {@link KeySources}, wherever the value is: an
 * app setting, another resource (a Key Vault secret seeded with the key), a module argument, an output.
 *
 * <p>"The same deployment" is the template's file (every template of it, nested ARM deployments included), the
 * Bicep modules it calls that are in the scan (a use there counts when it reads a resource of the same name, or
 * when the call passes the resource to the module), and, for Terraform, every {@code .tf} file of the folder.
 */
final class KeyUses {
    private KeyUses() {
    }

    /**
     * A use of the keys.
     *
     * @param path       the file it is in
     * @param offset     where, in that file
     * @param line       its 1-based line
     * @param what       how a message names it ("app setting 'AzureWebJobsStorage' of function app 'orders-fn'")
     * @param expression the key source ({@code stg.listKeys()})
     * @param setting    the host setting it fills, or null
     * @param template   the template it is in
     */
    record Use(String path, int offset, int line, String what, String expression, Hosts.Setting setting,
            IacTemplate template) {

        String at() {
            return path.substring(path.lastIndexOf('/') + 1) + ":" + line;
        }
    }

    /** A file to look in: its path, its templates, and how to turn an offset into a line. */
    private record Scope(String path, IacTemplate root, LineIndex lines, boolean sameFile, IacTemplate.Module via) {
    }

    /** The uses of the keys of {@code r} (a resource of {@code t}, a template of {@code doc}) in its deployment. */
    static List<Use> of(Document doc, IacTemplate t, IacTemplate.Resource r) {
        return of(doc.view(IacModules.VIEW), doc.path(), IacFindings.template(doc), doc.lines(), t, r);
    }

    /**
     * The uses of the keys of {@code r}, a resource of template {@code t} of the file at {@code path} (whose root
     * template is {@code root}).
     */
    static List<Use> of(IacModules modules, String path, IacTemplate root, LineIndex lines, IacTemplate t,
            IacTemplate.Resource r) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(path, root, lines, true, null));
        boolean terraform = t.format().language().equals("terraform");
        if (terraform && path.endsWith(".tf")) {
            for (IacModules.Source s : modules.sources(path, "./")) {
                if (!s.path().equals(path)) {
                    scopes.add(new Scope(s.path(), s.template(), s.lines(), false, null));
                }
            }
        } else if (!terraform) {
            for (IacTemplate.Module m : t.modules()) {
                for (IacModules.Source s : modules.sources(path, m.source())) {
                    scopes.add(new Scope(s.path(), s.template(), s.lines(), false, m));
                }
            }
        }
        List<Use> out = new ArrayList<>();
        for (Scope scope : scopes) {
            for (IacTemplate ut : scope.root().allTemplates()) {
                collect(scope, ut, t, r, out);
            }
        }
        return out;
    }

    private static void collect(Scope scope, IacTemplate ut, IacTemplate t, IacTemplate.Resource r, List<Use> out) {
        Set<Integer> seen = new HashSet<>();
        if (IacService.of(r.type()) == IacService.APP_INSIGHTS) {
            telemetry(scope, ut, t, r, out);
            return;
        }
        for (Hosts.Setting s : Hosts.settings(ut)) {
            KeySources.KeySource k = KeySources.find(ut, s.value());
            if (k != null && reads(scope, ut, k, t, r) && seen.add(s.value().start())) {
                String what = (s.slot() == Hosts.Slot.STORAGE_KEY ? "storage_account_access_key"
                        : "setting '" + s.name() + "'") + (s.host() == null ? "" : " of " + hostLabel(ut, s.host()));
                out.add(use(scope, s.property().nameOffset(), what, k, s, ut));
            }
        }
        for (IacTemplate.Resource other : ut.resources()) {
            if (other.body() != null && !other.equals(r)) {
                walk(scope, ut, t, r, other.body(), "resource '" + (other.symbol().isEmpty()
                        ? IacFindings.label(ut, other, other.type()) : other.symbol()) + "', property ", "", seen, out, 0);
            }
        }
        for (IacTemplate.Module m : ut.modules()) {
            if (m.body() != null) {
                walk(scope, ut, t, r, m.body(), "module '" + m.symbol() + "', argument ", "", seen, out, 0);
            }
        }
        for (IacTemplate.Output o : ut.outputs()) {
            KeySources.KeySource k = KeySources.find(ut, o.value());
            if (k != null && reads(scope, ut, k, t, r) && seen.add(o.value().start())) {
                out.add(use(scope, o.offset(), "output '" + o.name() + "'", k, null, ut));
            }
        }
    }

    /** The setting that makes the Application Insights agent or SDK send telemetry with an Entra token. */
    private static final String TELEMETRY_AUTH = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /**
     * Application Insights has no key function: its instrumentation key travels in the connection string. An app
     * configured with the component's connection string (or key) and no {@code APPLICATIONINSIGHTS_AUTHENTICATION_STRING}
     * sends telemetry with the key alone, which the component rejects once local authentication is off.
     */
    private static void telemetry(Scope scope, IacTemplate ut, IacTemplate t, IacTemplate.Resource r, List<Use> out) {
        java.util.regex.Pattern read = telemetryReference(t, r);
        if (read == null) {
            return;
        }
        List<Hosts.Setting> settings = Hosts.settings(ut);
        for (Hosts.Setting s : settings) {
            String text = s.value().text();
            java.util.regex.Matcher m = text == null || !(s.value().isExpression() || s.value().isString()) ? null
                    : read.matcher(text);
            if (m == null || !m.find() || s.host() == null) {
                continue;
            }
            boolean authenticated = settings.stream().anyMatch(o -> o.host() == s.host()
                    && o.name().equalsIgnoreCase(TELEMETRY_AUTH));
            if (!authenticated) {
                out.add(new Use(scope.path(), s.property().nameOffset(), scope.lines().lineOf(Math.max(0,
                        s.property().nameOffset())) + 1, "setting '" + s.name() + "' of " + hostLabel(ut, s.host())
                        + " (no " + TELEMETRY_AUTH + ")", m.group(), null, ut));
            }
        }
    }

    /** What reads the component's connection string or instrumentation key, in the template's language; or null. */
    private static java.util.regex.Pattern telemetryReference(IacTemplate t, IacTemplate.Resource r) {
        String members = "(?:ConnectionString|InstrumentationKey)";
        return switch (t.format().language()) {
            case "terraform" -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(r.type() + "." + r.symbol())
                    + "\\.(?:connection_string|instrumentation_key)\\b");
            case "bicep" -> r.symbol().isEmpty() ? null : java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])"
                    + java.util.regex.Pattern.quote(r.symbol()) + "\\.properties\\." + members + "\\b");
            default -> java.util.regex.Pattern.compile("(?i)" + java.util.regex.Pattern.quote(IacRemedies.armName(r))
                    + "[^\\]]{0,200}?\\)\\s{0,8}\\.\\s{0,8}(?:properties\\.)?" + members + "\\b");
        };
    }

    /** How a use names the app it configures: {@code function app 'orders-fn'}. */
    static String hostLabel(IacTemplate t, IacTemplate.Resource host) {
        Hosts.Kind kind = Hosts.kindOf(host);
        return IacFindings.label(t, host, kind == null ? "app" : kind.label());
    }

    private static void walk(Scope scope, IacTemplate ut, IacTemplate t, IacTemplate.Resource r, IacValue v,
            String prefix, String name, Set<Integer> seen, List<Use> out, int depth) {
        if (v == null || depth > 32) {
            return;
        }
        if (v.isObject()) {
            for (IacProperty p : v.properties()) {
                walk(scope, ut, t, r, p.value(), prefix, p.name(), seen, out, depth + 1);
            }
        } else if (v.isArray()) {
            for (IacValue item : v.items()) {
                walk(scope, ut, t, r, item, prefix, name, seen, out, depth + 1);
            }
        } else if (v.isExpression()) {
            KeySources.KeySource k = KeySources.find(ut, v);
            if (k != null && reads(scope, ut, k, t, r) && seen.add(v.start())) {
                out.add(use(scope, v.start(), prefix + "'" + name + "'", k, null, ut));
            }
        }
    }

    private static Use use(Scope scope, int offset, String what, KeySources.KeySource k, Hosts.Setting setting,
            IacTemplate ut) {
        return new Use(scope.path(), offset, scope.lines().lineOf(Math.max(0, offset)) + 1, what, k.expression(),
                scope.sameFile() ? setting : null, ut);
    }

    /** An ARM {@code listKeys(…)} whose resource was not told apart: its target is the file's first of the service. */
    private static final java.util.regex.Pattern GUESSED = java.util.regex.Pattern.compile("(?i)list[a-z]{1,40}+\\(\\)");

    /** Whether a key source of template {@code ut} reads the keys of {@code r}, a resource of {@code t}. */
    private static boolean reads(Scope scope, IacTemplate ut, KeySources.KeySource k, IacTemplate t,
            IacTemplate.Resource r) {
        IacService service = IacService.of(r.type());
        boolean sameService = service != null && service == k.service();
        if (t.format().language().equals("terraform")) {
            // one address space for the folder: azurerm_storage_account.data.primary_access_key in any of its files
            String address = r.type() + "." + r.symbol();
            return k.expression().startsWith(address + ".") || k.expression().startsWith(address + "[")
                    || k.target() != null && k.target().equals(r)
                    || k.target() == null && sameService && !k.expression().startsWith("azurerm_");
        }
        if (ut == t) {
            if (k.target() == null || GUESSED.matcher(k.expression()).matches()) {
                return sameService; // cannot tell which resource: assume it may be this one
            }
            return k.target().equals(r);
        }
        if (!sameService) {
            return false;
        }
        String name = t.resolveString(r.name());
        String other = k.target() == null ? null : ut.resolveString(k.target().name());
        if (name != null && other != null) {
            return name.equalsIgnoreCase(other);
        }
        // a module that is handed the resource (its name or id) may read its keys
        return scope.via() != null && scope.via().body() != null && !r.symbol().isEmpty()
                && scope.via().body().references().stream().anyMatch(x -> x.equals(r.symbol())
                        || x.startsWith(r.symbol() + "."));
    }
}
