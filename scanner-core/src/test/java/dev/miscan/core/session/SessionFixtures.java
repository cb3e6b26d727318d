package dev.miscan.core.session;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Tier;
import dev.miscan.core.engine.ScanResult;
import java.nio.file.Path;
import java.util.List;

/** Hand-made findings: the session classes only look at severities, ids and locations. */
final class SessionFixtures {
    static final RuleDescriptor RULE = new RuleDescriptor("MI-TEST-SESSION", "test-session", Tier.SECRET, "test",
            "", "A test credential", "A credential in a test file.", "Remove it.", "key = \"...\"",
            "key = ${KEY}", 5.0, List.of(), "CWE-798", List.of(), "");

    private SessionFixtures() {
    }

    static Finding finding(Severity severity) {
        return new Finding(RULE, severity, "A test credential is in the file", new Location("app.properties", 2, 5, 2, 30),
                "key=…", "…(25 chars)", "ab12", "fp-" + severity, new Remediation("Test", "", "Remove it.", "", "", "",
                        List.of(), "", List.of()));
    }

    static ScanResult result(List<Finding> findings) {
        return new ScanResult(Path.of("root"), List.of(RULE), findings, List.of(), 1, 100, 0);
    }
}
