package dev.miscan.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document read once, with every token's offset, for all the views that read JSON (the configuration
 * settings and the ARM template): tokenizing is the costly part, so it is done once per file. The reader is
 * lenient (comments, trailing commas, single quotes); {@link #strictJson()} says whether the first value used none
 * of the extensions that ARM's reader rejects, so that ARM can read the same tree.
 *
 * <p>A document that does not parse keeps every value read before the error, as a streaming reader would have seen
 * them, and the error.
 */
public final class JsonTree {
    public static final Document.View<JsonTree> VIEW = doc -> parse(doc.text());

    /** Nesting at which ARM's reader gives up (at this depth or one deeper); the lenient reader goes to 256. */
    public static final int ARM_MAX_DEPTH = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build())
            .build();

    /** What a node is. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOL, NULL }

    /**
     * One value. {@code at} is its token's offset (the opening brace or quote); {@code end} is one past a closed
     * container's closing bracket (-1 while the document broke off inside it); {@code text} is a string's value
     * (escapes resolved) or a scalar as written.
     */
    public static final class Node {
        public final Kind kind;
        public final int at;
        int end = -1;
        public final String text;
        /** Members of an object, in order. */
        public final List<Member> members;
        /** Items of an array, in order. */
        public final List<Node> items;

        Node(Kind kind, int at, String text) {
            this.kind = kind;
            this.at = at;
            this.text = text;
            this.members = kind == Kind.OBJECT ? new ArrayList<>() : List.of();
            this.items = kind == Kind.ARRAY ? new ArrayList<>() : List.of();
        }

        public int end() {
            return end;
        }
    }

    /** An object member: its name, the offset of the name's token (its opening quote), and its value. */
    public record Member(String name, int nameAt, Node value) {
    }

    private final List<Node> roots = new ArrayList<>();
    private JsonProcessingException parseError;
    private IOException readError;
    private boolean firstRootComplete;
    private boolean strictJson = true;

    private JsonTree() {
    }

    /** The top-level values, in order (usually one). */
    public List<Node> roots() {
        return roots;
    }

    /** The syntax error that ended the reading, or null. */
    public JsonProcessingException parseError() {
        return parseError;
    }

    /** A read error other than syntax, or null. */
    public IOException readError() {
        return readError;
    }

    /**
     * True when the first value was read whole and uses nothing beyond JSON with comments and trailing commas (no
     * single quotes, no {@code #} comment, nesting at most {@link #ARM_MAX_DEPTH}): what ARM's reader accepts.
     */
    public boolean strictJson() {
        return strictJson && firstRootComplete;
    }

    /** The first value when it was read whole, else null. */
    public Node firstRoot() {
        return firstRootComplete ? roots.get(0) : null;
    }

    public static JsonTree parse(String text) {
        JsonTree tree = new JsonTree();
        List<Node> stack = new ArrayList<>();
        String pendingName = null;
        int pendingNameAt = -1;
        int previousEnd = 0;
        int nextHash = text.indexOf('#');
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int at = (int) p.currentTokenLocation().getCharOffset();
                boolean inFirstRoot = tree.roots.size() <= 1 && !tree.firstRootComplete;
                if (inFirstRoot && tree.strictJson) {
                    // a '#' between two tokens is a YAML-style comment, which ARM's reader rejects
                    while (nextHash >= 0 && nextHash < at) {
                        if (nextHash >= previousEnd) {
                            tree.strictJson = false;
                            break;
                        }
                        nextHash = text.indexOf('#', previousEnd);
                    }
                    if ((t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) && at >= 0 && at < text.length()
                            && text.charAt(at) == '\'') {
                        tree.strictJson = false;
                    }
                }
                switch (t) {
                    case FIELD_NAME -> {
                        pendingName = p.currentName();
                        pendingNameAt = at;
                        previousEnd = stringEnd(text, at);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Node closed = stack.remove(stack.size() - 1);
                        closed.end = at + 1;
                        previousEnd = at + 1;
                        if (stack.isEmpty() && tree.roots.size() == 1) {
                            tree.firstRootComplete = true;
                        }
                    }
                    default -> {
                        Node n = switch (t) {
                            case START_OBJECT -> new Node(Kind.OBJECT, at, null);
                            case START_ARRAY -> new Node(Kind.ARRAY, at, null);
                            case VALUE_STRING -> new Node(Kind.STRING, at, p.getText());
                            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node(Kind.NUMBER, at, p.getText());
                            case VALUE_TRUE, VALUE_FALSE -> new Node(Kind.BOOL, at, p.getText());
                            case VALUE_NULL -> new Node(Kind.NULL, at, "null");
                            default -> throw new IOException("unexpected " + t);
                        };
                        if (stack.isEmpty()) {
                            tree.roots.add(n);
                        } else {
                            Node parent = stack.get(stack.size() - 1);
                            if (parent.kind == Kind.OBJECT) {
                                parent.members.add(new Member(pendingName, pendingNameAt, n));
                            } else {
                                parent.items.add(n);
                            }
                        }
                        pendingName = null;
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            stack.add(n);
                            if (inFirstRoot && stack.size() >= ARM_MAX_DEPTH) {
                                tree.strictJson = false;
                            }
                            previousEnd = at + 1;
                        } else {
                            previousEnd = t == JsonToken.VALUE_STRING ? stringEnd(text, at) : at + n.text.length();
                            if (stack.isEmpty() && tree.roots.size() == 1) {
                                tree.firstRootComplete = true;
                            }
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            tree.parseError = e;
        } catch (IOException e) {
            tree.readError = e;
        }
        return tree;
    }

    /** One past the closing quote of the string token at {@code at} (a conservative end for the comment check). */
    private static int stringEnd(String text, int at) {
        int i = at + 1;
        while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }
}
