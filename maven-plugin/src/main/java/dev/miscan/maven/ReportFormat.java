package dev.miscan.maven;

import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.JsonWriter;
import dev.miscan.core.report.SarifWriter;
import dev.miscan.core.report.TextWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A report file the {@code check} goal writes into its output directory. */
enum ReportFormat {
    SARIF("mi-scan.sarif"), JSON("mi-scan.json"), TEXT("mi-scan.txt");

    /** Where the rules are documented; the same base the CLI uses, so SARIF from both links alike. */
    static final String HELP_URI_BASE = "https://github.com/mi-scan/mi-scan/blob/main/docs/rules/";

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    void write(ScanResult result, String toolVersion, Writer out) throws IOException {
        switch (this) {
            case SARIF -> new SarifWriter(toolVersion, HELP_URI_BASE).write(result, out);
            case JSON -> new JsonWriter(toolVersion).write(result, out);
            case TEXT -> new TextWriter(false).write(result, out);
        }
    }

    /**
     * Parses {@code formats} entries (each may itself be comma-separated, as {@code -Dmi-scan.formats=sarif,json}
     * gives them), ignoring case and blanks.
     *
     * @throws IllegalArgumentException naming the unknown entry
     */
    static Set<ReportFormat> parse(Collection<String> entries) {
        Set<ReportFormat> formats = new LinkedHashSet<>();
        if (entries == null) {
            return formats;
        }
        for (String entry : entries) {
            for (String word : entry.split(",")) {
                String w = word.strip().toLowerCase(Locale.ROOT);
                if (w.isEmpty()) {
                    continue;
                }
                switch (w) {
                    case "sarif" -> formats.add(SARIF);
                    case "json" -> formats.add(JSON);
                    case "text" -> formats.add(TEXT);
                    default -> throw new IllegalArgumentException("unknown report format '" + word.strip()
                            + "' in formats: use sarif, json or text");
                }
            }
        }
        return formats;
    }
}
