package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-SERVICEBUS-CONNSTR",
        keywords = {"sharedaccesskey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class ServiceBusConnectionStringRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.serviceBus(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        ConfigSlots.report(doc, ruleId(), c -> report(doc, sink,
                c.secret() ? ruleId() : keyAuthOf(ruleId()), "config", c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c))));
    }

    private void scanValues(Document doc, FindingSink sink) {
        for (MessagingKeys.Candidate c : MessagingKeys.find(doc)) {
            if (c.service() == MessagingKeys.Service.SERVICE_BUS) {
                report(doc, sink, c.offset(), c.key(), "Service Bus SAS key"
                        + (c.policy() != null ? " of policy '" + c.policy() + "'" : "")
                        + (c.namespace() != null ? " for namespace '" + c.namespace() + "'" : "")
                        + (c.policy() != null && c.policy().startsWith("RootManage") ? ", with Manage rights" : "")
                        + ".", Remedies.serviceBus(c.namespace()));
            }
        }
    }
}
