package dev.miscan.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class FingerprintKeyTest {
    @Test
    void digest_isPbkdf2HmacSha256OfTheSecretsUtf8Bytes_withTheSaltAndIterations() throws Exception {
        FingerprintKey key = FingerprintKey.random();
        String secret = "Clé-d'accès-0001";
        // a short one, one longer than the HMAC block (its key is hashed first), one of multi-byte characters
        for (String s : new String[] {secret, "k".repeat(88) + "+/==", "é€".repeat(40)}) {
            PBEKeySpec spec = new PBEKeySpec(s.toCharArray(), Base64.getDecoder().decode(key.saltBase64()),
                    key.iterations(), 256);
            String expected = HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec).getEncoded());
            assertThat(key.digest(s).equals(expected)).as("PBKDF2WithHmacSHA256 of the secret").isTrue();
        }
        assertThat(key.digest(secret)).matches("[0-9a-f]{64}");
        assertThat(key.digest(secret).equals(Redaction.sha256(secret))).as("the digest is a plain SHA-256").isFalse();
        assertThat(key.digest("")).matches("[0-9a-f]{64}");
    }

    @Test
    void bothImplementations_areTheJdksPbkdf2WithHmacSha256_forAnyPasswordSaltAndCount() throws Exception {
        java.util.Random random = new java.util.Random(20261205);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        int same = 0;
        int cases = 300;
        for (int t = 0; t < cases; t++) {
            // passwords of 1 to 150 bytes (past the 64-byte HMAC block: hashed first), salts of 0 to 100 bytes
            // (one to three padded blocks), 1 to 40 iterations
            byte[] password = new byte[1 + random.nextInt(150)];
            random.nextBytes(password);
            byte[] salt = new byte[random.nextInt(101)];
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(40);
            byte[] own = Sha256Pbkdf2.derive(password, salt, iterations);
            byte[] sha = FingerprintKey.jdkPbkdf2(password, salt, iterations);
            boolean equal = java.util.Arrays.equals(own, sha);
            if (salt.length > 0 && password.length < 60) {
                // the JDK's own PBKDF2 takes characters: ASCII passwords are the same bytes
                char[] chars = new char[password.length];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) ('!' + (password[i] & 0x3f));
                    password[i] = (byte) chars[i];
                }
                byte[] expected = jdk.generateSecret(new PBEKeySpec(chars, salt, iterations, 256)).getEncoded();
                equal &= java.util.Arrays.equals(Sha256Pbkdf2.derive(password, salt, iterations), expected)
                        && java.util.Arrays.equals(FingerprintKey.jdkPbkdf2(password, salt, iterations), expected);
            }
            same += equal ? 1 : 0;
        }
        assertThat(same).as("cases where both implementations give the JDK's bytes").isEqualTo(cases);
    }

    @Test
    void theC1OnlyImplementationIsChosenFromTheJvmsOptions() {
        assertThat(FingerprintKey.Jit.c1Only(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar"))).isTrue();
        assertThat(FingerprintKey.Jit.c1Only(List.of("-jar", "mi-scan.jar"))).isFalse();
        assertThat(FingerprintKey.Jit.c1Only(List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4"))).isFalse();
    }

    @Test
    void defaultKey_isTheDocumentedSaltAndIterations_andRandomKeysDiffer() {
        FingerprintKey d = FingerprintKey.DEFAULT;
        assertThat(d.algorithm()).isEqualTo("PBKDF2-HMAC-SHA256");
        assertThat(d.iterations()).isEqualTo(FingerprintKey.DEFAULT_ITERATIONS).isEqualTo(10_000);
        assertThat(d.saltBase64()).isEqualTo(FingerprintKey.DEFAULT_SALT_BASE64);
        assertThat(new String(Base64.getDecoder().decode(d.saltBase64()), StandardCharsets.US_ASCII))
                .isEqualTo("mi-scan:default:");
        assertThat(d.isDefault()).isTrue();
        assertThat(FingerprintKey.of(d.algorithm(), d.iterations(), d.saltBase64())).isEqualTo(d);

        FingerprintKey a = FingerprintKey.random();
        FingerprintKey b = FingerprintKey.random();
        assertThat(Base64.getDecoder().decode(a.saltBase64())).hasSize(FingerprintKey.SALT_BYTES);
        assertThat(a).isNotEqualTo(b).isNotEqualTo(d);
        assertThat(a.isDefault()).isFalse();
        assertThat(a.digest("Same0000001")).isNotEqualTo(b.digest("Same0000001"));
        assertThat(a.toString()).doesNotContain(a.saltBase64()).contains("PBKDF2-HMAC-SHA256");
    }

    @Test
    void iterations_areRaisedNeverLowered_andSaltKept() {
        FingerprintKey a = FingerprintKey.random();
        FingerprintKey raised = a.withIterationsAtLeast(20_000);

        assertThat(raised.iterations()).isEqualTo(20_000);
        assertThat(raised.saltBase64()).isEqualTo(a.saltBase64());
        assertThat(raised.digest("Same0000001")).isNotEqualTo(a.digest("Same0000001"));
        assertThat(raised.withIterationsAtLeast(FingerprintKey.DEFAULT_ITERATIONS)).isSameAs(raised);
    }

    @Test
    void keysFromAFile_outsideTheLimits_areRefusedWithTheReason() {
        String salt = FingerprintKey.random().saltBase64();
        assertThatThrownBy(() -> FingerprintKey.of("SHA-256", 15_000, salt)).hasMessageContaining("algorithm");
        assertThatThrownBy(() -> FingerprintKey.of("PBKDF2-HMAC-SHA256", 1, salt)).hasMessageContaining("iterations 1");
        assertThatThrownBy(() -> FingerprintKey.of("PBKDF2-HMAC-SHA256", 50_000_000, salt))
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> FingerprintKey.of("PBKDF2-HMAC-SHA256", 15_000, "c2hvcnQ="))
                .hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> FingerprintKey.of("PBKDF2-HMAC-SHA256", 15_000, "not base64!"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> FingerprintKey.of("PBKDF2-HMAC-SHA256", 15_000, null)).hasMessageContaining("salt");
    }

    @Test
    void secretDigests_computeEachSecretOnce_underConcurrency() throws Exception {
        SecretDigests digests = new SecretDigests(FingerprintKey.random());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String secret = "Shared" + (i % 3) + "000001";
                results.add(pool.submit(() -> digests.of(Redaction.sha256(secret), secret)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(results.get(i % 3).get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(digests.computed()).isEqualTo(3);
    }
}
