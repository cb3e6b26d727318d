package dev.miscan.core.engine;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Tier;
import dev.miscan.core.catalogue.CompiledYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The rules (data: every {@code META-INF/mi-scan/rules.yml} on the class path) and the detectors that report
 * under them ({@link ServiceLoader}), checked against each other: unique ids, names, summaries and aliases,
 * every rule a detector names exists, every rule has a detector.
 */
public final class RuleRegistry {
    /** The class-path resource(s) that hold the rules. */
    public static final String RULES_RESOURCE = "META-INF/mi-scan/rules.yml";

    private final List<RuleDescriptor> rules;
    private final Map<String, RuleDescriptor> byId;
    private final List<Detector> detectors;
    private final Map<String, Detector> exampleDetector;

    public RuleRegistry(List<RuleDescriptor> rules, List<Detector> detectors) {
        List<RuleDescriptor> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(RuleDescriptor::id));
        Map<String, RuleDescriptor> ids = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (RuleDescriptor d : sorted) {
            List<String> problems = d.problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("rule " + d.id() + ": " + String.join("; ", problems));
            }
            if (ids.putIfAbsent(d.id(), d) != null || !names.add(d.name()) || !summaries.add(d.summary())) {
                throw new IllegalStateException("rule " + d.id() + " collides with another rule's id, name or summary");
            }
        }
        for (RuleDescriptor d : sorted) {
            for (String alias : d.aliases()) {
                if (ids.containsKey(alias)) {
                    throw new IllegalStateException("alias " + alias + " of " + d.id() + " is the id of a rule");
                }
            }
            if (!d.keyAuth().isEmpty() && (!ids.containsKey(d.keyAuth())
                    || ids.get(d.keyAuth()).tier() != Tier.KEY_BASED_AUTH)) {
                throw new IllegalStateException("rule " + d.id() + ": keyAuth " + d.keyAuth()
                        + " is not a key-based-authentication rule");
            }
        }
        List<Detector> sortedDetectors = new ArrayList<>(detectors);
        sortedDetectors.sort(Comparator.comparing(x -> x.getClass().getName()));
        Map<String, Detector> example = new HashMap<>();
        for (Detector det : sortedDetectors) {
            if (det.ruleIds().isEmpty()) {
                throw new IllegalStateException(det.getClass().getName() + " names no rule");
            }
            if (det.keywords().isEmpty() || det.keywords().stream()
                    .anyMatch(k -> k.isEmpty() || !k.equals(k.toLowerCase(java.util.Locale.ROOT)))) {
                throw new IllegalStateException(det.getClass().getName()
                        + " needs lower-case keywords, or it would never run");
            }
            Map<String, RuleDescriptor> bound = new HashMap<>();
            for (String id : det.ruleIds()) {
                RuleDescriptor d = ids.get(id);
                if (d == null) {
                    throw new IllegalStateException(det.getClass().getName() + " reports under " + id
                            + ", which is not a rule");
                }
                bound.put(id, d);
            }
            for (RuleDescriptor d : ids.values()) {
                if (!d.keyAuth().isEmpty() && bound.containsKey(d.id())) {
                    bound.putIfAbsent(d.keyAuth(), ids.get(d.keyAuth()));
                }
            }
            det.bind(bound);
            // the example remediation of a rule: the detector whose own rule it is, else the first that names it
            example.put(det.ruleIds().get(0), det);
            det.ruleIds().forEach(id -> example.putIfAbsent(id, det));
        }
        for (RuleDescriptor d : sorted) {
            if (!example.containsKey(d.id())) {
                throw new IllegalStateException("rule " + d.id() + " has no detector");
            }
        }
        this.rules = List.copyOf(sorted);
        this.byId = Collections.unmodifiableMap(ids);
        this.detectors = List.copyOf(sortedDetectors);
        this.exampleDetector = Map.copyOf(example);
    }

    /**
     * The prefilter of every detector's keywords: one automaton, and each detector's keyword ids in it
     * ({@code perDetector} in {@link #detectors()} order; shared by the engines of this registry, never changed).
     */
    record Keywords(dev.miscan.core.parse.KeywordIndex index, int[][] perDetector) {
    }

    private volatile Keywords keywords;

    /** The keyword prefilter, built once per registry (by {@link #preload}'s thread for the default one). */
    Keywords keywords() {
        Keywords k = keywords;
        if (k == null) {
            synchronized (this) {
                k = keywords;
                if (k == null) {
                    List<String> all = new ArrayList<>();
                    detectors.forEach(d -> all.addAll(d.keywords()));
                    dev.miscan.core.parse.KeywordIndex index = new dev.miscan.core.parse.KeywordIndex(all);
                    int[][] perDetector = new int[detectors.size()][];
                    for (int i = 0; i < detectors.size(); i++) {
                        perDetector[i] = detectors.get(i).keywords().stream().mapToInt(index::id).toArray();
                    }
                    k = new Keywords(index, perDetector);
                    keywords = k;
                }
            }
        }
        return k;
    }

    /** The registry {@link #preload} started building, for the next {@link #load()}; null when none is pending. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.FutureTask<RuleRegistry>>
            PRELOADED = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Starts building the default registry (reading the rules, the catalogue, each detector's tables, the keyword
     * prefilter) on a daemon
     * thread, so that it overlaps the command line's own start-up; the next {@link #load()} takes it. For a
     * process's {@code main}: a process that never calls {@link #load()} only wasted a thread.
     */
    public static void preload() {
        java.util.concurrent.FutureTask<RuleRegistry> task = new java.util.concurrent.FutureTask<>(() -> {
            RuleRegistry registry = load(RuleRegistry.class.getClassLoader());
            registry.keywords(); // the engine's prefilter too, off the main thread
            return registry;
        });
        if (PRELOADED.compareAndSet(null, task)) {
            Thread t = new Thread(task, "mi-scan-rules");
            t.setDaemon(true);
            t.start();
        }
    }

    public static RuleRegistry load() {
        java.util.concurrent.FutureTask<RuleRegistry> task = PRELOADED.getAndSet(null);
        if (task != null) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // built again below, where the problem is thrown to the caller as it would have been
            }
        }
        return load(RuleRegistry.class.getClassLoader());
    }

    public static RuleRegistry load(ClassLoader loader) {
        List<RuleDescriptor> rules = readRules(loader);
        List<Detector> found = new ArrayList<>();
        ServiceLoader.load(Detector.class, loader).forEach(found::add);
        return new RuleRegistry(rules, found);
    }

    /**
     * The rules read from each class loader: the detectors that need the rules file's facts (a service's rules)
     * ask for them at class initialisation, and one read serves them all.
     */
    private static final Map<ClassLoader, List<RuleDescriptor>> READ =
            Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Every rule of every {@link #RULES_RESOURCE} on {@code loader}'s class path (read once per loader). */
    public static List<RuleDescriptor> readRules(ClassLoader loader) {
        List<RuleDescriptor> known = READ.get(loader);
        if (known != null) {
            return known;
        }
        List<RuleDescriptor> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RULES_RESOURCE))) {
                out.addAll(readRules(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RuleDescriptor> rules = List.copyOf(out);
        READ.put(loader, rules);
        return rules;
    }

    /** The rules of one rules file (as the build compiled it beside the YAML when it did: {@link CompiledYaml}). */
    public static List<RuleDescriptor> readRules(URL url) {
        Object doc;
        try {
            doc = CompiledYaml.load(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(doc instanceof List<?> list)) {
            throw new IllegalStateException(url + ": a list of rules was expected");
        }
        List<RuleDescriptor> out = new ArrayList<>();
        for (Object o : list) {
            out.add(descriptor(url, o));
        }
        return out;
    }

    private static RuleDescriptor descriptor(URL url, Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalStateException(url + ": a rule must be a mapping");
        }
        String id = string(m, "id", "?");
        try {
            Tier tier = Tier.valueOf(string(m, "tier", "").toUpperCase(Locale.ROOT).replace('-', '_'));
            return new RuleDescriptor(id, string(m, "name", ""), tier, string(m, "service", ""),
                    string(m, "keyAuth", ""), string(m, "summary", ""), string(m, "description", ""),
                    string(m, "help", ""), string(m, "bad", ""), string(m, "good", ""),
                    Double.parseDouble(string(m, "securitySeverity", "-1")), strings(m, "tags"),
                    string(m, "cwe", "CWE-798"), strings(m, "aliases"), string(m, "manualFix", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(url + ": rule " + id + ": " + e.getMessage(), e);
        }
    }

    private static String string(Map<?, ?> m, String key, String absent) {
        Object v = m.get(key);
        return v == null ? absent : v.toString().strip();
    }

    private static List<String> strings(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(key + " must be a list");
        }
        return l.stream().map(Object::toString).toList();
    }

    /** Every rule, sorted by id. */
    public List<RuleDescriptor> rules() {
        return rules;
    }

    /** Every detector, sorted by class name. */
    public List<Detector> detectors() {
        return detectors;
    }

    /** The rule {@code id} names: its current id or, for a renamed rule, a former one (case-insensitive). */
    public Optional<RuleDescriptor> find(String id) {
        RuleDescriptor exact = byId.get(id.toUpperCase(Locale.ROOT));
        return exact != null ? Optional.of(exact) : rules.stream().filter(d -> d.answersTo(id)).findFirst();
    }

    /** Every rule {@code id} names: the rule itself, or every rule a former id was split into. */
    public List<RuleDescriptor> resolve(String id) {
        RuleDescriptor exact = byId.get(id.toUpperCase(Locale.ROOT));
        return exact != null ? List.of(exact) : rules.stream().filter(d -> d.answersTo(id)).toList();
    }

    /** Current ids and former ids, upper case: every id a user may write. */
    public Set<String> knownIds() {
        Set<String> known = new HashSet<>(byId.keySet());
        rules.forEach(d -> known.addAll(d.aliases()));
        return Set.copyOf(known);
    }

    /** The remediation of {@code rule}, with placeholders for the resource. */
    public Remediation exampleRemediation(RuleDescriptor rule) {
        return exampleDetector.get(rule.id()).exampleRemediation(rule.id());
    }
}
