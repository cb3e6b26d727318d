package dev.miscan.core.parse.classfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class file written as a Java source that the Java rules can read: the class with its package, its fields
 * ({@code static final String} constants with their values), and what its methods compute, rebuilt by simulating
 * the operand stack ({@code MethodSimulation}): calls, constructors, string concatenations, values stored in
 * variables and fields. Each of these is written as a member of the class ({@code T local = …;} or an initializer
 * block {@code { call(…); }}), so that it can be put on the line the class's line table gives it, whatever method it
 * comes from: a finding on line N of the text is on line N of the source. Strings of the constant pool that no
 * statement shows are listed at the end ({@code $strings}), so that the value detectors see every one.
 */
public final class ClassTranslation {
    /** The translated text and the simple name of the class (the file name it is read as, without {@code .java}). */
    public record Result(String text, String simpleName) {
    }

    /** A class file that cannot be read; the message is a one-line reason that quotes nothing from the file. */
    public static final class UnreadableClassException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableClassException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Statements stop being added past this many characters of text (the strings are always listed). */
    private static final int MAX_STATEMENT_TEXT = 8 << 20;
    private static final int MAX_STATEMENT = 256 << 10;
    private static final int MAX_TEXT = 32 << 20;
    private static final int MAX_LINE = 200_000;

    private String self = "";
    private String superName;
    private String[] interfaces = new String[0];
    TypeNames names = new TypeNames("");
    private Smap smap;
    private final List<Annotation> classAnnotations = new ArrayList<>();
    private final Map<String, FieldInfo> fields = new LinkedHashMap<>();
    private final List<Stmt> statements = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final List<Assign> ownAssigns = new ArrayList<>();
    /** Members declared on the header line (no strings to show): parameters and fields without a value. */
    private final List<Consumer<Render>> plain = new ArrayList<>();
    /** Constants and annotated members without a line of their own. */
    private final List<Consumer<Render>> unplaced = new ArrayList<>();
    final Set<String> silenced = new HashSet<>();
    private final Set<String> reservedNames = new HashSet<>();
    private int seq;

    private record Stmt(int line, int seq, Consumer<Render> body) {
    }

    private record Assign(FieldInfo field, Expr value, int line, String method, int seq) {
    }

    private static final class FieldInfo {
        final int access;
        final String name;
        final String desc;
        final Object constant;
        final List<Annotation> annotations = new ArrayList<>();

        FieldInfo(int access, String name, String desc, Object constant) {
            this.access = access;
            this.name = name;
            this.desc = desc;
            this.constant = constant;
        }

        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }
    }

    private ClassTranslation() {
    }

    /** The Java text of the class file {@code bytes}. */
    public static Result translate(byte[] bytes) throws UnreadableClassException {
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe || (bytes[2] & 0xff) != 0xba
                || (bytes[3] & 0xff) != 0xbe) {
            throw new UnreadableClassException("not a class file");
        }
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
        } catch (IllegalArgumentException e) {
            // a class file newer than ASM knows: its constant pool and code read the same way
            int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
            if (major <= Opcodes.V25) {
                throw e;
            }
            byte[] patched = bytes.clone();
            patched[4] = 0;
            patched[5] = 0;
            patched[6] = 0;
            patched[7] = (byte) Opcodes.V25;
            reader = new ClassReader(patched);
        }
        ClassTranslation t = new ClassTranslation();
        List<String> pool = strings(reader);
        reader.accept(t.new Visitor(), ClassReader.SKIP_FRAMES);
        return t.layout(pool);
    }

    /** The string constants of the pool ({@code CONSTANT_String}), in pool order. */
    private static List<String> strings(ClassReader reader) {
        Set<String> out = new LinkedHashSet<>();
        char[] buf = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == 8) {
                String s = reader.readUTF8(offset, buf);
                if (s != null && !s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }

    // ---- what the method simulations report ------------------------------------------------------------------

    int nextSeq() {
        return seq++;
    }

    /** A statement on source line {@code line} (0: unknown). */
    void statement(int line, int order, Consumer<Render> body) {
        statements.add(new Stmt(line > MAX_LINE ? 0 : Math.max(line, 0), order, body));
    }

    Member member(String base, String desc, int slot, int after) {
        Member m = new Member(base, desc, slot, after);
        members.add(m);
        names.use(desc);
        return m;
    }

    /** A member declared without a value, on the header line. */
    void plainMember(Consumer<Render> body) {
        plain.add(body);
    }

    void unplacedMember(Consumer<Render> body) {
        unplaced.add(body);
    }

    /** A value stored in a field ({@code receiver} null for a static field). */
    void fieldStore(String owner, String name, String desc, Expr receiver, Expr value, int line, String method) {
        FieldInfo f = owner.equals(self) && (receiver == null || receiver instanceof Expr.This)
                ? fields.get(name + ":" + desc) : null;
        int order = nextSeq();
        if (f != null && f.constant == null) {
            ownAssigns.add(new Assign(f, value, line, method, order));
            return;
        }
        if (!value.notable) {
            return;
        }
        names.use(owner);
        Expr target = receiver == null ? new Expr.StaticField(owner, name, desc)
                : new Expr.Field(receiver, owner, name, desc);
        statement(Expr.min(value.minLine, line), order, r -> {
            r.out.append("{ ");
            target.render(r, 0);
            r.out.append(" = ");
            r.sub(value, 0, false);
            r.out.append("; }");
        });
    }

    /**
     * The static constant of this class whose value is {@code value}: the compiler copies a constant's value where it
     * is used, and the source named the constant there (the secret is then reported once, where it is defined).
     */
    String constantNamed(String value) {
        if (constantsByValue == null) {
            constantsByValue = new HashMap<>();
            for (FieldInfo f : fields.values()) {
                if (f.constant != null && f.isStatic()) {
                    constantsByValue.putIfAbsent((String) f.constant, f.name);
                }
            }
        }
        return constantsByValue.get(value);
    }

    private Map<String, String> constantsByValue;

    /** Maps a line of the line table to a line of the source file (Kotlin: inlined code maps to the call). */
    int line(int line, int previous) {
        if (smap == null) {
            return line;
        }
        int mapped = smap.map(line);
        return mapped > 0 ? mapped : previous;
    }

    // ---- reading the class -----------------------------------------------------------------------------------

    private final class Visitor extends ClassVisitor {
        Visitor() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            self = name == null ? "Unnamed" : name;
            names = new TypeNames(self);
            names.use(self);
            ClassTranslation.this.superName = superName;
            ClassTranslation.this.interfaces = interfaces == null ? new String[0] : interfaces;
            if (superName != null && !superName.equals("java/lang/Object") && !superName.equals("java/lang/Enum")
                    && !superName.equals("java/lang/Record")) {
                names.use(superName);
            }
            for (String i : ClassTranslation.this.interfaces) {
                names.use(i);
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            smap = Smap.parse(debug);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor, classAnnotations);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            FieldInfo f = new FieldInfo(access, name, descriptor, value instanceof String ? value : null);
            fields.putIfAbsent(name + ":" + descriptor, f);
            reservedNames.add(Identifiers.of(name));
            names.use(descriptor);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return annotation(descriptor, f.annotations);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if ((access & Opcodes.ACC_BRIDGE) != 0) {
                return null; // calls the method it bridges, which is read
            }
            return new MethodSimulation(ClassTranslation.this, access, name, descriptor);
        }
    }

    AnnotationVisitor annotation(String descriptor, List<Annotation> to) {
        if (Annotation.ignored(descriptor) || to.size() > 64) {
            return null;
        }
        Annotation a = new Annotation(descriptor);
        to.add(a);
        names.use(descriptor);
        return a.visitor();
    }

    static void annotations(Render r, List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a.hasStrings()) {
                a.render(r);
            }
        }
    }

    static boolean anyStrings(List<Annotation> annotations) {
        return annotations.stream().anyMatch(Annotation::hasStrings);
    }

    // ---- writing the text --------------------------------------------------------------------------------------

    private void fieldDeclarations() {
        Map<FieldInfo, List<Assign>> byField = new HashMap<>();
        for (Assign a : ownAssigns) {
            byField.computeIfAbsent(a.field(), k -> new ArrayList<>()).add(a);
        }
        for (FieldInfo f : fields.values()) {
            List<Assign> assigns = byField.getOrDefault(f, List.of());
            Assign init = f.constant == null ? initializer(f, assigns) : null;
            // a static field set once in the static initializer is a constant, whatever its modifiers say
            String modifiers = (f.isStatic() ? "static " : "") + ((f.access & Opcodes.ACC_FINAL) != 0
                    || f.isStatic() && init != null ? "final " : "");
            Consumer<Render> annotations = r -> annotations(r, f.annotations);
            String name = Identifiers.of(f.name);
            if (f.constant != null) {
                unplaced.add(r -> {
                    annotations.accept(r);
                    r.out.append(modifiers).append(r.names.type(f.desc)).append(' ').append(name).append(" = ");
                    r.literal((String) f.constant);
                    r.out.append(';');
                });
                continue;
            }
            if (init != null) {
                statement(Expr.min(init.value().minLine, init.line()), init.seq(), r -> {
                    annotations.accept(r);
                    r.out.append(modifiers).append(r.names.type(f.desc)).append(' ').append(name).append(" = ");
                    r.sub(init.value(), 0, false);
                    r.out.append(';');
                });
                continue;
            }
            Consumer<Render> declaration = r -> {
                annotations.accept(r);
                r.out.append(modifiers.replace("final ", "")).append(r.names.type(f.desc)).append(' ').append(name)
                        .append(';');
            };
            (anyStrings(f.annotations) ? unplaced : plain).add(declaration);
            for (Assign a : assigns) {
                if (a.value().notable) {
                    statement(Expr.min(a.value().minLine, a.line()), a.seq(), r -> {
                        r.out.append("{ ").append(name).append(" = ");
                        r.sub(a.value(), 0, false);
                        r.out.append("; }");
                    });
                }
            }
        }
    }

    /**
     * The assignment that is a field's initializer: the only one, in a static initializer for a static field; or,
     * for an instance field, the same value on the same line in every constructor (where the compiler copies it).
     */
    private Assign initializer(FieldInfo f, List<Assign> assigns) {
        if (assigns.isEmpty()) {
            return null;
        }
        String where = f.isStatic() ? "<clinit>" : "<init>";
        Assign first = assigns.get(0);
        if (!first.value().notable && !(first.value() instanceof Expr.StaticField)) {
            return null;
        }
        if (f.isStatic() && assigns.size() > 1) {
            return null;
        }
        String text = null;
        for (Assign a : assigns) {
            if (!a.method().equals(where) || a.line() != first.line()) {
                return null;
            }
            String t = scratch(a.value());
            if (t == null || text != null && !text.equals(t)) {
                return null;
            }
            text = t;
        }
        return first;
    }

    private String scratch(Expr e) {
        try {
            Render r = new Render(names, new HashSet<>(), MAX_STATEMENT);
            r.sub(e, 0, false);
            return r.out.toString();
        } catch (Render.TooLong ex) {
            return null;
        }
    }

    private void settleMembers() {
        Set<String> used = new HashSet<>(reservedNames);
        used.add("unknown");
        // per base, the suffix to try next: every smaller one is taken, and names are never given back
        Map<String, Integer> nextSuffix = new HashMap<>();
        for (Member m : members) {
            String base = Identifiers.of(m.base());
            String name = base;
            if (!used.add(name)) {
                int i = nextSuffix.getOrDefault(base, 1);
                while (!used.add(name = base + "$" + i)) {
                    i++;
                }
                nextSuffix.put(base, i + 1);
            }
            m.settle(name);
            names.use(m.desc());
        }
    }

    private Result layout(List<String> pool) throws UnreadableClassException {
        fieldDeclarations();
        settleMembers();
        names.settle();
        Set<String> written = new HashSet<>();
        Layout out = new Layout();
        // the header, on line 1: package, imports, the class and the members that carry no string
        Render h = new Render(names, written, Integer.MAX_VALUE);
        if (!names.selfPackage().isEmpty()) {
            h.out.append("package ").append(names.selfPackage()).append("; ");
        }
        for (String i : names.imports()) {
            h.out.append("import ").append(i).append("; ");
        }
        annotations(h, classAnnotations);
        h.out.append("class ").append(names.selfName());
        if (superName != null && !superName.equals("java/lang/Object") && !superName.equals("java/lang/Enum")
                && !superName.equals("java/lang/Record") && !superName.equals(self)) {
            h.out.append(" extends ").append(names.name(superName));
        }
        List<String> implemented = new ArrayList<>();
        for (String i : interfaces) {
            if (!i.equals(self) && implemented.size() < 64) {
                implemented.add(names.name(i));
            }
        }
        if (!implemented.isEmpty()) {
            h.out.append(" implements ").append(String.join(", ", implemented));
        }
        h.out.append(" {");
        for (Consumer<Render> p : plain) {
            h.out.append(' ');
            p.accept(h);
        }
        out.write(h.out);

        // the statements, each rendered once; the same text on the same line (finally blocks, several
        // constructors) once
        List<Stmt> sorted = new ArrayList<>(statements);
        sorted.sort(Comparator.comparingInt((Stmt s) -> s.line() == 0 ? Integer.MAX_VALUE : s.line())
                .thenComparingInt(Stmt::seq));
        List<int[]> placed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long budget = MAX_STATEMENT_TEXT;
        for (Stmt s : sorted) {
            if (budget <= 0) {
                break;
            }
            Set<String> lits = new HashSet<>();
            Render r = new Render(names, lits, (int) Math.min(MAX_STATEMENT, budget));
            try {
                s.body().accept(r);
            } catch (Render.TooLong e) {
                continue;
            }
            String text = r.out.toString();
            if (!seen.add(s.line() + "\n" + text)) {
                continue;
            }
            budget -= text.length();
            written.addAll(lits);
            placed.add(new int[] {s.line()});
            texts.add(text);
        }
        List<String> constants = new ArrayList<>();
        for (Consumer<Render> u : unplaced) {
            Render r = new Render(names, written, MAX_STATEMENT);
            try {
                u.accept(r);
                constants.add(r.out.toString());
            } catch (Render.TooLong e) {
                // its strings are listed with the others
            }
        }
        int first = placed.isEmpty() ? 0 : placed.get(0)[0];
        boolean constantsFirst = first == 0 || first - 2 >= constants.size();
        if (constantsFirst) {
            int start = first == 0 ? 2 : first - constants.size();
            for (int i = 0; i < constants.size(); i++) {
                out.moveTo(start + i);
                out.write(constants.get(i));
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            int line = placed.get(i)[0];
            if (line > 0) {
                out.moveTo(line);
            } else {
                out.newLine();
            }
            out.write(texts.get(i));
        }
        if (!constantsFirst) {
            for (String c : constants) {
                out.newLine();
                out.write(c);
            }
        }
        // every other string of the constant pool, one a line
        List<String> rest = new ArrayList<>();
        for (String s : pool) {
            if (!written.contains(s) && !silenced.contains(s)) {
                rest.add(s);
            }
        }
        if (!rest.isEmpty()) {
            out.newLine();
            out.write("static final String[] $strings = {");
            for (String s : rest) {
                out.newLine();
                StringBuilder b = new StringBuilder();
                dev.miscan.core.parse.java.JavaLiterals.quote(b, s);
                out.write(b.append(','));
            }
            out.newLine();
            out.write("};");
        }
        out.newLine();
        out.write("}");
        out.newLine();
        if (out.length() > MAX_TEXT) {
            throw new UnreadableClassException("its Java translation would be over " + MAX_TEXT + " characters");
        }
        return new Result(out.toString(), names.selfName());
    }

    /** The text being laid out, and the line it is on. */
    private static final class Layout {
        private final StringBuilder out = new StringBuilder();
        private int line = 1;
        private boolean lineEmpty = true;

        void moveTo(int target) {
            while (line < target) {
                newLine();
            }
        }

        void newLine() {
            out.append('\n');
            line++;
            lineEmpty = true;
        }

        void write(CharSequence text) {
            if (!lineEmpty) {
                out.append(' ');
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == Render.LINE) {
                    int end = i + 1;
                    int n = 0;
                    while (end < text.length() && end - i <= 7 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                        n = n * 10 + (text.charAt(end) - '0');
                        end++;
                    }
                    if (end < text.length() && text.charAt(end) == Render.END && end > i + 1) {
                        i = end;
                        if (n <= MAX_LINE && n > line) {
                            moveTo(n);
                        }
                    } else {
                        out.append(' '); // not a marker: the text holds no control character
                    }
                } else if (c == Render.END) {
                    out.append(' ');
                } else {
                    out.append(c);
                }
            }
            lineEmpty = false;
        }

        int length() {
            return out.length();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /**
     * A Kotlin class's SMAP (JSR-45): which lines of the line table are the file's own and which are inlined from
     * elsewhere ({@code inline fun}s get lines past the end of the file).
     */
    static final class Smap {
        private final List<int[]> ranges = new ArrayList<>();

        static Smap parse(String debug) {
            if (debug == null || !debug.startsWith("SMAP")) {
                return null;
            }
            Smap s = new Smap();
            String[] lines = debug.split("\n", 100_000);
            boolean inLines = false;
            int file = 1;
            for (String l : lines) {
                String t = l.strip();
                if (t.equals("*L")) {
                    inLines = true;
                    continue;
                }
                if (!inLines) {
                    continue;
                }
                if (t.startsWith("*")) {
                    break; // the first stratum's line section only
                }
                java.util.regex.Matcher m = ENTRY.matcher(t);
                if (!m.matches()) {
                    continue;
                }
                try {
                    int in = Integer.parseInt(m.group(1));
                    if (m.group(2) != null) {
                        file = Integer.parseInt(m.group(2));
                    }
                    int repeat = m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
                    int out = Integer.parseInt(m.group(4));
                    int incr = m.group(5) != null ? Integer.parseInt(m.group(5)) : 1;
                    if (file == 1 && repeat > 0 && incr == 1 && s.ranges.size() < 256) {
                        s.ranges.add(new int[] {out, out + repeat - 1, in});
                    }
                } catch (NumberFormatException e) {
                    // a malformed entry is left out
                }
            }
            return s.ranges.isEmpty() ? null : s;
        }

        private static final java.util.regex.Pattern ENTRY =
                java.util.regex.Pattern.compile("(\\d{1,9})(?:#(\\d{1,9}))?(?:,(\\d{1,9}))?:(\\d{1,9})(?:,(\\d{1,9}))?");

        int map(int line) {
            for (int[] r : ranges) {
                if (line >= r[0] && line <= r[1]) {
                    return r[2] + line - r[0];
                }
            }
            return 0;
        }
    }
}
