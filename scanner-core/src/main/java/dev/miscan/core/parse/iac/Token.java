package dev.miscan.core.parse.iac;

import java.util.List;

/**
 * A token of the Bicep or HCL lexer.
 *
 * @param type  what it is
 * @param start offset of its first character in the document
 * @param end   offset just after it
 * @param text  identifier, number or symbol as written; a string's decoded value when it has no interpolation
 * @param holes for a string or heredoc: the {@code [start, end)} offsets of each interpolated expression
 * @param contentStart for a string or heredoc: offset of its first character inside the delimiters
 * @param contentEnd   for a string or heredoc: offset just after its last character inside the delimiters
 */
record Token(Type type, int start, int end, String text, List<int[]> holes, int contentStart, int contentEnd) {

    enum Type { IDENT, NUMBER, STRING, SYMBOL, NEWLINE, EOF }

    Token(Type type, int start, int end, String text) {
        this(type, start, end, text, List.of(), start, end);
    }

    boolean is(String symbolOrWord) {
        return (type == Type.SYMBOL || type == Type.IDENT) && text.equals(symbolOrWord);
    }

    boolean isIdent() {
        return type == Type.IDENT;
    }

    boolean interpolated() {
        return !holes.isEmpty();
    }
}
