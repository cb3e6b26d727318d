package dev.miscan.core.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzz invariants ({@link ParserInvariants}) on texts made by a seeded generator from the tokens the
 * parsers react to, mixed with random characters: thousands of inputs in every build, the same ones every
 * time, so a failure reproduces from the seed printed in its message. Jazzer ({@link ParserFuzzTest}) explores
 * beyond them when run with {@code -Pfuzz}.
 */
class ParserPropertyTest {
    private static final long SEED = 0x6d692d7363616eL; // "mi-scan"
    private static final int INPUTS = 3_000;
    private static final List<String> TOKENS = List.of("AccountKey", "SharedAccessKey", "AccessKey", "Password",
            "Pwd", "Endpoint", "Server", "sig", "sv", "se", "sr", "skn", "skoid", "SharedAccessSignature", "jdbc:",
            "sqlserver", "mysql", "postgresql", "//", "@", ":", ";", "=", "&", "?", "/", "%", "%2B", "%3D", "\"", "'",
            "`", " ", "\t", "\n", "\r\n", "\\", "\\u", "\\u00", "\\\n", "#", "!", "{", "}", "[", "]", ",", "- ", "&a",
            "*a", "<<", "${", "${X:", "}", "database.windows.net", ".redis.cache.windows.net", "AAAA", "c2hvcnQ=",
            "é", "€", "\u0000", "\uFEFF");

    static String generate(Random r) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 40);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(4)) {
                case 0, 1 -> sb.append(TOKENS.get(r.nextInt(TOKENS.size())));
                case 2 -> {
                    int n = r.nextInt(12);
                    for (int k = 0; k < n; k++) {
                        sb.append((char) (32 + r.nextInt(95)));
                    }
                }
                default -> sb.append((char) r.nextInt(r.nextBoolean() ? 128 : 0x3000));
            }
        }
        return sb.toString();
    }

    @Test
    void invariantsHoldOnGeneratedTexts() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random seeds = new Random(SEED);
            for (int i = 0; i < INPUTS; i++) {
                long seed = seeds.nextLong();
                String text = generate(new Random(seed));
                try {
                    ParserInvariants.all(text);
                } catch (AssertionError | RuntimeException | StackOverflowError e) {
                    throw new AssertionError("input " + i + " (new Random(" + seed + "L) in generate): " + e, e);
                }
            }
        });
    }
}
