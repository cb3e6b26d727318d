package dev.miscan.core.engine;
// mi-scan:allow-file test vectors

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import java.util.List;

/** A tiny rule for engine tests: reports the value after {@code secret=} up to whitespace. */
@DetectorInfo(rules = "MI-TEST-SECRET", keywords = {"secret="})
public class TestSecretRule extends Detector {
    public static final String ID = "MI-TEST-SECRET";

    static final Remediation REMEDIATION = new Remediation("Test service", "", "Use a managed identity", "text",
            "", "", List.of(), "", List.of());

    @Override
    public Remediation exampleRemediation() {
        return REMEDIATION;
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("secret=")) {
            int start = at + "secret=".length();
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                report(doc, sink, start, text.substring(start, end), "A test secret is in the file", REMEDIATION);
            }
        }
    }
}
