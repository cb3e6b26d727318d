package dev.miscan.rules.data;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-COMMUNICATION-CONNSTR",
        keywords = {"communication.azure.com"},
        precedence = 10)
public final class CommunicationConnectionStringRule extends Detector {

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
