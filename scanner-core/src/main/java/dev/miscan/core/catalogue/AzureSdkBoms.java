package dev.miscan.core.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The versions {@code com.azure:azure-sdk-bom} manages, per BOM version, as data ({@code azure-sdk-boms.yml},
 * copied from the BOM POMs on Maven Central): which BOM to import into a project so that the azure-identity it
 * gets shares the azure-core the project already builds with.
 */
public final class AzureSdkBoms {
    /** The BOM's coordinates. */
    public static final String GROUP = "com.azure";
    public static final String ARTIFACT = "azure-sdk-bom";

    private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final AzureSdkBoms INSTANCE = load();

    /** BOM version → artifact (of group com.azure) → managed version; newest BOM first. */
    private final Map<String, Map<String, String>> boms;

    private AzureSdkBoms(Map<String, Map<String, String>> boms) {
        this.boms = boms;
    }

    public static AzureSdkBoms get() {
        return INSTANCE;
    }

    /** The BOM versions known, newest first. */
    public List<String> versions() {
        return List.copyOf(boms.keySet());
    }

    /** The version of {@code com.azure:artifact} that BOM {@code bom} manages, if it is known. */
    public Optional<String> managed(String bom, String artifact) {
        return Optional.ofNullable(boms.getOrDefault(bom, Map.of()).get(artifact));
    }

    /** Whether the data knows the versions of {@code com.azure:artifact}. */
    public boolean knows(String artifact) {
        return boms.values().stream().anyMatch(m -> m.containsKey(artifact));
    }

    /**
     * The newest BOM that manages every one of {@code declared} (artifact of group com.azure → version) at that
     * version, considering only the artifacts the data knows; azure-core alone decides when it is declared.
     * Empty when no BOM matches, or when none of the artifacts is known.
     */
    public Optional<String> matching(Map<String, String> declared) {
        Map<String, String> deciding = new LinkedHashMap<>();
        if (declared.containsKey("azure-core")) {
            deciding.put("azure-core", declared.get("azure-core"));
        } else {
            declared.forEach((a, v) -> {
                if (knows(a)) {
                    deciding.put(a, v);
                }
            });
        }
        if (deciding.isEmpty()) {
            return Optional.empty();
        }
        for (var bom : boms.entrySet()) {
            boolean all = deciding.entrySet().stream().allMatch(d -> d.getValue().equals(bom.getValue().get(d.getKey())));
            if (all) {
                return Optional.of(bom.getKey());
            }
        }
        return Optional.empty();
    }

    /** The artifacts of {@code declared} that {@link #matching} decides on. */
    public Set<String> deciding(Map<String, String> declared) {
        if (declared.containsKey("azure-core")) {
            return Set.of("azure-core");
        }
        Set<String> out = new java.util.TreeSet<>();
        declared.keySet().stream().filter(this::knows).forEach(out::add);
        return out;
    }

    private static AzureSdkBoms load() {
        java.net.URL url = AzureSdkBoms.class.getResource("azure-sdk-boms.yml");
        if (url == null) {
            throw new IllegalStateException("azure-sdk-boms.yml is missing from the class path");
        }
        try {
            return parse(CompiledYaml.load(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates the data: versions are dotted numbers; every BOM names azure-core and azure-identity. */
    static AzureSdkBoms parse(Object root) {
        if (!(root instanceof Map<?, ?> top) || !(top.get("boms") instanceof Map<?, ?> list)) {
            throw new IllegalStateException("azure-sdk-boms.yml: a 'boms' map is expected");
        }
        List<String> order = new ArrayList<>();
        Map<String, Map<String, String>> byVersion = new LinkedHashMap<>();
        for (var e : list.entrySet()) {
            String bom = String.valueOf(e.getKey());
            if (!VERSION.matcher(bom).matches() || !(e.getValue() instanceof Map<?, ?> managed)) {
                throw new IllegalStateException("azure-sdk-boms.yml: bad entry " + bom);
            }
            Map<String, String> versions = new LinkedHashMap<>();
            managed.forEach((a, v) -> versions.put(String.valueOf(a), String.valueOf(v)));
            if (!versions.containsKey("azure-core") || !versions.containsKey("azure-identity")) {
                throw new IllegalStateException("azure-sdk-boms.yml: " + bom + " lacks azure-core or azure-identity");
            }
            order.add(bom);
            byVersion.put(bom, Map.copyOf(versions));
        }
        order.sort(Comparator.comparing(AzureSdkBoms::numbers, AzureSdkBoms::compare).reversed());
        Map<String, Map<String, String>> sorted = new LinkedHashMap<>();
        order.forEach(v -> sorted.put(v, byVersion.get(v)));
        return new AzureSdkBoms(java.util.Collections.unmodifiableMap(sorted));
    }

    private static int[] numbers(String v) {
        return java.util.Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compare(int[] a, int[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
