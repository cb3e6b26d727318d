package dev.miscan.core.engine;
// mi-scan:allow-file test vectors

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import java.util.List;

/** A tiny rule for engine tests: reports the value after {@code secret=} up to whitespace. */
@RuleInfo(id = "MI-TEST-SECRET", name = "test-secret", tier = Tier.SECRET,
        summary = "Test secret after secret= in a test file",
        description = "A value assigned to `secret=` in an engine test.",
        help = "Remove the value.", bad = "secret=abc123", good = "secret=${SECRET}",
        securitySeverity = "5.0", keywords = {"secret="})
public class TestSecretRule extends Rule {
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
