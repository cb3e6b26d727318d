package dev.miscan.core.parse.classfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * One method's code run symbolically: the operand stack holds {@link Expr}s instead of values. Every value that
 * leaves the stack without becoming part of another (a call whose result is dropped, a store, a condition, a return)
 * becomes a statement of the translation on the line the line table gives. Branches are followed in code order: the
 * stack saved at a jump is taken up at its target, two stacks that meet are merged element by element.
 */
final class MethodSimulation extends MethodVisitor {
    private static final int MAX_STACK = 1024;
    private static final int MAX_CONCAT = 64;
    private static final Set<String> STRING_BUILDERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");

    private final ClassTranslation cls;
    private final int access;
    private final String name;
    private final String desc;
    private final Type[] argTypes;
    private final int[] argSlots;
    private final Map<Integer, Integer> argBySlot = new HashMap<>();

    private List<Expr> stack = new ArrayList<>();
    private final Map<Integer, Expr> locals = new HashMap<>();
    private final Map<Integer, Member> params = new HashMap<>();
    private final List<Member> stored = new ArrayList<>();
    private final Map<Label, Integer> labels = new HashMap<>();
    private final Map<Label, List<Expr>> saved = new HashMap<>();
    private final Set<Label> handlers = new HashSet<>();
    private final List<String> parameterNames = new ArrayList<>();
    private final Map<Integer, List<Annotation>> parameterAnnotations = new HashMap<>();
    private final List<Annotation> annotations = new ArrayList<>();
    private final List<Object[]> returns = new ArrayList<>();
    private boolean unreachable;
    private int insn;
    private int line;
    private int firstLine;
    private int ownStatements;

    MethodSimulation(ClassTranslation cls, int access, String name, String desc) {
        super(Opcodes.ASM9);
        this.cls = cls;
        this.access = access;
        this.name = name;
        this.desc = desc;
        this.argTypes = Type.getArgumentTypes(desc);
        this.argSlots = new int[argTypes.length];
        int slot = isStatic() ? 0 : 1;
        for (int i = 0; i < argTypes.length; i++) {
            argSlots[i] = slot;
            argBySlot.put(slot, i);
            slot += argTypes[i].getSize();
        }
    }

    private boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    // ---- the stack ---------------------------------------------------------------------------------------------

    private void push(Expr e) {
        Expr v = e.depth > Expr.MAX_DEPTH ? new Expr.Unknown(e.desc) : e;
        stack.add(v);
        if (stack.size() > MAX_STACK) {
            stack.remove(0);
        }
    }

    private Expr pop() {
        return stack.isEmpty() ? new Expr.Unknown("Ljava/lang/Object;") : stack.remove(stack.size() - 1);
    }

    private Expr peek(int fromTop) {
        int i = stack.size() - 1 - fromTop;
        return i >= 0 ? stack.get(i) : new Expr.Unknown("Ljava/lang/Object;");
    }

    private List<Expr> pop(int n) {
        Expr[] out = new Expr[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = pop();
        }
        return List.of(out);
    }

    /** Replaces every occurrence of {@code from} (by identity) on the stack. */
    private void replace(Expr from, Expr to) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i) == from) {
                stack.set(i, to);
            }
        }
    }

    /** A value about to be used twice: a call is stored in a temporary first, so that it is written once. */
    private Expr shared(Expr v) {
        if (v.leaf() || v instanceof Expr.ArrayLit || !v.notable) {
            return v;
        }
        Member tmp = cls.member("tmp", v.desc, -1, insn + 1);
        declare(tmp, v);
        Expr name = new Expr.Name(tmp);
        replace(v, name);
        return name;
    }

    // ---- statements --------------------------------------------------------------------------------------------

    private int statementLine(Expr v) {
        return Expr.min(v.minLine, line);
    }

    /** A value dropped from the stack: a statement when it computes something worth seeing. */
    private void discard(Expr v) {
        if (!v.notable) {
            return;
        }
        ownStatements++;
        if (v instanceof Expr.Call || v instanceof Expr.New) {
            cls.statement(statementLine(v), cls.nextSeq(), r -> {
                r.out.append("{ ");
                r.sub(v, 0, false);
                r.out.append("; }");
            });
        } else {
            cls.names.use(v.desc);
            cls.statement(statementLine(v), cls.nextSeq(), r -> {
                r.out.append("{ ").append(r.names.type(declarable(v.desc))).append(" $ = ");
                r.sub(v, 0, false);
                r.out.append("; }");
            });
        }
    }

    private static String declarable(String desc) {
        return desc.equals("V") ? "Ljava/lang/Object;" : desc;
    }

    /** {@code T name = value;} for a variable of the translation. */
    private void declare(Member m, Expr v) {
        ownStatements++;
        cls.statement(statementLine(v), cls.nextSeq(), r -> {
            r.out.append(r.names.type(declarable(m.desc()))).append(' ').append(m.name()).append(" = ");
            r.sub(v, 0, false);
            r.out.append(';');
        });
    }

    // ---- locals and parameters ---------------------------------------------------------------------------------

    private Expr load(int slot, String type) {
        Expr v = locals.get(slot);
        if (v != null) {
            return v;
        }
        if (slot == 0 && !isStatic()) {
            return new Expr.This("L" + cls.names.self() + ";");
        }
        Integer arg = argBySlot.get(slot);
        if (arg != null && argTypes[arg].getSort() >= Type.ARRAY) {
            return new Expr.Name(param(arg));
        }
        return new Expr.Unknown(type);
    }

    private Member param(int arg) {
        return params.computeIfAbsent(argSlots[arg], s -> cls.member("p" + arg, argTypes[arg].getDescriptor(), s, 0));
    }

    private void store(int slot, Expr v, boolean reference) {
        if (!reference) {
            discard(v);
            locals.put(slot, new Expr.Unknown(v.desc));
            return;
        }
        if (v.leaf() || !v.notable && !(v instanceof Expr.Field)) {
            locals.put(slot, v);
            return;
        }
        Member m = cls.member("v" + slot, v.desc, slot, insn + 1);
        stored.add(m);
        declare(m, v);
        locals.put(slot, new Expr.Name(m));
    }

    // ---- control flow ------------------------------------------------------------------------------------------

    private void jumpTo(Label target) {
        if (labels.containsKey(target)) {
            return; // backwards: a loop, whose head was read already
        }
        List<Expr> copy = new ArrayList<>(stack);
        saved.merge(target, copy, MethodSimulation::merge);
    }

    private static List<Expr> merge(List<Expr> a, List<Expr> b) {
        if (a.size() != b.size()) {
            return a;
        }
        List<Expr> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            Expr x = a.get(i);
            Expr y = b.get(i);
            out.add(x == y ? x : x.depth + y.depth > Expr.MAX_DEPTH ? new Expr.Unknown(x.desc) : new Expr.Merge(x, y));
        }
        return out;
    }

    @Override
    public void visitLabel(Label label) {
        labels.putIfAbsent(label, insn);
        List<Expr> s = saved.remove(label);
        if (handlers.contains(label)) {
            stack = new ArrayList<>();
            stack.add(new Expr.Unknown("Ljava/lang/Throwable;"));
            unreachable = false;
        } else if (unreachable) {
            stack = s != null ? new ArrayList<>(s) : new ArrayList<>();
            unreachable = false;
        } else if (s != null) {
            stack = new ArrayList<>(merge(s, stack));
        }
    }

    @Override
    public void visitLineNumber(int number, Label start) {
        line = cls.line(number, line);
        if (firstLine == 0 || line > 0 && line < firstLine) {
            firstLine = line;
        }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        handlers.add(handler);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        insn++;
        switch (opcode) {
            case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.IFNULL,
                    Opcodes.IFNONNULL -> discard(pop());
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                    Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                Expr b = pop();
                discard(pop());
                discard(b);
            }
            case Opcodes.JSR -> push(new Expr.Unknown("I"));
            default -> {
            }
        }
        jumpTo(label);
        if (opcode == Opcodes.GOTO) {
            unreachable = true;
        }
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
        switchTo(dflt, targets);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
        switchTo(dflt, targets);
    }

    private void switchTo(Label dflt, Label[] targets) {
        insn++;
        discard(pop());
        jumpTo(dflt);
        for (Label l : targets) {
            jumpTo(l);
        }
        unreachable = true;
    }

    // ---- instructions ------------------------------------------------------------------------------------------

    @Override
    public void visitInsn(int op) {
        insn++;
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            push(new Expr.Const(Integer.toString(op - Opcodes.ICONST_0), "I"));
            return;
        }
        switch (op) {
            case Opcodes.NOP -> {
            }
            case Opcodes.ACONST_NULL -> push(new Expr.Null());
            case Opcodes.LCONST_0, Opcodes.LCONST_1 -> push(new Expr.Const((op - Opcodes.LCONST_0) + "L", "J"));
            case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 ->
                    push(new Expr.Const((op - Opcodes.FCONST_0) + "f", "F"));
            case Opcodes.DCONST_0, Opcodes.DCONST_1 -> push(new Expr.Const((op - Opcodes.DCONST_0) + ".0", "D"));
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD -> {
                Expr index = pop();
                Expr array = pop();
                String element = op == Opcodes.AALOAD
                        ? array.desc.startsWith("[") ? array.desc.substring(1) : "Ljava/lang/Object;"
                        : "IJFDLBCS".charAt(op - Opcodes.IALOAD) + "";
                push(new Expr.ArrayGet(element.equals("L") ? "Ljava/lang/Object;" : element, array, index));
            }
            case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                    Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> arrayStore();
            case Opcodes.POP -> discard(pop());
            case Opcodes.POP2 -> {
                Expr v = pop();
                discard(v);
                if (v.size() == 1) {
                    discard(pop());
                }
            }
            case Opcodes.DUP -> {
                Expr v = shared(pop());
                push(v);
                push(v);
            }
            case Opcodes.DUP_X1 -> {
                Expr v1 = shared(pop());
                Expr v2 = pop();
                push(v1);
                push(v2);
                push(v1);
            }
            case Opcodes.DUP_X2 -> dupBelowTwoWords(shared(pop()));
            case Opcodes.DUP2 -> {
                Expr v1 = shared(pop());
                if (v1.size() == 2) {
                    push(v1);
                    push(v1);
                } else {
                    Expr v2 = shared(pop());
                    push(v2);
                    push(v1);
                    push(v2);
                    push(v1);
                }
            }
            case Opcodes.DUP2_X1 -> {
                Expr v1 = shared(pop());
                if (v1.size() == 2) {
                    Expr v2 = pop();
                    push(v1);
                    push(v2);
                    push(v1);
                } else {
                    Expr v2 = shared(pop());
                    Expr v3 = pop();
                    push(v2);
                    push(v1);
                    push(v3);
                    push(v2);
                    push(v1);
                }
            }
            case Opcodes.DUP2_X2 -> dup2x2();
            case Opcodes.SWAP -> {
                Expr v1 = pop();
                Expr v2 = pop();
                push(v1);
                push(v2);
            }
            case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN -> {
                returns.add(new Object[] {pop(), line, cls.nextSeq()});
                unreachable = true;
            }
            case Opcodes.RETURN -> unreachable = true;
            case Opcodes.ATHROW -> {
                discard(pop());
                unreachable = true;
            }
            case Opcodes.ARRAYLENGTH -> {
                discard(pop());
                push(new Expr.Unknown("I"));
            }
            case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> discard(pop());
            default -> arithmetic(op);
        }
    }

    /**
     * {@code v1}, just popped, copied beneath the next two words of the stack (one category-2 value or two
     * category-1 values): DUP_X2, and DUP2_X2 when {@code v1} is itself two words.
     */
    private void dupBelowTwoWords(Expr v1) {
        Expr v2 = pop();
        if (v2.size() == 2) {
            push(v1);
            push(v2);
        } else {
            Expr v3 = pop();
            push(v1);
            push(v3);
            push(v2);
        }
        push(v1);
    }

    private void dup2x2() {
        Expr v1 = shared(pop());
        if (v1.size() == 2) {
            dupBelowTwoWords(v1);
            return;
        }
        Expr v2 = shared(pop());
        Expr v3 = pop();
        if (v3.size() == 2) {
            push(v2);
            push(v1);
            push(v3);
        } else {
            Expr v4 = pop();
            push(v2);
            push(v1);
            push(v4);
            push(v3);
        }
        push(v2);
        push(v1);
    }

    /** Numbers, comparisons, conversions: their value is unknown; the operands' calls are still shown. */
    private void arithmetic(int op) {
        int operands;
        String result;
        if (op >= Opcodes.IADD && op <= Opcodes.DREM) {
            operands = 2;
            result = "IJFD".charAt((op - Opcodes.IADD) % 4) + "";
        } else if (op >= Opcodes.INEG && op <= Opcodes.DNEG) {
            operands = 1;
            result = "IJFD".charAt(op - Opcodes.INEG) + "";
        } else if (op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
            operands = 2;
            result = (op - Opcodes.ISHL) % 2 == 0 ? "I" : "J";
        } else if (op >= Opcodes.I2L && op <= Opcodes.I2S) {
            operands = 1;
            result = switch (op) {
                case Opcodes.I2L, Opcodes.F2L, Opcodes.D2L -> "J";
                case Opcodes.I2F, Opcodes.L2F, Opcodes.D2F -> "F";
                case Opcodes.I2D, Opcodes.L2D, Opcodes.F2D -> "D";
                default -> "I";
            };
        } else if (op >= Opcodes.LCMP && op <= Opcodes.DCMPG) {
            operands = 2;
            result = "I";
        } else {
            return;
        }
        List<Expr> in = pop(operands);
        in.forEach(this::discard);
        push(new Expr.Unknown(result));
    }

    private void arrayStore() {
        Expr value = pop();
        Expr index = pop();
        Expr array = pop();
        if (array instanceof Expr.ArrayLit a && a.elements != null && index instanceof Expr.Const c) {
            try {
                int i = Integer.parseInt(c.text);
                if (i >= 0 && i < a.elements.length) {
                    replace(a, a.with(i, value));
                    return;
                }
            } catch (NumberFormatException e) {
                // not an index we can follow
            }
        }
        if (!value.notable) {
            return;
        }
        if (array instanceof Expr.Name || array instanceof Expr.Field || array instanceof Expr.StaticField
                || array instanceof Expr.Call) {
            ownStatements++;
            cls.statement(statementLine(value), cls.nextSeq(), r -> {
                r.out.append("{ ");
                r.sub(array, 0, true);
                r.out.append('[');
                r.sub(index, 0, false);
                r.out.append("] = ");
                r.sub(value, 0, false);
                r.out.append("; }");
            });
        } else {
            discard(value);
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        insn++;
        if (opcode == Opcodes.NEWARRAY) {
            String element = switch (operand) {
                case Opcodes.T_BOOLEAN -> "Z";
                case Opcodes.T_CHAR -> "C";
                case Opcodes.T_FLOAT -> "F";
                case Opcodes.T_DOUBLE -> "D";
                case Opcodes.T_BYTE -> "B";
                case Opcodes.T_SHORT -> "S";
                case Opcodes.T_LONG -> "J";
                default -> "I";
            };
            push(new Expr.ArrayLit("[" + element, pop(), null));
        } else {
            push(new Expr.Const(Integer.toString(operand), "I"));
        }
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        insn++;
        switch (opcode) {
            case Opcodes.ILOAD -> push(load(var, "I"));
            case Opcodes.LLOAD -> push(load(var, "J"));
            case Opcodes.FLOAD -> push(load(var, "F"));
            case Opcodes.DLOAD -> push(load(var, "D"));
            case Opcodes.ALOAD -> push(load(var, "Ljava/lang/Object;"));
            case Opcodes.ASTORE -> store(var, pop(), true);
            case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE -> store(var, pop(), false);
            default -> {
            }
        }
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        insn++;
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        insn++;
        String desc = type.startsWith("[") ? type : "L" + type + ";";
        switch (opcode) {
            case Opcodes.NEW -> {
                cls.names.use(type);
                push(new Expr.NewUninit(type, line));
            }
            case Opcodes.ANEWARRAY -> {
                cls.names.use(desc);
                Expr size = pop();
                Expr[] elements = null;
                if (size instanceof Expr.Const c) {
                    try {
                        int n = Integer.parseInt(c.text);
                        if (n >= 0 && n <= 256) {
                            elements = new Expr[n];
                        }
                    } catch (NumberFormatException e) {
                        // a size we cannot read
                    }
                }
                push(new Expr.ArrayLit("[" + desc, size, elements));
            }
            case Opcodes.CHECKCAST -> {
                Expr v = pop();
                if (v.desc.equals(desc) || desc.equals("Ljava/lang/Object;") || !v.notable) {
                    push(v instanceof Expr.Unknown ? new Expr.Unknown(desc) : v);
                } else {
                    cls.names.use(desc);
                    push(new Expr.Cast(desc, v));
                }
            }
            case Opcodes.INSTANCEOF -> {
                discard(pop());
                push(new Expr.Unknown("Z"));
            }
            default -> {
            }
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        insn++;
        pop(Math.max(0, Math.min(numDimensions, 255))).forEach(this::discard);
        push(new Expr.Unknown(descriptor));
    }

    @Override
    public void visitLdcInsn(Object value) {
        insn++;
        if (value instanceof String s) {
            String constant = cls.constantNamed(s);
            push(constant != null ? new Expr.StaticField(cls.names.self(), constant, "Ljava/lang/String;")
                    : new Expr.Lit(s, line));
        } else if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            cls.names.use(t.getDescriptor());
            push(new Expr.ClassLit(t.getDescriptor()));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double) {
            push(Expr.Const.of(value));
        } else {
            push(new Expr.Unknown(value instanceof Type ? "Ljava/lang/invoke/MethodType;" : "Ljava/lang/Object;"));
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String fieldName, String descriptor) {
        insn++;
        switch (opcode) {
            case Opcodes.GETSTATIC -> {
                cls.names.use(owner);
                push(new Expr.StaticField(owner, fieldName, descriptor));
            }
            case Opcodes.PUTSTATIC -> cls.fieldStore(owner, fieldName, descriptor, null, pop(), line, name);
            case Opcodes.GETFIELD -> push(new Expr.Field(pop(), owner, fieldName, descriptor));
            case Opcodes.PUTFIELD -> {
                Expr value = pop();
                Expr receiver = pop();
                cls.fieldStore(owner, fieldName, descriptor, receiver, value, line, name);
            }
            default -> {
            }
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean isInterface) {
        insn++;
        Type[] types = Type.getArgumentTypes(descriptor);
        List<Expr> args = pop(types.length);
        String ret = Type.getReturnType(descriptor).getDescriptor();
        Expr receiver = opcode == Opcodes.INVOKESTATIC ? null : pop();
        if (owner.equals("kotlin/jvm/internal/Intrinsics")) {
            if (method.startsWith("check") || method.startsWith("throw")) {
                for (Expr a : args) {
                    if (a instanceof Expr.Lit l) {
                        cls.silenced.add(l.value); // parameter and expression names
                    }
                }
                if (!ret.equals("V")) {
                    push(args.isEmpty() ? new Expr.Unknown(ret) : args.get(0));
                }
                return;
            }
            if (method.equals("stringPlus") && args.size() == 2) {
                push(concat(args));
                return;
            }
        }
        if (opcode == Opcodes.INVOKESPECIAL && method.equals("<init>")) {
            if (receiver instanceof Expr.NewUninit u) {
                Expr made = new Expr.New(u.owner, args, u.line > 0 ? u.line : line);
                if (made.depth > Expr.MAX_DEPTH) {
                    args.forEach(this::discard);
                    made = new Expr.Unknown(u.desc);
                }
                replace(u, made);
                for (Map.Entry<Integer, Expr> l : locals.entrySet()) {
                    if (l.getValue() == u) {
                        l.setValue(made);
                    }
                }
            } else if (args.stream().anyMatch(a -> a.notable)) {
                // this(…) or super(…) in a constructor: what it passes reads like a construction of that class
                cls.names.use(owner);
                discard(new Expr.New(owner, args, line));
            }
            return;
        }
        if (method.equals("toString") && args.isEmpty() && receiver != null) {
            List<Expr> parts = appended(receiver);
            if (parts != null) {
                push(concat(parts));
                return;
            }
        }
        if (receiver == null || opcode == Opcodes.INVOKESPECIAL) {
            cls.names.use(owner);
        }
        Expr call = new Expr.Call(receiver, owner, method, args, ret, opcode == Opcodes.INVOKESPECIAL, line);
        if (call.depth > Expr.MAX_DEPTH) {
            if (receiver != null) {
                discard(receiver);
            }
            args.forEach(this::discard);
            call = new Expr.Unknown(ret);
        }
        if (ret.equals("V")) {
            discard(call);
        } else {
            push(call);
        }
    }

    /** The parts of {@code new StringBuilder(…).append(a).append(b)}, or null for anything else. */
    private static List<Expr> appended(Expr e) {
        List<Expr> parts = new ArrayList<>();
        Expr x = e;
        while (x instanceof Expr.Call c && c.name.equals("append") && c.args.size() == 1 && c.receiver != null
                && STRING_BUILDERS.contains(c.owner)) {
            parts.add(0, c.args.get(0));
            x = c.receiver;
        }
        if (!(x instanceof Expr.New n) || !STRING_BUILDERS.contains(n.owner)) {
            return null;
        }
        if (n.args.size() == 1 && !n.args.get(0).desc.equals("I")) {
            parts.add(0, n.args.get(0));
        }
        return parts;
    }

    /**
     * A concatenation, its nested concatenations flattened (up to a length: a longer one stays nested, and past the
     * depth limit becomes unknown) and adjacent literals joined.
     */
    private static Expr concat(List<Expr> parts) {
        List<Expr> flat = new ArrayList<>();
        for (Expr p : parts) {
            if (p instanceof Expr.Concat c && c.parts.size() + parts.size() <= MAX_CONCAT) {
                flat.addAll(c.parts);
            } else {
                flat.add(p);
            }
        }
        List<Expr> out = new ArrayList<>();
        for (Expr p : flat) {
            if (p instanceof Expr.Lit l && !out.isEmpty() && out.get(out.size() - 1) instanceof Expr.Lit prev
                    && out.size() > 1) {
                out.set(out.size() - 1, new Expr.Lit(prev.value + l.value, Expr.min(prev.minLine, l.minLine)));
            } else {
                out.add(p);
            }
        }
        return new Expr.Concat(out);
    }

    @Override
    public void visitInvokeDynamicInsn(String indyName, String descriptor, Handle bsm, Object... bsmArgs) {
        insn++;
        Type[] types = Type.getArgumentTypes(descriptor);
        List<Expr> args = pop(types.length);
        String ret = Type.getReturnType(descriptor).getDescriptor();
        if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
            if (bsm.getName().equals("makeConcatWithConstants") && bsmArgs.length > 0
                    && bsmArgs[0] instanceof String recipe) {
                cls.silenced.add(recipe);
                push(concat(recipe(recipe, args, bsmArgs)));
            } else {
                push(concat(args));
            }
            return;
        }
        args.forEach(this::discard);
        if (!ret.equals("V")) {
            push(new Expr.Unknown(ret));
        }
    }

    /** The operands of a {@code makeConcatWithConstants} recipe: \1 an argument, \2 a constant, else literal text. */
    private List<Expr> recipe(String recipe, List<Expr> args, Object[] bsmArgs) {
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int arg = 0;
        int constant = 1;
        for (int i = 0; i < recipe.length(); i++) {
            char c = recipe.charAt(i);
            if (c == '\u0001' || c == '\u0002') {
                if (text.length() > 0) {
                    parts.add(new Expr.Lit(text.toString(), line));
                    text.setLength(0);
                }
                if (c == '\u0001') {
                    parts.add(arg < args.size() ? args.get(arg++) : new Expr.Unknown("Ljava/lang/Object;"));
                } else {
                    Object k = constant < bsmArgs.length ? bsmArgs[constant++] : null;
                    if (k instanceof String s) {
                        cls.silenced.add(s);
                        parts.add(new Expr.Lit(s, line));
                    } else {
                        parts.add(k == null ? new Expr.Unknown("Ljava/lang/Object;") : Expr.Const.of(k));
                    }
                }
            } else {
                text.append(c);
            }
        }
        if (text.length() > 0) {
            parts.add(new Expr.Lit(text.toString(), line));
        }
        return parts;
    }

    // ---- names, annotations, the end -----------------------------------------------------------------------------

    @Override
    public void visitParameter(String parameterName, int access) {
        parameterNames.add(parameterName);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return cls.annotation(descriptor, annotations);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        if (parameter < 0 || parameter >= argTypes.length) {
            return null;
        }
        return cls.annotation(descriptor, parameterAnnotations.computeIfAbsent(parameter, k -> new ArrayList<>()));
    }

    @Override
    public void visitLocalVariable(String varName, String descriptor, String signature, Label start, Label end,
            int index) {
        Integer from = labels.get(start);
        Integer to = labels.get(end);
        if (from == null || varName == null) {
            return;
        }
        int until = to == null ? Integer.MAX_VALUE : to;
        for (Member m : stored) {
            if (m.slot == index && m.after >= from && m.after <= until && m.after - from <= 2) {
                m.named(varName, descriptor);
            }
        }
        Integer arg = argBySlot.get(index);
        if (arg != null && from == 0 && params.containsKey(index)) {
            params.get(index).named(varName, descriptor);
        }
        if (arg != null && from == 0) {
            while (parameterNames.size() <= arg) {
                parameterNames.add(null);
            }
            if (parameterNames.get(arg) == null) {
                parameterNames.set(arg, varName);
            }
        }
    }

    @Override
    public void visitEnd() {
        // parameters: named, and those with annotations declared where the rules can read them
        for (int i = 0; i < argTypes.length; i++) {
            String pname = i < parameterNames.size() ? parameterNames.get(i) : null;
            List<Annotation> anns = parameterAnnotations.getOrDefault(i, List.of());
            boolean annotated = ClassTranslation.anyStrings(anns);
            if (annotated) {
                param(i);
            }
            Member m = params.get(argSlots[i]);
            if (m == null) {
                continue;
            }
            if (pname != null) {
                m.named(pname, null);
            }
            java.util.function.Consumer<Render> decl = r -> {
                ClassTranslation.annotations(r, anns);
                r.out.append(r.names.type(m.desc())).append(' ').append(m.name()).append(';');
            };
            if (!annotated) {
                cls.plainMember(decl);
            } else if (firstLine > 0) {
                cls.statement(firstLine, cls.nextSeq(), decl);
            } else {
                cls.unplacedMember(decl);
            }
        }
        if (ClassTranslation.anyStrings(annotations)) {
            String method = Identifiers.of(name.startsWith("<") ? name.substring(1, name.length() - 1) : name);
            java.util.function.Consumer<Render> decl = r -> {
                ClassTranslation.annotations(r, annotations);
                r.out.append("void ").append(method).append("$annotated() {}");
            };
            if (firstLine > 0) {
                cls.statement(firstLine, cls.nextSeq(), decl);
            } else {
                cls.unplacedMember(decl);
            }
        }
        // returns: a method that only returns a value is written as such (the rules follow calls of it)
        boolean getter = argTypes.length == 0 && returns.size() == 1 && ownStatements == 0 && !name.startsWith("<");
        for (Object[] r : returns) {
            Expr v = (Expr) r[0];
            int at = Expr.min(v.minLine, (Integer) r[1]);
            int order = (Integer) r[2];
            if (getter && (v.notable || v instanceof Expr.Field || v instanceof Expr.StaticField)) {
                String ret = Type.getReturnType(desc).getDescriptor();
                cls.names.use(ret);
                String method = Identifiers.of(name);
                cls.statement(at, order, w -> {
                    w.out.append(w.names.type(ret)).append(' ').append(method).append("() { return ");
                    w.sub(v, 0, false);
                    w.out.append("; }");
                });
            } else if (v.notable) {
                cls.names.use(v.desc);
                cls.statement(at, order, w -> {
                    w.out.append("{ ").append(w.names.type(declarable(v.desc))).append(" $ = ");
                    w.sub(v, 0, false);
                    w.out.append("; }");
                });
            }
        }
    }
}
