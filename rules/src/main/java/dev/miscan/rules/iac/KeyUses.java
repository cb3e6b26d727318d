package dev.miscan.rules.iac;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.parse.iac.IacModules;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return of(doc, doc.path(), IacFindings.template(doc), doc.lines(), t, r);
    }

    /**
     * The uses of the keys of {@code r}, a resource of template {@code t} of the file at {@code path} (whose root
     * template is {@code root}), asked while scanning {@code doc}.
     */
    static List<Use> of(Document doc, String path, IacTemplate root, LineIndex lines, IacTemplate t,
            IacTemplate.Resource r) {
        IacModules modules = doc.view(IacModules.VIEW);
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
        if (IacService.of(r.type()) == IacService.APP_INSIGHTS) {
            for (Scope scope : scopes) {
                for (IacTemplate ut : scope.root().allTemplates()) {
                    telemetry(scope, ut, t, r, out);
                }
            }
            return out;
        }
        Map<IacTemplate, List<Sources>> cache = doc.view(SOURCES);
        Question q = Question.of(t, r);
        for (Scope scope : scopes) {
            for (Sources sources : cache.computeIfAbsent(scope.root(), KeyUses::sources)) {
                collect(scope, sources, q, out);
            }
        }
        return out;
    }

    /**
     * The key sources of the templates of each file, found once for the document being scanned: what a value reads
     * does not depend on the resource asked about, and a file of many resources (or of many nested deployments)
     * would otherwise be searched again for each of them. Keyed by the identity of a file's root template; a
     * document is scanned by one thread, so the map is its own.
     */
    private static final Document.View<Map<IacTemplate, List<Sources>>> SOURCES = d -> new IdentityHashMap<>();

    /** The templates of a file (root and nested, depth first) that have key sources, with them. */
    private static List<Sources> sources(IacTemplate root) {
        List<Sources> out = new ArrayList<>();
        for (IacTemplate ut : root.allTemplates()) {
            Sources s = Sources.of(ut);
            if (!s.found().isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A value of a template that reads a key: a host setting, a leaf of another resource's body or of a module
     * call's arguments, or an output. What a question about a resource needs of it is worked out once: whether its
     * target was guessed, the name of its target, and the use it makes in a file.
     */
    private static final class Found {
        /** Where the value starts (a value is counted once per template). */
        final int start;
        /** Where the use is reported. */
        final int offset;
        final KeySources.KeySource key;
        /** The host setting, or null. */
        final Hosts.Setting setting;
        /** The resource whose body it is in, or null. */
        final IacTemplate.Resource resource;
        /** The module call whose arguments it is in, or null. */
        final IacTemplate.Module module;
        /** The output, or null. */
        final IacTemplate.Output output;
        /** The property or argument name of a leaf, or null. */
        final String name;
        /** An ARM {@code listKeys()} whose target the template did not tell apart. */
        boolean guessed;
        /** The name of the key's target as its template resolves it, or null. */
        String targetName;
        /** The use last made of it, for a file at {@link #usePath}, and whether that was the scanned file. */
        Use use;
        String usePath;
        boolean useSameFile;

        Found(int start, int offset, KeySources.KeySource key, Hosts.Setting setting, IacTemplate.Resource resource,
                IacTemplate.Module module, IacTemplate.Output output, String name) {
            this.start = start;
            this.offset = offset;
            this.key = key;
            this.setting = setting;
            this.resource = resource;
            this.module = module;
            this.output = output;
            this.name = name;
        }

        /** How a message names the use. */
        String what(IacTemplate ut) {
            if (setting != null) {
                return (setting.slot() == Hosts.Slot.STORAGE_KEY ? "storage_account_access_key"
                        : "setting '" + setting.name() + "'")
                        + (setting.host() == null ? "" : " of " + hostLabel(ut, setting.host()));
            }
            if (resource != null) {
                return "resource '" + (resource.symbol().isEmpty() ? IacFindings.label(ut, resource, resource.type())
                        : resource.symbol()) + "', property '" + name + "'";
            }
            if (module != null) {
                return "module '" + module.symbol() + "', argument '" + name + "'";
            }
            return "output '" + output.name() + "'";
        }

        /** The use in the file of {@code scope}: the same for every resource whose keys it reads. */
        Use use(Scope scope, IacTemplate ut) {
            if (use == null || !usePath.equals(scope.path()) || useSameFile != scope.sameFile()) {
                use = KeyUses.use(scope, offset, what(ut), key, setting, ut);
                usePath = scope.path();
                useSameFile = scope.sameFile();
            }
            return use;
        }
    }

    /** A question: the uses of the keys of {@code r}, a resource of {@code t}, with what every source is tested on. */
    private record Question(IacTemplate t, IacTemplate.Resource r, IacService service, boolean terraform,
            String address, String name) {

        static Question of(IacTemplate t, IacTemplate.Resource r) {
            boolean terraform = t.format().language().equals("terraform");
            return new Question(t, r, IacService.of(r.type()), terraform, r.type() + "." + r.symbol(),
                    terraform ? null : t.resolveString(r.name()));
        }
    }

    /**
     * The key sources of one template in the order a question about a resource visits them (host settings, other
     * resources' bodies, module arguments, outputs), indexed by what a resource's question needs to look at: the
     * resource a source targets, its service, the Terraform addresses its expression starts with, and the resource
     * name it targets (for another template of the deployment), and, by service, those whose target the template does
     * not tell (no target, or a guessed one: they may read any resource of their service). Each index gives a
     * superset of the sources that read a resource's keys, in the order of {@code found}; {@link #reads} decides.
     */
    private record Sources(IacTemplate template, List<Found> found, Map<IacTemplate.Resource, List<Integer>> byTarget,
            Map<IacService, List<Integer>> byService, Map<String, List<Integer>> byAddress,
            Map<IacService, Map<String, List<Integer>>> byName, Map<IacService, List<Integer>> unnamed,
            Map<IacService, List<Integer>> loose) {

        static Sources of(IacTemplate ut) {
            List<Found> found = new ArrayList<>();
            for (Hosts.Setting s : Hosts.settings(ut)) {
                KeySources.KeySource k = KeySources.find(ut, s.value());
                if (k != null) {
                    found.add(new Found(s.value().start(), s.property().nameOffset(), k, s, null, null, null, null));
                }
            }
            for (IacTemplate.Resource other : ut.resources()) {
                if (other.body() != null) {
                    walk(ut, other, null, other.body(), "", found, 0);
                }
            }
            for (IacTemplate.Module m : ut.modules()) {
                if (m.body() != null) {
                    walk(ut, null, m, m.body(), "", found, 0);
                }
            }
            for (IacTemplate.Output o : ut.outputs()) {
                KeySources.KeySource k = KeySources.find(ut, o.value());
                if (k != null) {
                    found.add(new Found(o.value().start(), o.offset(), k, null, null, null, o, null));
                }
            }
            Map<IacTemplate.Resource, List<Integer>> byTarget = new HashMap<>();
            Map<IacService, List<Integer>> byService = new EnumMap<>(IacService.class);
            Map<String, List<Integer>> byAddress = new HashMap<>();
            Map<IacService, Map<String, List<Integer>>> byName = new EnumMap<>(IacService.class);
            Map<IacService, List<Integer>> unnamed = new EnumMap<>(IacService.class);
            Map<IacService, List<Integer>> loose = new EnumMap<>(IacService.class);
            for (int i = 0; i < found.size(); i++) {
                Found f = found.get(i);
                KeySources.KeySource k = f.key;
                f.guessed = GUESSED.matcher(k.expression()).matches();
                f.targetName = k.target() == null ? null : ut.resolveString(k.target().name());
                if (k.target() != null) {
                    byTarget.computeIfAbsent(k.target(), x -> new ArrayList<>()).add(i);
                }
                if (k.service() != null) {
                    byService.computeIfAbsent(k.service(), x -> new ArrayList<>()).add(i);
                    if (k.target() == null || f.guessed) {
                        loose.computeIfAbsent(k.service(), x -> new ArrayList<>()).add(i);
                    }
                    String name = nameKey(f.targetName);
                    if (name == null) {
                        unnamed.computeIfAbsent(k.service(), x -> new ArrayList<>()).add(i);
                    } else {
                        byName.computeIfAbsent(k.service(), x -> new HashMap<>())
                                .computeIfAbsent(name, x -> new ArrayList<>()).add(i);
                    }
                }
                String e = k.expression();
                Set<String> prefixes = new HashSet<>();
                for (int j = 0; j < e.length(); j++) {
                    if ((e.charAt(j) == '.' || e.charAt(j) == '[') && prefixes.add(e.substring(0, j))) {
                        byAddress.computeIfAbsent(e.substring(0, j), x -> new ArrayList<>()).add(i);
                    }
                }
            }
            return new Sources(ut, found, byTarget, byService, byAddress, byName, unnamed, loose);
        }

        /**
         * The sources that may read the keys of the question's resource: a superset of those
         * {@link #reads} accepts, by the same cases, in order.
         */
        int[] candidates(Question q) {
            IacService service = q.service();
            List<List<Integer>> parts = new ArrayList<>();
            if (q.terraform()) {
                parts.add(byAddress.get(q.address()));
                parts.add(byTarget.get(q.r()));
                parts.add(service == null ? null : loose.get(service));
            } else if (template == q.t()) {
                parts.add(byTarget.get(q.r()));
                parts.add(service == null ? null : loose.get(service));
            } else if (service != null) {
                String name = nameKey(q.name());
                if (name == null) {
                    parts.add(byService.get(service));
                } else {
                    parts.add(unnamed.get(service));
                    Map<String, List<Integer>> named = byName.get(service);
                    parts.add(named == null ? null : named.get(name));
                }
            }
            int size = 0;
            for (List<Integer> p : parts) {
                size += p == null ? 0 : p.size();
            }
            int[] out = new int[size];
            int n = 0;
            for (List<Integer> p : parts) {
                if (p != null) {
                    for (int i : p) {
                        out[n++] = i;
                    }
                }
            }
            return java.util.Arrays.stream(out).sorted().distinct().toArray();
        }
    }

    /**
     * A resource name's key in {@link Sources#byName}: its lower case when it is ASCII (where
     * {@link String#equalsIgnoreCase} is the same test), or null for a name that is compared with every source.
     */
    private static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return null;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static void collect(Scope scope, Sources sources, Question q, List<Use> out) {
        Set<Integer> seen = new HashSet<>();
        IacTemplate ut = sources.template();
        for (int i : sources.candidates(q)) {
            Found f = sources.found().get(i);
            // the resource's own body is not a use of its keys
            if (f.resource != null && f.resource.equals(q.r())) {
                continue;
            }
            if (reads(scope, ut, f, q) && seen.add(f.start)) {
                out.add(f.use(scope, ut));
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

    private static void walk(IacTemplate ut, IacTemplate.Resource resource, IacTemplate.Module module, IacValue v,
            String name, List<Found> found, int depth) {
        if (v == null || depth > 32) {
            return;
        }
        if (v.isObject()) {
            for (IacProperty p : v.properties()) {
                walk(ut, resource, module, p.value(), p.name(), found, depth + 1);
            }
        } else if (v.isArray()) {
            for (IacValue item : v.items()) {
                walk(ut, resource, module, item, name, found, depth + 1);
            }
        } else if (v.isExpression()) {
            KeySources.KeySource k = KeySources.find(ut, v);
            if (k != null) {
                found.add(new Found(v.start(), v.start(), k, null, resource, module, null, name));
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

    /** Whether a key source of template {@code ut} reads the keys of the question's resource. */
    private static boolean reads(Scope scope, IacTemplate ut, Found f, Question q) {
        KeySources.KeySource k = f.key;
        IacTemplate.Resource r = q.r();
        boolean sameService = q.service() != null && q.service() == k.service();
        if (q.terraform()) {
            // one address space for the folder: azurerm_storage_account.data.primary_access_key in any of its files
            String address = q.address();
            return k.expression().startsWith(address + ".") || k.expression().startsWith(address + "[")
                    || k.target() != null && k.target().equals(r)
                    || k.target() == null && sameService && !k.expression().startsWith("azurerm_");
        }
        if (ut == q.t()) {
            if (k.target() == null || f.guessed) {
                return sameService; // cannot tell which resource: assume it may be this one
            }
            return k.target().equals(r);
        }
        if (!sameService) {
            return false;
        }
        String name = q.name();
        String other = f.targetName;
        if (name != null && other != null) {
            return name.equalsIgnoreCase(other);
        }
        // a module that is handed the resource (its name or id) may read its keys
        return scope.via() != null && scope.via().body() != null && !r.symbol().isEmpty()
                && scope.via().body().references().stream().anyMatch(x -> x.equals(r.symbol())
                        || x.startsWith(r.symbol() + "."));
    }
}
