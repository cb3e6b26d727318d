package dev.miscan.rules.ai;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Remediation;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-OPENAI-APIKEY",
        keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 40)
public final class OpenAiApiKeyRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.openAi(null);
    }
}
