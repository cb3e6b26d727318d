package dev.miscan.core.catalogue;

import dev.miscan.core.api.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Azure facts as data ({@code azure-services.yml}): built-in roles by name and GUID, and per service its host
 * suffixes in each cloud, endpoint template, Maven dependency, roles by access and IaC resource types. Loaded and
 * validated once; every detector, remediation and report that needs a host, a role or a resource type reads it
 * here, so that the copies cannot disagree.
 */
public final class AzureCatalogue {
    /** What the code does with a service, which decides the role. */
    public enum Access { READ, WRITE, MANAGE }

    /** What one operation on a client is: an access it needs, or a step to another client of the same resource. */
    public enum Step {
        READ, WRITE, MANAGE, NAVIGATE;

        /** The access, or null for a navigation. */
        public Access access() {
            return this == NAVIGATE ? null : Access.valueOf(name());
        }
    }

    /**
     * One Azure service.
     *
     * @param key          kebab-case key, e.g. {@code storage-queue}
     * @param name         display name
     * @param hosts        host suffixes (each starting with '.') by cloud: public, china, usgov
     * @param endpoint     endpoint template in the public cloud, with {@code <placeholders>}
     * @param dependency   Maven coordinates of the client library (an azure-sdk-bom artifact), or ""
     * @param roles        roles that replace the key, by access, narrowest first
     * @param armTypes     ARM resource types, e.g. {@code Microsoft.Storage/storageAccounts}, the main one first
     * @param apiVersion   an API version of {@code armType} for generated Bicep
     * @param terraform    azurerm resource types
     * @param words        what a setting's name says when it names the service: lower case, no separators
     * @param javaBuilders the Azure SDK client builders and constructors of the service (simple names)
     * @param localAuth    the resources of the service whose local (key) authentication is on unless switched off
     * @param remedy       what to do instead when the general advice does not fit the service, or ""
     * @param detection    how the service is detected from the catalogue alone, or null when a dedicated detector
     *                     knows it
     * @param keyShapes    the shapes of the service's access keys ({@link dev.miscan.core.secrets.KeyShapes#matches}),
     *                     by which a key under a setting of the application's own naming is recognised beside the
     *                     service's host
     * @param operations   the SDK operations (and builders, builder-chain calls) of the service by the access they
     *                     need, names or {@code prefix*}; the catalogue's defaults apply after them
     * @param placeholder  the placeholder that stands for the name of the service's resource in advice, e.g.
     *                     {@code <account>}
     * @param children     the azurerm types of child resources a role may be scoped to, by ARM child type
     *                     ({@code eventhubs}: {@code azurerm_eventhub})
     */
    public record Service(String key, String name, Map<String, List<String>> hosts, String endpoint,
            String dependency, Map<Access, List<Role>> roles, List<String> armTypes, String apiVersion,
            List<String> terraform, List<String> words, List<String> javaBuilders, List<LocalAuth> localAuth,
            String remedy, Detection detection, List<String> keyShapes, Map<Access, List<String>> operations,
            String placeholder, Map<String, String> children) {

        /** Every role of the service, narrowest first, each once. */
        public List<Role> allRoles() {
            List<Role> all = new ArrayList<>();
            for (Access a : Access.values()) {
                roles.getOrDefault(a, List.of()).stream().filter(r -> !all.contains(r)).forEach(all::add);
            }
            return all;
        }

        /** The main ARM resource type: the one role assignments target. */
        public String armType() {
            return armTypes.get(0);
        }

        /** Every host suffix of the service, in every cloud. */
        public List<String> hostSuffixes() {
            List<String> all = new ArrayList<>();
            hosts.values().forEach(all::addAll);
            return all;
        }

        /** The roles for {@code access}, or the nearest broader access that has roles; empty when none. */
        public List<Role> roles(Access access) {
            for (int i = access.ordinal(); i < Access.values().length; i++) {
                List<Role> r = roles.get(Access.values()[i]);
                if (r != null && !r.isEmpty()) {
                    return r;
                }
            }
            return List.of();
        }

        /**
         * The roles to assign for code that needs {@code needs}: per access the narrowest role of that access (or of
         * the nearest broader one; of the nearest narrower one when the service has no broader), then reduced to the
         * roles no other of them includes, narrowest first. Code whose needs are unknown needs read and write.
         */
        public List<Role> assign(java.util.Set<Access> needs) {
            java.util.Set<Access> n = needs.isEmpty() ? java.util.EnumSet.of(Access.READ, Access.WRITE) : needs;
            List<Role> out = new ArrayList<>();
            for (Access a : n) {
                List<Role> r = roles(a);
                for (int i = a.ordinal() - 1; r.isEmpty() && i >= 0; i--) {
                    r = roles.getOrDefault(Access.values()[i], List.of());
                }
                if (!r.isEmpty()) {
                    out.add(r.get(0));
                }
            }
            return get().reduce(out);
        }

        /**
         * The access an operation needs: the service's own list first, then (for calls on a client only, not for the
         * builder or its chain) the catalogue's defaults; {@code null} when nothing says. A navigation to another
         * client of the same resource is {@link Step#NAVIGATE}.
         */
        public Step step(String operation, boolean onClient) {
            for (Access a : List.of(Access.MANAGE, Access.WRITE, Access.READ)) {
                if (matches(operations.getOrDefault(a, List.of()), operation)) {
                    return Step.valueOf(a.name());
                }
            }
            return onClient ? get().defaultStep(operation) : null;
        }

        /** True when {@code host} (lower case, no port) is a host of this service in any cloud. */
        public boolean isHost(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return hosts.values().stream().flatMap(List::stream).anyMatch(h::endsWith);
        }
    }

    /**
     * What a service detected from the catalogue alone needs: the configuration keys that hold its key (regular
     * expressions on the normalized key) and the settings that replace them; the key credential of its SDK builders
     * is its key. Its rules are the rules file's secret and key-based-auth rules of the service.
     *
     * @param settings     configuration keys, as regular expressions on the normalized key
     * @param passwordless what replaces the setting
     */
    public record Detection(List<String> settings, String passwordless) {
    }

    /**
     * A resource whose local (key) authentication is on unless switched off: in ARM/Bicep
     * {@code properties.disableLocalAuth: true}; in Terraform the azurerm attribute {@code enabled} set to false
     * or, before azurerm v5, {@code disabled} set to true.
     *
     * @param label     what users call the resource, e.g. "Service Bus namespace"
     * @param armType   the ARM type, or "" when only Terraform has a type of its own for it
     * @param terraform the azurerm type
     * @param enabled   the azurerm attribute that must be false
     * @param disabled  the older azurerm attribute that must be true, or null
     */
    public record LocalAuth(String label, String armType, String terraform, String enabled, String disabled) {
    }

    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final List<String> CLOUDS = List.of("public", "china", "usgov");
    private static final AzureCatalogue INSTANCE = load();

    private final Map<String, Role> roles;
    private final Map<String, Service> services;
    /** Per role, the roles whose permissions it includes. */
    private final Map<Role, java.util.Set<Role>> includes;
    /** Per data-plane role, its plane (cosmos, redis); ARM roles are absent. */
    private final Map<Role, String> planes;
    /** The default operations by step, for calls on a client. */
    private final Map<Step, List<String>> defaults;
    private final List<Role> order;
    /**
     * Every host suffix of every service, by its last two labels ({@code windows.net}), in the catalogue's order; a
     * host can only end with the suffixes of its own last two labels. Suffixes of fewer labels are in {@link #shortHosts}.
     */
    private final Map<String, List<HostSuffix>> hostsByTail = new java.util.HashMap<>();
    private final List<HostSuffix> shortHosts = new ArrayList<>();

    /** A host suffix of a service, and the service's place in the catalogue. */
    private record HostSuffix(String suffix, Service service, int rank) {
    }

    private AzureCatalogue(Map<String, Role> roles, Map<String, Service> services, Map<Role, java.util.Set<Role>> includes,
            Map<Role, String> planes, Map<Step, List<String>> defaults) {
        this.roles = Map.copyOf(roles);
        this.services = java.util.Collections.unmodifiableMap(services);
        this.includes = Map.copyOf(includes);
        this.planes = Map.copyOf(planes);
        this.defaults = Map.copyOf(defaults);
        this.order = List.copyOf(roles.values());
        int rank = 0;
        for (Service s : services.values()) {
            for (List<String> cloud : s.hosts().values()) {
                for (String suffix : cloud) {
                    String tail = lastTwoLabels(suffix);
                    (tail == null ? shortHosts : hostsByTail.computeIfAbsent(tail, k -> new ArrayList<>()))
                            .add(new HostSuffix(suffix, s, rank));
                }
            }
            rank++;
        }
    }

    /** What follows the last dot but one ({@code windows.net} of {@code .blob.core.windows.net}); null with fewer dots. */
    private static String lastTwoLabels(String host) {
        int last = host.lastIndexOf('.');
        int before = last <= 0 ? -1 : host.lastIndexOf('.', last - 1);
        return before < 0 ? null : host.substring(before + 1);
    }

    /**
     * {@code roles} without the roles another of them includes (Storage Blob Data Reader beside Contributor), each
     * once, narrowest first (the catalogue's order). Roles unknown to the catalogue keep their place at the end.
     */
    public List<Role> reduce(java.util.Collection<Role> roles) {
        List<Role> out = new ArrayList<>();
        for (Role r : roles) {
            if (!out.contains(r) && roles.stream().noneMatch(o -> !o.equals(r) && includes(o, r))) {
                out.add(r);
            }
        }
        out.sort(java.util.Comparator.comparingInt(r -> order.contains(r) ? order.indexOf(r) : Integer.MAX_VALUE));
        return List.copyOf(out);
    }

    /** True when {@code broader} has every permission of {@code narrower} (a role includes itself). */
    public boolean includes(Role broader, Role narrower) {
        return broader.equals(narrower) || includes.getOrDefault(broader, java.util.Set.of()).contains(narrower);
    }

    /** How a role is assigned: "arm" (Azure RBAC), "cosmos" (Cosmos DB SQL role assignment), "redis" (access policy). */
    public String plane(Role role) {
        return planes.getOrDefault(role, "arm");
    }

    /** The first service that lists {@code role}. */
    public Optional<Service> serviceOfRole(Role role) {
        return services.values().stream().filter(s -> s.allRoles().contains(role)).findFirst();
    }

    Step defaultStep(String operation) {
        for (Step st : List.of(Step.NAVIGATE, Step.WRITE, Step.READ)) {
            if (matches(defaults.getOrDefault(st, List.of()), operation)) {
                return st;
            }
        }
        return null;
    }

    /** A name matches {@code name}, or {@code pre*post} when it starts with pre and ends with post. */
    static boolean matches(List<String> patterns, String operation) {
        for (String p : patterns) {
            int star = p.indexOf('*');
            if (star < 0 ? p.equals(operation) : operation.startsWith(p.substring(0, star))
                    && operation.endsWith(p.substring(star + 1)) && operation.length() >= p.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** The catalogue shipped with mi-scan. */
    public static AzureCatalogue get() {
        return INSTANCE;
    }

    /** Every service, in the catalogue's order. */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    /** The service {@code key}; an unknown key is a programming error. */
    public Service service(String key) {
        Service s = services.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no Azure service '" + key + "' in the catalogue");
        }
        return s;
    }

    /** The built-in role {@code name}; an unknown name is a programming error. */
    public Role role(String name) {
        Role r = roles.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no built-in role '" + name + "' in the catalogue");
        }
        return r;
    }

    /** Every role of the catalogue. */
    public List<Role> roles() {
        return List.copyOf(roles.values());
    }

    /** Host suffixes of the services {@code keys}, in every cloud. */
    public List<String> hostSuffixes(String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.addAll(service(k).hostSuffixes());
        }
        return out;
    }

    /**
     * The service among {@code keys} (all services when none are given) whose host suffix ends {@code host}, the
     * longest suffix winning; empty when none does. Services that share a host (Service Bus, Event Hubs, Relay)
     * answer with the first of them listed.
     */
    public Optional<Service> serviceOfHost(String host, String... keys) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        for (String k : keys) {
            service(k); // an unknown key is a programming error
        }
        String h = host.toLowerCase(Locale.ROOT);
        String tail = lastTwoLabels(h);
        Service best = null;
        int bestLength = 0;
        int bestRank = Integer.MAX_VALUE;
        for (List<HostSuffix> suffixes : List.of(tail == null ? List.<HostSuffix>of() : hostsByTail.getOrDefault(tail,
                List.of()), shortHosts)) {
            for (HostSuffix hs : suffixes) {
                int length = hs.suffix().length();
                if (length < bestLength || !h.endsWith(hs.suffix())) {
                    continue;
                }
                int rank = keys.length == 0 ? hs.rank() : indexOf(keys, hs.service().key());
                // the longest suffix wins; between equally long ones, the first service (of keys, when given)
                if (rank >= 0 && (length > bestLength || rank < bestRank)) {
                    best = hs.service();
                    bestLength = length;
                    bestRank = rank;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int indexOf(String[] keys, String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The keys of the services that {@code name} (a setting's name, a variable, a line's text before a value)
     * names by one of their words, compared in lower case without separators: {@code SERVICEBUS_CONNECTION}
     * names servicebus, {@code azure.storage.account-key} names storage-blob.
     */
    public java.util.Set<String> servicesNamedIn(String name) {
        String n = squash(name);
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Service s : services.values()) {
            if (s.words().stream().anyMatch(n::contains)) {
                out.add(s.key());
            }
        }
        return out;
    }

    /** {@code text} in lower case with every character that is not a letter or a digit removed. */
    public static String squash(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The first service whose ARM resource type is {@code armType} (case-insensitive). */
    public Optional<Service> serviceOfArmType(String armType) {
        return services.values().stream().filter(s -> s.armTypes().stream().anyMatch(armType::equalsIgnoreCase))
                .findFirst();
    }

    private static AzureCatalogue load() {
        java.net.URL url = AzureCatalogue.class.getResource("azure-services.yml");
        if (url == null) {
            throw new IllegalStateException("azure-services.yml is missing from the class path");
        }
        try {
            return parse(CompiledYaml.load(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a catalogue document; every inconsistency is an {@link IllegalStateException}. */
    static AzureCatalogue parse(Object doc) {
        Map<?, ?> root = map(doc, "the catalogue");
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<Role, String> planes = new LinkedHashMap<>();
        Map<Role, java.util.Set<Role>> includes = new LinkedHashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Object o : list(root.get("roles"), "roles")) {
            Map<?, ?> m = map(o, "a role");
            String name = text(m, "name");
            String id = m.get("id") == null ? "" : m.get("id").toString();
            boolean dataPlane = m.get("plane") != null;
            if (name.isEmpty() || roles.containsKey(name)) {
                throw new IllegalStateException("role '" + name + "' is unnamed or listed twice");
            }
            if (!dataPlane && !GUID.matcher(id).matches() || !id.isEmpty() && !ids.add(id)) {
                throw new IllegalStateException("role '" + name + "' has no role-definition GUID, or a GUID of another");
            }
            roles.put(name, new Role(name, id));
            if (dataPlane) {
                planes.put(roles.get(name), m.get("plane").toString());
            }
        }
        for (Object o : list(root.get("roles"), "roles")) {
            Map<?, ?> m = map(o, "a role");
            java.util.Set<Role> in = new java.util.HashSet<>();
            for (Object n : m.get("includes") == null ? List.of() : list(m.get("includes"), "includes")) {
                Role r = roles.get(n.toString());
                if (r == null || roles.values().stream().toList().indexOf(r) > roles.values().stream().toList()
                        .indexOf(roles.get(text(m, "name")))) {
                    throw new IllegalStateException("role '" + m.get("name") + "' includes '" + n
                            + "', which is not listed before it");
                }
                in.add(r);
            }
            includes.put(roles.get(text(m, "name")), java.util.Set.copyOf(in));
        }
        Map<Step, List<String>> defaults = new LinkedHashMap<>();
        map(root.get("operations"), "operations").forEach((step, names) -> defaults.put(
                Step.valueOf(step.toString().toUpperCase(Locale.ROOT)),
                list(names, "operations").stream().map(Object::toString).toList()));
        Map<String, Service> services = new LinkedHashMap<>();
        for (Object o : list(root.get("services"), "services")) {
            Map<?, ?> m = map(o, "a service");
            String key = text(m, "key");
            if (!KEY.matcher(key).matches() || services.containsKey(key)) {
                throw new IllegalStateException("service key '" + key + "' is not kebab-case or is listed twice");
            }
            Map<String, List<String>> hosts = new LinkedHashMap<>();
            map(m.get("hosts"), key + ".hosts").forEach((cloud, suffixes) -> {
                if (!CLOUDS.contains(cloud.toString())) {
                    throw new IllegalStateException(key + ": unknown cloud '" + cloud + "'");
                }
                List<String> s = list(suffixes, key + ".hosts").stream().map(Object::toString).toList();
                if (s.isEmpty() || s.stream().anyMatch(x -> !x.startsWith(".") || !x.equals(x.toLowerCase(Locale.ROOT)))) {
                    throw new IllegalStateException(key + ": host suffixes start with '.' and are lower case");
                }
                hosts.put(cloud.toString(), s);
            });
            if (!hosts.containsKey("public")) {
                throw new IllegalStateException(key + ": no public-cloud host");
            }
            Map<Access, List<Role>> byAccess = new LinkedHashMap<>();
            if (m.get("roles") != null) {
                map(m.get("roles"), key + ".roles").forEach((access, names) -> {
                    Access a = Access.valueOf(access.toString().toUpperCase(Locale.ROOT));
                    List<Role> rs = new ArrayList<>();
                    for (Object n : list(names, key + ".roles")) {
                        Role r = roles.get(n.toString());
                        if (r == null) {
                            throw new IllegalStateException(key + ": role '" + n + "' is not in the roles list");
                        }
                        rs.add(r);
                    }
                    byAccess.put(a, List.copyOf(rs));
                });
            }
            Map<?, ?> iac = map(m.get("iac"), key + ".iac");
            services.put(key, new Service(key, text(m, "name"), Map.copyOf(hosts), text(m, "endpoint"),
                    m.get("dependency") == null ? "" : m.get("dependency").toString(), Map.copyOf(byAccess),
                    iac.get("arm") instanceof List<?> arms ? arms.stream().map(Object::toString).toList()
                            : List.of(text(iac, "arm")), text(iac, "apiVersion"),
                    list(iac.get("terraform"), key + ".iac.terraform").stream().map(Object::toString).toList(),
                    words(m, key), javaBuilders(m, key), localAuth(m, key), m.get("remedy") == null ? "" : m.get("remedy").toString().strip(),
                    detection(m, key), keyShapes(m, key), operations(m, key), placeholder(m, key),
                    iac.get("children") == null ? Map.of() : map(iac.get("children"), key + ".iac.children").entrySet()
                            .stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                                    e -> e.getKey().toString(), e -> e.getValue().toString()))));
        }
        return new AzureCatalogue(roles, services, includes, planes, defaults);
    }

    private static Detection detection(Map<?, ?> m, String key) {
        if (m.get("settings") == null) {
            return null;
        }
        List<String> settings = list(m.get("settings"), key + ".settings").stream().map(Object::toString).toList();
        settings.forEach(Pattern::compile);
        return new Detection(settings, text(m, "passwordless"));
    }

    private static List<LocalAuth> localAuth(Map<?, ?> m, String key) {
        if (m.get("localAuth") == null) {
            return List.of();
        }
        List<LocalAuth> out = new ArrayList<>();
        for (Object o : list(m.get("localAuth"), key + ".localAuth")) {
            Map<?, ?> e = map(o, key + ".localAuth");
            out.add(new LocalAuth(text(e, "label"), e.get("arm") == null ? "" : e.get("arm").toString(),
                    text(e, "terraform"), text(e, "enabled"), e.get("disabled") == null ? null : e.get("disabled").toString()));
        }
        return List.copyOf(out);
    }

    private static Map<Access, List<String>> operations(Map<?, ?> m, String key) {
        Map<?, ?> sdk = m.get("java") == null ? Map.of() : map(m.get("java"), key + ".java");
        Map<Access, List<String>> out = new java.util.EnumMap<>(Access.class);
        if (sdk.get("operations") != null) {
            map(sdk.get("operations"), key + ".java.operations").forEach((access, names) -> out.put(
                    Access.valueOf(access.toString().toUpperCase(Locale.ROOT)),
                    list(names, key + ".java.operations").stream().map(Object::toString).toList()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The placeholder for the resource's name: the service's own, else the first of its endpoint template. */
    private static String placeholder(Map<?, ?> m, String key) {
        if (m.get("placeholder") != null) {
            return m.get("placeholder").toString();
        }
        java.util.regex.Matcher p = Pattern.compile("<[a-z-]+>").matcher(text(m, "endpoint"));
        if (!p.find()) {
            throw new IllegalStateException(key + ": no placeholder for the resource's name");
        }
        return p.group();
    }

    private static List<String> javaBuilders(Map<?, ?> m, String key) {
        Map<?, ?> java = m.get("java") == null ? Map.of() : map(m.get("java"), key + ".java");
        return java.get("builders") == null ? List.of()
                : list(java.get("builders"), key + ".java.builders").stream().map(Object::toString).toList();
    }

    /** The services detected from the catalogue alone. */
    public List<Service> detectedFromCatalogue() {
        return services.values().stream().filter(s -> s.detection() != null).toList();
    }

    /** The service whose SDK builder or client is {@code builder} (a simple name). */
    public Optional<Service> serviceOfJavaBuilder(String builder) {
        return services.values().stream().filter(s -> s.javaBuilders().contains(builder)).findFirst();
    }

    private static List<String> keyShapes(Map<?, ?> m, String key) {
        if (m.get("keyShapes") == null) {
            return List.of();
        }
        List<String> shapes = list(m.get("keyShapes"), key + ".keyShapes").stream().map(Object::toString).toList();
        for (String shape : shapes) {
            if (!dev.miscan.core.secrets.KeyShapes.SHAPES.contains(shape)) {
                throw new IllegalStateException(key + ": unknown key shape '" + shape + "'");
            }
        }
        return shapes;
    }

    private static List<String> words(Map<?, ?> m, String key) {
        if (m.get("words") == null) {
            return List.of();
        }
        List<String> words = list(m.get("words"), key + ".words").stream().map(Object::toString).toList();
        if (words.stream().anyMatch(w -> !w.equals(squash(w)) || w.length() < 4)) {
            throw new IllegalStateException(key + ": words are lower case letters and digits, at least 4 of them");
        }
        return words;
    }

    private static Map<?, ?> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalStateException(what + " must be a mapping");
        }
        return m;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalStateException(what + " must be a list");
        }
        return l;
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException("'" + key + "' is missing in " + m.get("key"));
        }
        return v.toString();
    }
}
