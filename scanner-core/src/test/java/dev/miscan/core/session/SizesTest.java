package dev.miscan.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {
    @ParameterizedTest
    @CsvSource({"2048, 2048", "500k, 512000", "2m, 2097152", " 2M , 2097152", "2MB, 2097152", "2mib, 2097152",
            "1g, 1073741824", "0, 0", "2047m, 2146435072"})
    void bytesWithAnOptionalSuffix(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12q", "", "-1", "2 m b x", "1.5m", "99999999999999999999",
        // overflow or past what a file read whole can hold: never a small or negative limit that skips every file
        "8589934592g", "17179869184g", "9223372036854775807", "2048m", "3g"})
    void anythingElse_isRejectedWithTheHint(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Sizes.HINT);
    }
}
