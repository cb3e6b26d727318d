package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntraSecretsTest {
    private static final String VALID = "zzz8Q~zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzblP";
    private static final String LEGACY = "yyy7Q~yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy";

    @Test
    void currentVector_hasValidChecksum() {
        assertThat(VALID.length()).isEqualTo(40);
        assertThat(EntraSecrets.checksumValid(VALID)).isTrue();
    }

    @Test
    void changedLastCharacter_breaksChecksum() {
        String changed = VALID.substring(0, 39) + "Q";

        assertThat(EntraSecrets.checksumValid(changed)).isFalse();
    }

    @Test
    void changedRandomCharacter_breaksChecksum() {
        String changed = VALID.substring(0, 10) + "y" + VALID.substring(11);

        assertThat(EntraSecrets.checksumValid(changed)).isFalse();
    }

    @Test
    void at_findsCurrentSecretWithValidChecksum() {
        String text = "client-secret: \"" + VALID + "\"\n";
        int marker = text.indexOf("Q~");

        var match = EntraSecrets.at(text, marker);

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().start()).isEqualTo(text.indexOf('"') + 1);
        assertThat(match.get().secret().equals(VALID)).isTrue();
        assertThat(match.get().current()).isTrue();
        assertThat(match.get().checksumValid()).isTrue();
    }

    @Test
    void at_findsLegacySecret_notCurrentAndWithoutChecksum() {
        assertThat(LEGACY.length()).isEqualTo(37);
        String text = "AZURE_CLIENT_SECRET=" + LEGACY + "\n";

        var match = EntraSecrets.at(text, text.indexOf("Q~"));

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().secret().equals(LEGACY)).isTrue();
        assertThat(match.get().current()).isFalse();
        assertThat(match.get().checksumValid()).isFalse();
        assertThat(EntraSecrets.checksumValid(LEGACY)).isFalse();
    }

    @Test
    void at_findsCurrentShapeWithWrongChecksum_asNotChecksumValid() {
        String synthetic = "bP88Q~" + "k".repeat(31) + "aaa";
        assertThat(synthetic.length()).isEqualTo(40);
        String text = "secret='" + synthetic + "'";

        var match = EntraSecrets.at(text, text.indexOf("Q~"));

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().current()).isTrue();
        assertThat(match.get().checksumValid()).isFalse();
        assertThat(EntraSecrets.checksumValid(synthetic)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "_", "~", ".", "-"})
    void at_rejectsSecretPrecededBySecretAlphabetCharacter(String before) {
        String text = "s=" + before + VALID + ";";

        assertThat(EntraSecrets.at(text, text.indexOf("Q~")).isPresent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "_", "~", ".", "-"})
    void at_rejectsSecretFollowedBySecretAlphabetCharacter(String after) {
        String text = "s=" + VALID + after + ";";

        assertThat(EntraSecrets.at(text, text.indexOf("Q~")).isPresent()).isFalse();
    }

    @Test
    void at_acceptsSecretAtStartAndEndOfText() {
        assertThat(EntraSecrets.at(VALID, 4).isPresent()).isTrue();
    }

    @Test
    void at_rejectsSecretTooShortForItsVersion() {
        String text = "s=" + VALID.substring(0, 39);

        assertThat(EntraSecrets.at(text, text.indexOf("Q~")).isPresent()).isFalse();
    }

    @Test
    void at_rejectsCharacterOutsideSecretAlphabetInside() {
        String text = "s=" + VALID.substring(0, 20) + "+" + VALID.substring(21) + ";";

        assertThat(EntraSecrets.at(text, text.indexOf("Q~")).isPresent()).isFalse();
    }

    @Test
    void at_rejectsUnknownVersion() {
        String text = "s=zzz9Q~" + "z".repeat(34) + ";";

        assertThat(EntraSecrets.at(text, text.indexOf("Q~")).isPresent()).isFalse();
    }

    @Test
    void encode_rendersBase66MostSignificantFirst() {
        assertThat(EntraSecrets.encode(0x57cccb3dL)).isEqualTo("blPTrp");
        assertThat(EntraSecrets.encode(1473039165L)).isEqualTo("blPTrp");
    }

    @Test
    void encode_padsToSixCharactersWithFirstAlphabetCharacter() {
        assertThat(EntraSecrets.encode(0)).isEqualTo("aaaaaa");
        assertThat(EntraSecrets.encode(1)).isEqualTo("aaaaab");
    }
}
