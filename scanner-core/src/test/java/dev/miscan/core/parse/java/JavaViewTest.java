package dev.miscan.core.parse.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.body.RecordDeclaration;
import org.junit.jupiter.api.Test;

class JavaViewTest {

    @Test
    void theLevelsPostProcessingIsFoundSoThatTheValidatorsAreLeftOut() {
        // a JavaParser upgrade that renames the level's post-processing would silently bring the validators back
        assertThat(JavaView.LEVEL_POST_PROCESSING).isNotNull();
        assertThat(JavaView.configuration().getProcessors()).hasSize(1);
    }

    @Test
    void theTreeIsTheLevelsTreeVarRecordsAndYieldIncluded() {
        JavaView v = JavaView.parse("A.java", """
                record Point(int x, int y) {}
                class A {
                    int f(int k) {
                        var list = new java.util.ArrayList<String>();
                        return switch (k) { case 1 -> 2; default -> { yield 3; } };
                    }
                }
                """);
        assertThat(v.unit()).isPresent();
        assertThat(v.unit().get().findAll(VarType.class)).hasSize(1);
        assertThat(v.unit().get().findAll(RecordDeclaration.class)).hasSize(1);
        assertThat(v.unit().get().findAll(YieldStmt.class)).hasSize(1);
    }

    @Test
    void codeACompilerWouldRejectButThatParsesIsReadAllTheSame() {
        // two public modifiers: a validator's complaint, not a syntax error; the secret in it is still there
        JavaView v = JavaView.parse("B.java", "class B { public public String key = \"x\"; }");
        assertThat(v.unit()).isPresent();
        // before: each a validator's problem, the file then unparsed and given to the plain-text rules only
        assertThat(JavaView.parse("C.java", "class C { public private int x; }").unit()).isPresent();
        assertThat(JavaView.parse("D.java", "class D { transient void f() {} }").unit()).isPresent();
        assertThat(JavaView.parse("E.java", "class E { void f() { try { } } }").unit()).isPresent();
    }

    @Test
    void aSyntaxErrorStillFailsTheParse() {
        JavaView v = JavaView.parse("C.java", "class C { void f( { }");
        assertThat(v.unit()).isEmpty();
    }
}
