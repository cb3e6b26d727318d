package dev.miscan.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {
    private final KeywordIndex index = new KeywordIndex(List.of("he", "she", "hers", "his"));

    private int[] hits(int[][] all, String keyword) {
        return all[index.id(keyword)];
    }

    @Test
    void findsOverlappingKeywords() {
        int[][] hits = index.scan("ushers");

        assertThat(hits(hits, "she")).containsExactly(1);
        assertThat(hits(hits, "he")).containsExactly(2);
        assertThat(hits(hits, "hers")).containsExactly(2);
        assertThat(hits(hits, "his")).isNull();
    }

    @Test
    void ignoresAsciiCase_ofTextAndKeywords() {
        KeywordIndex mixed = new KeywordIndex(List.of("AccountKey", "SIG="));

        int[][] hits = mixed.scan("ACCOUNTKEY=x;accountkey=y&Sig=z");

        assertThat(mixed.keywords()).containsExactly("accountkey", "sig=");
        assertThat(hits[mixed.id("accountkey")]).containsExactly(0, 13);
        assertThat(hits[mixed.id("AccountKey")]).containsExactly(0, 13);
        assertThat(hits[mixed.id("sig=")]).containsExactly(26);
    }

    @Test
    void reportsEveryOffsetInAscendingOrder() {
        int[][] hits = index.scan("hehehe she HE");

        assertThat(hits(hits, "he")).containsExactly(0, 2, 4, 8, 11);
        assertThat(hits(hits, "she")).containsExactly(7);
    }

    @Test
    void manyOccurrences_areAllReported() {
        int[][] hits = index.scan("he ".repeat(1000));

        assertThat(hits(hits, "he")).hasSize(1000);
        assertThat(hits(hits, "he")[999]).isEqualTo(2997);
    }

    @Test
    void nonAsciiCharacters_areSkippedWithoutCrashing() {
        int[][] hits = index.scan("\u00dfhe\u2603she \uD83D\uDE00hers h\u00e9 s\u0000he");

        assertThat(hits(hits, "he")).containsExactly(1, 5, 10, 20);
        assertThat(hits(hits, "she")).containsExactly(4);
        assertThat(hits(hits, "hers")).containsExactly(10);
    }

    @Test
    void keywordInterruptedByNonAsciiCharacter_isNotFound() {
        int[][] hits = index.scan("h\u00e9 sh\u00e9");

        assertThat(hits(hits, "he")).isNull();
        assertThat(hits(hits, "she")).isNull();
    }

    @Test
    void emptyText_hasNoHits() {
        int[][] hits = index.scan("");

        assertThat((Object[]) hits).hasSize(4).containsOnlyNulls();
    }

    @Test
    void nonAsciiKeyword_isRejected() {
        assertThatThrownBy(() -> new KeywordIndex(List.of("cl\u00e9")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateKeywords_shareOneId() {
        KeywordIndex dup = new KeywordIndex(List.of("key", "KEY", "other", "key"));

        assertThat(dup.keywords()).containsExactly("key", "other");
        assertThat(dup.id("Key")).isEqualTo(0);
    }

    @Test
    void unknownKeyword_isRejected() {
        assertThatThrownBy(() -> index.id("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
