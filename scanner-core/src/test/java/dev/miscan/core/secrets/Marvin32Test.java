package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Marvin32Test {

    @Test
    void seedLabel_isItsAsciiBytesAsBigEndianLong() {
        assertThat(Marvin32.seed("Default0")).isEqualTo(0x44656661756c7430L);
        assertThat(Marvin32.seed("ROSeed00")).isEqualTo(0x524f536565643030L);
    }

    @Test
    void seedLabel_mustBeEightCharacters() {
        assertThatThrownBy(() -> Marvin32.seed("Default")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Marvin32.seed("Default00")).isInstanceOf(IllegalArgumentException.class);
    }

    /** SymCrypt's Marvin32 vectors (64-bit results), as used by microsoft/security-utilities. */
    @Test
    void hash32_isXorOfHalvesOfSymCryptVector_abc() {
        long h = 0x22c74339492769bfL;
        int expected32 = (int) (h ^ (h >>> 32));
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);

        assertThat(Marvin32.hash32(data, 0, data.length, 0xd53cd9cecd0893b7L)).isEqualTo(expected32);
    }

    @Test
    void hash32_isXorOfHalvesOfSymCryptVector_alphabet() {
        long h = 0xa128eb7e7260aca2L;
        int expected32 = (int) (h ^ (h >>> 32));
        byte[] data = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

        assertThat(Marvin32.hash32(data, 0, data.length, 0xddddeeeeffff000L)).isEqualTo(expected32);
    }

    @Test
    void hash32_honoursOffsetAndLength() {
        byte[] padded = "--abc--".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = "abc".getBytes(StandardCharsets.US_ASCII);
        long seed = 0xd53cd9cecd0893b7L;

        assertThat(Marvin32.hash32(padded, 2, 3, seed)).isEqualTo(Marvin32.hash32(plain, 0, 3, seed));
    }

    static Stream<Arguments> identifiableKeys() {
        return Stream.of(
                Arguments.of(76, "+ASt5mnCaw==", "Default0", 88),
                Arguments.of(33, "+ASbHpHeAI=", "Send0000", 44),
                Arguments.of(33, "+ASbLMHE8s=", "Listen00", 44),
                Arguments.of(33, "+ASbDuOyPg=", "Manage00", 44),
                Arguments.of(33, "+AEhG2s/8w=", "Send0000", 44),
                Arguments.of(33, "+ARmD7h+qo=", "Send0000", 44),
                Arguments.of(76, "ACDbOpqrYA==", "Encryp00", 88),
                Arguments.of(76, "ACDbPrl7og==", "MastRO00", 88),
                Arguments.of(76, "ACDbt/cVzg==", "MastRW00", 88),
                Arguments.of(76, "+ABa13FZVQ==", "AbAcct00", 88),
                Arguments.of(76, "APIMHbKhsQ==", "Tenant00", 88),
                Arguments.of(33, "AzCaJM04l8=", "Access00", 44),
                Arguments.of(33, "AIoTOumzco=", "IoTHub00", 44),
                Arguments.of(33, "AZEGA5Ycls=", "Default0", 44),
                Arguments.of(42, "+ACRC5W7f3", "ACRDflt0", 52),
                Arguments.of(42, "AzSeCjhzCu", "Query000", 52),
                Arguments.of(42, "AzSeCJxZ3A", "PAdmin00", 52),
                Arguments.of(44, "AzFuHt7CiQ==", "Functi00", 56),
                Arguments.of(44, "AzFuZs2k4g==", "Master00", 56),
                Arguments.of(44, "AzFu-8-fnQ==", "System00", 56));
    }

    private static IdentifiableKeys.Format formatOf(String suffix) {
        String signature = suffix.substring(0, 4);
        return IdentifiableKeys.FORMATS.stream().filter(f -> f.signature().equals(signature)).findFirst()
                .orElseThrow(() -> new AssertionError("no format with signature " + signature));
    }

    @ParameterizedTest(name = "\"a\"*{0} + {1} validates with {2}")
    @MethodSource("identifiableKeys")
    void identifiableKeyVector_validatesWithItsSeed(int randomLength, String suffix, String seed, int length) {
        String key = "a".repeat(randomLength) + suffix;
        IdentifiableKeys.Format format = formatOf(suffix);

        assertThat(key.length()).isEqualTo(length);
        assertThat(format.length()).isEqualTo(length);
        assertThat(format.signatureIndex()).isEqualTo(randomLength);
        assertThat(IdentifiableKeys.validate(key, format)).contains(seed);
    }

    @ParameterizedTest(name = "\"a\"*{0} + {1} with a changed character is rejected")
    @MethodSource("identifiableKeys")
    void identifiableKeyVector_withChangedCharacter_doesNotValidate(int randomLength, String suffix, String seed,
            int length) {
        String changed = "b" + "a".repeat(randomLength - 1) + suffix;

        assertThat(IdentifiableKeys.validate(changed, formatOf(suffix)).isPresent()).isFalse();
    }

    @Test
    void identifiableKey_withChangedChecksumCharacter_doesNotValidate() {
        String changed = "a".repeat(76) + "+ASt5mnCbw==";

        assertThat(IdentifiableKeys.validate(changed, formatOf("+ASt")).isPresent()).isFalse();
    }

    @Test
    void identifiableKey_thatIsNotBase64_doesNotValidate() {
        assertThat(IdentifiableKeys.validate("a".repeat(75) + "!+ASt5mnCaw==", formatOf("+ASt")).isPresent())
                .isFalse();
    }

    @Test
    void at_findsKeyEmbeddedInConnectionString() {
        String key = "a".repeat(76) + "+ASt5mnCaw==";
        String text = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + key + ";EndpointSuffix=x";
        int signatureOffset = text.indexOf("+ASt");

        var match = IdentifiableKeys.at(text, signatureOffset);

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().key().equals(key)).isTrue();
        assertThat(match.get().seedLabel()).isEqualTo("Default0");
        assertThat(match.get().format().kind()).isEqualTo("storage");
    }

    @Test
    void at_findsShortKeyEmbeddedInConnectionString() {
        String key = "a".repeat(33) + "+ASbHpHeAI=";
        String text = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + key + ";";

        var match = IdentifiableKeys.at(text, text.indexOf("+ASb"));

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().format().kind()).isEqualTo("servicebus");
        assertThat(match.get().seedLabel()).isEqualTo("Send0000");
    }

    @Test
    void at_refusesKeyThatIsPartOfLongerBase64Run_before() {
        String text = "AccountKey=b" + "a".repeat(76) + "+ASt5mnCaw==;";

        assertThat(IdentifiableKeys.at(text, text.indexOf("+ASt")).isPresent()).isFalse();
    }

    @Test
    void at_refusesKeyThatIsPartOfLongerBase64Run_after() {
        String text = "AccountKey=" + "a".repeat(33) + "+ASbHpHeAI=b;";
        String unpadded = "AccountKey=" + "a".repeat(42) + "AzSeCjhzCuQ;";

        assertThat(IdentifiableKeys.at(text, text.indexOf("+ASb")).isPresent()).isFalse();
        assertThat(IdentifiableKeys.at(unpadded, unpadded.indexOf("AzSe")).isPresent()).isFalse();
    }

    @Test
    void at_refusesOffsetWithoutSignature() {
        String text = "AccountKey=" + "a".repeat(76) + "+ASt5mnCaw==;";

        assertThat(IdentifiableKeys.at(text, text.indexOf("+ASt") + 1).isPresent()).isFalse();
    }

    @Test
    void at_refusesKeyCutOffByStartOfText() {
        String text = "a".repeat(70) + "+ASt5mnCaw==";

        assertThat(IdentifiableKeys.at(text, text.indexOf("+ASt")).isPresent()).isFalse();
    }
}
