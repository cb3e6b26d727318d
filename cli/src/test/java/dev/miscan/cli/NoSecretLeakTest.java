package dev.miscan.cli;

import static dev.miscan.cli.CliRun.SAMPLES;
import static dev.miscan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans the samples in every format and checks that no planted secret, no 12-character piece of one and
 * no URL-encoded form of one reaches any report. Secrets are read from the sample files at the positions
 * the JSON report gives; this class holds none, and its failure messages never print one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoSecretLeakTest {
    private static final int PIECE = 12;
    /** A redacted preview: the first characters of the secret, an ellipsis and the secret's length. */
    private static final Pattern PREVIEW = Pattern.compile("(.*)\u2026\\((\\d+) chars\\)");

    private final Map<String, String> reports = new LinkedHashMap<>();
    /** "ruleId at path:line" → the secret text found there. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** "ruleId at path:line" of findings whose extracted text does not agree with their redacted preview. */
    private final List<String> misplaced = new ArrayList<>();

    @BeforeAll
    void scanTheSamplesInEveryFormat(@TempDir Path dir) throws IOException {
        for (String format : List.of("json", "sarif", "text")) {
            Path file = dir.resolve("report." + format);
            CliRun r = run("scan", "--format", format, "--output", file.toString(), SAMPLES.toString());
            assertThat(r.exitCode()).as("%s scan: %s", format, r.err()).isEqualTo(1);
            assertThat(r.out()).as("stdout of the %s scan", format).isEmpty();
            reports.put(format, Files.readString(file, StandardCharsets.UTF_8));
        }
        JsonNode json = new ObjectMapper().readTree(reports.get("json"));
        Path baseDir = Path.of(json.get("baseDir").asText());
        for (JsonNode f : json.get("findings")) {
            if (!f.get("severity").asText().equals("error")) {
                continue; // key-based authentication and notes point at a setting, not at a secret
            }
            String path = f.get("path").asText();
            int startLine = f.get("startLine").asInt();
            String where = f.get("ruleId").asText() + " at " + path + ":" + startLine;
            String secret = secretAt(baseDir.resolve(path), startLine, f.get("startColumn").asInt(),
                    f.get("endLine").asInt(), f.get("endColumn").asInt());
            secrets.put(where, secret);
            Matcher preview = PREVIEW.matcher(f.get("preview").asText());
            String decoded = base64Text(secret);
            if (decoded != null && preview.matches() && decoded.contains(preview.group(1))) {
                continue; // found in a decoded Kubernetes Secret value: the location is the base64 text
            }
            if (!preview.matches() || !secret.startsWith(preview.group(1))
                    || Integer.parseInt(preview.group(2)) != secret.length()) {
                misplaced.add(where);
            }
        }
    }

    /** The text a base64 string decodes to, or null when it is not base64 of UTF-8 text. */
    private static String base64Text(String s) {
        try {
            return new String(java.util.Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The text between two 1-based positions (end column exclusive); a multi-line span ends with its first line. */
    private static String secretAt(Path file, int startLine, int startColumn, int endLine, int endColumn)
            throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        String line = lines[startLine - 1];
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        int end = endLine == startLine ? endColumn - 1 : line.length();
        return line.substring(startColumn - 1, end);
    }

    @Test
    void theSamplesHoldEnoughSecretsForTheCheckToMeanSomething() {
        assertThat(secrets).as("findings in the samples").hasSizeGreaterThanOrEqualTo(20);
        List<String> tooShort = secrets.entrySet().stream()
                .filter(e -> e.getValue().length() < 8).map(Map.Entry::getKey).toList();
        assertThat(tooShort).as("findings whose extracted secret is under 8 characters (bad location?)").isEmpty();
        assertThat(misplaced).as("findings whose location does not match their preview's prefix and length")
                .isEmpty();
    }

    @Test
    void noReportContainsASecret() {
        assertThat(leaks((report, secret) -> report.contains(secret))).as("secrets in reports").isEmpty();
    }

    @Test
    void noReportContainsATwelveCharacterPieceOfASecret() {
        assertThat(leaks((report, secret) -> {
            for (int i = 0; i + PIECE <= secret.length(); i++) {
                if (report.contains(secret.substring(i, i + PIECE))) {
                    return true;
                }
            }
            return false;
        })).as("12-character pieces of secrets in reports").isEmpty();
    }

    @Test
    void noReportContainsAUrlEncodedSecret() {
        assertThat(leaks((report, secret) -> report.contains(URLEncoder.encode(secret, StandardCharsets.UTF_8))))
                .as("URL-encoded secrets in reports").isEmpty();
    }

    @Test
    void noReportContainsAJsonEscapedSecret() {
        assertThat(leaks((report, secret) -> secret.contains("/")
                && report.contains(secret.replace("/", "\\/"))))
                .as("JSON-escaped secrets in reports").isEmpty();
    }

    private interface Leak {
        boolean in(String report, String secret);
    }

    /** "format: ruleId at path:line" for every secret the check finds in a report. */
    private List<String> leaks(Leak leak) {
        List<String> found = new ArrayList<>();
        reports.forEach((format, report) -> secrets.forEach((where, secret) -> {
            if (leak.in(report, secret)) {
                found.add(format + ": " + where);
            }
        }));
        return found;
    }
}
