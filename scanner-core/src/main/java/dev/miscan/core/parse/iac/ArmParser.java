package dev.miscan.core.parse.iac;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ARM templates and parameters files, read with Jackson's streaming parser so that every value keeps its
 * offset. Template expressions ({@code "[listKeys(…)]"}) are kept as expressions, with what they read
 * ({@code parameters('x')} as {@code param:x}, {@code variables('x')} as {@code var:x}, the type in
 * {@code resourceId('Microsoft.Storage/storageAccounts', …)} as {@code type:…}) and the functions they call;
 * {@code "[["} is a literal. Resources nested in {@code resources} arrays are flattened with their parent and
 * full type; languageVersion 2.0 symbolic resources are read too; an inline template of a
 * {@code Microsoft.Resources/deployments} resource is a nested template.
 */
final class ArmParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final int MAX_TEMPLATE_DEPTH = 16;

    private ArmParser() {
    }

    /** True when the text is worth parsing as ARM: a cheap look before building a tree. */
    static boolean looksLikeArm(String text, String fileName) {
        if (text.contains("schema.management.azure.com")) {
            return true;
        }
        return text.contains("\"resources\"") && text.contains("\"contentVersion\"")
                || fileName.toLowerCase(Locale.ROOT).endsWith(".parameters.json") && text.contains("\"parameters\"");
    }

    /**
     * The template or parameters file in {@code text}, or {@link IacTemplate#EMPTY} when it is not ARM or not
     * JSON (the JSON configuration reader already warns about JSON that does not parse).
     */
    static IacTemplate parse(String text, String fileName) {
        IacValue root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return IacTemplate.EMPTY;
            }
            root = value(p, t, text);
        } catch (IOException | RuntimeException e) {
            return IacTemplate.EMPTY;
        }
        return template(root, fileName);
    }

    /**
     * The same from the document's JSON tree, read once for every view of the file; a document that used what
     * only the lenient reader accepts (single quotes, {@code #} comments, deeper nesting) is read again here, so
     * that the result is what this reader alone would give.
     */
    static IacTemplate parse(dev.miscan.core.parse.JsonTree tree, String text, String fileName) {
        if (!tree.strictJson()) {
            return parse(text, fileName);
        }
        dev.miscan.core.parse.JsonTree.Node first = tree.firstRoot();
        if (first.kind != dev.miscan.core.parse.JsonTree.Kind.OBJECT) {
            return IacTemplate.EMPTY;
        }
        IacValue root;
        try {
            root = value(first, text);
        } catch (RuntimeException e) {
            return IacTemplate.EMPTY;
        }
        return template(root, fileName);
    }

    private static IacTemplate template(IacValue root, String fileName) {
        String schema = stringOf(root.get("$schema")).toLowerCase(Locale.ROOT);
        IacValue parameters = root.get("parameters");
        if (schema.contains("deploymentparameters") || schema.isEmpty()
                && fileName.toLowerCase(Locale.ROOT).endsWith(".parameters.json") && parameters != null
                && parameters.isObject() && root.get("resources") == null) {
            IacTemplate t = new IacTemplate(IacTemplate.Format.ARM_PARAMETERS);
            if (parameters != null && parameters.isObject()) {
                for (IacProperty prop : parameters.properties()) {
                    IacValue v = prop.value().isObject() ? prop.value().get("value") : null;
                    if (v != null) {
                        t.assignments.add(new IacTemplate.Assignment(prop.name(), prop.nameOffset(), v));
                    }
                }
            }
            return t;
        }
        if (schema.contains("deploymenttemplate") || root.get("resources") != null
                && (root.get("contentVersion") != null || parameters != null)) {
            return template(root, 0);
        }
        return IacTemplate.EMPTY;
    }

    private static IacTemplate template(IacValue root, int depth) {
        IacTemplate t = new IacTemplate(IacTemplate.Format.ARM);
        IacValue params = root.get("parameters");
        if (params != null && params.isObject()) {
            for (IacProperty p : params.properties()) {
                if (!p.value().isObject()) {
                    continue;
                }
                String type = stringOf(p.value().get("type"));
                boolean secure = type.equalsIgnoreCase("securestring") || type.equalsIgnoreCase("secureobject");
                t.parameters.add(new IacTemplate.Parameter(p.name(), p.nameOffset(), type, secure,
                        p.value().get("defaultValue")));
            }
        }
        IacValue vars = root.get("variables");
        if (vars != null && vars.isObject()) {
            for (IacProperty v : vars.properties()) {
                if (!v.name().equalsIgnoreCase("copy")) {
                    t.variables.add(new IacTemplate.Variable(v.name(), v.nameOffset(), v.value()));
                }
            }
        }
        resources(t, root.get("resources"), null, depth);
        IacValue outputs = root.get("outputs");
        if (outputs != null && outputs.isObject()) {
            for (IacProperty o : outputs.properties()) {
                if (!o.value().isObject()) {
                    continue;
                }
                String type = stringOf(o.value().get("type"));
                t.outputs.add(new IacTemplate.Output(o.name(), o.nameOffset(),
                        type.equalsIgnoreCase("securestring") || type.equalsIgnoreCase("secureobject"),
                        o.value().get("value")));
            }
        }
        IacEvaluation.evaluateBodies(t);
        return t;
    }

    private static void resources(IacTemplate t, IacValue list, IacTemplate.Resource parent, int depth) {
        if (list == null) {
            return;
        }
        if (list.isArray()) {
            for (IacValue r : list.items()) {
                resource(t, r, "", parent, depth);
            }
        } else if (list.isObject()) { // languageVersion 2.0: symbolic names
            for (IacProperty p : list.properties()) {
                resource(t, p.value(), p.name(), parent, depth);
            }
        }
    }

    private static void resource(IacTemplate t, IacValue r, String symbol, IacTemplate.Resource parent, int depth) {
        if (r == null || !r.isObject()) {
            return;
        }
        IacProperty typeProp = r.property("type");
        String type = typeProp == null ? "" : stringOf(typeProp.value());
        if (parent != null && !type.isEmpty() && type.indexOf('/') < 0) {
            type = parent.type() + "/" + type;
        }
        int offset = typeProp != null ? typeProp.nameOffset() : r.start();
        int declEnd = typeProp != null ? typeProp.value().end() + 1 : r.start() + 1;
        IacTemplate.Resource res = new IacTemplate.Resource(symbol, type, stringOf(r.get("apiVersion")), offset,
                declEnd, r, Boolean.TRUE.equals(r.get("existing") == null ? null : r.get("existing").bool()), parent,
                false);
        t.resources.add(res);
        if (res.isType("Microsoft.Resources/deployments") && depth < MAX_TEMPLATE_DEPTH) {
            IacValue inner = r.at("properties", "template");
            if (inner != null && inner.isObject()) {
                t.nested.add(template(inner, depth + 1));
            }
        }
        resources(t, r.get("resources"), res, depth);
    }

    private static String stringOf(IacValue v) {
        return v != null && v.isString() ? v.text() : "";
    }

    // ---- JSON tree with offsets ----

    private static IacValue value(JsonParser p, JsonToken t, String text) throws IOException {
        int at = (int) p.currentTokenLocation().getCharOffset();
        switch (t) {
            case START_OBJECT -> {
                List<IacProperty> props = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int nameOffset = (int) p.currentTokenLocation().getCharOffset();
                    IacValue v = value(p, p.nextToken(), text);
                    props.add(new IacProperty(name, nameOffset, v));
                }
                int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                return IacValue.object(props, at, end);
            }
            case START_ARRAY -> {
                List<IacValue> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                    items.add(value(p, n, text));
                }
                int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                return IacValue.array(items, at, end);
            }
            case VALUE_STRING -> {
                return string(p.getText(), at, text);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return IacValue.scalar(IacValue.Kind.NUMBER, p.getText(), at, at + p.getText().length());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return IacValue.scalar(IacValue.Kind.BOOL, p.getText(), at, at + p.getText().length());
            }
            case VALUE_NULL -> {
                return IacValue.scalar(IacValue.Kind.NULL, "null", at, at + 4);
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    private static IacValue value(dev.miscan.core.parse.JsonTree.Node n, String text) {
        int at = n.at;
        switch (n.kind) {
            case OBJECT -> {
                List<IacProperty> props = new ArrayList<>(n.members.size());
                for (dev.miscan.core.parse.JsonTree.Member m : n.members) {
                    props.add(new IacProperty(m.name(), m.nameAt(), value(m.value(), text)));
                }
                return IacValue.object(props, at, n.end());
            }
            case ARRAY -> {
                List<IacValue> items = new ArrayList<>(n.items.size());
                for (dev.miscan.core.parse.JsonTree.Node item : n.items) {
                    items.add(value(item, text));
                }
                return IacValue.array(items, at, n.end());
            }
            case STRING -> {
                return string(n.text, at, text);
            }
            case NUMBER -> {
                return IacValue.scalar(IacValue.Kind.NUMBER, n.text, at, at + n.text.length());
            }
            case BOOL -> {
                return IacValue.scalar(IacValue.Kind.BOOL, n.text, at, at + n.text.length());
            }
            default -> {
                return IacValue.scalar(IacValue.Kind.NULL, "null", at, at + 4);
            }
        }
    }

    private static IacValue string(String s, int at, String text) {
        int start = at + 1;
        int end = closingQuote(text, start);
        if (s.startsWith("[[")) {
            return IacValue.string(s.substring(1), start + 1, end);
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            return ArmExpressions.parse(s, start, end);
        }
        return IacValue.string(s, start, end);
    }

    private static int closingQuote(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, text.length());
    }
}
