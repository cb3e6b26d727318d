package dev.miscan.core.parse.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaValuesTest {

    /**
     * A method whose statements declare the same names again and again (generated code does; the parser accepts it),
     * each use followed by the next declaration: every use resolves to the nearest declaration before it.
     */
    private static String method(int statements) {
        StringBuilder b = new StringBuilder("class C {\n  void m(String p) {\n");
        for (int i = 0; i < statements; i++) {
            switch (i % 4) {
                case 0 -> b.append("    String a = \"a").append(i).append("\";\n");
                case 1 -> b.append("    String b = a, a2 = a;\n");
                case 2 -> b.append("    use(a, b, p);\n");
                default -> b.append("    { use(a); String a = \"inner\"; use(a); }\n");
            }
        }
        return b.append("    use(a, b, zz);\n  }\n}\n").toString();
    }

    /** For each name used in the method: the line of the declaration it resolves to, or 0 for none. */
    private static List<String> resolutions(String source) {
        JavaView view = JavaView.parse("C.java", source);
        JavaValues values = new JavaValues(view, null);
        return view.unit().orElseThrow().findAll(NameExpr.class).stream()
                .map(n -> n.getNameAsString() + "@" + n.getBegin().orElseThrow().line + " -> "
                        + values.declaration(n).map(d -> d.node() instanceof VariableDeclarator v
                                ? String.valueOf(v.getBegin().orElseThrow().line)
                                : d.kind().toString()).orElse("none"))
                .toList();
    }

    @Test
    void aLongBlockResolvesEachNameToTheNearestDeclarationBeforeItAsAShortOneDoes() {
        // 61 statements are resolved by walking the block, 400 through its index: the same answers for the same lines
        List<String> shortBlock = resolutions(method(61));
        List<String> longBlock = resolutions(method(400));
        assertThat(shortBlock).contains("a@5 -> 3", "b@5 -> 4", "p@5 -> PARAMETER", "a@6 -> 3", "a@6 -> 6");
        assertThat(longBlock.subList(0, shortBlock.size() - 3)).isEqualTo(shortBlock.subList(0, shortBlock.size() - 3));
        assertThat(longBlock).contains("a@400 -> 399", "a@401 -> 399", "b@401 -> 400", "a@403 -> 399", "b@403 -> 400", "zz@403 -> none");
    }
}
