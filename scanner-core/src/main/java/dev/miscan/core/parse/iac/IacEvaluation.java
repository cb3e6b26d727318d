package dev.miscan.core.parse.iac;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the parts of a template that build objects and arrays, as Azure and Terraform would, so that rules
 * read the properties a resource really gets: a variable holding an object ({@code properties: baseProperties}),
 * Bicep spreads ({@code { ...base, allowSharedKeyAccess: false }}), {@code union()} (objects merged deeply, the
 * last value winning; arrays joined), {@code concat()} of arrays ({@code appSettings: concat(base, [ … ])}) and
 * Terraform {@code merge()} of objects. Every property keeps the place it was written, so a finding points at the
 * line in the variable or the {@code union()} argument that sets it.
 *
 * <p>What cannot be known (a parameter, a condition, a loop, a function of anything else) stays an expression,
 * and so does an object built from one: a rule that asks "is this property set?" must not answer "no" when an
 * unknown part may set it.
 */
final class IacEvaluation {
    private static final int MAX_DEPTH = 24;

    private final IacTemplate template;
    /** Values already evaluated, by identity: a variable used by many resources is evaluated once. */
    private final Map<IacValue, IacValue> done = new IdentityHashMap<>();

    private IacEvaluation(IacTemplate template) {
        this.template = template;
    }

    /** Replaces every resource body of {@code template} by its evaluation. */
    static void evaluateBodies(IacTemplate template) {
        if (template.resources.isEmpty()) {
            return;
        }
        IacEvaluation e = new IacEvaluation(template);
        Map<IacTemplate.Resource, IacTemplate.Resource> replaced = new IdentityHashMap<>();
        List<IacTemplate.Resource> out = new ArrayList<>();
        for (IacTemplate.Resource r : template.resources) {
            out.add(e.resource(r, replaced, 0));
        }
        template.resources.clear();
        template.resources.addAll(out);
        template.invalidateIndex();
    }

    private IacTemplate.Resource resource(IacTemplate.Resource r, Map<IacTemplate.Resource, IacTemplate.Resource> replaced,
            int depth) {
        IacTemplate.Resource known = replaced.get(r);
        if (known != null) {
            return known;
        }
        IacTemplate.Resource parent = r.parent() == null || depth > 16 ? r.parent() : resource(r.parent(), replaced, depth + 1);
        IacValue body = evaluate(r.body(), 0);
        IacTemplate.Resource out = body == r.body() && parent == r.parent() ? r
                : new IacTemplate.Resource(r.symbol(), r.type(), r.apiVersion(), r.offset(), r.declEnd(), body,
                        r.existing(), parent, r.data());
        replaced.put(r, out);
        return out;
    }

    /** {@code v} with every object and array it builds written out; {@code v} itself when nothing changes. */
    IacValue evaluate(IacValue v, int depth) {
        if (v == null || depth > MAX_DEPTH) {
            return v;
        }
        IacValue cached = done.get(v);
        if (cached != null) {
            return cached;
        }
        done.put(v, v); // a variable that refers to itself ends here
        IacValue out = switch (v.kind()) {
            case OBJECT -> object(v, depth);
            case ARRAY -> array(v, depth);
            case EXPRESSION -> expression(v, depth);
            default -> v;
        };
        done.put(v, out);
        return out;
    }

    private IacValue object(IacValue v, int depth) {
        List<IacProperty> props = new ArrayList<>(v.properties().size());
        boolean changed = false;
        for (IacProperty p : v.properties()) {
            if (p.name().equalsIgnoreCase("copy") && p.value() != null && p.value().isArray()
                    && template.format().language().equals("json")) {
                // an ARM property loop: "copy": [{ "name": "appSettings", "count": n, "input": {…} }] makes the
                // property appSettings, an array of the inputs (one stands for all: copyIndex() is not known)
                List<IacProperty> loops = copyLoops(p.value(), depth);
                if (!loops.isEmpty()) {
                    props.addAll(loops);
                    changed = true;
                    continue;
                }
            }
            IacValue e = evaluate(p.value(), depth + 1);
            changed |= e != p.value();
            props.add(e == p.value() ? p : new IacProperty(p.name(), p.nameOffset(), e));
        }
        return changed ? IacValue.object(props, v.start(), v.end()) : v;
    }

    private IacValue array(IacValue v, int depth) {
        List<IacValue> items = new ArrayList<>(v.items().size());
        boolean changed = false;
        for (IacValue i : v.items()) {
            IacValue e = evaluate(i, depth + 1);
            changed |= e != i;
            items.add(e);
        }
        return changed ? IacValue.array(items, v.start(), v.end()) : v;
    }

    private IacValue expression(IacValue v, int depth) {
        String src = v.text() == null ? "" : v.text().strip();
        // a variable (Bicep name, Terraform local.x, ARM variables('x')) that holds an object or an array
        String ref = template.singleReference(v);
        if (ref != null) {
            IacTemplate.Variable var = template.referencedVariable(ref);
            if (var != null) {
                IacValue e = evaluate(var.value(), depth + 1);
                return e != null && (e.isObject() || e.isArray()) ? e : v;
            }
            return v;
        }
        // [for s in items: body] over a known array: one body per item, the item's values in place of s.x
        if (src.startsWith("[") && v.items().size() == 3 && v.items().get(2).isString()) {
            IacValue items = evaluate(v.items().get(0), depth + 1);
            if (items == null || !items.isArray() || items.items().size() > MAX_LOOP_ITEMS) {
                return v;
            }
            List<IacValue> out = new ArrayList<>();
            for (IacValue item : items.items()) {
                out.add(evaluate(bind(v.items().get(1), v.items().get(2).text(), item, 0), depth + 1));
            }
            return IacValue.array(out, v.start(), v.end());
        }
        // { ...base, name: value }: the object and its spreads, merged in the order they are written
        if (src.startsWith("{") && !v.items().isEmpty() && v.items().get(0).isObject()) {
            List<IacValue> parts = new ArrayList<>();
            for (IacProperty p : v.items().get(0).properties()) {
                parts.add(IacValue.object(List.of(p), p.nameOffset(), p.nameOffset()));
            }
            for (int k = 1; k < v.items().size(); k++) {
                IacValue spread = evaluate(v.items().get(k), depth + 1);
                if (spread == null || !spread.isObject()) {
                    return v;
                }
                parts.add(IacValue.object(spread.properties(), v.items().get(k).start(), v.items().get(k).start()));
            }
            parts.sort(java.util.Comparator.comparingInt(IacValue::start));
            IacValue merged = null;
            for (IacValue part : parts) {
                merged = merged == null ? evaluate(part, depth + 1) : merge(merged, evaluate(part, depth + 1), false, v);
            }
            return merged == null ? v : IacValue.object(merged.properties(), v.start(), v.end());
        }
        String function = functionName(src);
        if (function == null) {
            return v;
        }
        if (function.equals("createobject")) {
            // createObject('name', value, …): keys written as strings, values as they are
            List<IacValue> a = v.items();
            if (a.isEmpty() || a.size() % 2 != 0) {
                return v;
            }
            List<IacProperty> props = new ArrayList<>();
            for (int k = 0; k < a.size(); k += 2) {
                if (!a.get(k).isString()) {
                    return v;
                }
                props.add(new IacProperty(a.get(k).text(), a.get(k).start(), evaluate(a.get(k + 1), depth + 1)));
            }
            return IacValue.object(props, v.start(), v.end());
        }
        List<IacValue> args = new ArrayList<>();
        for (IacValue a : v.items()) {
            IacValue e = evaluate(a, depth + 1);
            if (e == null || !e.isObject() && !e.isArray()) {
                return v; // an argument that cannot be known
            }
            args.add(e);
        }
        if (args.isEmpty()) {
            return v;
        }
        boolean objects = args.stream().allMatch(IacValue::isObject);
        boolean arrays = args.stream().allMatch(IacValue::isArray);
        switch (function) {
            case "union", "merge" -> {
                if (objects) {
                    IacValue merged = args.get(0);
                    for (int k = 1; k < args.size(); k++) {
                        // ARM/Bicep union() merges nested objects too; Terraform merge() is shallow
                        merged = merge(merged, args.get(k), function.equals("union"), v);
                    }
                    return IacValue.object(merged.properties(), v.start(), v.end());
                }
                return arrays && function.equals("union") ? join(args, v) : v;
            }
            case "concat" -> {
                return arrays ? join(args, v) : v;
            }
            case "shallowmerge" -> {
                // shallowMerge([a, b]): the objects of one array, later ones over earlier ones, one level deep
                if (args.size() != 1 || !args.get(0).isArray() || args.get(0).items().isEmpty()) {
                    return v;
                }
                IacValue merged = null;
                for (IacValue item : args.get(0).items()) {
                    IacValue o = evaluate(item, depth + 1);
                    if (o == null || !o.isObject()) {
                        return v;
                    }
                    merged = merged == null ? o : merge(merged, o, false, v);
                }
                return IacValue.object(merged.properties(), v.start(), v.end());
            }
            default -> {
                return v;
            }
        }
    }

    /** The properties an ARM {@code copy} array makes; none when an element is not {@code { name, input }}. */
    private List<IacProperty> copyLoops(IacValue copy, int depth) {
        List<IacProperty> out = new ArrayList<>();
        for (IacValue loop : copy.items()) {
            IacProperty name = loop.isObject() ? loop.property("name") : null;
            IacValue input = loop.isObject() ? loop.get("input") : null;
            if (name == null || !name.value().isString() || input == null) {
                return List.of();
            }
            IacValue item = evaluate(input, depth + 1);
            out.add(new IacProperty(name.value().text(), name.nameOffset(),
                    IacValue.array(List.of(item), loop.start(), loop.end())));
        }
        return out;
    }

    /** Loops over more items than this are left unknown (a generated list, not settings a team writes). */
    private static final int MAX_LOOP_ITEMS = 64;

    /**
     * {@code body} with the loop variable {@code name} bound to {@code item}: {@code s} is the item, {@code s.x} its
     * property {@code x}; anything else is kept as written.
     */
    private static IacValue bind(IacValue body, String name, IacValue item, int depth) {
        if (body == null || depth > MAX_DEPTH) {
            return body;
        }
        switch (body.kind()) {
            case OBJECT -> {
                List<IacProperty> props = new ArrayList<>();
                for (IacProperty p : body.properties()) {
                    props.add(new IacProperty(p.name(), p.nameOffset(), bind(p.value(), name, item, depth + 1)));
                }
                return IacValue.object(props, body.start(), body.end());
            }
            case ARRAY -> {
                List<IacValue> items = new ArrayList<>();
                for (IacValue i : body.items()) {
                    items.add(bind(i, name, item, depth + 1));
                }
                return IacValue.array(items, body.start(), body.end());
            }
            case EXPRESSION -> {
                String src = body.text() == null ? "" : body.text().strip();
                if (src.equals(name)) {
                    return item;
                }
                if (src.startsWith(name + ".") && item.isObject()) {
                    String property = src.substring(name.length() + 1);
                    IacValue value = property.matches("[A-Za-z_][A-Za-z0-9_]*") ? item.get(property) : null;
                    return value == null ? body : value;
                }
                return body;
            }
            default -> {
                return body;
            }
        }
    }

    /**
     * {@code union}, {@code concat}, {@code merge}, {@code shallowmerge}, {@code createobject} (lower case) when
     * {@code src} is a call of one of them, else null.
     */
    private static String functionName(String src) {
        int open = src.indexOf('(');
        if (open <= 0 || !src.endsWith(")")) {
            return null;
        }
        String name = src.substring(0, open).strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("sys.")) {
            name = name.substring(4);
        }
        return switch (name) {
            case "union", "concat", "merge", "shallowmerge", "createobject" -> name;
            default -> null;
        };
    }

    /** {@code b}'s properties over {@code a}'s; {@code deep}: objects under the same name are merged too. */
    private static IacValue merge(IacValue a, IacValue b, boolean deep, IacValue at) {
        Map<String, IacProperty> byName = new LinkedHashMap<>();
        for (IacProperty p : a.properties()) {
            byName.put(p.name().toLowerCase(Locale.ROOT), p);
        }
        for (IacProperty p : b.properties()) {
            String key = p.name().toLowerCase(Locale.ROOT);
            IacProperty old = byName.get(key);
            if (deep && old != null && old.value() != null && p.value() != null && old.value().isObject()
                    && p.value().isObject()) {
                IacValue inner = merge(old.value(), p.value(), true, p.value());
                byName.put(key, new IacProperty(p.name(), p.nameOffset(), inner));
            } else {
                byName.remove(key); // the later value takes the later place
                byName.put(key, p);
            }
        }
        return IacValue.object(new ArrayList<>(byName.values()), at.start(), at.end());
    }

    private static IacValue join(List<IacValue> arrays, IacValue at) {
        List<IacValue> items = new ArrayList<>();
        for (IacValue a : arrays) {
            items.addAll(a.items());
        }
        return IacValue.array(items, at.start(), at.end());
    }
}
