package dev.miscan.core.parse.config;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings files of one scan, for the settings that live in another file than the one that uses them: the
 * values of the Helm chart a template belongs to ({@code .Values.database.password} is {@code database.password}
 * in the chart's {@code values*.yaml}), the variable template an Azure Pipelines file includes. A file is read
 * and parsed only when asked for, once, whatever thread asks.
 *
 * <p>Thread-safe: the engine's scanning threads share one instance per scan.
 */
public final class SettingsIndex {
    /** The index of the scan a document belongs to; a document scanned on its own gets an empty one. */
    public static final Document.View<SettingsIndex> VIEW = doc -> new SettingsIndex(List.of());

    private static final KeywordIndex NO_KEYWORDS = new KeywordIndex(List.of());
    private static final int MAX_FILES = 64;

    private final Map<String, Source.Entry> files = new LinkedHashMap<>();
    /** The YAML files of each folder ({@code ""} for the root), in the order of the entries. */
    private final Map<String, List<String>> byFolder = new java.util.HashMap<>();
    /** The YAML files of each file name, in the order of the entries. */
    private final Map<String, List<String>> byName = new java.util.HashMap<>();
    private final ConcurrentHashMap<String, List<ConfigEntry>> parsed = new ConcurrentHashMap<>();

    /** An index over the YAML entries among {@code entries} (the first entry of a path wins). */
    public SettingsIndex(Collection<? extends Source.Entry> entries) {
        for (Source.Entry e : entries) {
            String p = e.path().toLowerCase(Locale.ROOT);
            if ((p.endsWith(".yaml") || p.endsWith(".yml")) && !files.containsKey(e.path())) {
                files.put(e.path(), e);
                int slash = e.path().lastIndexOf('/');
                byFolder.computeIfAbsent(slash < 0 ? "" : e.path().substring(0, slash), k -> new ArrayList<>())
                        .add(e.path());
                byName.computeIfAbsent(e.path().substring(slash + 1), k -> new ArrayList<>()).add(e.path());
            }
        }
    }

    /**
     * The values files of the Helm chart that template {@code templatePath} belongs to ({@code …/templates/…}):
     * {@code values.yaml} first, then the others ({@code values-prod.yaml}), each as its settings.
     */
    public List<List<ConfigEntry>> helmValues(String templatePath) {
        String path = templatePath.replace('\\', '/');
        int t = path.startsWith("templates/") ? 0 : path.lastIndexOf("/templates/") + 1;
        if (t < 0 || !path.startsWith("templates/", t)) {
            return List.of();
        }
        String chart = path.substring(0, t);
        List<String> paths = new ArrayList<>();
        for (String p : byFolder.getOrDefault(chart.isEmpty() ? "" : chart.substring(0, chart.length() - 1), List.of())) {
            if (p.substring(chart.length()).toLowerCase(Locale.ROOT).startsWith("values")) {
                paths.add(p);
            }
        }
        paths.sort(java.util.Comparator.comparing((String p) -> isPlainValues(p) ? 0 : 1)
                .thenComparing(java.util.Comparator.naturalOrder()));
        List<List<ConfigEntry>> out = new ArrayList<>();
        for (String p : paths.subList(0, Math.min(paths.size(), MAX_FILES))) {
            out.add(entries(p));
        }
        return out;
    }

    /** What rules derived from the files' settings, by the identity of the list this index gave out; guarded by itself. */
    private final Map<List<ConfigEntry>, Map<String, Object>> derived = new java.util.IdentityHashMap<>();

    /**
     * A value a rule derives from {@code settings} (a list this index gave out, e.g. a chart's values file), made once
     * for the scan, whatever thread asks first; the computation runs outside any lock, so two threads may both make
     * it, and the first one stored is the one every caller gets.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(List<ConfigEntry> settings, String key, java.util.function.Function<List<ConfigEntry>, T> compute) {
        synchronized (derived) {
            Object known = derived.getOrDefault(settings, Map.of()).get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T made = compute.apply(settings);
        synchronized (derived) {
            return (T) derived.computeIfAbsent(settings, k -> new java.util.HashMap<>()).merge(key, made, (first, later) -> first);
        }
    }

    private static boolean isPlainValues(String p) {
        String n = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.equals("values.yaml") || n.equals("values.yml");
    }

    /**
     * The settings of the file {@code reference} names, as a file at {@code fromPath} writes it (relative to that
     * file's folder, or to the scan's root), or an empty list when the scan has no such file.
     */
    public List<ConfigEntry> included(String fromPath, String reference) {
        String ref = reference.strip().replace('\\', '/');
        if (ref.startsWith("/")) {
            ref = ref.substring(1);
        }
        int slash = fromPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : fromPath.substring(0, slash + 1);
        for (String candidate : new String[] {normalize(dir + ref), ref}) {
            if (files.containsKey(candidate)) {
                return entries(candidate);
            }
        }
        // the scan's root may be above the repository that the pipeline's paths are relative to
        for (String p : byName.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), List.of())) {
            if (p.endsWith("/" + ref)) {
                return entries(p);
            }
        }
        return List.of();
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!s.equals(".") && !s.isEmpty()) {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    private List<ConfigEntry> entries(String path) {
        return parsed.computeIfAbsent(path, p -> {
            try {
                Fragment f = files.get(p).read();
                Document doc = new Document(f, NO_KEYWORDS, NO_KEYWORDS.scan(f.text()));
                return List.copyOf(doc.view(ConfigView.ENTRIES));
            } catch (Exception | StackOverflowError e) {
                return List.of(); // the file's own scan reports why it cannot be read
            }
        });
    }
}
