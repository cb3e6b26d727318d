package dev.miscan.rules.messaging;

import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.support.Contexts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Service Bus, Event Hubs, Relay and Notification Hubs share the connection-string shape
 * ({@code Endpoint=sb://<ns>.servicebus.windows.net/;SharedAccessKeyName=…;SharedAccessKey=…}) and IoT Hub
 * service policies use {@code HostName=<hub>.azure-devices.net;SharedAccessKeyName=…;SharedAccessKey=…}; this
 * finds the keys once and tells the services apart by meaning, strongest evidence first: the key's own
 * signature, the host, the name the string is assigned to, the policy name, and only then the lines around it.
 */
final class MessagingKeys {

    enum Service {
        SERVICE_BUS("servicebus"), EVENT_HUBS("eventhubs"), RELAY("relay"), NOTIFICATION_HUBS("notificationhubs"),
        IOT_HUB("iothub");

        /** The service's key in the Azure catalogue. */
        final String catalogueKey;

        Service(String catalogueKey) {
            this.catalogueKey = catalogueKey;
        }

        static Service ofCatalogueKey(String key) {
            for (Service s : values()) {
                if (s.catalogueKey.equals(key)) {
                    return s;
                }
            }
            return null;
        }
    }

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
                    || seg.has("DeviceId") || seg.has("ModuleId")) {
                continue; // a device's own key authenticates the device: no managed identity replaces it
            }
            // a program may split the string over lines: look at the lines around for the other parts
            ConnectionStrings.Segment window = ConnectionStrings.window(text, at, 2);
            boolean iotHub = seg.has("HostName");
            String endpoint = iotHub ? seg.get("HostName").map(ConnectionStrings.Value::value).orElse("")
                    : seg.get("Endpoint").or(() -> window.get("Endpoint")).map(ConnectionStrings.Value::value).orElse("");
            String host = iotHub ? endpoint.toLowerCase(Locale.ROOT) : host(endpoint);
            if (!host.isEmpty() && KnownNonSecrets.isLocalHost(host)
                    || iotHub && !AzureCatalogue.get().service("iothub").isHost(host)) {
                continue;
            }
            String entity = seg.get("EntityPath").or(() -> window.get("EntityPath"))
                    .map(ConnectionStrings.Value::value).orElse(null);
            String policy = seg.get("SharedAccessKeyName").or(() -> window.get("SharedAccessKeyName"))
                    .map(ConnectionStrings.Value::value).orElse(null);
            Service service;
            if (iotHub) {
                service = Service.IOT_HUB;
            } else if (identifiable.isPresent()) {
                service = switch (identifiable.get().format().kind()) {
                    case "servicebus" -> Service.SERVICE_BUS;
                    case "eventhubs" -> Service.EVENT_HUBS;
                    case "relay" -> Service.RELAY;
                    default -> null;
                };
                if (service == null) {
                    continue;
                }
            } else {
                service = serviceByMeaning(doc, seg, policy, at);
            }
            String ns = host.contains(".") ? host.substring(0, host.indexOf('.')) : null;
            out.add(new Candidate(service, key.get().offset(), value, ns, entity, policy, identifiable.isPresent()));
        }
        // a key written on its own (a setting, a secret's value): its signature and checksum name the service
        java.util.Set<Integer> found = new java.util.HashSet<>();
        out.forEach(c -> found.add(c.offset()));
        for (String sig : new String[] {"+asb", "+aeh"}) {
            for (int at : doc.occurrences(sig)) {
                IdentifiableKeys.at(text, at).ifPresent(m -> {
                    int start = at - m.format().signatureIndex();
                    Service service = Service.ofCatalogueKey(m.format().kind());
                    if (service != null && found.add(start)) {
                        out.add(new Candidate(service, start, m.key(), null, null, null, true));
                    }
                });
            }
        }
        return List.copyOf(out);
    }

    /**
     * Which namespace service a key without a signature belongs to: the name on its own line before the string
     * ({@code SERVICEBUS_CONNECTION=}, {@code relay.connection-string:}), the default policy names of Notification
     * Hubs, then the words of the lines around it and the file name; Service Bus when nothing says otherwise.
     */
    static Service serviceByMeaning(Document doc, ConnectionStrings.Segment seg, String policy, int offset) {
        String text = doc.text();
        int lineStart = doc.lines().lineStart(doc.lines().lineOf(offset));
        // the name the string is assigned to, without the string's own parts (whose host all these services share)
        int own = ConnectionStrings.indexOfIgnoreCase(text, "endpoint=", lineStart, offset);
        Service ownName = named(Contexts.settingName(doc, offset, own >= 0 ? own : seg.start()));
        if (ownName != null) {
            return ownName;
        }
        if (policy != null && (policy.equalsIgnoreCase("DefaultFullSharedAccessSignature")
                || policy.equalsIgnoreCase("DefaultListenSharedAccessSignature"))) {
            return Service.NOTIFICATION_HUBS;
        }
        Service around = named(withoutNamespaceHosts(ConnectionStrings.window(text, offset, 2).content()));
        if (around != null) {
            return around;
        }
        Service file = named(doc.path());
        return file != null ? file : Service.SERVICE_BUS;
    }

    /** Event Hubs when the lines around {@code offset} or the file name speak of event hubs (or Kafka) alone. */
    static boolean isEventHubsContext(Document doc, int offset) {
        Service around = named(withoutNamespaceHosts(ConnectionStrings.window(doc.text(), offset, 2).content()));
        return around == Service.EVENT_HUBS || around == null && named(doc.path()) == Service.EVENT_HUBS;
    }

    /**
     * {@code text} without namespace hosts: every one of these services is on servicebus.windows.net. A scan for
     * the suffix, then the host's characters either side, in linear time whatever the text.
     */
    private static String withoutNamespaceHosts(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text);
        int from = 0;
        for (int at = lower.indexOf(".servicebus.", from); at >= 0; at = lower.indexOf(".servicebus.", from)) {
            int start = at;
            while (start > from && isHostChar(lower.charAt(start - 1))) {
                start--;
            }
            int end = at + ".servicebus.".length();
            while (end < lower.length() && isHostChar(lower.charAt(end))) {
                end++;
            }
            for (int i = start; i < end; i++) {
                out.setCharAt(i, ' ');
            }
            from = end;
        }
        return out.toString();
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    /** The one namespace service {@code text} names, or null when it names none or several. */
    private static Service named(String text) {
        Service found = null;
        for (String key : AzureCatalogue.get().servicesNamedIn(text)) {
            Service s = Service.ofCatalogueKey(key);
            if (s != null && s != Service.IOT_HUB) {
                if (found != null && found != s) {
                    return null;
                }
                found = s;
            }
        }
        return found;
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
