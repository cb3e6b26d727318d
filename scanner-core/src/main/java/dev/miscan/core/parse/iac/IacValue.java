package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A value in an infrastructure-as-code file (Bicep, ARM JSON, Terraform), with its place in the document
 * text. Literals are decoded; anything computed (a reference, a function call, an interpolated string, an
 * ARM {@code [expression]}) is an {@link Kind#EXPRESSION} that keeps its source text and what it reads, so
 * that rules can follow a key from {@code listKeys()} or {@code primary_connection_string} to where it is
 * used without evaluating anything.
 */
public final class IacValue {
    /** What a value is. */
    public enum Kind { STRING, NUMBER, BOOL, NULL, OBJECT, ARRAY, EXPRESSION }

    private final Kind kind;
    private final int start;
    private final int end;
    private final String text;
    private final List<IacProperty> properties;
    private final List<IacValue> items;
    private final List<String> references;
    private final List<String> calls;

    private IacValue(Kind kind, int start, int end, String text, List<IacProperty> properties, List<IacValue> items,
            List<String> references, List<String> calls) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.text = text;
        this.properties = properties;
        this.items = items;
        this.references = references;
        this.calls = calls;
    }

    /**
     * A string literal; {@code start}/{@code end} delimit its characters inside the quotes, so that a finding on
     * a secret starts at the secret's first character.
     */
    public static IacValue string(String value, int start, int end) {
        return new IacValue(Kind.STRING, start, end, value, List.of(), List.of(), List.of(), List.of());
    }

    /** A number, {@code true}/{@code false} or {@code null} as written. */
    public static IacValue scalar(Kind kind, String literal, int start, int end) {
        return new IacValue(kind, start, end, literal, List.of(), List.of(), List.of(), List.of());
    }

    public static IacValue object(List<IacProperty> properties, int start, int end) {
        return new IacValue(Kind.OBJECT, start, end, null, List.copyOf(properties), List.of(), List.of(), List.of());
    }

    public static IacValue array(List<IacValue> items, int start, int end) {
        return new IacValue(Kind.ARRAY, start, end, null, List.of(), List.copyOf(items), List.of(), List.of());
    }

    /**
     * Anything computed: {@code source} is its text as written; {@code references} what it reads in the
     * language's notation (Bicep {@code stg}, ARM {@code param:x}/{@code var:x}, Terraform
     * {@code azurerm_storage_account.sa.primary_connection_string}); {@code calls} the functions it calls
     * ({@code listKeys}, {@code concat}). {@code parts} are values written inside it (an object passed to
     * {@code union()}), whose references and calls count as its own.
     */
    public static IacValue expression(String source, int start, int end, List<String> references, List<String> calls,
            List<IacValue> parts) {
        Set<String> refs = new LinkedHashSet<>(references);
        Set<String> fns = new LinkedHashSet<>(calls);
        for (IacValue p : parts) {
            refs.addAll(p.references());
            fns.addAll(p.calls());
        }
        return new IacValue(Kind.EXPRESSION, start, end, source, List.of(), List.copyOf(parts), List.copyOf(refs),
                List.copyOf(fns));
    }

    public Kind kind() {
        return kind;
    }

    /** Offset of the value's first character in the document (for strings: inside the quotes). */
    public int start() {
        return start;
    }

    /** Offset just after the value (for strings: before the closing quote). */
    public int end() {
        return end;
    }

    /** The decoded string, the literal of a scalar, or an expression's source; null for objects and arrays. */
    public String text() {
        return text;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isExpression() {
        return kind == Kind.EXPRESSION;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    /** True for {@code true}, false for {@code false}, null for anything else. */
    public Boolean bool() {
        if (kind != Kind.BOOL) {
            return null;
        }
        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
    }

    /** An object's properties in order; repeated names (Terraform blocks) are kept. */
    public List<IacProperty> properties() {
        return properties;
    }

    /** An array's items; for an expression, the values written inside it. */
    public List<IacValue> items() {
        return items;
    }

    /** The first property of that name, ignoring case (ARM and Bicep property names are case-insensitive). */
    public IacProperty property(String name) {
        for (IacProperty p : properties) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** Every property of that name (Terraform repeats blocks: {@code connection_string}, {@code container}). */
    public List<IacProperty> all(String name) {
        List<IacProperty> out = new ArrayList<>();
        for (IacProperty p : properties) {
            if (p.name().equalsIgnoreCase(name)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The value of the first property of that name, or null. */
    public IacValue get(String name) {
        IacProperty p = property(name);
        return p == null ? null : p.value();
    }

    /** The value at a path of property names ({@code "properties", "siteConfig", "appSettings"}), or null. */
    public IacValue at(String... path) {
        IacValue v = this;
        for (String name : path) {
            if (v == null || v.kind != Kind.OBJECT) {
                return null;
            }
            v = v.get(name);
        }
        return v;
    }

    /**
     * Whether what lies at a path cannot be known from the text: some value on the way is computed (a parameter,
     * a condition, a function of something unknown), so a property that is not found may still be set.
     */
    public boolean unknownAt(String... path) {
        IacValue v = this;
        for (String name : path) {
            if (v == null) {
                return false;
            }
            if (v.kind == Kind.EXPRESSION) {
                return true;
            }
            if (v.kind != Kind.OBJECT) {
                return false;
            }
            v = v.get(name);
        }
        return false;
    }

    /** The property at a path ({@code "properties", "disableLocalAuth"}), or null. */
    public IacProperty propertyAt(String... path) {
        IacValue v = this;
        for (int i = 0; i < path.length - 1; i++) {
            v = v == null || v.kind != Kind.OBJECT ? null : v.get(path[i]);
        }
        return v == null || v.kind != Kind.OBJECT ? null : v.property(path[path.length - 1]);
    }

    /** What this value reads, including inside objects, arrays and sub-expressions. */
    public List<String> references() {
        if (kind == Kind.OBJECT || kind == Kind.ARRAY) {
            Set<String> all = new LinkedHashSet<>();
            forEachChild(c -> all.addAll(c.references()));
            return List.copyOf(all);
        }
        return references;
    }

    /** The functions this value calls, including inside objects, arrays and sub-expressions. */
    public List<String> calls() {
        if (kind == Kind.OBJECT || kind == Kind.ARRAY) {
            Set<String> all = new LinkedHashSet<>();
            forEachChild(c -> all.addAll(c.calls()));
            return List.copyOf(all);
        }
        return calls;
    }

    private void forEachChild(java.util.function.Consumer<IacValue> action) {
        for (IacProperty p : properties) {
            action.accept(p.value());
        }
        for (IacValue i : items) {
            action.accept(i);
        }
    }

    /** Every string literal in this value, depth first (for values whose parts are literals). */
    public List<IacValue> strings() {
        List<IacValue> out = new ArrayList<>();
        collectStrings(this, out, 0);
        return Collections.unmodifiableList(out);
    }

    private static void collectStrings(IacValue v, List<IacValue> out, int depth) {
        if (v == null || depth > 64) {
            return;
        }
        if (v.kind == Kind.STRING) {
            out.add(v);
        }
        for (IacProperty p : v.properties) {
            collectStrings(p.value(), out, depth + 1);
        }
        for (IacValue i : v.items) {
            collectStrings(i, out, depth + 1);
        }
    }

    @Override
    public String toString() {
        return kind + "@" + start + (text != null ? ":" + text : "");
    }
}
