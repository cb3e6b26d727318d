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

    /** What decoding gave before the fast path: the strict decoder, and on failure the replacing one. */
    private static TextDecoding.Decoded reference(byte[] bytes) throws Exception {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        String text;
        boolean malformed = false;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            malformed = true;
            in.position(skip);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE).decode(in).toString();
        }
        return new TextDecoding.Decoded(text.replace("\r\n", "\n"), malformed);
    }

    @Test
    void asciiText_isItsBytes_asTheDecoderReadsThem() throws Exception {
        java.util.Random random = new java.util.Random(21);
        for (int i = 0; i < 3000; i++) {
            // every ASCII byte but NUL, carriage returns and line feeds often, some files of more than 8000 bytes
            byte[] b = new byte[i % 100 == 0 ? 9000 + random.nextInt(3000) : random.nextInt(60)];
            for (int k = 0; k < b.length; k++) {
                int r = random.nextInt(8);
                b[k] = (byte) (r == 0 ? '\r' : r == 1 ? '\n' : 1 + random.nextInt(127));
            }
            TextDecoding.Decoded got = TextDecoding.decode(b);
            TextDecoding.Decoded want = reference(b);
            assertThat(got.malformed()).isFalse();
            assertThat(got.text().equals(want.text())).as("case %d", i).isTrue();
        }
        // a NUL after the probe's 8000 bytes: not binary, and its text keeps the NUL (as before the fast path)
        byte[] late = new byte[9000];
        Arrays.fill(late, (byte) 'a');
        late[8500] = 0;
        assertThat(TextDecoding.decode(late).text()).hasSize(9000).contains("\u0000");
    }

    @Test
    void fastPath_givesWhatTheStrictDecoderGives_forWellFormedAndMalformedUtf8() throws Exception {
        byte[][] cases = {
            "plain ascii\r\nline".getBytes(StandardCharsets.UTF_8),
            "caf\u00e9 \u2713 \ud83d\ude00 \ufffd written as is".getBytes(StandardCharsets.UTF_8),
            {'a', (byte) 0xC0, (byte) 0xAF, 'b'},                         // overlong '/'
            {'a', (byte) 0xE0, (byte) 0x80, (byte) 0xAF},                 // overlong, 3 bytes
            {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'},            // a UTF-16 surrogate (CESU-8)
            {'a', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},    // above U+10FFFF
            {'a', (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {'a', (byte) 0xE2, (byte) 0x9C},                              // cut at the end
            {'a', (byte) 0x80, 'b'},                                      // a lone continuation byte
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', (byte) 0xC3, (byte) 0xA9},
            {'\r', '\n', (byte) 0xFF, '\r', '\n'},
        };
        java.util.Random random = new java.util.Random(20);
        java.util.List<byte[]> all = new java.util.ArrayList<>(Arrays.asList(cases));
        for (int i = 0; i < 2000; i++) {
            // mostly text, so that few inputs count as binary
            byte[] b = new byte[random.nextInt(40)];
            for (int k = 0; k < b.length; k++) {
                int r = random.nextInt(10);
                b[k] = (byte) (r < 7 ? 'a' + random.nextInt(26) : r == 7 ? 0x80 + random.nextInt(64)
                        : r == 8 ? 0xC0 + random.nextInt(64) : random.nextInt(256));
                if (b[k] == 0) {
                    b[k] = ' ';
                }
            }
            all.add(b);
        }
        int compared = 0;
        for (byte[] b : all) {
            if (TextDecoding.isBinary(b) || b.length >= 2 && ((b[0] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFE)) {
                continue;
            }
            assertThat(TextDecoding.decode(b)).isEqualTo(reference(b));
            compared++;
        }
        assertThat(compared).isGreaterThan(1000);
    }
}
