package dev.miscan.core.parse.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index answers as {@link String#contains} over every text would, for every word it can answer. */
class WordIndexTest {
    private static final String ALPHABET = "abAB_$1(). \n\t\"<>[]é\u0000\u00a0";

    private static String random(Random random, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void answersAsContainsOverEveryText() {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            List<String> texts = new ArrayList<>();
            WordIndex index = new WordIndex();
            for (int t = random.nextInt(60); t > 0; t--) {
                String text = random.nextInt(20) == 0 ? null : random(random, 300);
                texts.add(text);
                index.add(text);
            }
            assertThat(index.size()).isEqualTo(texts.size());
            for (int q = 0; q < 200; q++) {
                String[] words = new String[1 + random.nextInt(2)];
                for (int w = 0; w < words.length; w++) {
                    words[w] = random(random, 4) + (random.nextBoolean() ? "(" : "");
                }
                boolean answerable = true;
                for (String w : words) {
                    answerable &= WordIndex.answerable(w);
                }
                if (!answerable) {
                    continue;
                }
                BitSet expected = new BitSet();
                for (int t = 0; t < texts.size(); t++) {
                    boolean all = texts.get(t) != null;
                    for (String w : words) {
                        all &= texts.get(t) != null && texts.get(t).contains(w);
                    }
                    expected.set(t, all);
                }
                assertThat(index.containingAll(words)).as(String.join(" | ", words)).isEqualTo(expected);
            }
        }
    }

    @Test
    void wordsWithOtherCharactersAreNotAnswerable() {
        assertThat(WordIndex.answerable("reports(")).isTrue();
        assertThat(WordIndex.answerable("BlobServiceClient")).isTrue();
        assertThat(WordIndex.answerable("")).isTrue();
        assertThat(WordIndex.answerable("(")).isFalse();
        assertThat(WordIndex.answerable("BlobClient[]")).isFalse();
        assertThat(WordIndex.answerable("a.b")).isFalse();
        assertThat(WordIndex.answerable("f((")).isFalse();
    }

    @Test
    void manyDistinctIdentifiersGrowTheTable() {
        WordIndex index = new WordIndex();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            b.append("id").append(i).append(i % 3 == 0 ? "(" : " ");
        }
        index.add(b.toString());
        index.add("nothing here");
        assertThat(index.containingAll("id49998(")).isEqualTo(bits(0));
        assertThat(index.containingAll("id49999(")).isEqualTo(new BitSet());
        assertThat(index.containingAll("id49999")).isEqualTo(bits(0));
        assertThat(index.containingAll("here")).isEqualTo(bits(1));
        assertThat(index.containingAll("")).isEqualTo(bits(0, 1));
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }
}
