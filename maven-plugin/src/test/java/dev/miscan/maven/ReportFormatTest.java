package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    @Test
    void listAndCommaSeparatedEntries_parseInOrderWithoutDuplicates() {
        assertThat(ReportFormat.parse(List.of("SARIF", "json, text", " sarif", "")))
                .containsExactly(ReportFormat.SARIF, ReportFormat.JSON, ReportFormat.TEXT);
    }

    @Test
    void noEntries_writeNoReport() {
        assertThat(ReportFormat.parse(null)).isEmpty();
        assertThat(ReportFormat.parse(List.of())).isEmpty();
    }

    @Test
    void unknownFormat_isNamed() {
        assertThatThrownBy(() -> ReportFormat.parse(List.of("sarif,html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'html' in formats: use sarif, json or text");
    }
}
