package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-SIGNALR-WEBPUBSUB-ACCESSKEY",
        name = "signalr-web-pubsub-access-key",
        tier = Tier.SECRET,
        summary = "Azure SignalR Service or Web PubSub connection string with an access key",
        description = "`AccessKey=` in a SignalR (`*.service.signalr.net`) or Web PubSub (`*.webpubsub.azure.com`)"
                + " connection string signs client and server tokens: with it anyone can impersonate the server."
                + " The identity-based form (`AuthType=aad`) is not reported.",
        help = "Use the identity-based connection string (`Endpoint=https://<name>.service.signalr.net;AuthType=aad;"
                + "ClientId=<client-id>;Version=1.0;`) or `WebPubSubServiceClientBuilder().credential(TokenCredential)`,"
                + " grant **SignalR App Server** or **Web PubSub Service Owner**, rotate the key and set"
                + " `disableLocalAuth: true`.",
        bad = "Endpoint=https://chat.service.signalr.net;AccessKey=<44-character key>;Version=1.0;",
        good = "Endpoint=https://chat.service.signalr.net;AuthType=aad;ClientId=<client-id>;Version=1.0;",
        securitySeverity = "7.5",
        tags = {"signalr", "web-pubsub", "connection-string"},
        keywords = {"accesskey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class SignalRAccessKeyRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.signalR(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }

    private void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("accesskey")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            var key = new ConnectionStrings.Segment(text, at, seg.end()).get("AccessKey");
            if (key.isEmpty() || key.get().offset() > at + 14) {
                continue;
            }
            String host = MessagingKeys.host(seg.get("Endpoint").map(ConnectionStrings.Value::value).orElse(""));
            if (!(host.endsWith(".service.signalr.net") || host.endsWith(".webpubsub.azure.com")
                    || host.endsWith(".signalr.azure.cn")) || KnownNonSecrets.isLocalHost(host)) {
                continue;
            }
            String value = key.get().value();
            if (Placeholders.isPlaceholder(value) || value.length() < 40 || !KeyShapes.looksRandom(value)
                    || KeyShapes.base64RunLength(value, 0) != value.length()) {
                continue;
            }
            report(doc, sink, key.get().offset(), value, "Access key for '" + host + "' in a connection string.",
                    Remedies.signalR(host));
        }
    }
}
