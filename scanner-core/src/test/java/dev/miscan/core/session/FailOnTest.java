package dev.miscan.core.session;

import static dev.miscan.core.session.SessionFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import java.util.List;
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

    @Test
    void labels_areWhatUsersWrite() {
        assertThat(List.of(FailOn.values())).extracting(FailOn::label)
                .containsExactly("error", "warning", "note", "none");
    }

    @Test
    void aFindingFails_atOrAboveTheThreshold_andNeverAtNone() {
        Finding error = finding(Severity.ERROR);
        Finding warning = finding(Severity.WARNING);
        Finding note = finding(Severity.NOTE);
        List<Finding> all = List.of(note, warning, error);

        assertThat(FailOn.ERROR.failing(all)).containsExactly(error);
        assertThat(FailOn.WARNING.failing(all)).containsExactly(warning, error);
        assertThat(FailOn.NOTE.failing(all)).containsExactly(note, warning, error);
        assertThat(FailOn.NONE.failing(all)).isEmpty();
        assertThat(FailOn.ERROR.fails(List.of(note, warning))).isFalse();
        assertThat(FailOn.WARNING.fails(List.of(note, warning))).isTrue();
        assertThat(FailOn.NONE.fails(all)).isFalse();
        assertThat(FailOn.NOTE.fails(List.of())).isFalse();
    }
}
