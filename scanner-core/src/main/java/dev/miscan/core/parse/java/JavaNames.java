package dev.miscan.core.parse.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names without a symbol solver: what a type name written in a compilation unit may stand for, from its
 * package, its imports and the types it declares. Good enough to find constants and builder types; a
 * name that cannot be told apart stays ambiguous and callers try each candidate.
 */
public final class JavaNames {
    private JavaNames() {
    }

    public static String packageName(CompilationUnit cu) {
        return cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    }

    /** The last segment of a possibly qualified name, without type arguments. */
    public static String simpleName(String name) {
        String n = name;
        int lt = n.indexOf('<');
        if (lt >= 0) {
            n = n.substring(0, lt);
        }
        return n.substring(n.lastIndexOf('.') + 1).strip();
    }

    /** The fully qualified name of a type declared in {@code cu}, e.g. {@code com.contoso.Keys.Storage}. */
    public static String qualifiedName(TypeDeclaration<?> type) {
        return type.getFullyQualifiedName().orElse(type.getNameAsString());
    }

    private static final DataKey<List<TypeDeclaration<?>>> TYPES = new DataKey<>() {
    };

    /** Every type declared in {@code cu}, at any depth; computed once per unit (units are shared by threads). */
    @SuppressWarnings("unchecked")
    public static List<TypeDeclaration<?>> types(CompilationUnit cu) {
        synchronized (cu) {
            if (!cu.containsData(TYPES)) {
                List<TypeDeclaration<?>> all = new ArrayList<>();
                for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
                    all.add(t);
                }
                cu.setData(TYPES, List.copyOf(all));
            }
            return cu.getData(TYPES);
        }
    }

    /** A type declared in {@code cu} (at any depth) whose simple name is {@code simple}. */
    public static Optional<TypeDeclaration<?>> declaredType(CompilationUnit cu, String simple) {
        for (TypeDeclaration<?> t : types(cu)) {
            if (t.getNameAsString().equals(simple)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type declared in {@code cu} with this fully qualified name. */
    public static Optional<TypeDeclaration<?>> typeByQualifiedName(CompilationUnit cu, String fqn) {
        for (TypeDeclaration<?> t : types(cu)) {
            if (qualifiedName(t).equals(fqn)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Every type declared in {@code cu} with this fully qualified name: one in Java; several in a Kotlin source read as
     * Java, whose top-level declarations between its classes are written as several parts of the same class.
     */
    public static List<TypeDeclaration<?>> typesByQualifiedName(CompilationUnit cu, String fqn) {
        List<TypeDeclaration<?>> out = new ArrayList<>();
        for (TypeDeclaration<?> t : types(cu)) {
            if (qualifiedName(t).equals(fqn)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The explicit (single-type) import of a simple name, e.g. {@code BlobServiceClientBuilder}. */
    public static Optional<String> importOf(CompilationUnit cu, String simple) {
        return Optional.ofNullable(imports(cu).bySimpleName().get(simple));
    }

    /** True when the unit imports anything (types or statics) from a package starting with {@code prefix}. */
    public static boolean importsFrom(CompilationUnit cu, String prefix) {
        return imports(cu).from().computeIfAbsent(prefix, p -> {
            for (ImportDeclaration i : cu.getImports()) {
                if (i.getNameAsString().startsWith(p)) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * A unit's imports as the questions above ask about them, worked out once per unit: a Kotlin file read as Java
     * holds one static import per top-level property, and each sink asks.
     *
     * @param bySimpleName the first single-type import of each simple name
     * @param from         whether the unit imports from a prefix, per prefix asked about
     */
    private record Imports(Map<String, String> bySimpleName, Map<String, Boolean> from) {
    }

    private static final com.github.javaparser.ast.DataKey<Imports> IMPORTS = new com.github.javaparser.ast.DataKey<>() {
    };

    private static Imports imports(CompilationUnit cu) {
        // units are shared by the scanning threads (through the constant index): made under the unit's lock
        synchronized (cu) {
            if (!cu.containsData(IMPORTS)) {
                Map<String, String> bySimpleName = new java.util.HashMap<>();
                for (ImportDeclaration i : cu.getImports()) {
                    if (!i.isStatic() && !i.isAsterisk()) {
                        bySimpleName.putIfAbsent(simpleName(i.getNameAsString()), i.getNameAsString());
                    }
                }
                cu.setData(IMPORTS, new Imports(bySimpleName, new java.util.concurrent.ConcurrentHashMap<>()));
            }
            return cu.getData(IMPORTS);
        }
    }

    /**
     * The fully qualified names a type name written in {@code cu} may stand for, most likely first: an
     * explicit import, a type of the same unit, the same package, then each on-demand import.
     */
    public static List<String> typeCandidates(CompilationUnit cu, String written) {
        String name = written;
        int lt = name.indexOf('<');
        if (lt >= 0) {
            name = name.substring(0, lt);
        }
        Set<String> out = new LinkedHashSet<>();
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
        if (!first.isEmpty() && Character.isLowerCase(first.charAt(0)) && name.contains(".")) {
            out.add(name); // already qualified: com.contoso.Keys
            return new ArrayList<>(out);
        }
        importOf(cu, first).ifPresent(i -> out.add(i + rest));
        declaredType(cu, first).ifPresent(t -> out.add(qualifiedName(t) + rest));
        String pkg = packageName(cu);
        out.add(pkg.isEmpty() ? name : pkg + "." + name);
        for (ImportDeclaration i : cu.getImports()) {
            if (i.isAsterisk() && !i.isStatic()) {
                out.add(i.getNameAsString() + "." + name);
            }
        }
        return new ArrayList<>(out);
    }

    /** Static imports that may bring {@code member} into scope: {@code [type fqn]} candidates. */
    public static List<String> staticImportOwners(CompilationUnit cu, String member) {
        List<String> owners = new ArrayList<>();
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isStatic()) {
                continue;
            }
            String n = i.getNameAsString();
            if (i.isAsterisk()) {
                owners.add(n);
            } else if (simpleName(n).equals(member) && n.contains(".")) {
                owners.add(0, n.substring(0, n.lastIndexOf('.')));
            }
        }
        return owners;
    }

    /** The nearest enclosing node of a type (JavaParser's {@code findAncestor} without its generic varargs). */
    public static <T> Optional<T> ancestor(Node n, Class<T> type) {
        Node p = n.getParentNode().orElse(null);
        while (p != null) {
            if (type.isInstance(p)) {
                return Optional.of(type.cast(p));
            }
            p = p.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /** The compilation unit a node belongs to. */
    public static Optional<CompilationUnit> unitOf(Node n) {
        return n.findCompilationUnit();
    }
}
