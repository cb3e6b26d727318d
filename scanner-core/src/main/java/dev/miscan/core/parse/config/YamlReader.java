package dev.miscan.core.parse.config;

import dev.miscan.core.parse.Document;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML (all documents of a file) flattened to Spring-style property paths with the exact position of
 * every key and value. Lists of {@code {name, value}} maps (Kubernetes {@code env}) and of
 * {@code KEY=VALUE} strings (docker-compose {@code environment}) become entries named by their variable;
 * {@code valueFrom.secretKeyRef} becomes a reference entry. Merge keys and aliases are followed (an alias
 * reports the anchor's position, and its use is also a reference entry, valued {@code *anchor}). SnakeYAML's limits are on: aliases, nesting depth and size.
 */
final class YamlReader {
    private static final int MAX_DEPTH = 64;
    /** A template action where a value or a line starts: {@code key: {{ … }}}, {@code - {{ … }}}, {@code {{- if … }}}. */
    private static final java.util.regex.Pattern TEMPLATE_ACTION = java.util.regex.Pattern.compile(
            "(?m)(?::[ \\t]+|^[ \\t]*-[ \\t]+|^[ \\t]*)\\{\\{");

    private YamlReader() {
    }

    static List<ConfigEntry> read(Document doc) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(4 * 1024 * 1024);
        options.setAllowDuplicateKeys(true);
        if (TEMPLATE_ACTION.matcher(doc.text()).find()) {
            // a Helm or other Go template ({{ … }} where a value goes, which YAML reads as a mapping or not at
            // all): read it with its template actions written as plain values
            List<ConfigEntry> templated = new ArrayList<>();
            if (parse(doc, HelmTemplates.asYaml(doc.text()), options, templated, true) == null) {
                return templated;
            }
        }
        List<ConfigEntry> out = new ArrayList<>();
        RuntimeException failure = parse(doc, doc.text(), options, out, false);
        if (failure != null) {
            String msg = failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage().lines().findFirst().orElse("");
            int line = failure instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                    && marked.getProblemMark() != null ? marked.getProblemMark().getLine() : -1;
            msg = dev.miscan.core.parse.ParserMessages.unquoted(msg.strip(),
                    dev.miscan.core.parse.ParserMessages.near(doc, line));
            doc.warn("YAML does not parse (" + msg + "); scanned as plain text");
        }
        return out;
    }

    /** Parses {@code text} (the document's, or a same-length rewrite of it) into {@code out}; the failure, or null. */
    private static RuntimeException parse(Document doc, String text, LoaderOptions options, List<ConfigEntry> out,
            boolean templated) {
        Walker w = new Walker(doc, out);
        w.templated = templated;
        try {
            for (Node root : new Yaml(options).composeAll(new StringReader(text))) {
                if (root != null) {
                    w.walk(root, "", 0);
                }
                w.section++;
            }
            return null;
        } catch (YAMLException | IllegalArgumentException e) {
            out.clear();
            return e;
        }
    }

    private static final class Walker {
        private final Document doc;
        private final List<ConfigEntry> out;
        private final Map<Node, Boolean> active = new IdentityHashMap<>();
        private int section;
        /** Parsed from a rewrite of a template: a value written as {@code {{ … }}} is taken as written. */
        private boolean templated;

        Walker(Document doc, List<ConfigEntry> out) {
            this.doc = doc;
            this.out = out;
        }

        void walk(Node node, String path, int depth) {
            if (depth > MAX_DEPTH || active.containsKey(node)) {
                return;
            }
            active.put(node, Boolean.TRUE);
            try {
                if (node instanceof MappingNode map) {
                    for (NodeTuple t : map.getValue()) {
                        if (!(t.getKeyNode() instanceof ScalarNode k)) {
                            continue;
                        }
                        if (k.getValue().equals("<<")) {
                            walk(t.getValueNode(), path, depth + 1);
                            continue;
                        }
                        String childPath = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
                        Node v = t.getValueNode();
                        if (v instanceof ScalarNode s) {
                            out.add(new ConfigEntry(childPath, value(s), offset(k.getStartMark()),
                                    valueOffset(s), rawValue(s), false, false, section));
                            if (s.getStartMark().getIndex() < k.getStartMark().getIndex()) {
                                // an alias (*password): the value is written at its anchor, above; this use of it
                                // reads it from there, as a setting reads a variable
                                out.add(new ConfigEntry(childPath, "*" + anchorName(s), offset(k.getStartMark()), -1, "",
                                        false, true, section));
                            }
                        } else {
                            walk(v, childPath, depth + 1);
                        }
                    }
                } else if (node instanceof SequenceNode seq) {
                    List<Node> items = seq.getValue();
                    for (int i = 0; i < items.size(); i++) {
                        Node item = items.get(i);
                        if (!namedVariable(item) && !composeVariable(item)) {
                            walk(item, path + "[" + i + "]", depth + 1);
                        }
                    }
                }
            } finally {
                active.remove(node);
            }
        }

        /** The anchor a value node was written under, as written ({@code &dev-sql-password}), or "anchor". */
        private String anchorName(ScalarNode s) {
            String text = doc.text();
            int at = Math.max(0, Math.min(text.length(), s.getStartMark().getIndex()));
            int amp = text.lastIndexOf('&', at);
            if (amp >= 0 && at - amp < 200) {
                int end = amp + 1;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                return text.substring(amp + 1, end);
            }
            return "anchor";
        }

        /** Kubernetes {@code - name: X, value: Y} or {@code valueFrom: {secretKeyRef: …}}. */
        private boolean namedVariable(Node item) {
            if (!(item instanceof MappingNode map)) {
                return false;
            }
            ScalarNode name = null;
            Node value = null;
            Node valueFrom = null;
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    switch (k.getValue()) {
                        case "name" -> name = t.getValueNode() instanceof ScalarNode s ? s : null;
                        case "value" -> value = t.getValueNode();
                        case "valueFrom" -> valueFrom = t.getValueNode();
                        default -> { }
                    }
                }
            }
            if (name == null || value == null && valueFrom == null) {
                return false;
            }
            if (value instanceof ScalarNode s) {
                out.add(new ConfigEntry(name.getValue(), s.getValue(), offset(name.getStartMark()), valueOffset(s),
                        rawValue(s), false, false, section));
            } else if (valueFrom != null) {
                out.add(new ConfigEntry(name.getValue(), "valueFrom", offset(name.getStartMark()), -1, "", false, true, section));
            }
            return true;
        }

        /** docker-compose {@code environment: ["KEY=VALUE"]}. */
        private boolean composeVariable(Node item) {
            if (!(item instanceof ScalarNode s)) {
                return false;
            }
            String v = s.getValue();
            int eq = v.indexOf('=');
            if (eq <= 0 || !v.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                return false;
            }
            int start = valueOffset(s);
            int valueStart = start < 0 ? -1 : start + eq + 1;
            out.add(new ConfigEntry(v.substring(0, eq), v.substring(eq + 1), start, valueStart, v.substring(eq + 1),
                    false, false, section));
            return true;
        }

        /** Code point index → char offset, for texts with characters outside the BMP (null: they are equal). */
        private int[] charOffsets;
        private boolean charOffsetsChecked;

        /**
         * The text offset of a mark, from its index (SnakeYAML counts code points, and breaks lines at a lone
         * {@code \r}, NEL and U+2028/2029 too, so its line and column do not always match the text's lines).
         */
        private int offset(Mark mark) {
            String text = doc.text();
            int index = Math.max(0, mark.getIndex());
            if (!charOffsetsChecked) {
                charOffsetsChecked = true;
                if (text.codePointCount(0, text.length()) != text.length()) {
                    charOffsets = new int[text.codePointCount(0, text.length()) + 1];
                    for (int cp = 0, i = 0; cp < charOffsets.length; cp++) {
                        charOffsets[cp] = i;
                        i = i < text.length() ? text.offsetByCodePoints(i, 1) : i;
                    }
                }
            }
            if (charOffsets != null) {
                return charOffsets[Math.min(index, charOffsets.length - 1)];
            }
            return Math.min(index, text.length());
        }

        /** Where the scalar's text starts: after an opening quote, or on the line after a block indicator. */
        private int valueOffset(ScalarNode s) {
            int at = offset(s.getStartMark());
            String text = doc.text();
            if (at >= text.length()) {
                return -1;
            }
            char c = text.charAt(at);
            if (c == '"' || c == '\'') {
                return at + 1;
            }
            if (c == '|' || c == '>') {
                int nl = text.indexOf('\n', at);
                if (nl < 0) {
                    return -1;
                }
                int i = nl + 1;
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                return i;
            }
            if (c == '*') {
                return at;
            }
            return at;
        }

        /** A scalar's value; in a template, a value written as a template action is the action as written. */
        private String value(ScalarNode s) {
            if (templated) {
                int at = offset(s.getStartMark());
                if (at >= 0 && doc.text().startsWith("{{", at)) {
                    return rawValue(s);
                }
            }
            return s.getValue();
        }

        private String rawValue(ScalarNode s) {
            int start = valueOffset(s);
            int end = offset(s.getEndMark());
            if (start < 0 || end <= start) {
                return s.getValue();
            }
            String raw = doc.text().substring(start, end);
            if (raw.endsWith("\"") || raw.endsWith("'")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            return raw;
        }
    }
}
