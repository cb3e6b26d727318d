package dev.miscan.core.parse.classfile;

import java.util.Set;

/** Names from a class file made valid Java identifiers (other JVM languages allow more): ASCII, not a keyword. */
final class Identifiers {
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits", "non-sealed", "when",
            "_", "module", "exports", "opens", "requires", "uses", "provides", "to", "with", "open", "transitive");

    private Identifiers() {
    }

    static String of(String name) {
        if (name == null || name.isEmpty()) {
            return "_$";
        }
        int n = Math.min(name.length(), 200);
        boolean valid = n == name.length();
        for (int i = 0; i < n && valid; i++) {
            valid = i == 0 ? start(name.charAt(i)) : part(name.charAt(i));
        }
        String s;
        if (valid) {
            s = name; // the usual case: already a Java name
        } else {
            StringBuilder b = new StringBuilder(n + 1);
            for (int i = 0; i < n; i++) {
                char c = name.charAt(i);
                // ASCII only: parsers disagree on which other characters may be part of a name
                if (i == 0 && !start(c)) {
                    b.append('_');
                    if (part(c)) {
                        b.append(c);
                    }
                } else {
                    b.append(part(c) ? c : '_');
                }
            }
            s = b.toString();
        }
        return RESERVED.contains(s) ? s + "$" : s;
    }

    private static boolean start(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean part(char c) {
        return start(c) || c >= '0' && c <= '9';
    }
}
