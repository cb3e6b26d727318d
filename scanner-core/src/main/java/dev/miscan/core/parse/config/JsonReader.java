package dev.miscan.core.parse.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.miscan.core.parse.Document;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * JSON (with comments and trailing commas tolerated) flattened to dotted paths, with each string value's
 * offset from Jackson's token locations. Unicode escapes such as {@code \\}{@code u0026} are resolved in {@code value}; the raw
 * text is kept for redaction.
 */
final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
            .build();

    private JsonReader() {
    }

    static List<ConfigEntry> read(Document doc) {
        List<ConfigEntry> out = new ArrayList<>();
        String text = doc.text();
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> arrayIndex = new ArrayDeque<>();
        String field = null;
        int fieldOffset = -1;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        field = p.currentName();
                        fieldOffset = (int) p.currentTokenLocation().getCharOffset() + 1;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String seg = segment(field, arrayIndex);
                        path.push(seg == null ? "" : seg);
                        arrayIndex.push(t == JsonToken.START_ARRAY ? 0 : -1);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        arrayIndex.pop();
                        bump(arrayIndex);
                        field = null;
                    }
                    default -> {
                        String seg = segment(field, arrayIndex);
                        if (t == JsonToken.VALUE_STRING && seg != null) {
                            int start = (int) p.currentTokenLocation().getCharOffset();
                            int valueStart = start >= 0 && start < text.length() && text.charAt(start) == '"'
                                    || start >= 0 && start < text.length() && text.charAt(start) == '\'' ? start + 1 : start;
                            String raw = rawString(text, valueStart);
                            out.add(new ConfigEntry(join(path, seg), p.getText(), field != null ? fieldOffset : valueStart,
                                    valueStart, raw, false, false));
                        }
                        bump(arrayIndex);
                        field = null;
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // a constraint violation (nesting too deep, number too long) may come without a message or location
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().lines().findFirst().orElse("").strip();
            doc.warn("JSON does not parse (" + message + (e.getLocation() == null ? ""
                    : ", line " + e.getLocation().getLineNr()) + "); scanned as plain text");
        } catch (IOException e) {
            doc.warn("JSON cannot be read (" + e.getClass().getSimpleName() + "); scanned as plain text");
        }
        return out;
    }

    private static String segment(String field, Deque<Integer> arrayIndex) {
        if (field != null) {
            return field;
        }
        Integer idx = arrayIndex.peek();
        return idx != null && idx >= 0 ? "[" + idx + "]" : null;
    }

    private static void bump(Deque<Integer> arrayIndex) {
        Integer idx = arrayIndex.peek();
        if (idx != null && idx >= 0) {
            arrayIndex.pop();
            arrayIndex.push(idx + 1);
        }
    }

    private static String join(Deque<String> path, String last) {
        List<String> parts = new ArrayList<>(path);
        java.util.Collections.reverse(parts);
        StringBuilder sb = new StringBuilder();
        for (String s : parts) {
            if (!s.isEmpty()) {
                appendSegment(sb, s);
            }
        }
        appendSegment(sb, last);
        return sb.toString();
    }

    private static void appendSegment(StringBuilder sb, String s) {
        if (s.startsWith("[")) {
            sb.append(s);
        } else {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(s);
        }
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
