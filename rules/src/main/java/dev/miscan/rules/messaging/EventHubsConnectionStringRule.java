package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-EVENTHUBS-CONNSTR",
        name = "event-hubs-sas-key",
        tier = Tier.SECRET,
        summary = "Azure Event Hubs connection string with a SAS key",
        description = "`SharedAccessKey=` in an Event Hubs connection string (identified by an identifiable `+AEh`"
                + " key or by event hub / Kafka context) is a shared access policy key that never expires.",
        help = "Use `new EventHubClientBuilder().credential(\"<namespace>.servicebus.windows.net\", \"<hub>\","
                + " new DefaultAzureCredentialBuilder().build())`, grant **Azure Event Hubs Data Sender** and/or"
                + " **Data Receiver** on the event hub, rotate the key and set `disableLocalAuth: true`.",
        bad = "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<44-character key>;EntityPath=telemetry",
        good = "spring.cloud.azure.eventhubs.namespace=contoso",
        securitySeverity = "8.6",
        tags = {"event-hubs", "connection-string"},
        keywords = {"sharedaccesskey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class EventHubsConnectionStringRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.eventHubs(null, null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }

    private void scanValues(Document doc, FindingSink sink) {
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
