package dev.miscan.core.parse.classfile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the translation writes the types it uses: by simple name with an import, as source code does (the Java rules
 * match constructor and builder names as written and check the imports), or fully qualified when two types share a
 * simple name. A nested class keeps its binary name ({@code Keys$Storage}): the class file that declares it has that
 * name, which is how constants are found across files. A nested {@code Builder} is written {@code Outer.Builder}, the
 * name the rules know builders by.
 */
final class TypeNames {
    private final String self;
    private final String selfPackage;
    private final Set<String> used = new LinkedHashSet<>();
    private final Map<String, String> written = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    TypeNames(String self) {
        this.self = self;
        this.selfPackage = packageOf(self);
    }

    String self() {
        return self;
    }

    /** The simple name the translated class is declared with. */
    String selfName() {
        return Identifiers.of(self.substring(self.lastIndexOf('/') + 1));
    }

    String selfPackage() {
        return dotted(selfPackage);
    }

    /** Records a type (internal name or descriptor) the text will name. */
    void use(String typeOrDesc) {
        if (typeOrDesc == null || typeOrDesc.isEmpty()) {
            return;
        }
        String t = typeOrDesc;
        while (t.startsWith("[")) {
            t = t.substring(1);
        }
        if (t.length() == 1) {
            return; // a primitive
        }
        if (t.startsWith("L") && t.endsWith(";")) {
            t = t.substring(1, t.length() - 1);
        }
        if (used.size() < 20_000) {
            used.add(t);
        }
    }

    /** Decides every recorded type's written name; called once, before anything is rendered. */
    void settle() {
        Map<String, Set<String>> byKey = new HashMap<>();
        for (String t : used) {
            byKey.computeIfAbsent(key(t), k -> new HashSet<>()).add(packageOf(t) + "/" + key(t));
        }
        String selfKey = key(self);
        for (String t : used) {
            String key = key(t);
            String simple = simple(t);
            String pkg = packageOf(t);
            Set<String> same = byKey.get(key);
            boolean lang = pkg.equals("java/lang") && !simple.contains("$");
            boolean clash = t.equals(self) ? false : key.equals(selfKey) || same.size() > 1 && !lang;
            if (t.equals(self)) {
                written.put(t, selfName());
            } else if (clash || pkg.isEmpty() && !selfPackage.isEmpty()) {
                written.put(t, pkg.isEmpty() ? simple : dotted(pkg) + "." + simple);
            } else {
                written.put(t, simple);
                if (!lang && !pkg.equals(selfPackage)) {
                    imports.add(dotted(pkg) + "." + key);
                }
            }
        }
    }

    List<String> imports() {
        return List.copyOf(imports);
    }

    /** The written name of a class given by its internal name. */
    String name(String internal) {
        String w = written.get(internal);
        if (w != null) {
            return w;
        }
        String pkg = packageOf(internal);
        return pkg.isEmpty() ? simple(internal) : dotted(pkg) + "." + simple(internal);
    }

    /** The written form of a type descriptor. */
    String type(String desc) {
        int dims = 0;
        while (dims < desc.length() && desc.charAt(dims) == '[') {
            dims++;
        }
        String base = desc.substring(dims);
        String t = switch (base) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            case "V" -> "void";
            default -> base.startsWith("L") && base.endsWith(";") ? name(base.substring(1, base.length() - 1))
                    : "Object";
        };
        return t + "[]".repeat(Math.min(dims, 255));
    }

    private static String packageOf(String internal) {
        int slash = internal.lastIndexOf('/');
        return slash < 0 ? "" : internal.substring(0, slash);
    }

    /** The name a type is written with, without its package: {@code Keys$Storage}, {@code RedisURI.Builder}. */
    private static String simple(String internal) {
        String binary = internal.substring(internal.lastIndexOf('/') + 1);
        int dollar = binary.lastIndexOf('$');
        if (dollar > 0 && binary.substring(dollar + 1).equals("Builder") && binary.indexOf('$') == dollar) {
            return Identifiers.of(binary.substring(0, dollar)) + ".Builder";
        }
        return Identifiers.of(binary);
    }

    /** The importable part of the written name: the outer class of a nested {@code Builder}. */
    private static String key(String internal) {
        String s = simple(internal);
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    private static String dotted(String pkg) {
        StringBuilder b = new StringBuilder();
        for (String segment : pkg.split("/")) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(Identifiers.of(segment));
        }
        return b.toString();
    }
}
