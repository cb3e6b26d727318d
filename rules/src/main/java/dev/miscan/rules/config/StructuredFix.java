package dev.miscan.rules.config;

import dev.miscan.core.api.Fix;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fix of a credential setting in YAML or JSON: the {@code key: value} (or {@code "key": "value"}) text is
 * replaced, in place and at its indentation, by the passwordless settings, nested under the setting's parent.
 * A setting that does not belong beside the credential (another branch of the tree) makes the fix a person's
 * job, except Spring Cloud Azure's global {@code spring.cloud.azure.credential.*}, which each service also
 * takes under its own prefix ({@code spring.cloud.azure.storage.blob.credential.managed-identity-enabled}).
 * Only single-line settings are edited; a new key that would repeat an existing mapping key is refused.
 */
final class StructuredFix {
    private static final String GLOBAL_CREDENTIAL = "spring.cloud.azure.credential.";
    /** Spring Cloud Azure services with their own {@code credential.*} settings. */
    private static final Pattern SERVICE_PREFIX = Pattern.compile(
            "spring\\.cloud\\.azure\\.(storage\\.(blob|queue|fileshare|filedatalake)|servicebus|eventhubs|cosmos)");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/-][A-Za-z0-9._:/-]*");

    private StructuredFix() {
    }

    static Fix of(Document doc, ConfigEntry e, List<String[]> settings, String description) {
        boolean json = ConfigView.formatOf(doc) == ConfigView.Format.JSON;
        String text = doc.text();
        if (e.valueOffset() < 0 || e.reference() || e.value() == null) {
            return null;
        }
        int begin = e.keyOffset();
        int end = e.valueOffset() + e.rawValue().length();
        if (json) {
            if (begin < 1 || text.charAt(begin - 1) != '"' || end >= text.length() || text.charAt(end) != '"') {
                return null;
            }
            begin--;
            end++;
        } else if (end < text.length() && e.valueOffset() > 0 && (text.charAt(end) == '"' || text.charAt(end) == '\'')
                && text.charAt(e.valueOffset() - 1) == text.charAt(end)) {
            end++;
        }
        LineIndex lines = doc.lines();
        int line = lines.lineOf(begin);
        if (end > text.length() || lines.lineOf(Math.max(begin, end - 1)) != line) {
            return null;
        }
        String after = text.substring(end, lines.lineEnd(line)).strip();
        if (!after.isEmpty() && !(json && after.equals(",")) && !(!json && after.startsWith("#"))) {
            return null;
        }
        int column = begin - lines.lineStart(line);
        String before = text.substring(lines.lineStart(line), begin);
        if (settings.isEmpty()) {
            // everything the slot needs is there already: the credential line goes
            if (json || !before.isBlank()) {
                return null;
            }
            int next = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
            return new Fix(description, List.of(doc.edit(lines.lineStart(line), next, "")));
        }
        List<String> parent = new ArrayList<>(Arrays.asList(e.key().split("\\.", -1)));
        parent.remove(parent.size() - 1);
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String[] setting : settings) {
            List<String> relative = relative(parent, setting[0]);
            if (relative == null || json && relative.size() != 1) {
                return null;
            }
            put(tree, relative, setting[1]);
        }
        String parentKey = String.join(".", parent);
        String parentNormalized = ConfigEntry.normalize(parentKey);
        for (ConfigEntry other : doc.view(ConfigView.ENTRIES)) {
            String k = ConfigEntry.normalize(other.key());
            if (!other.commented() && other.keyOffset() < e.keyOffset() && ConfigSlots.slotOf(other.key()) != null
                    && k.startsWith(parentNormalized + ".") && k.indexOf('.', parentNormalized.length() + 1) < 0) {
                return null; // an earlier credential beside this one: its fix may add the same keys here
            }
        }
        for (String first : tree.keySet()) {
            String prefix = ConfigEntry.normalize(parentKey.isEmpty() ? first : parentKey + "." + first);
            for (ConfigEntry other : doc.view(ConfigView.ENTRIES)) {
                String k = ConfigEntry.normalize(other.key());
                if (!other.commented() && (k.startsWith(prefix + ".") || k.equals(prefix))) {
                    return null; // the mapping exists already: a second one would be a duplicate key
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (json) {
            for (var entry : tree.entrySet()) {
                if (out.length() > 0) {
                    out.append(",\n").append(" ".repeat(column));
                }
                out.append('"').append(jsonEscape(entry.getKey())).append("\": \"")
                        .append(jsonEscape((String) entry.getValue())).append('"');
            }
        } else {
            yaml(tree, column, out, true);
        }
        return new Fix(description, List.of(doc.edit(begin, end, out.toString())));
    }

    /** The key of a setting relative to the credential's parent, as segments; null when it belongs elsewhere. */
    private static List<String> relative(List<String> parent, String key) {
        List<String> segments = Arrays.asList(key.split("\\.", -1));
        if (segments.size() == 1) {
            return segments; // a sibling: AzureWebJobsStorage__accountName beside AzureWebJobsStorage
        }
        String normalized = ConfigEntry.normalize(key);
        for (int i = 0; i < parent.size(); i++) {
            String prefix = ConfigEntry.normalize(String.join(".", parent.subList(i, parent.size())));
            int count = parent.size() - i;
            if (normalized.startsWith(prefix + ".") && segments.size() > count
                    && ConfigEntry.normalize(String.join(".", segments.subList(0, count))).equals(prefix)) {
                return segments.subList(count, segments.size());
            }
        }
        if (key.startsWith(GLOBAL_CREDENTIAL)
                && SERVICE_PREFIX.matcher(ConfigEntry.normalize(String.join(".", parent))).matches()) {
            List<String> out = new ArrayList<>();
            out.add("credential");
            out.addAll(Arrays.asList(key.substring(GLOBAL_CREDENTIAL.length()).split("\\.")));
            return out;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, String value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
        }
        node.put(path.get(path.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    private static void yaml(Map<String, Object> tree, int column, StringBuilder out, boolean first) {
        boolean start = first;
        for (var entry : tree.entrySet()) {
            if (!start) {
                out.append('\n').append(" ".repeat(column));
            }
            start = false;
            out.append(entry.getKey()).append(':');
            if (entry.getValue() instanceof Map<?, ?> child) {
                out.append('\n').append(" ".repeat(column + 2));
                yaml((Map<String, Object>) child, column + 2, out, true);
            } else {
                String v = (String) entry.getValue();
                out.append(' ').append(PLAIN.matcher(v).matches() ? v : "\"" + jsonEscape(v) + "\"");
            }
        }
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
