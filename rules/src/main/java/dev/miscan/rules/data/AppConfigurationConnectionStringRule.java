package dev.miscan.rules.data;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;
import java.net.URI;

@DetectorInfo(
        rules = "MI-APPCONFIG-CONNSTR",
        keywords = {"azconfig", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class AppConfigurationConnectionStringRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.appConfiguration(null);
    }

    @Override
    protected Remediation remediationOf(String resource) {
        return Remedies.appConfiguration(resource);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int at : doc.occurrences("azconfig")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            var secret = seg.get("Secret");
            if (secret.isEmpty() || !seen.add(secret.get().offset()) || !seg.has("Id")) {
                continue;
            }
            String value = secret.get().value();
            if (Placeholders.isPlaceholder(value) || value.length() < 32 || !KeyShapes.looksRandom(value)) {
                continue;
            }
            String store = null;
            var endpoint = seg.get("Endpoint");
            if (endpoint.isPresent()) {
                try {
                    String host = URI.create(endpoint.get().value()).getHost();
                    store = host != null && host.contains(".") ? host.substring(0, host.indexOf('.')) : null;
                } catch (IllegalArgumentException e) {
                    store = null;
                }
            }
            report(doc, sink, secret.get().offset(), value, "App Configuration access key"
                    + (store != null ? " for store '" + store + "'" : "") + ".", Remedies.appConfiguration(store));
        }
    }
}
