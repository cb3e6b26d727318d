package dev.miscan.core.secrets;

/** Exact shapes of random (non-identifiable) Azure keys, and the character classes they are made of. */
public final class KeyShapes {
    private KeyShapes() {
    }

    public static boolean isBase64Char(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    public static boolean isBase64UrlChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** A 64-byte key in base64: 86 significant characters, the last one with 4 zero bits, then {@code ==}. */
    /**
     * The key shapes the Azure catalogue names: {@code base64-32} and {@code base64-64} (random keys in base64),
     * {@code hex-32} (32 hexadecimal digits: API Management subscription keys, older AI Search and Azure AI keys),
     * {@code functions} (an Azure Functions key: 56 characters of URL-safe base64 ending {@code ==}).
     */
    public static final java.util.Set<String> SHAPES = java.util.Set.of("base64-32", "base64-64", "hex-32", "functions");

    /** Whether {@code value} has the catalogue's key shape {@code shape}. */
    public static boolean matches(String shape, String value) {
        return switch (shape) {
            case "base64-32" -> is32ByteKey(value);
            case "base64-64" -> is64ByteKey(value);
            case "hex-32" -> value.length() == 32 && value.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                    && looksRandom(value);
            case "functions" -> isFunctionsKey(value);
            default -> false;
        };
    }

    /** An Azure Functions key: 54 characters of URL-safe base64 and {@code ==} (the identifiable format is one). */
    public static boolean isFunctionsKey(CharSequence s) {
        if (s.length() != 56 || s.charAt(54) != '=' || s.charAt(55) != '=') {
            return false;
        }
        for (int i = 0; i < 54; i++) {
            if (!isBase64UrlChar(s.charAt(i))) {
                return false;
            }
        }
        return looksRandom(s.subSequence(0, 54));
    }

    public static boolean is64ByteKey(CharSequence s) {
        return isPaddedKey(s, 88, 2, "AQgw");
    }

    /** A 32-byte key in base64: 43 significant characters, the last one with 2 zero bits, then {@code =}. */
    public static boolean is32ByteKey(CharSequence s) {
        return isPaddedKey(s, 44, 1, "AEIMQUYcgkosw048");
    }

    private static boolean isPaddedKey(CharSequence s, int length, int padding, String lastChars) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length - padding; i++) {
            if (!isBase64Char(s.charAt(i))) {
                return false;
            }
        }
        for (int i = length - padding; i < length; i++) {
            if (s.charAt(i) != '=') {
                return false;
            }
        }
        return lastChars.indexOf(s.charAt(length - padding - 1)) >= 0 && looksRandom(s);
    }

    /**
     * Rejects hand-made fillers ({@code AAAA…==}, {@code abcabc…}): a random base64 string of 40+
     * characters almost always uses at least a third of its length in distinct characters.
     */
    public static boolean looksRandom(CharSequence s) {
        boolean[] seen = new boolean[128];
        int distinct = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                continue;
            }
            n++;
            if (c < 128 && !seen[c]) {
                seen[c] = true;
                distinct++;
            }
        }
        return distinct >= Math.min(20, n / 3);
    }

    /** Length of the run of characters matching the base64 alphabet (or {@code =} padding) starting at {@code from}. */
    public static int base64RunLength(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && isBase64Char(s.charAt(i))) {
            i++;
        }
        while (i < s.length() && s.charAt(i) == '=' && i - from < 200) {
            i++;
        }
        return i - from;
    }
}
