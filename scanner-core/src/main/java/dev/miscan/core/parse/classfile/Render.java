package dev.miscan.core.parse.classfile;

import java.util.List;
import java.util.Set;

/**
 * Writes expressions as Java text. Literals are escaped so that the text holds no control character; a call's line
 * is written as a marker ({@link #LINE} line {@link #END}) that the layout replaces with line breaks. Rendering
 * stops (with {@link TooLong}) past a size limit, so that a hostile class file cannot make the text huge.
 */
final class Render {
    static final char LINE = '\u0001';
    static final char END = '\u0002';
    private static final int MAX_RENDER_DEPTH = 96;

    final StringBuilder out = new StringBuilder();
    final TypeNames names;
    final Set<String> written;
    private final int limit;

    /** The statement being written is too long: it is left out. */
    static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("too long", null, false, false);
        }
    }

    Render(TypeNames names, Set<String> written, int limit) {
        this.names = names;
        this.written = written;
        this.limit = limit;
    }

    void literal(String value) {
        written.add(value);
        dev.miscan.core.parse.java.JavaLiterals.quote(out, value);
        check();
    }

    void line(int line) {
        if (line > 0) {
            out.append(LINE).append(line).append(END);
        }
    }

    void sub(Expr e, int depth, boolean primary) {
        if (depth > MAX_RENDER_DEPTH) {
            out.append("unknown()");
            return;
        }
        if (primary) {
            e.renderPrimary(this, depth + 1);
        } else {
            e.render(this, depth + 1);
        }
        check();
    }

    void args(List<Expr> args, int depth) {
        out.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            sub(args.get(i), depth, false);
        }
        out.append(')');
    }

    private void check() {
        if (out.length() > limit) {
            throw new TooLong();
        }
    }
}
