package dev.miscan.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * How the digest of a secret that every written fingerprint derives from is made: PBKDF2 with HMAC-SHA-256
 * (RFC 8018, section 5.2), a salt and an iteration count. A baseline records all three, so that a repository's
 * fingerprints stay the same from one scan to the next and the count can be raised later.
 *
 * <p>Why: a baseline and a SARIF report are committed or uploaded, and an unsalted SHA-256 of a secret can be
 * brute-forced at billions of guesses per second. A per-repository salt stops one table of guesses from serving
 * every repository, and the iterations make each guess cost as much as {@link #DEFAULT_ITERATIONS} HMACs.
 * A short or guessable secret is still found at that slower rate (see docs/baselines.md).
 *
 * <p>Immutable; {@link #digest} is thread-safe. {@link SecretDigests} computes each secret once per scan.
 */
public final class FingerprintKey {
    /** The name of the algorithm in a baseline file. */
    public static final String ALGORITHM = "PBKDF2-HMAC-SHA256";
    /**
     * Each iteration is two SHA-256 compressions ({@link #pbkdf2}): about 1.2 ms for one digest on the 2-core
     * development machine with the C2 compiler (JDK 17), about 10 ms with the launcher's C1-only JVM, where SHA-256
     * has no intrinsic. A guess costs an attacker twenty thousand compressions instead of two.
     */
    public static final int DEFAULT_ITERATIONS = 10_000;
    /** A baseline that asks for fewer is refused: an edit that weakened it. */
    public static final int MIN_ITERATIONS = 10_000;
    /** A baseline that asks for more is refused: each secret would cost more than a fraction of a second. */
    public static final int MAX_ITERATIONS = 1_000_000;
    /** The length of a generated salt. */
    public static final int SALT_BYTES = 16;
    /**
     * The salt of scans without a baseline, so that their fingerprints (SARIF alerts) stay the same from run to
     * run: the 16 ASCII bytes {@code mi-scan:default:} ({@code bWktc2NhbjpkZWZhdWx0Og==} in base64).
     */
    public static final String DEFAULT_SALT_BASE64 = "bWktc2NhbjpkZWZhdWx0Og==";
    /** The key of scans without a baseline. */
    public static final FingerprintKey DEFAULT = new FingerprintKey(ALGORITHM, DEFAULT_ITERATIONS,
            "mi-scan:default:".getBytes(StandardCharsets.US_ASCII));


    private final String algorithm;
    private final int iterations;
    private final byte[] salt;

    private FingerprintKey(String algorithm, int iterations, byte[] salt) {
        this.algorithm = algorithm;
        this.iterations = iterations;
        this.salt = salt.clone();
    }

    /** A key with a fresh random salt and the default iterations: what a new baseline gets. */
    public static FingerprintKey random() {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new FingerprintKey(ALGORITHM, DEFAULT_ITERATIONS, salt);
    }

    /**
     * The key a baseline file names.
     *
     * @throws IllegalArgumentException when the algorithm is not {@link #ALGORITHM}, the iterations are outside
     *                                  [{@link #MIN_ITERATIONS}, {@link #MAX_ITERATIONS}] or the salt is not
     *                                  base64 of at least {@link #SALT_BYTES} bytes; the message says which
     */
    public static FingerprintKey of(String algorithm, int iterations, String saltBase64) {
        if (!ALGORITHM.equals(algorithm)) {
            throw new IllegalArgumentException("unknown fingerprint algorithm '" + algorithm + "' (expected "
                    + ALGORITHM + ")");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("fingerprint iterations " + iterations + " outside " + MIN_ITERATIONS
                    + ".." + MAX_ITERATIONS);
        }
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(saltBase64 == null ? "" : saltBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the fingerprint salt is not base64");
        }
        if (salt.length < SALT_BYTES || salt.length > 64) {
            throw new IllegalArgumentException("the fingerprint salt has " + salt.length + " bytes (expected "
                    + SALT_BYTES + " to 64)");
        }
        return new FingerprintKey(algorithm, iterations, salt);
    }

    /** The same salt with at least {@code atLeast} iterations (a re-created baseline never lowers them). */
    public FingerprintKey withIterationsAtLeast(int atLeast) {
        return iterations >= atLeast ? this : new FingerprintKey(algorithm, atLeast, salt);
    }

    public String algorithm() {
        return algorithm;
    }

    public int iterations() {
        return iterations;
    }

    public String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    /** Whether this is the key of scans without a baseline. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /**
     * The keyed digest of {@code secret}, as 64 hex digits: PBKDF2-HMAC-SHA256 of its UTF-8 bytes with this salt
     * and iterations. Slow on purpose; call it through {@link SecretDigests}.
     */
    public String digest(String secret) {
        // an empty password is one NUL character, as the JDK's PBKDF2 (which refuses an empty one) was given it
        byte[] password = (secret.isEmpty() ? "\0" : secret).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(pbkdf2(password, salt, iterations));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /**
     * PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2) with a 32-byte output (one block): the same value as the JDK's
     * {@code PBKDF2WithHmacSHA256}, but with the HMAC's inner and outer pad states hashed once and copied for each
     * iteration, as every password cracker does. Each iteration then costs two SHA-256 compressions instead of
     * the JDK's four: the digest is as slow for an attacker as before, and half as slow for us.
     */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        return Jit.C1_ONLY ? Sha256Pbkdf2.derive(password, salt, iterations) : jdkPbkdf2(password, salt, iterations);
    }

    /**
     * Whether this JVM compiles with C1 only ({@code -XX:TieredStopAtLevel} below 4, as the launcher and the hook
     * run it), read from the process's arguments and the JVM's option variables when the first digest is made.
     * Only the speed of {@link #pbkdf2} depends on it, never its value.
     */
    static final class Jit {
        static final boolean C1_ONLY = c1Only();

        private static boolean c1Only() {
            List<String> options = new ArrayList<>();
            try {
                ProcessHandle.current().info().arguments().ifPresent(a -> options.addAll(List.of(a)));
            } catch (RuntimeException e) {
                // not known: the JDK's SHA-256, right wherever C2 runs
            }
            for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
                String value = System.getenv(variable);
                if (value != null) {
                    options.addAll(List.of(value.trim().split("\\s+")));
                }
            }
            return c1Only(options);
        }

        /** Whether these JVM options, in order, leave C1 the last compiler. */
        static boolean c1Only(List<String> options) {
            boolean c1 = false;
            for (String o : options) {
                if (o.matches("-XX:TieredStopAtLevel=[0-3]")) {
                    c1 = true;
                } else if (o.startsWith("-XX:TieredStopAtLevel=")) {
                    c1 = false; // the last one given wins, as for the JVM
                }
            }
            return c1;
        }
    }

    /** {@link #pbkdf2} by the JDK's SHA-256 (its intrinsic under C2). */
    static byte[] jdkPbkdf2(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] key = password.length > 64 ? sha.digest(password) : password;
        byte[] ipad = Sha256Pbkdf2.pad(key, 0x36);
        byte[] opad = Sha256Pbkdf2.pad(key, 0x5c);
        MessageDigest inner = MessageDigest.getInstance("SHA-256");
        inner.update(ipad);
        MessageDigest outer = MessageDigest.getInstance("SHA-256");
        outer.update(opad);
        try {
            MessageDigest in = (MessageDigest) inner.clone();
            in.update(salt);
            in.update(new byte[] {0, 0, 0, 1});
            MessageDigest out = (MessageDigest) outer.clone();
            out.update(in.digest());
            byte[] u = out.digest();
            byte[] result = u.clone();
            for (int n = 1; n < iterations; n++) {
                in = (MessageDigest) inner.clone();
                in.update(u);
                out = (MessageDigest) outer.clone();
                out.update(in.digest());
                u = out.digest();
                for (int i = 0; i < result.length; i++) {
                    result[i] ^= u[i];
                }
            }
            return result;
        } catch (CloneNotSupportedException e) {
            throw new GeneralSecurityException("SHA-256 state cannot be copied", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerprintKey k && algorithm.equals(k.algorithm) && iterations == k.iterations
                && Arrays.equals(salt, k.salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * algorithm.hashCode() + iterations) + Arrays.hashCode(salt);
    }

    /** The algorithm and iterations; never the salt, so that logs do not carry it. */
    @Override
    public String toString() {
        return algorithm + " x" + iterations + (isDefault() ? " (default salt)" : " (repository salt)");
    }
}
