package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-WEBPUBSUB-KEY",
        name = "java-web-pubsub-key",
        tier = Tier.SECRET,
        summary = "Azure Web PubSub access key written in Java code and passed to a service client",
        description = "A Web PubSub access key signs client access tokens and calls every REST API of the service. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `new WebPubSubServiceClientBuilder().endpoint(\"https://<name>.webpubsub.azure.com\").credential(new DefaultAzureCredentialBuilder().build()).hub(\"<hub>\")`, grant **Web PubSub Service Owner**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new WebPubSubServiceClientBuilder().connectionString(\"Endpoint=https://notify.webpubsub.azure.com;AccessKey=<key>;Version=1.0;\")",
        good = "new WebPubSubServiceClientBuilder().endpoint(\"https://notify.webpubsub.azure.com\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "8.2",
        tags = {"java", "web-pubsub", "sink"},
        keywords = {"connectionstring", "azurekeycredential", "webpubsub"},
        precedence = 5)
public final class WebPubSubKeyInJavaRule extends JavaSinkRule {
    public WebPubSubKeyInJavaRule() {
        super(SinkFamily.WEB_PUBSUB);
    }
}
