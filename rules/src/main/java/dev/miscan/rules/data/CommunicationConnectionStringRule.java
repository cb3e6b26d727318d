package dev.miscan.rules.data;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-COMMUNICATION-CONNSTR",
        name = "communication-services-access-key",
        tier = Tier.SECRET,
        summary = "Azure Communication Services connection string with an access key",
        description = "`accesskey=` in a Communication Services connection string"
                + " (`endpoint=https://<resource>.communication.azure.com/;accesskey=…`) can send e-mail and SMS,"
                + " issue user tokens and place calls as the resource.",
        help = "Build the Communication Services client with `.endpoint(…)` and a `TokenCredential`"
                + " (`DefaultAzureCredential`), grant the identity a custom role limited to the actions it needs,"
                + " and rotate the key.",
        bad = "endpoint=https://contoso.communication.azure.com/;accesskey=<access key>",
        good = "endpoint=https://contoso.communication.azure.com/  (DefaultAzureCredential)",
        securitySeverity = "7.5",
        tags = {"communication-services", "connection-string"},
        keywords = {"communication.azure.com"},
        precedence = 10)
public final class CommunicationConnectionStringRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.communication(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("communication.azure.com")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            var key = seg.get("accesskey");
            if (key.isEmpty()) {
                continue;
            }
            String value = key.get().value();
            if (Placeholders.isPlaceholder(value) || value.length() < 40 || !KeyShapes.looksRandom(value)) {
                continue;
            }
            String endpoint = seg.get("endpoint").map(ConnectionStrings.Value::value).orElse(null);
            report(doc, sink, key.get().offset(), value, "Communication Services access key in a connection string.",
                    Remedies.communication(endpoint));
        }
    }
}
