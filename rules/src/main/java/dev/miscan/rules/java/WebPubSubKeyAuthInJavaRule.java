package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-WEBPUBSUB-KEY-AUTH",
        name = "java-web-pubsub-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure Web PubSub service client in Java authenticates with an access key",
        description = "A Web PubSub access key signs client access tokens and calls every REST API of the service. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `new WebPubSubServiceClientBuilder().endpoint(\"https://<name>.webpubsub.azure.com\").credential(new DefaultAzureCredentialBuilder().build()).hub(\"<hub>\")`, grant **Web PubSub Service Owner**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new WebPubSubServiceClientBuilder().connectionString(\"Endpoint=https://notify.webpubsub.azure.com;AccessKey=<key>;Version=1.0;\")",
        good = "new WebPubSubServiceClientBuilder().endpoint(\"https://notify.webpubsub.azure.com\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "web-pubsub", "sink", "key-based-auth"},
        keywords = {"connectionstring", "azurekeycredential", "webpubsub"},
        precedence = 50)
public final class WebPubSubKeyAuthInJavaRule extends JavaSinkRule {
    public WebPubSubKeyAuthInJavaRule() {
        super(SinkFamily.WEB_PUBSUB);
    }
}
