package dev.miscan.core.parse.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a compilation unit that the flow analyses look up by name, grouped in one walk, once per unit: a
 * question about one name then costs the nodes of that name, not a walk of the unit. Each list is in the order of a
 * pre-order walk (that of {@code findAll}), so {@link #within} gives what {@code scope.findAll(...)} filtered by the
 * name would, in the same order.
 *
 * <p>Units are shared by the scanning threads (through the constant index): the grouping is made under the unit's
 * lock, as {@link JavaNames#types} is.
 */
public final class UnitNodes {
    private static final DataKey<UnitNodes> KEY = new DataKey<>() {
    };

    private final Map<String, List<NameExpr>> names = new HashMap<>();
    private final Map<String, List<FieldAccessExpr>> fieldAccesses = new HashMap<>();
    private final Map<String, List<MethodCallExpr>> calls = new HashMap<>();
    /** Each call's place in the walk: to merge the calls of several names in the unit's order. */
    private final Map<MethodCallExpr, Integer> callOrder = new java.util.IdentityHashMap<>();
    private final Map<String, List<VariableDeclarator>> locals = new HashMap<>();
    private final Map<String, List<Parameter>> parametersByType = new HashMap<>();
    private final Map<String, List<VariableDeclarator>> instanceFieldsByType = new HashMap<>();
    private final Map<String, List<FieldDeclaration>> fields = new HashMap<>();

    /** The groupings of the scopes asked about ({@link #in}), each made once; guarded by itself. */
    private final Map<Node, UnitNodes> scopes = new java.util.IdentityHashMap<>();

    private UnitNodes(Node root) {
        root.walk(n -> {
            if (n instanceof NameExpr e) {
                names.computeIfAbsent(e.getNameAsString(), k -> new ArrayList<>()).add(e);
            } else if (n instanceof FieldAccessExpr e) {
                fieldAccesses.computeIfAbsent(e.getNameAsString(), k -> new ArrayList<>()).add(e);
            } else if (n instanceof MethodCallExpr e) {
                calls.computeIfAbsent(e.getNameAsString(), k -> new ArrayList<>()).add(e);
                callOrder.put(e, callOrder.size());
            } else if (n instanceof VariableDeclarationExpr e) {
                for (VariableDeclarator v : e.getVariables()) {
                    locals.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(v);
                }
            } else if (n instanceof Parameter e) {
                parametersByType.computeIfAbsent(simpleName(e.getType().asString()), k -> new ArrayList<>()).add(e);
            } else if (n instanceof FieldDeclaration e) {
                for (VariableDeclarator v : e.getVariables()) {
                    List<FieldDeclaration> named = fields.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>());
                    if (named.isEmpty() || named.get(named.size() - 1) != e) {
                        named.add(e);
                    }
                    if (!e.isStatic()) {
                        instanceFieldsByType.computeIfAbsent(simpleName(v.getType().asString()),
                                k -> new ArrayList<>()).add(v);
                    }
                }
            }
        });
    }

    /** The grouping of the unit {@code node} is in; null for a node outside any unit. */
    public static UnitNodes of(Node node) {
        CompilationUnit cu = node instanceof CompilationUnit u ? u : node.findCompilationUnit().orElse(null);
        if (cu == null) {
            return null;
        }
        synchronized (cu) {
            if (!cu.containsData(KEY)) {
                cu.setData(KEY, new UnitNodes(cu));
            }
            return cu.getData(KEY);
        }
    }

    /**
     * The grouping of the nodes within {@code scope} (itself and below), in the unit's order: what {@link #within}
     * of the unit's lists would give, made in one walk of the scope the first time it is asked about. A method of a
     * class of a thousand methods that all name a variable {@code key} then costs its own names, not the unit's.
     * Null for a node outside any unit.
     */
    public static UnitNodes in(Node scope) {
        UnitNodes unit = of(scope);
        if (unit == null || scope instanceof CompilationUnit) {
            return unit;
        }
        synchronized (unit.scopes) {
            return unit.scopes.computeIfAbsent(scope, UnitNodes::new);
        }
    }

    /** The names ({@code x}, not {@code a.x}) written {@code name}, in the unit's order. */
    public List<NameExpr> names(String name) {
        return names.getOrDefault(name, List.of());
    }

    /** The field accesses ({@code this.x}, {@code a.x}) of {@code name}, in the unit's order. */
    public List<FieldAccessExpr> fieldAccesses(String name) {
        return fieldAccesses.getOrDefault(name, List.of());
    }

    /** The calls of methods named {@code name}, in the unit's order. */
    public List<MethodCallExpr> calls(String name) {
        return calls.getOrDefault(name, List.of());
    }

    /** The calls of methods named any of {@code names}, in the unit's order. */
    public List<MethodCallExpr> calls(java.util.Collection<String> names) {
        List<MethodCallExpr> out = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(names)) {
            out.addAll(calls(name));
        }
        out.sort(java.util.Comparator.comparingInt(callOrder::get));
        return out;
    }

    /**
     * The calls whose receiver is the name {@code receiver} ({@code receiver.x(…)}, not {@code a.receiver.x(…)}), in
     * the unit's order.
     */
    public List<MethodCallExpr> callsOn(String receiver) {
        List<MethodCallExpr> out = new ArrayList<>();
        for (NameExpr n : names(receiver)) {
            // a call's receiver is its first child: the receivers' order is the calls'
            if (n.getParentNode().orElse(null) instanceof MethodCallExpr mc && mc.getScope().orElse(null) == n) {
                out.add(mc);
            }
        }
        return out;
    }

    /**
     * The calls of methods named {@code name} that pass the name {@code argument} as one of their arguments
     * ({@code x.name(…, argument, …)}), in the unit's order.
     */
    public List<MethodCallExpr> callsPassing(String name, String argument) {
        List<MethodCallExpr> out = new ArrayList<>();
        java.util.Set<MethodCallExpr> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (NameExpr n : names(argument)) {
            if (n.getParentNode().orElse(null) instanceof MethodCallExpr mc && mc.getNameAsString().equals(name)
                    && mc.getArguments().stream().anyMatch(a -> a == n) && seen.add(mc)) {
                out.add(mc);
            }
        }
        out.sort(java.util.Comparator.comparingInt(callOrder::get));
        return out;
    }

    /** The local variables ({@code var x = …}, {@code String x;}: not fields, not parameters) named {@code name}. */
    public List<VariableDeclarator> locals(String name) {
        return locals.getOrDefault(name, List.of());
    }

    /** The field declarations that declare a variable named {@code name}, in the unit's order. */
    public List<FieldDeclaration> fields(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** The parameters whose type's simple name ({@code BlobClient} of {@code com.x.BlobClient}) is {@code simple}. */
    public List<Parameter> parametersOfType(String simple) {
        return parametersByType.getOrDefault(simple, List.of());
    }

    /** The variables of instance (not static) fields whose type's simple name is {@code simple}, in the unit's order. */
    public List<VariableDeclarator> instanceFieldsOfType(String simple) {
        return instanceFieldsByType.getOrDefault(simple, List.of());
    }

    /** The simple name of a type as written: what follows its last dot. */
    public static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Those of {@code nodes} that are {@code scope} or inside it, in their order. */
    public static <T extends Node> List<T> within(Node scope, List<T> nodes) {
        List<T> out = new ArrayList<>();
        for (T n : nodes) {
            if (isWithin(n, scope)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether {@code n} is {@code scope} or inside it (a walk up from {@code n}, not a search of {@code scope}). */
    public static boolean isWithin(Node n, Node scope) {
        for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
            if (p == scope) {
                return true;
            }
        }
        return false;
    }
}
