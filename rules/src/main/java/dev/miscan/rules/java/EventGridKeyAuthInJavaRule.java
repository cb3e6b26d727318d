package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-EVENTGRID-KEY-AUTH",
        name = "java-event-grid-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure Event Grid publisher in Java authenticates with an access key or SAS",
        description = "An Event Grid topic access key lets anyone holding it publish events to the topic or domain. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `new EventGridPublisherClientBuilder().endpoint(\"<topic endpoint>\").credential(new DefaultAzureCredentialBuilder().build())`, grant **EventGrid Data Sender** on the topic, rotate the key and set `disableLocalAuth: true`.",
        bad = "new EventGridPublisherClientBuilder().endpoint(endpoint).credential(new AzureKeyCredential(key))",
        good = "new EventGridPublisherClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "event-grid", "sink", "key-based-auth"},
        keywords = {"azurekeycredential", "azuresascredential", "eventgrid"},
        precedence = 50)
public final class EventGridKeyAuthInJavaRule extends JavaSinkRule {
    public EventGridKeyAuthInJavaRule() {
        super(SinkFamily.EVENT_GRID);
    }
}
