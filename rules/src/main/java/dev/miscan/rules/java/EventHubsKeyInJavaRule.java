package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-EVENTHUBS-KEY",
        name = "java-event-hubs-key",
        tier = Tier.SECRET,
        summary = "Azure Event Hubs SAS key written in Java code and passed to an Event Hubs client",
        description = "An Event Hubs shared access policy key never expires and lets anyone holding it send or read every event of the namespace (or hub). The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `new EventHubClientBuilder().credential(\"<namespace>.servicebus.windows.net\", \"<hub>\", new DefaultAzureCredentialBuilder().build())` (the same `credential` overload on `EventProcessorClientBuilder`), grant **Azure Event Hubs Data Sender** / **Data Receiver**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new EventHubClientBuilder().connectionString(\"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>\", \"telemetry\")",
        good = "new EventHubClientBuilder().credential(\"contoso.servicebus.windows.net\", \"telemetry\", new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "8.8",
        tags = {"java", "event-hubs", "sink"},
        keywords = {"connectionstring", "azurenamedkeycredential", "azuresascredential", "connectionstringbuilder", "setsaskey", "eventhubclient"},
        precedence = 5)
public final class EventHubsKeyInJavaRule extends JavaSinkRule {
    public EventHubsKeyInJavaRule() {
        super(SinkFamily.EVENT_HUBS);
    }
}
