package dev.miscan.core.session;

import static dev.miscan.core.session.SessionFixtures.finding;
import static dev.miscan.core.session.SessionFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScanResult result = result(List.of(finding(Severity.ERROR)));

    private String write(ReportFormat format, boolean color, boolean brief) throws IOException {
        StringWriter out = new StringWriter();
        format.write(result, out, "1.2.3", color, brief);
        return out.toString();
    }

    @Test
    void wordsParseIgnoringCaseAndBlanks() {
        assertThat(ReportFormat.parse(" SARIF ")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("json")).contains(ReportFormat.JSON);
        assertThat(ReportFormat.parse("Text")).contains(ReportFormat.TEXT);
        assertThat(ReportFormat.parse("html")).isEmpty();
        assertThat(ReportFormat.parse(null)).isEmpty();
    }

    @Test
    void labelsAndFileNames() {
        assertThat(List.of(ReportFormat.values())).extracting(ReportFormat::label)
                .containsExactly("text", "json", "sarif");
        assertThat(List.of(ReportFormat.values())).extracting(ReportFormat::fileName)
                .containsExactly("mi-scan.txt", "mi-scan.json", "mi-scan.sarif");
    }

    @Test
    void sarif_linksEachRuleToItsPage_andNamesTheVersion() throws IOException {
        JsonNode driver = JSON.readTree(write(ReportFormat.SARIF, false, false)).at("/runs/0/tool/driver");

        assertThat(driver.path("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.at("/rules/0/helpUri").asText())
                .isEqualTo(ReportFormat.HELP_URI_BASE + "MI-TEST-SESSION.md");
    }

    @Test
    void json_namesTheToolAndItsFindings() throws IOException {
        JsonNode report = JSON.readTree(write(ReportFormat.JSON, false, false));

        assertThat(report.path("tool").asText()).isEqualTo("mi-scan");
        assertThat(report.at("/findings/0/ruleId").asText()).isEqualTo("MI-TEST-SESSION");
    }

    @Test
    void text_isColouredOnlyWhenAsked() throws IOException {
        StringWriter plain = new StringWriter();
        ReportFormat.TEXT.write(result, plain, "1.2.3");

        assertThat(plain.toString()).contains("MI-TEST-SESSION").doesNotContain("\u001b");
        assertThat(write(ReportFormat.TEXT, true, false)).contains("\u001b");
        assertThat(write(ReportFormat.TEXT, false, true)).contains("MI-TEST-SESSION").doesNotContain("\u001b");
    }
}
