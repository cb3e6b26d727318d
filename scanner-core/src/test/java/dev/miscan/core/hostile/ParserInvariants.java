package dev.miscan.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.JdbcUrl;
import dev.miscan.core.secrets.SasToken;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the value parsers and the configuration readers promise on any text, checked by the fuzz tests
 * ({@link ParserFuzzTest} with Jazzer, {@link ParserPropertyTest} with a seeded generator): they return (no
 * exception escapes, no unbounded work), and every offset they report points into the text at the value
 * they report, so that a finding's location is the credential's.
 */
final class ParserInvariants {
    private static final KeywordIndex NO_KEYWORDS = new KeywordIndex(List.of());
    private static final String[] CONNECTION_KEYS = {"AccountKey", "SharedAccessKey", "AccessKey", "Secret",
        "Password", "Pwd", "Endpoint", "AccountName", "EntityPath", "Server"};

    private ParserInvariants() {
    }

    /** Offsets of every case-insensitive occurrence of {@code needle} (at most 200, as the engine caps them). */
    static List<Integer> occurrences(String text, String needle) {
        List<Integer> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            lower = lowerAscii(text); // some characters change length when lower-cased: keep the offsets
        }
        for (int i = lower.indexOf(needle); i >= 0 && out.size() < 200; i = lower.indexOf(needle, i + 1)) {
            out.add(i);
        }
        return out;
    }

    private static String lowerAscii(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + 32);
            }
        }
        return new String(c);
    }

    static void connectionStrings(String text) {
        List<Integer> offsets = new ArrayList<>(occurrences(text, "="));
        offsets.add(0);
        offsets.add(text.length());
        for (int at : offsets.subList(0, Math.min(offsets.size(), 64))) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            assertThat(seg.start()).isBetween(0, at);
            assertThat(seg.end()).isBetween(at, text.length());
            assertThat(seg.content()).hasSize(seg.end() - seg.start());
            ConnectionStrings.Segment window = ConnectionStrings.window(text, at, 2);
            assertThat(window.start()).isBetween(0, Math.max(0, at));
            assertThat(window.end()).isBetween(Math.min(at, text.length()), text.length());
            for (ConnectionStrings.Segment s : List.of(seg, window)) {
                for (String key : CONNECTION_KEYS) {
                    s.get(key).ifPresent(v -> {
                        assertThat(v.offset()).isBetween(s.start(), s.end());
                        assertThat(text.startsWith(v.value(), v.offset())).as("value at its offset").isTrue();
                    });
                    s.containsIgnoreCase(key);
                }
            }
        }
    }

    static void sasTokens(String text) {
        for (int at : occurrences(text, "sig=")) {
            SasToken.at(text, at).ifPresent(t -> {
                assertThat(t.signatureOffset()).isBetween(0, text.length());
                assertThat(text.startsWith(t.signature(), t.signatureOffset())).as("signature at its offset").isTrue();
                t.kind();
                t.hasRealSignature();
                t.param("sv");
            });
        }
    }

    static void jdbcUrls(String text) {
        for (int at : occurrences(text, "jdbc:")) {
            JdbcUrl.at(text, at).ifPresent(url -> {
                assertThat(url.host()).isNotNull();
                url.properties().values().forEach(v ->
                        assertThat(text.startsWith(v.value(), v.offset())).as("property at its offset").isTrue());
                url.password().ifPresent(p ->
                        assertThat(text.startsWith(p.value(), p.offset())).as("password at its offset").isTrue());
            });
        }
    }

    /** The reader chosen by {@code fileName} ({@code .properties}, YAML, JSON, {@code .env}) on {@code text}. */
    static List<ConfigEntry> configEntries(String fileName, String text) {
        List<ScanWarning> warnings = new ArrayList<>();
        Document doc = new Document(new Fragment(fileName, text), NO_KEYWORDS, new int[0][], warnings::add);
        List<ConfigEntry> entries = doc.view(ConfigView.ENTRIES);
        for (ConfigEntry e : entries) {
            assertThat(e.key()).isNotNull();
            assertThat(e.keyOffset()).isBetween(0, text.length());
            if (e.valueOffset() >= 0) {
                assertThat(e.valueOffset()).isLessThanOrEqualTo(text.length());
                assertThat(e.rawValue()).isNotNull();
            }
        }
        assertThat(warnings).allSatisfy(w -> assertThat(w.message()).doesNotContain("\n"));
        return entries;
    }

    /** The {@code .properties} reader keeps the raw text of every value at the value's offset. */
    static void properties(String text) {
        for (ConfigEntry e : configEntries("fuzz.properties", text)) {
            if (e.valueOffset() >= 0 && !e.rawValue().isEmpty()) {
                String raw = e.rawValue();
                assertThat(text.startsWith(raw, e.valueOffset()) || text.startsWith(raw + "\r", e.valueOffset()))
                        .as("raw value at its offset").isTrue();
            }
        }
    }

    /**
     * The class file reader: a one-line skip reason, or a Java text that parses (so that the Java rules read it)
     * and ends its class.
     */
    static void classFile(byte[] bytes) {
        try {
            Fragment f = dev.miscan.core.source.archive.ClassFileText.translate("fuzz/Fuzz.class", bytes);
            assertThat(f.text()).endsWith("}\n");
            assertThat(dev.miscan.core.parse.java.JavaView.parse("Fuzz.java", f.text()).unit()).isPresent();
        } catch (dev.miscan.core.source.SkippedException e) {
            assertThat(e.getMessage()).startsWith("skipped: ").doesNotContain("\n");
        }
    }

    /** Everything above on one text. */
    static void all(String text) {
        connectionStrings(text);
        sasTokens(text);
        jdbcUrls(text);
        properties(text);
        configEntries("fuzz.yaml", text);
        configEntries("fuzz.json", text);
        configEntries(".env", text);
    }
}
