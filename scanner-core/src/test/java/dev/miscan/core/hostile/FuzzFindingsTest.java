package dev.miscan.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.JdbcUrl;
import dev.miscan.core.secrets.Placeholders;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the fuzzers and the hostile-input suites found, one case each, so each stays fixed even if its seed
 * input is lost. (The crash inputs themselves are replayed from {@code ParserFuzzTestInputs/}.)
 */
class FuzzFindingsTest {

    @Test
    void jdbcUrlWhoseAuthorityIsOnlyCommas_hasAnEmptyHost() {
        // Jazzer, ParserFuzzTest#jdbcUrls: "…".split(",")[0] threw on an authority of commas
        assertThat(JdbcUrl.at("jdbc:mysql://,,,/db?password=x", 0)).hasValueSatisfying(u -> {
            assertThat(u.host()).isEmpty();
            assertThat(u.password()).isPresent();
        });
    }

    @Test
    void yamlOffsets_countCharactersNotCodePointsAndFollowEveryYamlLineBreak() {
        // Jazzer, ParserFuzzTest#yamlJsonAndEnv: an entry after U+2028 got offset -1 (SnakeYAML breaks lines there,
        // the text's line index does not), and a value after an emoji was one character early
        String text = "\uD83D\uDE00: x\nlist: [\"A=B\"]\n\u2028c: [\"C=D\"]\rd: e\n";
        var entries = ParserInvariants.configEntries("f.yaml", text);
        assertThat(entries).extracting(e -> text.substring(e.valueOffset(), e.valueOffset() + e.value().length()))
                .containsExactly("x", "B", "D", "e");
    }

    @Test
    void jdbcUrlRunningToTheEndOfAHugeLine_isReadOnlyToItsBound() {
        // a line of 400,000 "jdbc:" made every occurrence read to the end of the line: minutes per file
        String line = "jdbc:".repeat(400_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int at = 0; at < line.length(); at += 5 * 40) {
                JdbcUrl.at(line, at);
            }
        });
    }

    @Test
    void windowOnAHugeSingleLine_isBounded() {
        String line = "a".repeat(1_000_000);
        ConnectionStrings.Segment w = ConnectionStrings.window(line, 500_000, 2);
        assertThat(w.end() - w.start()).isLessThanOrEqualTo(8_000);
    }

    @Test
    void deeplyBracketedValue_isNotAPlaceholderAndDoesNotRecursePerBracket() {
        String value = "(".repeat(100_000) + "k3y" + ")".repeat(100_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Placeholders.isPlaceholder(value))).isFalse();
        assertThat(Placeholders.isPlaceholder("((${SECRET}))")).isTrue();
    }

    @Test
    void templateOpenersWithoutCloser_areSearchedInLinearTime() {
        String value = "{{ ".repeat(50_000) + "${k3y";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Placeholders.isPlaceholder(value))).isFalse();
    }
}
