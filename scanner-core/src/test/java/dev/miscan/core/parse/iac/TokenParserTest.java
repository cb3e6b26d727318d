package dev.miscan.core.parse.iac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Bicep and HCL parsers share (expressions, limits, recovery) and where they still differ. */
class TokenParserTest {
    private final List<ParseProblem> problems = new ArrayList<>();

    private IacTemplate bicep(String text) {
        return BicepParser.parse(text, false, problems);
    }

    private IacTemplate hcl(String text) {
        return HclParser.parse(text, false, problems);
    }

    private List<String> problems() {
        return problems.stream().map(p -> p.offset() + " " + p.message()).toList();
    }

    @Test
    void expressionsNestedTooDeeplyAreAProblemInBothLanguages() {
        String nested = "(".repeat(150) + "1" + ")".repeat(150);
        bicep("var a = " + nested + "\nvar b = 2\n");
        assertThat(problems()).containsExactly("108 expression nested too deeply");

        problems.clear();
        IacTemplate t = hcl("a = " + nested + "\nlocals {\n  b = 2\n}\n");
        assertThat(problems()).containsExactly("104 expression nested too deeply");
        assertThat(t.variables()).extracting(IacTemplate.Variable::name).containsExactly("b");
    }

    @Test
    void bicepExpressionsGoOnAtALineStartingWithALogicalOrConditionalOperator() {
        IacTemplate t = bicep("""
                var a = b
                  && c
                var d = e
                  ? f
                  : g
                var h = i
                  + j
                """);

        assertThat(t.variable("a").value().references()).containsExactly("b", "c");
        assertThat(t.variable("d").value().references()).containsExactly("e", "f", "g");
        assertThat(t.variable("h").value().references()).containsExactly("i");
        assertThat(problems()).containsExactly("51 unexpected '+'");
    }

    @Test
    void hclExpressionsEndAtTheirLine() {
        hcl("a = b\n  && c\n");

        assertThat(problems()).containsExactly("8 unexpected '&&'");
    }

    @Test
    void anUnclosedCallIsReadUpToTheEndAndNamedAsEachLanguageDid() {
        bicep("var a = f(1,\n");
        hcl("a = f(1,\n");

        assertThat(problems()).containsExactly("13 unexpected ''", "9 expected ')' but found ''");
    }

    @Test
    void unclosedObjectsAndArraysAreReportedWhereTheyOpen() {
        bicep("var a = [\n  1\n");
        hcl("a = {\n  b = 1\n");

        assertThat(problems()).containsExactly("8 unclosed '['", "4 unclosed '{'");
    }

    @Test
    void holesAreParsedAtTheirOffsetsInTheDocument() {
        String bicepText = "var a = 'x${b.c}y'\n";
        IacValue bicepValue = bicep(bicepText).variable("a").value();
        String hclText = "locals {\n  a = \"x${~ var.b ~}y\"\n}\n";
        IacValue hclValue = hcl(hclText).variable("a").value();

        assertThat(bicepValue.references()).containsExactly("b");
        IacValue bicepHole = bicepValue.items().get(0);
        assertThat(bicepText.substring(bicepHole.start(), bicepHole.end())).isEqualTo("b.c");
        assertThat(hclValue.references()).containsExactly("var.b");
        IacValue hclHole = hclValue.items().get(0);
        assertThat(hclText.substring(hclHole.start(), hclHole.end())).isEqualTo("var.b");
        assertThat(problems()).isEmpty();
    }

    @Test
    void aHoleThatIsNoOneExpressionFailsItsStatement() {
        bicep("var a = '${b c}'\nvar d = 1\n");

        assertThat(problems()).containsExactly("13 unexpected 'c' in ${…}");
    }
}
