package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-SERVICEBUS-CONNSTR",
        keywords = {"sharedaccesskey", "+asb", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class ServiceBusConnectionStringRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.serviceBus(null);
    }

    @Override
    protected Remediation remediationOf(String resource) {
        return Remedies.serviceBus(resource);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
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
