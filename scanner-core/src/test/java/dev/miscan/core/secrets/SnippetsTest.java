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
}
