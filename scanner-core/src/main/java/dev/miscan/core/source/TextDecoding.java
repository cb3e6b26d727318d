package dev.miscan.core.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into scan text: binary detection, BOMs, UTF-8 with a fallback, {@code \n} line ends. A binary
 * file is a {@link BinaryFileException}: skipped silently and counted, never a warning.
 */
public final class TextDecoding {
    private static final int BINARY_PROBE = 8000;

    /** The decoded text, and whether bytes had to be replaced because they were not valid UTF-8. */
    public record Decoded(String text, boolean malformed) {
    }

    private TextDecoding() {
    }

    /**
     * @throws BinaryFileException for binary content ({@link #isBinary})
     * @throws SkippedException    for text that cannot be decoded at all
     */
    public static Decoded decode(byte[] bytes) throws SkippedException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            // most files are ASCII without a NUL, whose bytes are their text: one pass over them instead of three
            // (the binary probe's, the string decoder's and the search for a carriage return)
            int ascii = asciiText(bytes);
            if (ascii != NOT_ASCII) {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                return new Decoded(ascii == WITH_CR ? text.replace("\r\n", "\n") : text, false);
            }
            if (isBinary(bytes)) {
                throw new BinaryFileException();
            }
        }
        String text = charset == StandardCharsets.UTF_8 ? wellFormedUtf8(bytes, skip) : null;
        if (text != null) {
            return new Decoded(text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n") : text, false);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        boolean malformed = false;
        try {
            CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = strict.decode(in).toString();
        } catch (CharacterCodingException e) {
            malformed = true;
            in.rewind();
            in.position(skip);
            CharsetDecoder lenient = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try {
                CharBuffer cb = lenient.decode(in);
                text = cb.toString();
            } catch (CharacterCodingException impossible) {
                throw new SkippedException("cannot decode text");
            }
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n");
        }
        return new Decoded(text, malformed);
    }

    private static final int NOT_ASCII = -1;
    private static final int WITHOUT_CR = 0;
    private static final int WITH_CR = 1;

    /** {@link #NOT_ASCII} when a byte is NUL or not ASCII, else whether a carriage return is among them. */
    private static int asciiText(byte[] bytes) {
        boolean cr = false;
        for (byte b : bytes) {
            if (b <= 0) {
                return NOT_ASCII;
            }
            cr |= b == '\r';
        }
        return cr ? WITH_CR : WITHOUT_CR;
    }

    /**
     * The text of well-formed UTF-8 by the JDK's own string decoding (a copy for ASCII, no {@link CharsetDecoder}
     * and {@link CharBuffer} in between), or null when the bytes may be malformed. That decoding replaces each
     * malformed sequence with U+FFFD; a text without U+FFFD therefore had none, and is what the strict decoder
     * gives. A text with U+FFFD (malformed input, or a U+FFFD written in the file) takes the strict path.
     */
    private static String wellFormedUtf8(byte[] bytes, int skip) {
        String text = new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : null;
    }

    /**
     * Whether the first bytes of a file ({@code head}: the whole file, or at least its first 8000 bytes) are those
     * of a binary file: git's heuristic (a NUL byte in the first 8000 bytes), and for content that is not UTF-8,
     * the signature of a common binary format (image, font, archive, class file, PDF, executable, media) or a
     * third or more of bytes that no text has (control characters, bytes of invalid UTF-8). Text in a legacy
     * encoding (Latin-1) has few such bytes: it is text, decoded with replacements and a warning.
     */
    public static boolean isBinary(byte[] head) {
        int n = Math.min(head.length, BINARY_PROBE);
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            byte b = head[i];
            if (b == 0) {
                return true;
            }
            ascii &= b > 0;
        }
        if (n == 0 || ascii || validUtf8(head, n)) {
            return false;
        }
        if (binarySignature(head)) {
            return true;
        }
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b >= 0x80 || b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1B
                    && b != '\b' || b == 0x7F) {
                odd++;
            }
        }
        return odd * 10L >= n * 3L;
    }

    /** Whether the first {@code n} bytes of {@code b} are UTF-8. */
    private static boolean validUtf8(byte[] b, int n) {
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 0) {
                return false;
            }
            for (int k = 1; k < len; k++) {
                if (i + k >= n) {
                    return n < b.length; // cut by the end of the probe: valid so far; by the end of the file: not
                }
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }

    private static final byte[][] SIGNATURES = {
        {(byte) 0x89, 'P', 'N', 'G'}, {'G', 'I', 'F', '8'}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {'B', 'M'},
        {'%', 'P', 'D', 'F', '-'}, {'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {0x1F, (byte) 0x8B}, {'B', 'Z', 'h'},
        {(byte) 0xFD, '7', 'z', 'X', 'Z'}, {'7', 'z', (byte) 0xBC, (byte) 0xAF}, {'R', 'a', 'r', '!'},
        {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, {0x7F, 'E', 'L', 'F'}, {'M', 'Z'},
        {'w', 'O', 'F', 'F'}, {'w', 'O', 'F', '2'}, {'O', 'T', 'T', 'O'}, {'R', 'I', 'F', 'F'}, {'I', 'D', '3'},
        {'f', 'L', 'a', 'C'}, {'O', 'g', 'g', 'S'}, {'8', 'B', 'P', 'S'}, {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD},
    };

    private static boolean binarySignature(byte[] head) {
        for (byte[] sig : SIGNATURES) {
            if (head.length >= sig.length && java.util.Arrays.equals(head, 0, sig.length, sig, 0, sig.length)) {
                return true;
            }
        }
        // ISO base media (MP4, MOV, HEIC, AVIF): a box size, then "ftyp"
        return head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
    }
}
