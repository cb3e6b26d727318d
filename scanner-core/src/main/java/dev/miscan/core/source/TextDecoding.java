package dev.miscan.core.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns file bytes into scan text: binary detection, BOMs, UTF-8 with a fallback, {@code \n} line ends. */
public final class TextDecoding {
    private static final int BINARY_PROBE = 8000;

    /** The decoded text, and whether bytes had to be replaced because they were not valid UTF-8. */
    public record Decoded(String text, boolean malformed) {
    }

    private TextDecoding() {
    }

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
        } else if (isBinary(bytes)) {
            throw new SkippedException("binary file");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        String text;
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

    /** Git's heuristic: a NUL byte in the first 8000 bytes. */
    public static boolean isBinary(byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, BINARY_PROBE); i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
