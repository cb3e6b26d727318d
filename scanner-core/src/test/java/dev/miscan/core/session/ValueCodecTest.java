package dev.miscan.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.api.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
    private static byte[] bytes(Object value) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            ValueCodec.write(out, value);
        }
        return b.toByteArray();
    }

    private static Object roundTrip(Object value) throws IOException {
        return ValueCodec.read(new DataInputStream(new ByteArrayInputStream(bytes(value))));
    }

    @Test
    void everyKindOfValue_readsBackEqual() throws IOException {
        Map<Object, Object> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", List.of(2L, 2.5, true, new BigInteger("123456789012345678901234567890")));
        ordered.put(7, null);
        Object read = roundTrip(List.of(ordered, "text", Instant.ofEpochSecond(1, 2), new Location("a/b.java", 1, 2, 3, 4)));
        assertThat(read).isEqualTo(List.of(ordered, "text", Instant.ofEpochSecond(1, 2),
                new Location("a/b.java", 1, 2, 3, 4)));
        assertThat(List.copyOf(((Map<?, ?>) ((List<?>) read).get(0)).keySet())).isEqualTo(List.of("z", "a", 7));
    }

    @Test
    void stringsKeepEveryUtf16Unit_anUnpairedSurrogateToo() throws IOException {
        String odd = "a\uD800b\uDC00c\uD83D\uDE00";
        assertThat(roundTrip(odd)).isEqualTo(odd);
    }

    @Test
    void anotherKindOfValue_isRefused() {
        assertThatThrownBy(() -> bytes(java.util.Set.of("x"))).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write");
    }

    @Test
    void damagedInput_isAnIOException_notAStackOverflow() throws IOException {
        byte[] deep = new byte[5 * 10_000];
        for (int i = 0; i < 10_000; i++) {
            deep[5 * i] = 7; // a list ...
            deep[5 * i + 4] = 1; // ... of one element, again and again
        }
        assertThatThrownBy(() -> ValueCodec.read(new DataInputStream(new ByteArrayInputStream(deep))))
                .isInstanceOf(IOException.class);
        byte[] good = bytes("some text");
        assertThatThrownBy(() -> ValueCodec.read(new DataInputStream(new ByteArrayInputStream(good, 0, good.length - 3))))
                .isInstanceOf(IOException.class);
    }
}
