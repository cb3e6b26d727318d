package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-EVENTGRID-KEY",
        name = "java-event-grid-key",
        tier = Tier.SECRET,
        summary = "Azure Event Grid access key or SAS written in Java code and passed to a publisher client",
        description = "An Event Grid topic access key lets anyone holding it publish events to the topic or domain. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `new EventGridPublisherClientBuilder().endpoint(\"<topic endpoint>\").credential(new DefaultAzureCredentialBuilder().build())`, grant **EventGrid Data Sender** on the topic, rotate the key and set `disableLocalAuth: true`.",
        bad = "new EventGridPublisherClientBuilder().endpoint(endpoint).credential(new AzureKeyCredential(\"<key>\"))",
        good = "new EventGridPublisherClientBuilder().endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "7.5",
        tags = {"java", "event-grid", "sink"},
        keywords = {"azurekeycredential", "azuresascredential", "eventgrid"},
        precedence = 5)
public final class EventGridKeyInJavaRule extends JavaSinkRule {
    public EventGridKeyInJavaRule() {
        super(SinkFamily.EVENT_GRID);
    }
}
