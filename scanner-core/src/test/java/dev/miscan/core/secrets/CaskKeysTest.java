package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaskKeysTest {
    /** 52 random characters, JQQJ9 + kind 9, year B (2025), month A (January), 16 platform/provider chars. */
    private static final String PREFIX = "a".repeat(52) + "JQQJ99BA" + "A".repeat(16);

    private static final String BASE62_84 = PREFIX + "TEST2l8I";
    private static final String BASE64_84 = PREFIX + "TESTlrlb";
    private static final String BASE62_88 = PREFIX + "TEST2l8IBA==";
    private static final String BASE64_88 = PREFIX + "TESTlrlbeQ==";
    private static final String AZCS_BASE62 = PREFIX + "AZCS1NYt";
    private static final String AZCS_BASE64 = PREFIX + "AZCSS1vA";

    static Stream<String> vectors() {
        return Stream.of(BASE62_84, BASE64_84, BASE62_88, BASE64_88, AZCS_BASE62, AZCS_BASE64);
    }

    @Test
    void vectors_haveTheDocumentedLayout() {
        assertThat(BASE62_84).isEqualTo(
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaJQQJ99BAAAAAAAAAAAAAAAAATEST2l8I");
        assertThat(BASE64_84).isEqualTo(
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaJQQJ99BAAAAAAAAAAAAAAAAATESTlrlb");
        vectors().forEach(k -> {
            assertThat(k.length()).isIn(84, 88);
            assertThat(k.indexOf("JQQJ9")).isEqualTo(52);
        });
        assertThat(BASE62_88.length()).isEqualTo(88);
        assertThat(AZCS_BASE62.substring(76, 80)).isEqualTo("AZCS");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vector_hasValidChecksum(String key) {
        assertThat(CaskKeys.checksumValid(key)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorWithChangedRandomCharacter_hasInvalidChecksum(String key) {
        String changed = "b" + key.substring(1);

        assertThat(CaskKeys.checksumValid(changed)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorWithChangedChecksumCharacter_hasInvalidChecksum(String key) {
        char c = key.charAt(81);
        String changed = key.substring(0, 81) + (c == 'Z' ? 'Y' : 'Z') + key.substring(82);

        assertThat(CaskKeys.checksumValid(changed)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void at_findsKeyInQuotedAssignment(String key) {
        String text = "key=\"" + key + "\"";
        int marker = text.indexOf("JQQJ9");

        var match = CaskKeys.at(text, marker);

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().start()).isEqualTo(5);
        assertThat(match.get().key().equals(key)).isTrue();
        assertThat(match.get().provider()).isEqualTo(key.substring(76, 80));
        assertThat(match.get().yearMonth()).isEqualTo("2025-01");
    }

    @Test
    void at_namesTheProviderService() {
        String text = "key=\"" + AZCS_BASE62 + "\"";

        var match = CaskKeys.at(text, text.indexOf("JQQJ9"));

        assertThat(match.isPresent()).isTrue();
        assertThat(match.get().service()).isEqualTo("Azure Communication Services");
    }

    @Test
    void at_refusesKeyPrecededByKeyCharacter() {
        String text = "key=\"b" + BASE62_84 + "\"";

        assertThat(CaskKeys.at(text, text.indexOf("JQQJ9")).isPresent()).isFalse();
    }

    @Test
    void at_refusesKeyFollowedByKeyCharacter() {
        String text = "key=\"" + BASE62_84 + "/\"";

        assertThat(CaskKeys.at(text, text.indexOf("JQQJ9")).isPresent()).isFalse();
    }

    @Test
    void at_refusesKeyWithBrokenChecksum() {
        String text = "key=\"" + "b" + BASE62_84.substring(1) + "\"";

        assertThat(CaskKeys.at(text, text.indexOf("JQQJ9")).isPresent()).isFalse();
    }

    @Test
    void at_refusesOffsetThatIsNotTheMarker() {
        String text = "key=\"" + BASE62_84 + "\"";

        assertThat(CaskKeys.at(text, text.indexOf("JQQJ9") + 1).isPresent()).isFalse();
        assertThat(CaskKeys.at(text, 3).isPresent()).isFalse();
    }

    @Test
    void base62_ofChecksumBytes() {
        assertThat(CaskKeys.base62(new byte[] {(byte) 0x96, (byte) 0xb9, 0x5b, 0x79})).isEqualTo("2l8IBN");
    }

    @Test
    void base62_keepsLeadingZeroBytes() {
        assertThat(CaskKeys.base62(new byte[] {0, 1})).isEqualTo("01");
        assertThat(CaskKeys.base62(new byte[] {0, 0})).isEqualTo("00");
    }
}
