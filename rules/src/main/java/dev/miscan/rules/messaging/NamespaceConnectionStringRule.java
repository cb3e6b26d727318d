package dev.miscan.rules.messaging;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.support.Remedies;
import java.util.Map;

/**
 * The shared access keys of the namespace services whose remediation is the catalogue's alone: Azure Relay,
 * Notification Hubs and IoT Hub service policies. {@link MessagingKeys} tells them from Service Bus and Event Hubs.
 */
@DetectorInfo(
        rules = {"MI-RELAY-CONNSTR", "MI-NOTIFICATIONHUBS-CONNSTR", "MI-IOTHUB-CONNSTR"},
        keywords = {"sharedaccesskey"},
        precedence = 10)
public final class NamespaceConnectionStringRule extends Detector {
    private static final Map<MessagingKeys.Service, String> RULES = Map.of(
            MessagingKeys.Service.RELAY, "MI-RELAY-CONNSTR",
            MessagingKeys.Service.NOTIFICATION_HUBS, "MI-NOTIFICATIONHUBS-CONNSTR",
            MessagingKeys.Service.IOT_HUB, "MI-IOTHUB-CONNSTR");

    @Override
    public Remediation exampleRemediation() {
        return Remedies.catalogue("relay", null);
    }

    @Override
    public Remediation exampleRemediation(String ruleId) {
        return RULES.entrySet().stream().filter(e -> e.getValue().equals(ruleId)).findFirst()
                .map(e -> Remedies.catalogue(e.getKey().catalogueKey, null)).orElseGet(this::exampleRemediation);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        for (MessagingKeys.Candidate c : MessagingKeys.find(doc)) {
            String rule = RULES.get(c.service());
            if (rule != null) {
                String service = dev.miscan.core.catalogue.AzureCatalogue.get().service(c.service().catalogueKey).name();
                report(doc, sink, rule, c.offset(), c.key(), service + " shared access key"
                        + (c.policy() != null ? " of policy '" + c.policy() + "'" : "")
                        + (c.namespace() != null ? " for '" + c.namespace() + "'" : "") + ".",
                        Remedies.catalogue(c.service().catalogueKey, c.namespace()));
            }
        }
    }
}
