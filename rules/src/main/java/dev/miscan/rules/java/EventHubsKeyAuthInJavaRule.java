package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-EVENTHUBS-KEY-AUTH",
        name = "java-event-hubs-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure Event Hubs client in Java authenticates with a SAS key",
        description = "An Event Hubs shared access policy key never expires and lets anyone holding it send or read every event of the namespace (or hub). Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `new EventHubClientBuilder().credential(\"<namespace>.servicebus.windows.net\", \"<hub>\", new DefaultAzureCredentialBuilder().build())` (the same `credential` overload on `EventProcessorClientBuilder`), grant **Azure Event Hubs Data Sender** / **Data Receiver**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new EventHubClientBuilder().connectionString(\"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>\", \"telemetry\")",
        good = "new EventHubClientBuilder().credential(\"contoso.servicebus.windows.net\", \"telemetry\", new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "event-hubs", "sink", "key-based-auth"},
        keywords = {"connectionstring", "azurenamedkeycredential", "azuresascredential", "connectionstringbuilder", "setsaskey", "eventhubclient"},
        precedence = 50)
public final class EventHubsKeyAuthInJavaRule extends JavaSinkRule {
    public EventHubsKeyAuthInJavaRule() {
        super(SinkFamily.EVENT_HUBS);
    }
}
