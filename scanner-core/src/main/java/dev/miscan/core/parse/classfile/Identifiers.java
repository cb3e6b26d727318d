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
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            // ASCII only: parsers disagree on which other characters may be part of a name
            boolean start = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
            boolean part = start || c >= '0' && c <= '9';
            b.append(i == 0 ? start ? c + "" : part ? "_" + c : "_" : part ? c + "" : "_");
        }
        String s = b.toString();
        return RESERVED.contains(s) ? s + "$" : s;
    }
}
