package dev.miscan.core.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Random key material generated at test time, so that no real-looking key is committed. */
public final class RandomKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Placeholders treats a run of 3+ x/X between characters that are no letter or digit ({@code /xXx+}) as a
     * filler; a key with any such run is not made here, so that the tests that need a realistic key are not flaky
     * (about 1 key in 20,000 has one).
     */
    private static final Pattern X_RUN = Pattern.compile("(?i)x{3,}");

    private RandomKeys() {
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Base64 of {@code n} random bytes (88 characters for 64 bytes, 44 for 32). */
    public static String base64(int n) {
        while (true) {
            String s = Base64.getEncoder().encodeToString(bytes(n));
            if (!X_RUN.matcher(s).find()) {
                return s;
            }
        }
    }
}
