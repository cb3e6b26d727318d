package dev.miscan.rules.messaging;

import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Service Bus and Event Hubs share the connection-string shape ({@code Endpoint=sb://<ns>.servicebus.windows.net/;
 * SharedAccessKeyName=…;SharedAccessKey=…}); this tells them apart and finds the keys for both rules.
 */
final class MessagingKeys {

    enum Service { SERVICE_BUS, EVENT_HUBS }

    record Candidate(Service service, int offset, String key, String namespace, String entity, String policy,
            boolean identifiable) {
    }

    private MessagingKeys() {
    }

    /** Both the Service Bus and the Event Hubs rule ask: the candidates are found once per document. */
    private static final Document.View<List<Candidate>> CANDIDATES = MessagingKeys::findAll;

    static List<Candidate> find(Document doc) {
        return doc.view(CANDIDATES);
    }

    private static List<Candidate> findAll(Document doc) {
        String text = doc.text();
        List<Candidate> out = new ArrayList<>();
        for (int at : doc.occurrences("sharedaccesskey")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            var key = new ConnectionStrings.Segment(text, at, seg.end()).get("SharedAccessKey");
            if (key.isEmpty() || key.get().offset() > at + 20) {
                continue;
            }
            String value = key.get().value();
            var identifiable = value.length() == 44 ? IdentifiableKeys.at(value, 33) : java.util.Optional.<IdentifiableKeys.Match>empty();
            if (!KeyShapes.is32ByteKey(value) && identifiable.isEmpty()) {
                continue; // the cheap test first: a value of another shape is no key, however it is written
            }
            if (Placeholders.isPlaceholder(value) || seg.containsIgnoreCase("UseDevelopmentEmulator=true")
                    || seg.has("HostName") || seg.has("DeviceId")) {
                continue;
            }
            // a program may split the string over lines: look at the lines around for the other parts
            ConnectionStrings.Segment window = ConnectionStrings.window(text, at, 2);
            String endpoint = seg.get("Endpoint").or(() -> window.get("Endpoint"))
                    .map(ConnectionStrings.Value::value).orElse("");
            String host = host(endpoint);
            if (!host.isEmpty() && KnownNonSecrets.isLocalHost(host)) {
                continue;
            }
            String entity = seg.get("EntityPath").or(() -> window.get("EntityPath"))
                    .map(ConnectionStrings.Value::value).orElse(null);
            String policy = seg.get("SharedAccessKeyName").or(() -> window.get("SharedAccessKeyName"))
                    .map(ConnectionStrings.Value::value).orElse(null);
            Service service;
            if (identifiable.isPresent()) {
                String kind = identifiable.get().format().kind();
                if (!kind.equals("servicebus") && !kind.equals("eventhubs")) {
                    continue;
                }
                service = kind.equals("eventhubs") ? Service.EVENT_HUBS : Service.SERVICE_BUS;
            } else {
                service = isEventHubsContext(doc, at) ? Service.EVENT_HUBS : Service.SERVICE_BUS;
            }
            String ns = host.contains(".") ? host.substring(0, host.indexOf('.')) : null;
            out.add(new Candidate(service, key.get().offset(), value, ns, entity, policy, identifiable.isPresent()));
        }
        return List.copyOf(out);
    }

    /** Event Hubs when the surrounding lines or the file name speak of event hubs or Kafka. */
    static boolean isEventHubsContext(Document doc, int offset) {
        String window = ConnectionStrings.window(doc.text(), offset, 2).content().toLowerCase(Locale.ROOT);
        String path = doc.path().toLowerCase(Locale.ROOT);
        for (String w : new String[] {"eventhub", "event-hub", "event_hub", "event hub", "kafka", "checkpoint"}) {
            if (window.contains(w) || path.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
