package dev.miscan.core.parse.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.JsonTree;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON (with comments and trailing commas tolerated) flattened to dotted paths, with each string value's
 * offset from Jackson's token locations. Unicode escapes such as {@code \\}{@code u0026} are resolved in {@code value}; the raw
 * text is kept for redaction. The document is tokenized once ({@link JsonTree}), for this view and the ARM view.
 */
final class JsonReader {
    /** JSON's literal words ({@code true}, {@code false}, {@code null}), as Jackson names them. */
    private static final java.util.Set<String> JSON_LITERALS = java.util.Arrays.stream(
            com.fasterxml.jackson.core.JsonToken.values()).map(com.fasterxml.jackson.core.JsonToken::asString)
            .filter(w -> w != null && w.chars().allMatch(Character::isLetter))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private JsonReader() {
    }

    static List<ConfigEntry> read(Document doc) {
        List<ConfigEntry> out = new ArrayList<>();
        String text = doc.text();
        JsonTree tree = doc.view(JsonTree.VIEW);
        for (JsonTree.Node root : tree.roots()) {
            walk(root, null, -1, text, "", out);
        }
        JsonProcessingException e = tree.parseError();
        if (e != null) {
            // a constraint violation (nesting too deep, number too long) may come without a message or location
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().lines().findFirst().orElse("").strip();
            message = dev.miscan.core.parse.ParserMessages.unquotedBetweenQuotes(message,
                    dev.miscan.core.parse.ParserMessages.near(doc, e.getLocation() == null ? -1
                            : e.getLocation().getLineNr() - 1), JSON_LITERALS);
            doc.warn("JSON does not parse (" + message + (e.getLocation() == null ? ""
                    : ", line " + e.getLocation().getLineNr()) + "); scanned as plain text");
        } else if (tree.readError() != null) {
            doc.warn("JSON cannot be read (" + tree.readError().getClass().getSimpleName() + "); scanned as plain text");
        }
        return out;
    }

    /**
     * The settings under {@code node}, in document order: {@code segment} is its member name or {@code [index]}
     * (null for a top-level value), {@code nameOffset} the offset of its name's first character (-1 for none),
     * {@code prefix} the dotted key of the containers above it (made once per container, not once per setting).
     */
    private static void walk(JsonTree.Node node, String segment, int nameOffset, String text, String prefix,
            List<ConfigEntry> out) {
        switch (node.kind) {
            case OBJECT -> {
                // a container's empty name (the top level, or a member named "") adds nothing to its settings' keys
                String inner = segment == null || segment.isEmpty() ? prefix : append(prefix, segment);
                for (JsonTree.Member m : node.members) {
                    walk(m.value(), m.name(), m.nameAt() + 1, text, inner, out);
                }
            }
            case ARRAY -> {
                String inner = segment == null || segment.isEmpty() ? prefix : append(prefix, segment);
                for (int i = 0; i < node.items.size(); i++) {
                    walk(node.items.get(i), "[" + i + "]", -1, text, inner, out);
                }
            }
            case STRING -> {
                if (segment != null) {
                    int start = node.at;
                    int valueStart = start >= 0 && start < text.length()
                            && (text.charAt(start) == '"' || text.charAt(start) == '\'') ? start + 1 : start;
                    out.add(new ConfigEntry(append(prefix, segment), node.text,
                            nameOffset >= 0 ? nameOffset : valueStart, valueStart, rawString(text, valueStart), false,
                            false));
                }
            }
            default -> {
            }
        }
    }

    /** {@code prefix} and a segment: {@code a.b} and {@code c} make {@code a.b.c}, with {@code [0]} {@code a.b[0]}. */
    private static String append(String prefix, String segment) {
        if (segment.startsWith("[")) {
            return prefix + segment;
        }
        return prefix.isEmpty() ? segment : prefix + "." + segment;
    }

    /** The raw characters of a JSON string starting at {@code start}, up to its closing quote. */
    private static String rawString(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return text.substring(start, Math.min(i, text.length()));
    }
}
