package dev.miscan.core.secrets;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keyed digests of one scan's secrets ({@link FingerprintKey#digest}), each computed once however many
 * findings, files or threads share the secret. Thread-safe: two threads that need the same secret's digest wait
 * for one computation; different secrets are computed in parallel. Keyed by the secret's SHA-256, so the memo
 * holds no secret.
 */
public final class SecretDigests {
    private final FingerprintKey key;
    private final ConcurrentHashMap<String, Once> memo = new ConcurrentHashMap<>();
    private final AtomicInteger computed = new AtomicInteger();

    public SecretDigests(FingerprintKey key) {
        this.key = key;
    }

    public FingerprintKey key() {
        return key;
    }

    /** The keyed digest of {@code secret}, whose SHA-256 is {@code secretHash}. */
    public String of(String secretHash, String secret) {
        return memo.computeIfAbsent(secretHash, h -> new Once()).get(secret);
    }

    /** How many digests were computed (one per distinct secret). */
    public int computed() {
        return computed.get();
    }

    /** One digest, computed by the first thread that asks; the others wait for it (not for the map's lock). */
    private final class Once {
        private String value;

        synchronized String get(String secret) {
            if (value == null) {
                value = key.digest(secret);
                computed.incrementAndGet();
            }
            return value;
        }
    }
}
