package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailOnTest {
    @ParameterizedTest
    @CsvSource({"error, ERROR", "SECRET, ERROR", " warning , WARNING", "key-based-auth, WARNING", "note, NOTE",
            "hardening, NOTE", "None, NONE"})
    void severitiesAndTierNames_parse(String text, FailOn expected) {
        assertThat(FailOn.parse(text)).contains(expected);
    }

    @Test
    void unknownOrMissing_isEmpty() {
        assertThat(FailOn.parse("critical")).isEmpty();
        assertThat(FailOn.parse(null)).isEmpty();
    }
}
