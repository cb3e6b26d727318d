package dev.miscan.rules.storage;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.net.URI;

@DetectorInfo(
        rules = "MI-STORAGE-CONNSTR",
        keywords = {"accountkey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class StorageConnectionStringRule extends StorageDetector {

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("accountkey")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            var key = new ConnectionStrings.Segment(text, at, seg.end()).get("AccountKey");
            if (key.isEmpty() || key.get().offset() > at + 16) {
                continue;
            }
            String value = key.get().value();
            if (!isStorageKey(value) || KnownNonSecrets.isKnownNonSecret(value)) {
                continue;
            }
            ConnectionStrings.Segment window = ConnectionStrings.window(text, at, 2);
            if (isCosmos(seg) || isCosmos(window) || isEmulator(seg)) {
                continue;
            }
            String account = seg.get("AccountName").map(ConnectionStrings.Value::value).orElse(null);
            String endpoint = seg.get("BlobEndpoint").map(ConnectionStrings.Value::value).orElse(null);
            if (account == null && endpoint != null) {
                account = hostLabel(endpoint);
            }
            String suffix = seg.get("EndpointSuffix").map(ConnectionStrings.Value::value).orElse(null);
            report(doc, sink, key.get().offset(), value,
                    "Storage account key" + (account != null ? " of account '" + account + "'" : "")
                            + " in a connection string: it grants full access to the account.",
                    Remedies.storage(StorageServices.of(seg, Contexts.settingName(doc, key.get().offset(), seg.start())),
                            account, suffix));
        }
    }

    static boolean isStorageKey(String value) {
        return KeyShapes.is64ByteKey(value) || value.length() == 88 && value.startsWith("+ASt", 76)
                && IdentifiableKeys.at(value, 76).isPresent();
    }

    static boolean isCosmos(ConnectionStrings.Segment s) {
        return s.containsIgnoreCase("AccountEndpoint") || s.containsIgnoreCase(".documents.azure.")
                || s.containsIgnoreCase(".table.cosmos.");
    }

    static boolean isEmulator(ConnectionStrings.Segment s) {
        if (s.containsIgnoreCase("UseDevelopmentStorage=true") || s.containsIgnoreCase("devstoreaccount1")) {
            return true;
        }
        for (String k : new String[] {"BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint"}) {
            var v = s.get(k);
            if (v.isPresent() && KnownNonSecrets.isLocalHost(host(v.get().value()))) {
                return true;
            }
        }
        return false;
    }

    static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static String hostLabel(String url) {
        String h = host(url);
        return h.contains(".") ? h.substring(0, h.indexOf('.')) : null;
    }
}
