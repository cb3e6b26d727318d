package dev.miscan.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTreeTest {
    @Test
    void plainJsonWithCommentsAndTrailingCommas_isStrict_andKeepsOffsets() {
        String text = "// top\n{\"a\": \"x#y\", /* c */ \"b\": [1, true, null,],}\n";
        JsonTree tree = JsonTree.parse(text);

        assertThat(tree.strictJson()).isTrue();
        JsonTree.Node root = tree.firstRoot();
        assertThat(root.members).extracting(JsonTree.Member::name).containsExactly("a", "b");
        assertThat(text.charAt(root.members.get(0).nameAt())).isEqualTo('"');
        assertThat(root.members.get(0).value().text).isEqualTo("x#y");
        assertThat(root.members.get(1).value().items).hasSize(3);
        assertThat(text.charAt(root.end() - 1)).isEqualTo('}');
    }

    @Test
    void whatOnlyTheLenientReaderAccepts_isNotStrict() {
        assertThat(JsonTree.parse("{\"a\": 1,\n# comment\n\"b\": 2}").strictJson()).isFalse();
        assertThat(JsonTree.parse("{'a': \"x\"}").strictJson()).isFalse();
        assertThat(JsonTree.parse("{\"a\": 'x'}").strictJson()).isFalse();
        assertThat(JsonTree.parse("[".repeat(210) + "]".repeat(210)).strictJson()).isFalse();
        assertThat(JsonTree.parse("[".repeat(150) + "]".repeat(150)).strictJson()).isTrue();
    }

    @Test
    void aBrokenDocument_keepsWhatWasReadBeforeTheError() {
        JsonTree tree = JsonTree.parse("{\"a\": \"one\", \"b\": [\"two\", ");

        assertThat(tree.parseError()).isNotNull();
        assertThat(tree.strictJson()).isFalse();
        assertThat(tree.firstRoot()).isNull();
        assertThat(tree.roots().get(0).members).hasSize(2);
        assertThat(tree.roots().get(0).members.get(1).value().items).hasSize(1);
    }

    @Test
    void laterRoots_andAnErrorAfterTheFirst_leaveTheFirstRootStrict() {
        JsonTree tree = JsonTree.parse("{\"a\": 1}\n{\"b\": 'x'} oops");

        assertThat(tree.roots()).hasSize(2);
        assertThat(tree.parseError()).isNotNull();
        assertThat(tree.strictJson()).isTrue();
    }
}
