package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-EVENTHUBS-CONNSTR",
        keywords = {"sharedaccesskey", "+aeh", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class EventHubsConnectionStringRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.eventHubs(null, null);
    }

    @Override
    protected Remediation remediationOf(String resource) {
        return Remedies.eventHubs(resource, null);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        for (MessagingKeys.Candidate c : MessagingKeys.find(doc)) {
            if (c.service() == MessagingKeys.Service.EVENT_HUBS) {
                report(doc, sink, c.offset(), c.key(), "Event Hubs SAS key"
                        + (c.policy() != null ? " of policy '" + c.policy() + "'" : "")
                        + (c.namespace() != null ? " for namespace '" + c.namespace() + "'" : "") + ".",
                        Remedies.eventHubs(c.namespace(), c.entity()));
            }
        }
    }
}
