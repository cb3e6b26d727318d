package dev.miscan.rules.messaging;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.core.secrets.CaskKeys;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.util.List;

@DetectorInfo(
        rules = "MI-EVENTGRID-KEY",
        keywords = {"eventgrid.azure.net", "aeg-sas-key", "azeg", "eventgrid"},
        precedence = 10)
public final class EventGridKeyRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.eventGrid(null);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("azeg")) {
            IdentifiableKeys.at(text, at).filter(m -> m.format().kind().equals("eventgrid")).ifPresent(m ->
                    report(doc, sink, at - m.format().signatureIndex(), m.key(),
                            "Azure Event Grid access key (identifiable, checksum valid).", Remedies.eventGrid(null)));
            if (at >= 76) {
                CaskKeys.at(text, at - 24).ifPresent(m -> report(doc, sink, m.start(), m.key(),
                        "Azure Event Grid access key (CASK, checksum valid, created " + m.yearMonth() + ").",
                        Remedies.eventGrid(null)));
            }
        }
        for (int at : doc.occurrences("eventgrid.azure.net")) {
            ConnectionStrings.Segment seg = ConnectionStrings.window(text, at, 1);
            for (String k : new String[] {"AccessKey", "Key", "aeg-sas-key"}) {
                seg.get(k).ifPresent(v -> {
                    if (isKey(v.value()) && !belongsElsewhere(doc, v.offset())) {
                        report(doc, sink, v.offset(), v.value(), "Azure Event Grid access key next to its endpoint.",
                                Remedies.eventGrid(endpoint(text, at)));
                    }
                });
            }
            // a setting named for a key (EVENTGRID_KEY, eventgrid.access-key) within two lines of the endpoint
            int line = doc.lines().lineOf(at);
            int from = doc.lines().lineStart(Math.max(0, line - 2));
            int to = doc.lines().lineEnd(Math.min(doc.lines().lineCount() - 1, line + 2));
            for (ConfigEntry e : entries(doc)) {
                if (e.valueOffset() >= from && e.valueOffset() < to && e.value() != null
                        && AzureCatalogue.squash(e.key()).endsWith("key") && isKey(e.value())
                        && !belongsElsewhere(doc, e.valueOffset())) {
                    report(doc, sink, e.valueOffset(), e.value(), "Azure Event Grid access key in '" + e.key()
                            + "', next to its endpoint.", Remedies.eventGrid(endpoint(text, at)));
                }
            }
        }
        for (int at : doc.occurrences("aeg-sas-key")) {
            int v = Contexts.valueStart(text, at + "aeg-sas-key".length());
            int run = KeyShapes.base64RunLength(text, v);
            String value = text.substring(v, v + run);
            if (isKey(value)) {
                report(doc, sink, v, value, "Azure Event Grid access key in an aeg-sas-key header.",
                        Remedies.eventGrid(null));
            }
        }
    }

    /**
     * True when the key at {@code offset} is another service's: its own connection string names another host, or
     * the name it is assigned to names another service. A neighbouring Event Grid endpoint does not make it ours.
     */
    private static boolean belongsElsewhere(Document doc, int offset) {
        ConnectionStrings.Segment own = ConnectionStrings.segmentAround(doc.text(), offset);
        String endpoint = own.get("Endpoint").map(ConnectionStrings.Value::value).orElse("");
        if (!endpoint.isEmpty() && !AzureCatalogue.get().service("eventgrid").isHost(MessagingKeys.host(endpoint))) {
            return true;
        }
        var named = AzureCatalogue.get().servicesNamedIn(Contexts.settingName(doc, offset, offset));
        return !named.isEmpty() && !named.contains("eventgrid");
    }

    private static List<ConfigEntry> entries(Document doc) {
        if (doc.extension().equals("java")) {
            return List.of();
        }
        try {
            return doc.view(ConfigView.ENTRIES);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isKey(String value) {
        return KeyShapes.is32ByteKey(value) || value.length() >= 84 && CaskKeys.at(value, 52).isPresent();
    }

    private static String endpoint(String text, int hostOffset) {
        int s = text.lastIndexOf("https://", hostOffset);
        if (s < 0 || hostOffset - s > 100) {
            return null;
        }
        int e = hostOffset + "eventgrid.azure.net".length();
        while (e < text.length() && "/apievnts".indexOf(text.charAt(e)) >= 0) {
            e++;
        }
        return text.substring(s, e);
    }
}
