package dev.miscan.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void everySecretOfTheDocumentIsMaskedWhereverItStandsOnTheLine() {
        String a = RandomKeys.base64(32);
        String b = RandomKeys.base64(64);
        Snippets.Secrets secrets = new Snippets.Secrets(List.of(a, b, "elsewhere-" + RandomKeys.base64(16)));
        String line = "first=" + b + " second=\"" + a + "\" again " + a;
        String snippet = Snippets.render(line, secrets);
        // booleans, so that a failure never prints a secret
        assertThat(snippet.contains(a) || snippet.contains(b)).isFalse();
        assertThat(snippet.startsWith("first=" + Redaction.preview(b) + " second=\"" + Redaction.preview(a))).isTrue();
    }

    @Test
    void secretsSharingTheirFirstCharactersAreEachFound() {
        String a = "Pw-" + RandomKeys.base64(12);
        String b = "Pw-" + RandomKeys.base64(12);
        String shortOne = "Pw-" + "x7Q";
        Snippets.Secrets secrets = new Snippets.Secrets(List.of(a, b, shortOne));
        assertThat(Snippets.render("x " + b, secrets).contains(b)).isFalse();
        assertThat(Snippets.render("y " + shortOne + " z", secrets).contains(shortOne)).isFalse();
        assertThat(Snippets.render("nothing here", secrets)).isEqualTo("nothing here");
    }

    @Test
    void aSecretWrittenOverSeveralLinesIsMaskedLineByLine() {
        String first = RandomKeys.base64(24);
        String second = RandomKeys.base64(24);
        Snippets.Secrets secrets = new Snippets.Secrets(List.of(first + "\n" + second));
        assertThat(Snippets.render("    " + second + "\";", secrets).contains(second)).isFalse();
    }

    @Test
    void aSecretWrittenAsCharactersWithEscapesOrInPiecesIsMaskedToo() {
        String key = RandomKeys.base64(32);
        Snippets.Secrets secrets = new Snippets.Secrets(List.of(key));
        StringBuilder chars = new StringBuilder("char[] k = {");
        for (int i = 0; i < key.length(); i++) {
            chars.append(i == 0 ? "" : ", ").append('\'').append(key.charAt(i)).append('\'');
        }
        String asChars = Snippets.render(chars.append("};").toString(), secrets);
        StringBuilder escaped = new StringBuilder("String k = \"");
        key.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        String asEscapes = Snippets.render(escaped.append("\";").toString(), secrets);
        String half = key.substring(0, 16);
        String asPieces = Snippets.render("String k = \"" + half + "\" + \"" + key.substring(16) + "\";", secrets);
        // booleans, so that a failure never prints a secret
        assertThat(asChars.contains("'" + key.charAt(0) + "', '" + key.charAt(1) + "', '" + key.charAt(2) + "'"))
                .isFalse();
        assertThat(asChars).contains("(" + key.length() + " chars)");
        assertThat(asEscapes.contains(String.format("\\u%04x\\u%04x", (int) key.charAt(0), (int) key.charAt(1))))
                .isFalse();
        assertThat(asPieces.contains(half) || asPieces.contains(key.substring(16))).isFalse();
        assertThat(Snippets.render("String greeting = \"hello world\";", secrets))
                .isEqualTo("String greeting = \"hello world\";");
    }
}
