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
        id = "MI-SERVICEBUS-CONNSTR",
        name = "service-bus-sas-key",
        tier = Tier.SECRET,
        summary = "Azure Service Bus connection string with a SAS key",
        description = "`SharedAccessKey=` in a Service Bus connection string is a shared access policy key: it never"
                + " expires, and with `RootManageSharedAccessKey` it can send, receive and manage every entity in"
                + " the namespace. The Service Bus emulator (`UseDevelopmentEmulator=true`, `SAS_KEY_VALUE`) is not"
                + " reported.",
        help = "Use `new ServiceBusClientBuilder().credential(\"<namespace>.servicebus.windows.net\","
                + " new DefaultAzureCredentialBuilder().build())`, grant **Azure Service Bus Data Sender** and/or"
                + " **Data Receiver** at the narrowest scope, rotate the key and set `disableLocalAuth: true`.",
        bad = "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<44-character key>",
        good = "spring.cloud.azure.servicebus.namespace=contoso",
        securitySeverity = "9.1",
        tags = {"service-bus", "connection-string"},
        keywords = {"sharedaccesskey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class ServiceBusConnectionStringRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.serviceBus(null);
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
