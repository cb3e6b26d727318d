package dev.miscan.core.parse.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.miscan.core.parse.java.JavaView;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.SkippedException;
import dev.miscan.core.source.archive.ClassFileText;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The translation of class files built here with ASM: what it keeps (strings exactly, lines, Kotlin's own lines),
 * and that hostile class files (truncated, mutated, deeply nested, huge constant pools, newer versions) give a
 * one-line skip reason or a bounded text, never an exception or a hang.
 */
class ClassTranslationTest {
    private static final String TRICKY = "a\"b\\c\nd\te\u0000f\u2028g\ud800h\\u0041i\u00e9";

    @Test
    void stringConstant_keepsEveryCharacterThroughJavaEscapes() throws Exception {
        byte[] bytes = build("com/contoso/Keys", cw -> cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC
                | Opcodes.ACC_FINAL, "VALUE", "Ljava/lang/String;", null, TRICKY).visitEnd(), null);
        String text = ClassTranslation.translate(bytes).text();
        assertThat(text).startsWith("package com.contoso; ").contains("class Keys {").doesNotContain("\u0000");
        JavaView view = JavaView.parse("Keys.java", text);
        assertThat(view.unit()).isPresent();
        List<String> literals = view.unit().get().findAll(StringLiteralExpr.class).stream()
                .map(StringLiteralExpr::asString).toList();
        assertThat(literals).contains(TRICKY);
    }

    @Test
    void callsAreOnTheirLines_andInlinedKotlinLinesMapToTheCall() throws Exception {
        byte[] bytes = build("com/contoso/AppKt", cw -> {
            AnnotationVisitor meta = cw.visitAnnotation("Lkotlin/Metadata;", true);
            meta.visit("mv", new int[] {1, 9, 0});
            AnnotationVisitor d2 = meta.visitArray("d2");
            d2.visit(null, "metadata-string-not-shown");
            d2.visitEnd();
            meta.visitEnd();
            cw.visitSource("App.kt", "SMAP\nApp.kt\nKotlin\n*S Kotlin\n*F\n+ 1 App.kt\ncom/contoso/AppKt\n+ 2 Inline.kt\n"
                    + "x/InlineKt\n*L\n1#1,20:1\n5#2,3:21\n*E\n");
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
            mv.visitCode();
            line(mv, 7);
            call(mv, "first-call-argument");
            line(mv, 22); // inlined from Inline.kt: belongs to the call on line 7
            call(mv, "inlined-argument");
            line(mv, 9);
            call(mv, "second-call-argument");
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }, null);
        String text = ClassTranslation.translate(bytes).text();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(6)).contains("\"first-call-argument\"").contains("\"inlined-argument\"");
        assertThat(lines.get(8)).contains("\"second-call-argument\"");
        assertThat(text).doesNotContain("metadata-string-not-shown");
        assertThat(JavaView.parse("AppKt.java", text).unit()).isPresent();
    }

    @Test
    void stringsNoStatementShows_areListedOnceAtTheEnd() throws Exception {
        byte[] bytes = build("Plain", cw -> {
            cw.newConst("only-in-the-pool");
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "check", "(Ljava/lang/String;)Ljava/lang/String;",
                    null, null);
            mv.visitCode();
            Label other = new Label();
            mv.visitLdcInsn("compared");
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitJumpInsn(Opcodes.IF_ACMPEQ, other);
            mv.visitLdcInsn("returned");
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitLabel(other);
            mv.visitLdcInsn("returned");
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }, null);
        String text = ClassTranslation.translate(bytes).text();
        assertThat(text).contains("$strings").contains("\"only-in-the-pool\"").contains("\"compared\"");
        assertThat(text.indexOf("$strings")).isGreaterThan(text.lastIndexOf("\"compared\""));
        assertThat(text.indexOf("\"returned\"")).isEqualTo(text.lastIndexOf("\"returned\""));
        assertThat(JavaView.parse("Plain.java", text).unit()).isPresent();
    }

    @Test
    void deeplyNestedExpressions_areCutAndTheTextStaysBounded() throws Exception {
        byte[] bytes = build("Deep", cw -> {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "deep", "()V", null, null);
            mv.visitCode();
            line(mv, 3);
            mv.visitLdcInsn("start");
            for (int i = 0; i < 8000; i++) {
                mv.visitInsn(Opcodes.DUP); // each value used twice: stored once, not copied
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
                        "(Ljava/lang/String;)Ljava/lang/String;", false);
            }
            mv.visitInsn(Opcodes.POP);
            mv.visitLdcInsn("kotlin");
            for (int i = 0; i < 3000; i++) { // Kotlin's concatenation, one part at a time
                mv.visitLdcInsn("part" + i);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "kotlin/jvm/internal/Intrinsics", "stringPlus",
                        "(Ljava/lang/String;Ljava/lang/Object;)Ljava/lang/String;", false);
            }
            mv.visitInsn(Opcodes.POP);
            for (int i = 0; i < 2000; i++) {
                mv.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
                mv.visitInsn(Opcodes.DUP);
            }
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }, null);
        String text = ClassTranslation.translate(bytes).text();
        assertThat(text.length()).isLessThan(40 << 20);
        assertThat(JavaView.parse("Deep.java", text).unit()).isPresent();
    }

    @Test
    void hugeConstantPool_isReadWithinBounds() throws Exception {
        byte[] bytes = build("Pool", cw -> {
            for (int m = 0; m < 3; m++) {
                MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "part" + m, "()V", null, null);
                mv.visitCode();
                for (int i = 0; i < 10_000; i++) {
                    mv.visitLdcInsn("s" + (m * 10_000 + i));
                    mv.visitInsn(Opcodes.POP);
                }
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
            }
        }, null);
        String text = ClassTranslation.translate(bytes).text();
        assertThat(text).contains("\"s0\"").contains("\"s29999\"");
        assertThat(JavaView.parse("Pool.java", text).unit()).isPresent();
    }

    @Test
    void classFileNewerThanTheReaderKnows_isStillRead() throws Exception {
        byte[] bytes = build("Future", cw -> cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "K",
                "Ljava/lang/String;", null, "future-constant").visitEnd(), null);
        bytes[6] = 0;
        bytes[7] = (byte) 90; // Java 46
        Fragment f = ClassFileText.translate("lib/Future.class", bytes);
        assertThat(f.text()).contains("\"future-constant\"");
        assertThat(f.syntax()).isEqualTo("Future.java");
        assertThat(f.translated()).isTrue();
    }

    @Test
    void truncatedOrMutatedClassFiles_areSkippedWithAOneLineReason() throws Exception {
        byte[] bytes = build("com/contoso/Target", cw -> {
            cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "K", "Ljava/lang/String;", null, "kept-value")
                    .visitEnd();
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
            mv.visitCode();
            line(mv, 4);
            call(mv, "argument");
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }, null);
        int skipped = 0;
        for (int n = 0; n < bytes.length; n++) {
            skipped += outcome(java.util.Arrays.copyOf(bytes, n));
        }
        Random random = new Random(18);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = bytes.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            skipped += outcome(mutated);
        }
        assertThat(skipped).isGreaterThanOrEqualTo(bytes.length);
    }

    /** 1 when skipped (with a one-line reason quoting nothing of the file), 0 when translated into Java. */
    private static int outcome(byte[] bytes) {
        try {
            Fragment f = ClassFileText.translate("x/Target.class", bytes);
            assertThat(f.text()).endsWith("}\n");
            return 0;
        } catch (SkippedException e) {
            assertThat(e.getMessage()).startsWith("skipped: ").doesNotContain("\n").doesNotContain("kept-value")
                    .doesNotContain("argument");
            return 1;
        }
    }

    @Test
    void notAClassFile_isSkipped() {
        assertThatThrownBy(() -> ClassFileText.translate("a.class", "hello".getBytes()))
                .isInstanceOf(SkippedException.class).hasMessage("skipped: not a class file");
    }

    private static void line(MethodVisitor mv, int line) {
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
    }

    private static void call(MethodVisitor mv, String argument) {
        mv.visitLdcInsn(argument);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "com/contoso/Sink", "use", "(Ljava/lang/String;)V", false);
    }

    private static byte[] build(String name, Consumer<ClassWriter> body, String superName) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, name, null, superName == null ? "java/lang/Object" : superName,
                null);
        body.accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }
}
