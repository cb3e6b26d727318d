package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miscan.core.session.ReportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code formats} parameter; the words themselves are scanner-core's (ReportFormatTest there). */
class ReportFormatsParameterTest {
    @Test
    void listAndCommaSeparatedEntries_parseInOrderWithoutDuplicates() {
        assertThat(CheckMojo.reportFormats(List.of("SARIF", "json, text", " sarif", "")))
                .containsExactly(ReportFormat.SARIF, ReportFormat.JSON, ReportFormat.TEXT);
    }

    @Test
    void noEntries_writeNoReport() {
        assertThat(CheckMojo.reportFormats(null)).isEmpty();
        assertThat(CheckMojo.reportFormats(List.of())).isEmpty();
    }

    @Test
    void unknownFormat_isNamed() {
        assertThatThrownBy(() -> CheckMojo.reportFormats(List.of("sarif,html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'html' in formats: use sarif, json or text");
    }
}
