package dev.miscan.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The run's redactor: every form and every piece of a secret it was told, and nothing else. Asserts on booleans. */
class RedactorTest {
    private static String key() {
        while (true) {
            byte[] b = new byte[64];
            new SecureRandom().nextBytes(b);
            String k = Base64.getEncoder().encodeToString(b);
            if (k.contains("/") && k.contains("+")) {
                return k;
            }
        }
    }

    private static boolean holdsAPiece(String text, String secret) {
        for (int i = 0; i + Redactor.PIECE <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + Redactor.PIECE))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSecretIsMaskedAsWrittenUrlEncodedAndEscapedAndAPieceOfItToo() {
        String key = key();
        try (Redactor.Scope scope = Redactor.open()) {
            Redactor r = scope.redactor();
            r.add(key);
            // booleans, so that a failure never prints the key
            assertThat(r.redact("AccountKey=" + key + ";").equals("AccountKey=" + Redaction.preview(key) + ";"))
                    .as("the whole key becomes its preview").isTrue();
            String url = URLEncoder.encode(key, StandardCharsets.UTF_8);
            assertThat(r.redact("sig=" + url).contains(url.substring(0, 20))).as("URL-encoded").isFalse();
            String json = key.replace("/", "\\/");
            assertThat(holdsAPiece(r.redact("\"v\": \"" + json + "\""), json)).as("JSON-escaped").isFalse();
            // cut where no '/' follows: the JSON-escaped form's backslash before it would join the masked run
            int cut = 40;
            while (key.charAt(cut) == '/') {
                cut++;
            }
            String continued = "AccountKey=" + key.substring(0, cut) + "\\";
            String shown = r.redact(continued);
            assertThat(holdsAPiece(shown, key)).as("a piece on a continuation line").isFalse();
            assertThat(shown.startsWith("AccountKey=\u2026(" + cut + " chars)")).as("the piece is masked with its length")
                    .isTrue();
        }
    }

    @Test
    void theReadablePartsOfAnEncodedValueStayVisible() {
        String key = key();
        String plain = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + key
                + ";EndpointSuffix=core.windows.net";
        try (Redactor.Scope scope = Redactor.open()) {
            Redactor r = scope.redactor();
            r.add(key);
            String b64 = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            r.addEncoded(b64, plain.replace(key, ""));
            r.addEncoded(plain.replace("/", "\\/"), plain.replace(key, ""));
            assertThat(holdsAPiece(r.redact("data: " + b64), b64)).as("the base64 value").isFalse();
            assertThat(r.redact("connect to https://contoso.blob.core.windows.net"))
                    .isEqualTo("connect to https://contoso.blob.core.windows.net");
        }
    }

    @Test
    void aSecretWithAWordInItHidesNeitherAFileNameNorARuleOfTheReport() {
        try (Redactor.Scope scope = Redactor.open()) {
            Redactor r = scope.redactor();
            r.vocabulary(() -> java.util.List.of("MI-SQL-JDBC-PASSWORD", "Password in a JDBC URL"));
            r.add("SuperPASSWORD-resources-2024");
            r.exempt("src/main/resources/application.properties");
            assertThat(r.redact("src/main/resources/application.properties:3  MI-SQL-JDBC-PASSWORD"))
                    .isEqualTo("src/main/resources/application.properties:3  MI-SQL-JDBC-PASSWORD");
            assertThat(r.redact("jdbc password=SuperPASSWORD-resources-2024").contains("SuperPASSWORD")).isFalse();
        }
    }

    @Test
    void withoutAnOpenRunNothingIsRememberedAndTextPassesAsItIs() {
        String key = key();
        Redactor none = Redactor.current();
        none.add(key);
        assertThat(none.size()).isZero();
        try (Redactor.Scope scope = Redactor.open()) {
            assertThat(Redactor.current()).isSameAs(scope.redactor());
        }
        assertThat(Redactor.current()).isSameAs(none);
    }

    @Test
    void theWriterMasksEachLineAndPassesTheRestOnAtFlush() throws Exception {
        String key = key();
        try (Redactor.Scope scope = Redactor.open()) {
            scope.redactor().add(key);
            StringWriter sink = new StringWriter();
            Writer w = scope.redactor().writer(sink);
            w.write("first " + key.substring(0, 30));
            w.write(key.substring(30) + "\nsecond " + key);
            w.flush();
            assertThat(holdsAPiece(sink.toString(), key)).as("a secret written in two calls").isFalse();
            assertThat(sink.toString().startsWith("first " + Redaction.preview(key) + "\nsecond "))
                    .as("each line masked as it ends").isTrue();
        }
    }

    @Test
    void aFileLineHasAnyValueAfterACredentialNameMaskedFoundOrNot() {
        try (Redactor.Scope scope = Redactor.open()) {
            Redactor r = scope.redactor();
            assertThat(r.fileLine("api.token=Q3dv8RkP0s2LmZ7tYw4nB6vX9cE1hJ5a").contains("Q3dv8RkP0s2L")).isFalse();
            assertThat(r.fileLine("    .clientSecret(\"Q3dv8RkP0s2LmZ7tYw4nB6vX9cE1hJ5a\")").contains("Q3dv8RkP0s2L"))
                    .isFalse();
            assertThat(r.fileLine("az storage blob list --account-key \"Q3dv8RkP0s2LmZ7tYw4nB6vX9cE1hJ5a\"")
                    .contains("Q3dv8RkP0s2L")).isFalse();
            // what is not a credential stays readable
            assertThat(r.fileLine("    .credential(\"orders-bus.servicebus.windows.net\", new DefaultAzureCredentialBuilder().build())"))
                    .contains("orders-bus.servicebus.windows.net");
            assertThat(r.fileLine("spring.datasource.password=${DB_PASSWORD}")).contains("${DB_PASSWORD}");
        }
    }

    /** What one redactor learned, replayed into another (a forked scan's, into the build's), masks the same. */
    @Test
    void whatOneRedactorLearned_masksTheSameInAnother() {
        String key = key();
        String encoded = Base64.getEncoder().encodeToString(("password=" + key).getBytes(StandardCharsets.UTF_8));
        Redactor child = Redactor.create();
        child.add(key);
        child.add(key); // once
        child.add("short"); // too short to mask everywhere: not learned
        child.addEncoded(encoded, "password=");
        Redactor build = Redactor.create();

        build.learn(child.learned());

        assertThat(child.learned()).hasSize(2);
        assertThat(build.size()).isEqualTo(1);
        String line = "a " + key + " b " + encoded + " c";
        assertThat(build.redact(line).equals(child.redact(line))).isTrue();
        assertThat(holdsAPiece(build.redact(line), key) || build.redact(line).contains(encoded)).isFalse();
    }
}
