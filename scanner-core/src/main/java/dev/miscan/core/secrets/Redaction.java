package dev.miscan.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The only ways a secret may leave a rule: a short preview and a one-way hash. */
public final class Redaction {
    private Redaction() {
    }

    /**
     * Shows at most a quarter of the secret, never more than 4 characters, then its length:
     * {@code Zm9v…(88 chars)}. Secrets shorter than 8 characters show nothing.
     */
    public static String preview(String secret) {
        int shown = secret.length() < 8 ? 0 : Math.min(4, secret.length() / 4);
        return secret.substring(0, shown) + "…(" + secret.length() + " chars)";
    }

    public static String sha256(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces every occurrence of {@code secret} in {@code text} with its preview. */
    public static String redact(String text, String secret) {
        return secret.isEmpty() ? text : text.replace(secret, preview(secret));
    }
}
