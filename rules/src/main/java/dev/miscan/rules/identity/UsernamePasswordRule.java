package dev.miscan.rules.identity;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Remediation;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-ID-USERNAME-PASSWORD",
        keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 40)
public final class UsernamePasswordRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.userCredential("user password");
    }
}
