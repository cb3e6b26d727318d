package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-SIGNALR-WEBPUBSUB-ACCESSKEY",
        keywords = {"accesskey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class SignalRAccessKeyRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.signalR(null);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
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
