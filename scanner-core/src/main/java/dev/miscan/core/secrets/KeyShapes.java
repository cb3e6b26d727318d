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
