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
 *
 * <p>The edit keeps the form of the setting's parent: a {@code KEY=VALUE} item of a YAML list (a docker-compose
 * {@code environment:} written as a list, plain or quoted) is replaced by {@code KEY=VALUE} items of the same list,
 * quoted as it was, never by {@code key: value} lines (compose rejects a list that mixes in mappings, and any
 * reader of the list would see one item that is a mapping).
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
        if (listItem(doc, e)) {
            return listItemFix(doc, e, settings, description);
        }
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
            String k = other.normalizedKey();
            if (!other.commented() && other.keyOffset() < e.keyOffset() && ConfigSlots.slotOf(other) != null
                    && k.startsWith(parentNormalized + ".") && k.indexOf('.', parentNormalized.length() + 1) < 0) {
                return null; // an earlier credential beside this one: its fix may add the same keys here
            }
        }
        for (String first : tree.keySet()) {
            String prefix = ConfigEntry.normalize(parentKey.isEmpty() ? first : parentKey + "." + first);
            for (ConfigEntry other : doc.view(ConfigView.ENTRIES)) {
                String k = other.normalizedKey();
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

    /** A variable name that YAML reads, and the config reader takes, as a {@code KEY=VALUE} list item. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*+");

    /** A list item's indentation, dash and the space after it, and an opening quote: the start of its line. */
    private static boolean listPrefix(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        int dash = ++i;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == dash) {
            return false;
        }
        return i == s.length() || i == s.length() - 1 && (s.charAt(i) == '"' || s.charAt(i) == '\'');
    }

    /** A {@code KEY=VALUE} item (its key a variable name) that needs no quotes in a block list. */
    private static boolean plainItem(String item) {
        int eq = item.indexOf('=');
        if (eq <= 0 || !VARIABLE.matcher(item.substring(0, eq)).matches() || item.endsWith(":")) {
            return false;
        }
        for (int i = eq + 1; i < item.length(); i++) {
            char c = item.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._/:;=@+%~,-".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a setting is a {@code KEY=VALUE} item of a YAML block list ({@code - KEY=VALUE}, {@code - "KEY=VALUE"},
     * {@code - 'KEY=VALUE'}), as docker-compose writes an {@code environment:} list.
     */
    static boolean listItem(Document doc, ConfigEntry e) {
        if (ConfigView.formatOf(doc) != ConfigView.Format.YAML || e.valueOffset() < 0 || e.reference()
                || e.value() == null || e.commented()) {
            return false;
        }
        String text = doc.text();
        int k = e.keyOffset();
        if (k < 0 || k > text.length() || !text.startsWith(e.key() + "=", k)
                || e.valueOffset() != k + e.key().length() + 1) {
            return false;
        }
        int start = doc.lines().lineStart(doc.lines().lineOf(k));
        return listPrefix(text.substring(start, k));
    }

    /**
     * The fix of a {@code KEY=VALUE} list item: {@code KEY=VALUE} items of the same list, at the item's indentation
     * and with its quotes, or the item's line removed when every setting it needs is there already.
     */
    private static Fix listItemFix(Document doc, ConfigEntry e, List<String[]> settings, String description) {
        String text = doc.text();
        LineIndex lines = doc.lines();
        int line = lines.lineOf(e.keyOffset());
        int lineStart = lines.lineStart(line);
        String prefix = text.substring(lineStart, e.keyOffset());
        char quote = prefix.endsWith("\"") ? '"' : prefix.endsWith("'") ? '\'' : 0;
        String dash = quote == 0 ? prefix : prefix.substring(0, prefix.length() - 1);
        // the value as written is the value read (no escape, no line folding): the item is one line, as read
        if (!text.startsWith(e.rawValue(), e.valueOffset()) || !e.rawValue().equals(e.value())) {
            return null;
        }
        int begin = e.keyOffset() - (quote == 0 ? 0 : 1);
        int end = e.valueOffset() + e.rawValue().length();
        if (end > lines.lineEnd(line)) {
            return null;
        }
        if (quote != 0) {
            if (end >= text.length() || text.charAt(end) != quote) {
                return null;
            }
            end++;
        }
        String after = text.substring(end, lines.lineEnd(line));
        if (!after.isBlank() && !((after.charAt(0) == ' ' || after.charAt(0) == '\t') && after.strip().startsWith("#"))) {
            return null; // another item, or more of a flow list, on the line
        }
        if (settings.isEmpty()) {
            // everything the slot needs is in the list already: the item's line goes
            int next = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
            return new Fix(description, List.of(doc.edit(lineStart, next, "")));
        }
        StringBuilder out = new StringBuilder();
        for (String[] setting : settings) {
            if (!VARIABLE.matcher(setting[0]).matches()) {
                return null; // a dotted framework setting: not a variable this list can hold as it is
            }
            String item = setting[0] + "=" + setting[1];
            if (out.length() > 0) {
                out.append('\n').append(dash);
            }
            if (quote == '\'') {
                out.append('\'').append(item.replace("'", "''")).append('\'');
            } else if (quote == '"' || !plainItem(item)) {
                out.append('"').append(jsonEscape(item)).append('"');
            } else {
                out.append(item);
            }
        }
        return new Fix(description, List.of(doc.edit(begin, end, out.toString())));
    }

    /**
     * Which mapping or list a setting is in: settings in one container are siblings (an earlier credential's fix
     * adds its settings there), settings in different ones are not (two compose services each need their own).
     * A list item's container is its list (found from the text: the line that opens it); a mapping entry's is its
     * parent key; both within the setting's YAML document.
     */
    static String container(Document doc, ConfigEntry e) {
        if (listItem(doc, e)) {
            int line = doc.lines().lineOf(e.keyOffset());
            return "list:" + e.section() + ":" + doc.view(LIST_PARENTS)[line];
        }
        String key = e.normalizedKey();
        int dot = key.lastIndexOf('.');
        return "map:" + e.section() + ":" + (dot < 0 ? "" : key.substring(0, dot));
    }

    /**
     * Per line of a YAML text, for a block list item ({@code - …}), the line that opens its list (the key above it at
     * a smaller indentation, or at the same one for a list written flush with its key); -1 for other lines. One pass:
     * an item takes the answer of the item before it at its indentation.
     */
    private static final Document.View<int[]> LIST_PARENTS = doc -> {
        LineIndex lines = doc.lines();
        String text = doc.text();
        int n = lines.lineCount();
        int[] parent = new int[n];
        int[] indent = new int[n];
        boolean[] item = new boolean[n];
        boolean[] skip = new boolean[n];
        for (int i = 0; i < n; i++) {
            int start = lines.lineStart(i);
            int end = lines.lineEnd(i);
            int at = start;
            while (at < end && text.charAt(at) == ' ') {
                at++;
            }
            indent[i] = at - start;
            skip[i] = at == end || text.charAt(at) == '#';
            item[i] = !skip[i] && text.charAt(at) == '-' && (at + 1 == end || text.charAt(at + 1) == ' '
                    || text.charAt(at + 1) == '\t');
            parent[i] = -1;
            if (!item[i]) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                if (skip[j] || indent[j] > indent[i]) {
                    continue;
                }
                parent[i] = item[j] && indent[j] == indent[i] ? parent[j] : j;
                break;
            }
        }
        return parent;
    };

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
