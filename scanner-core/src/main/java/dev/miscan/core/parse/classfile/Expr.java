package dev.miscan.core.parse.classfile;

import java.util.List;

/**
 * A Java expression rebuilt from bytecode by simulating the operand stack: what a value on the stack was computed
 * from. Values are immutable trees (an object being constructed is replaced on the stack once its constructor ran);
 * {@link #render} writes the Java text. A call or constructor carries the source line of its instruction, written as
 * a line marker ({@link Render#LINE}) so that the layout can put the rest of a chain on that line.
 */
abstract class Expr {
    /** Deeper trees are not built: a deeper value is {@link Unknown}. */
    static final int MAX_DEPTH = 48;

    /** The value's type as a descriptor ({@code Ljava/lang/String;}, {@code I}); never null. */
    final String desc;
    final int depth;
    /** The smallest source line among this value's calls and literals, 0 when none is known. */
    final int minLine;
    /** Whether the value holds a call, a constructor or a string literal: worth a statement when discarded. */
    final boolean notable;

    Expr(String desc, int line, Expr... children) {
        this.desc = desc == null ? "Ljava/lang/Object;" : desc;
        int d = 0;
        int min = line;
        boolean n = false;
        for (Expr c : children) {
            if (c != null) {
                d = Math.max(d, c.depth);
                min = min(min, c.minLine);
                n |= c.notable;
            }
        }
        this.depth = d + 1;
        this.minLine = min;
        this.notable = n || selfNotable();
    }

    static int min(int a, int b) {
        return a <= 0 ? b : b <= 0 ? a : Math.min(a, b);
    }

    boolean selfNotable() {
        return false;
    }

    /** Long and double values take two stack slots. */
    int size() {
        return desc.equals("J") || desc.equals("D") ? 2 : 1;
    }

    /** Leaves are shared freely; anything else duplicated on the stack is first stored in a variable. */
    boolean leaf() {
        return false;
    }

    abstract void render(Render r, int depth);

    /** As the receiver of a call or field access: parenthesised unless it is a primary expression. */
    void renderPrimary(Render r, int depth) {
        render(r, depth);
    }

    final void parenthesised(Render r, int depth) {
        r.out.append('(');
        render(r, depth);
        r.out.append(')');
    }

    // ---- leaves --------------------------------------------------------------------------------------------

    static final class Lit extends Expr {
        final String value;

        Lit(String value, int line) {
            super("Ljava/lang/String;", line);
            this.value = value;
        }

        @Override
        boolean selfNotable() {
            return true;
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.literal(value);
        }
    }

    /** A number, written as Java would. */
    static final class Const extends Expr {
        final String text;

        Const(String text, String desc) {
            super(desc, 0);
            this.text = text;
        }

        static Const of(Object v) {
            if (v instanceof Integer i) {
                return new Const(Integer.toString(i), "I");
            }
            if (v instanceof Long l) {
                return new Const(l + "L", "J");
            }
            if (v instanceof Float f) {
                return new Const(f.isNaN() || f.isInfinite() ? "0f" : f + "f", "F");
            }
            if (v instanceof Double d) {
                return new Const(d.isNaN() || d.isInfinite() ? "0.0" : d.toString(), "D");
            }
            return new Const("0", "I");
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append(text);
        }

        @Override
        void renderPrimary(Render r, int depth) {
            parenthesised(r, depth);
        }
    }

    static final class ClassLit extends Expr {
        final String typeDesc;

        ClassLit(String typeDesc) {
            super("Ljava/lang/Class;", 0);
            this.typeDesc = typeDesc;
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append(r.names.type(typeDesc)).append(".class");
        }
    }

    static final class Null extends Expr {
        Null() {
            super("Ljava/lang/Object;", 0);
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append("null");
        }

        @Override
        void renderPrimary(Render r, int depth) {
            parenthesised(r, depth);
        }
    }

    /** A value the simulation cannot tell: written as a call that no rule reads as a literal. */
    static final class Unknown extends Expr {
        Unknown(String desc) {
            super(desc, 0);
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append("unknown()");
        }
    }

    static final class This extends Expr {
        This(String desc) {
            super(desc, 0);
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append("this");
        }
    }

    /** A variable of the translation: a local, a parameter or a temporary, declared as a member of the class. */
    static final class Name extends Expr {
        final Member member;

        Name(Member member) {
            super(member.desc(), 0);
            this.member = member;
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append(member.name());
        }
    }

    static final class StaticField extends Expr {
        final String owner;
        final String name;

        StaticField(String owner, String name, String desc) {
            super(desc, 0);
            this.owner = owner;
            this.name = name;
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            if (!owner.equals(r.names.self())) {
                r.out.append(r.names.name(owner)).append('.');
            }
            r.out.append(Identifiers.of(name));
        }
    }

    /** An object whose constructor has not run yet ({@code new T} before {@code invokespecial <init>}). */
    static final class NewUninit extends Expr {
        final String owner;
        /** The line of the {@code new} instruction: where the constructor call starts in the source. */
        final int line;

        NewUninit(String owner, int line) {
            super("L" + owner + ";", 0);
            this.owner = owner;
            this.line = line;
        }

        @Override
        boolean leaf() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append("new ").append(r.names.name(owner)).append("()");
        }
    }

    // ---- composite values ----------------------------------------------------------------------------------

    static final class Field extends Expr {
        final Expr receiver;
        final String owner;
        final String name;

        Field(Expr receiver, String owner, String name, String desc) {
            super(desc, 0, receiver);
            this.receiver = receiver;
            this.owner = owner;
            this.name = name;
        }

        @Override
        void render(Render r, int depth) {
            if (!(receiver instanceof This && owner.equals(r.names.self()))) {
                r.sub(receiver, depth, true);
                r.out.append('.');
            }
            r.out.append(Identifiers.of(name));
        }
    }

    static final class Call extends Expr {
        /** null for a static call. */
        final Expr receiver;
        final String owner;
        final String name;
        final List<Expr> args;
        final boolean special;
        final int line;

        Call(Expr receiver, String owner, String name, List<Expr> args, String returnDesc, boolean special, int line) {
            super(returnDesc, line, children(receiver, args));
            this.receiver = receiver;
            this.owner = owner;
            this.name = name;
            this.args = List.copyOf(args);
            this.special = special;
            this.line = line;
        }

        @Override
        boolean selfNotable() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            boolean self = owner.equals(r.names.self());
            if (receiver == null) {
                if (!self) {
                    r.out.append(r.names.name(owner)).append('.');
                }
            } else if (receiver instanceof This) {
                if (special && !self) {
                    r.out.append("super.");
                }
            } else {
                r.sub(receiver, depth, true);
                r.line(line);
                r.out.append('.');
            }
            r.line(line);
            r.out.append(Identifiers.of(name));
            r.args(args, depth);
        }
    }

    static final class New extends Expr {
        final String owner;
        final List<Expr> args;
        final int line;

        New(String owner, List<Expr> args, int line) {
            super("L" + owner + ";", line, args.toArray(new Expr[0]));
            this.owner = owner;
            this.args = List.copyOf(args);
            this.line = line;
        }

        @Override
        boolean selfNotable() {
            return true;
        }

        @Override
        void render(Render r, int depth) {
            r.line(line);
            r.out.append("new ").append(r.names.name(owner));
            r.args(args, depth);
        }
    }

    /** A string concatenation ({@code StringBuilder} chains, {@code makeConcatWithConstants}). */
    static final class Concat extends Expr {
        final List<Expr> parts;

        Concat(List<Expr> parts) {
            super("Ljava/lang/String;", 0, parts.toArray(new Expr[0]));
            this.parts = List.copyOf(parts);
        }

        @Override
        void render(Render r, int depth) {
            if (parts.isEmpty()) {
                r.literal("");
                return;
            }
            if (!(parts.get(0) instanceof Lit) && (parts.size() < 2 || !(parts.get(1) instanceof Lit))) {
                r.out.append("\"\" + "); // a string, whatever the first operands are
            }
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    r.out.append(" + ");
                }
                Expr p = parts.get(i);
                if (p instanceof Concat || p instanceof Merge) {
                    p.parenthesised(r, depth + 1);
                } else {
                    r.sub(p, depth, false);
                }
            }
        }

        @Override
        void renderPrimary(Render r, int depth) {
            parenthesised(r, depth);
        }
    }

    static final class Cast extends Expr {
        final Expr value;

        Cast(String desc, Expr value) {
            super(desc, 0, value);
            this.value = value;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append('(').append(r.names.type(desc)).append(") ");
            r.sub(value, depth, true);
        }

        @Override
        void renderPrimary(Render r, int depth) {
            parenthesised(r, depth);
        }
    }

    /** {@code new T[n]}, or {@code new T[] {a, b}} while its elements are known. */
    static final class ArrayLit extends Expr {
        final Expr size;
        /** The elements stored so far (null where none was); null when they are not followed. */
        final Expr[] elements;

        ArrayLit(String desc, Expr size, Expr[] elements) {
            super(desc, 0, concat(size, elements));
            this.size = size;
            this.elements = elements;
        }

        ArrayLit with(int index, Expr value) {
            Expr[] e = elements.clone();
            e[index] = value;
            return new ArrayLit(desc, size, e);
        }

        @Override
        void render(Render r, int depth) {
            String element = r.names.type(desc.substring(1));
            if (elements == null) {
                int bracket = element.indexOf('[');
                r.out.append("new ").append(bracket < 0 ? element : element.substring(0, bracket)).append('[');
                r.sub(size, depth, false);
                r.out.append(']').append(bracket < 0 ? "" : element.substring(bracket));
                return;
            }
            r.out.append("new ").append(element).append("[] {");
            for (int i = 0; i < elements.length; i++) {
                if (i > 0) {
                    r.out.append(", ");
                }
                if (elements[i] == null) {
                    r.out.append(desc.length() == 2 ? "0" : "null");
                } else {
                    r.sub(elements[i], depth, false);
                }
            }
            r.out.append('}');
        }

        @Override
        void renderPrimary(Render r, int depth) {
            parenthesised(r, depth);
        }
    }

    static final class ArrayGet extends Expr {
        final Expr array;
        final Expr index;

        ArrayGet(String desc, Expr array, Expr index) {
            super(desc, 0, array, index);
            this.array = array;
            this.index = index;
        }

        @Override
        void render(Render r, int depth) {
            r.sub(array, depth, true);
            r.out.append('[');
            r.sub(index, depth, false);
            r.out.append(']');
        }
    }

    /** Two values that reach one place by different paths (a conditional expression). */
    static final class Merge extends Expr {
        final Expr a;
        final Expr b;

        Merge(Expr a, Expr b) {
            super(a.desc, 0, a, b);
            this.a = a;
            this.b = b;
        }

        @Override
        void render(Render r, int depth) {
            r.out.append("(unknown() ? ");
            r.sub(a, depth, false);
            r.out.append(" : ");
            r.sub(b, depth, false);
            r.out.append(')');
        }
    }

    private static Expr[] children(Expr receiver, List<Expr> args) {
        Expr[] all = new Expr[args.size() + 1];
        all[0] = receiver;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return all;
    }

    private static Expr[] concat(Expr first, Expr[] rest) {
        int n = rest == null ? 0 : rest.length;
        Expr[] all = new Expr[n + 1];
        all[0] = first;
        for (int i = 0; i < n; i++) {
            all[i + 1] = rest[i];
        }
        return all;
    }
}
