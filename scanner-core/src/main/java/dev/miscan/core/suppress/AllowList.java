package dev.miscan.core.suppress;

import dev.miscan.core.api.Suppression;
import dev.miscan.core.secrets.Redaction;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The allow-lists of {@code .mi-scan.yml}: findings in these paths, or with these values, are suppressed
 * (kept in SARIF as external suppressions). Exact paths are compared with the reported path; path and value
 * patterns are searched ({@link java.util.regex.Matcher#find()}), so anchor them with {@code ^…$} to match
 * the whole text. An exact value may be written as {@code sha256:<hex>} so that it need not appear in the
 * file. The justification names the list and the entry's index, never a value.
 */
public final class AllowList {
    public static final AllowList NONE = new AllowList(List.of(), List.of(), List.of(), List.of(), "");

    private static final String SHA256 = "sha256:";

    private final List<String> paths;
    private final List<Pattern> pathPatterns;
    private final List<String> values;
    private final List<Pattern> valuePatterns;
    private final String origin;

    /**
     * @param origin where the lists come from, for justifications, e.g. {@code .mi-scan.yml}
     */
    public AllowList(List<String> paths, List<Pattern> pathPatterns, List<String> values,
            List<Pattern> valuePatterns, String origin) {
        this.paths = List.copyOf(paths);
        this.pathPatterns = List.copyOf(pathPatterns);
        this.values = values.stream().map(v -> v.regionMatches(true, 0, SHA256, 0, SHA256.length())
                ? SHA256 + v.substring(SHA256.length()).toLowerCase(Locale.ROOT) : v).toList();
        this.valuePatterns = List.copyOf(valuePatterns);
        this.origin = origin;
    }

    public boolean isEmpty() {
        return paths.isEmpty() && pathPatterns.isEmpty() && values.isEmpty() && valuePatterns.isEmpty();
    }

    /** The suppression for a finding at {@code path} whose credential is {@code secret}, or null. */
    public Suppression match(String path, String secret) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).equals(path)) {
                return suppression("allow.paths[" + i + "] " + paths.get(i));
            }
        }
        for (int i = 0; i < pathPatterns.size(); i++) {
            if (pathPatterns.get(i).matcher(path).find()) {
                return suppression("allow.path-patterns[" + i + "] " + pathPatterns.get(i).pattern());
            }
        }
        if (secret == null) {
            return null;
        }
        String hash = null;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.startsWith(SHA256)) {
                hash = hash == null ? SHA256 + Redaction.sha256(secret) : hash;
                if (hash.equals(v)) {
                    return suppression("allow.values[" + i + "]");
                }
            } else if (v.equals(secret)) {
                return suppression("allow.values[" + i + "]");
            }
        }
        for (int i = 0; i < valuePatterns.size(); i++) {
            if (valuePatterns.get(i).matcher(secret).find()) {
                return suppression("allow.value-patterns[" + i + "]");
            }
        }
        return null;
    }

    private Suppression suppression(String entry) {
        return new Suppression(Suppression.Origin.CONFIG, "allowed by " + origin + " " + entry);
    }
}
