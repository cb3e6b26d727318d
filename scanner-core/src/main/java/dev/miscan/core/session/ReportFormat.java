package dev.miscan.core.session;

import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.JsonWriter;
import dev.miscan.core.report.SarifWriter;
import dev.miscan.core.report.TextWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** A scan report: its name on the command line or in a POM, its file name, and the writer that makes it. */
public enum ReportFormat {
    TEXT("mi-scan.txt"), JSON("mi-scan.json"), SARIF("mi-scan.sarif");

    /**
     * Where each rule is documented ({@code <base><RULE-ID>.md}). One base for every front end, so that SARIF
     * from the CLI and from a build link a rule to the same page.
     */
    public static final String HELP_URI_BASE = "https://github.com/mi-scan/mi-scan/blob/main/docs/rules/";

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name used when reports go into a directory, e.g. {@code mi-scan.sarif}. */
    public String fileName() {
        return fileName;
    }

    /** Whether this report shows fingerprints (JSON and SARIF do; the text report does not). */
    public boolean showsFingerprints() {
        return this != TEXT;
    }

    /** The word users write, e.g. "sarif". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case and surrounding blanks are ignored; empty for null or an unknown word. */
    public static Optional<ReportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.label().equals(word)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Writes the report without colour, every finding in full. */
    public void write(ScanResult result, Writer out, String toolVersion) throws IOException {
        write(result, out, toolVersion, false, false);
    }

    /**
     * @param toolVersion the mi-scan version the JSON and SARIF reports name
     * @param color       ANSI colour in the text report (only for a terminal)
     * @param brief       the text report's three lines per finding (the pre-commit hook's view)
     */
    public void write(ScanResult result, Writer out, String toolVersion, boolean color, boolean brief)
            throws IOException {
        write(result, out, toolVersion, color, brief, false, null);
    }

    /** With a code-scanning category ({@link SarifWriter#withCategory}); null for none. */
    public void write(ScanResult result, Writer out, String toolVersion, boolean color, boolean brief,
            String category) throws IOException {
        write(result, out, toolVersion, color, brief, false, category);
    }

    /** The text report's findings alone when {@code quiet}. */
    public void write(ScanResult result, Writer out, String toolVersion, boolean color, boolean brief, boolean quiet)
            throws IOException {
        write(result, out, toolVersion, color, brief, quiet, null);
    }

    /**
     * @param toolVersion the mi-scan version the JSON and SARIF reports name
     * @param color       ANSI colour in the text report (only for a terminal)
     * @param brief       the text report's three lines per finding (the pre-commit hook's view)
     * @param quiet       the text report's findings alone, without warnings and summary ({@code --quiet})
     * @param category    the SARIF report's code-scanning category ({@link SarifWriter#withCategory}); null for
     *                    none, and ignored by the other formats
     */
    public void write(ScanResult result, Writer out, String toolVersion, boolean color, boolean brief, boolean quiet,
            String category) throws IOException {
        write(result, out, toolVersion, color, brief, quiet, category, false);
    }

    /**
     * @param sarifAllRules every rule that ran in the SARIF report's rule list ({@link SarifWriter#withAllRules}),
     *                      not only those with results; ignored by the other formats
     */
    public void write(ScanResult result, Writer out, String toolVersion, boolean color, boolean brief, boolean quiet,
            String category, boolean sarifAllRules) throws IOException {
        switch (this) {
            case SARIF -> new SarifWriter(toolVersion, HELP_URI_BASE).withCategory(category).withAllRules(sarifAllRules)
                    .write(result, out);
            case JSON -> new JsonWriter(toolVersion).write(result, out);
            case TEXT -> new TextWriter(color, brief, quiet).write(result, out);
        }
    }
}
