package dev.miscan.core.secrets;

import java.util.Optional;

/**
 * Microsoft Entra ID application (client) secrets: {@code xxx8Q~…} (40 characters, checksummed) and the
 * older {@code xxx7Q~…} (37 characters, no checksum).
 */
public final class EntraSecrets {
    private static final String CHECKSUM_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~";
    private static final long SEED = Marvin32.seed("AadPwd00");

    /** A secret found at {@code start}; {@code checksumValid} is false for a bad checksum or the legacy form. */
    public record Match(int start, String secret, boolean current, boolean checksumValid) {
    }

    private EntraSecrets() {
    }

    public static boolean isSecretChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '~'
                || c == '.' || c == '-';
    }

    /** The secret whose {@code Q~} marker starts at {@code markerOffset}, if the shape fits. */
    public static Optional<Match> at(String text, int markerOffset) {
        int start = markerOffset - 4;
        if (start < 0 || markerOffset + 1 >= text.length() || text.charAt(markerOffset) != 'Q'
                || text.charAt(markerOffset + 1) != '~') {
            return Optional.empty();
        }
        char version = text.charAt(markerOffset - 1);
        int length = version == '8' ? 40 : version == '7' ? 37 : -1;
        if (length < 0 || start + length > text.length()) {
            return Optional.empty();
        }
        if (start > 0 && isSecretChar(text.charAt(start - 1))
                || start + length < text.length() && isSecretChar(text.charAt(start + length))) {
            return Optional.empty();
        }
        for (int i = start; i < start + length; i++) {
            if (!isSecretChar(text.charAt(i))) {
                return Optional.empty();
            }
        }
        String secret = text.substring(start, start + length);
        boolean current = length == 40;
        return Optional.of(new Match(start, secret, current, current && checksumValid(secret)));
    }

    /** The {@code 8Q~} checksum: the last 3 characters are the first 3 of Marvin32(first 37) in base 66. */
    public static boolean checksumValid(String secret) {
        if (secret.length() != 40) {
            return false;
        }
        int hash = Marvin32.hash32(IdentifiableKeys.latin1(secret.substring(0, 37)), 0, 37, SEED);
        String encoded = encode(hash & 0xFFFFFFFFL);
        return secret.endsWith(encoded.substring(0, 3));
    }

    static String encode(long value) {
        StringBuilder sb = new StringBuilder();
        long v = value;
        do {
            sb.append(CHECKSUM_ALPHABET.charAt((int) (v % 66)));
            v /= 66;
        } while (v > 0);
        while (sb.length() < 6) {
            sb.append(CHECKSUM_ALPHABET.charAt(0));
        }
        return sb.reverse().toString();
    }
}
