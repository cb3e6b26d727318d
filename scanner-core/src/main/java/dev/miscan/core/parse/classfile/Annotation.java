package dev.miscan.core.parse.classfile;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An annotation's string elements ({@code @Value("${storage.key:…}")}): written back on the member it annotates,
 * so that the rules that read annotations see it. Elements of other kinds are left out.
 */
final class Annotation {
    private static final int MAX_ELEMENTS = 256;

    final String desc;
    private final List<String> names = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private final List<Boolean> arrays = new ArrayList<>();

    Annotation(String desc) {
        this.desc = desc;
    }

    /** Annotations whose strings are the compiler's, not the program's. */
    static boolean ignored(String desc) {
        return desc.startsWith("Lkotlin/Metadata;") || desc.startsWith("Lkotlin/jvm/internal/SourceDebugExtension;")
                || desc.startsWith("Lscala/reflect/ScalaSignature;");
    }

    boolean hasStrings() {
        return !names.isEmpty();
    }

    AnnotationVisitor visitor() {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if (value instanceof String s && names.size() < MAX_ELEMENTS) {
                    names.add(name == null ? "value" : name);
                    values.add(List.of(s));
                    arrays.add(false);
                }
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                List<String> items = new ArrayList<>();
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String n, Object value) {
                        if (value instanceof String s && items.size() < MAX_ELEMENTS) {
                            items.add(s);
                        }
                    }

                    @Override
                    public void visitEnd() {
                        if (!items.isEmpty() && names.size() < MAX_ELEMENTS) {
                            names.add(name == null ? "value" : name);
                            values.add(items);
                            arrays.add(true);
                        }
                    }
                };
            }
        };
    }

    void render(Render r) {
        r.out.append('@').append(r.names.type(desc));
        r.out.append('(');
        boolean single = names.size() == 1 && names.get(0).equals("value");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                r.out.append(", ");
            }
            if (!single) {
                r.out.append(Identifiers.of(names.get(i))).append(" = ");
            }
            List<String> v = values.get(i);
            if (arrays.get(i)) {
                r.out.append('{');
            }
            for (int j = 0; j < v.size(); j++) {
                if (j > 0) {
                    r.out.append(", ");
                }
                r.literal(v.get(j));
            }
            if (arrays.get(i)) {
                r.out.append('}');
            }
        }
        r.out.append(") ");
    }
}
