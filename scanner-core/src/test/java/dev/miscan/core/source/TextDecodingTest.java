package dev.miscan.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void plainUtf8_isDecodedAsIs() throws SkippedException {
        var decoded = TextDecoding.decode("caf\u00e9\nline".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.text()).isEqualTo("caf\u00e9\nline");
        assertThat(decoded.malformed()).isFalse();
    }

    @Test
    void crlf_becomesLf() throws SkippedException {
        assertThat(TextDecoding.decode("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("a\nb\n");
    }

    @Test
    void utf8Bom_isDropped() throws SkippedException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "abc".getBytes(StandardCharsets.UTF_8));

        assertThat(TextDecoding.decode(bytes).text()).isEqualTo("abc");
    }

    @Test
    void utf16Boms_selectTheCharset() throws SkippedException {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "k=v\r\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "k=v\r\n".getBytes(StandardCharsets.UTF_16BE));

        assertThat(TextDecoding.decode(le).text()).isEqualTo("k=v\n");
        assertThat(TextDecoding.decode(be).text()).isEqualTo("k=v\n");
    }

    @Test
    void invalidUtf8_isReplacedAndFlagged() throws SkippedException {
        byte[] bytes = concat("ok ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '('},
                " rest".getBytes(StandardCharsets.UTF_8));

        var decoded = TextDecoding.decode(bytes);

        assertThat(decoded.malformed()).isTrue();
        assertThat(decoded.text()).startsWith("ok ").endsWith("( rest").contains("\uFFFD");
    }

    @Test
    void nulInFirst8000Bytes_isBinary() {
        byte[] bytes = "text\u0000more".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TextDecoding.isBinary(bytes)).isTrue();
        assertThatThrownBy(() -> TextDecoding.decode(bytes)).isInstanceOf(SkippedException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void nulAfterFirst8000Bytes_isNotBinary() {
        byte[] bytes = new byte[8100];
        Arrays.fill(bytes, (byte) 'a');
        bytes[8050] = 0;

        assertThat(TextDecoding.isBinary(bytes)).isFalse();
    }

    @Test
    void emptyFile_isEmptyText() throws SkippedException {
        var decoded = TextDecoding.decode(new byte[0]);

        assertThat(decoded.text()).isEmpty();
        assertThat(decoded.malformed()).isFalse();
    }
}
