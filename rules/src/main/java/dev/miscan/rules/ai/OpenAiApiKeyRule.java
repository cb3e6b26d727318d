package dev.miscan.rules.ai;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-OPENAI-APIKEY",
        keywords = {"password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 40)
public final class OpenAiApiKeyRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.openAi(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        ConfigSlots.report(doc, ruleId(), c -> report(doc, sink,
                c.secret() ? ruleId() : keyAuthOf(ruleId()), "config", c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c))));
    }
}
