package dev.miscan.rules.data;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Remedies;
import java.util.Locale;

@DetectorInfo(
        rules = "MI-REDIS-ACCESSKEY",
        keywords = {".redis.", "azca", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class RedisAccessKeyRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.redis(null);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("azca")) {
            IdentifiableKeys.at(text, at).filter(m -> m.format().kind().equals("redis")).ifPresent(m ->
                    report(doc, sink, at - m.format().signatureIndex(), m.key(),
                            "Azure Cache for Redis access key (identifiable, checksum valid).", Remedies.redis(null)));
        }
        AzureCatalogue.Service redis = AzureCatalogue.get().service("redis");
        for (int at : doc.occurrences(".redis.")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            int hostStart = at;
            while (hostStart > seg.start() && isHostChar(text.charAt(hostStart - 1))) {
                hostStart--;
            }
            int hostEnd = at + 1;
            while (hostEnd < seg.end() && isHostChar(text.charAt(hostEnd))) {
                hostEnd++;
            }
            String host = text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
            if (!redis.isHost(host)) {
                continue;
            }
            // StackExchange.Redis style: host:port,password=…,ssl=True
            String options = seg.content().replace(',', ';');
            var password = new ConnectionStrings.Segment(options, 0, options.length()).get("password");
            if (password.isPresent()) {
                reportPassword(doc, sink, seg.start() + password.get().offset(), password.get().value(), host);
            }
            // URI style: rediss://[user]:key@host
            int scheme = text.lastIndexOf("://", hostStart);
            if (scheme >= seg.start() && hostStart > 0 && text.charAt(hostStart - 1) == '@') {
                String userInfo = text.substring(scheme + 3, hostStart - 1);
                int colon = userInfo.indexOf(':');
                if (colon >= 0) {
                    reportPassword(doc, sink, scheme + 3 + colon + 1, userInfo.substring(colon + 1), host);
                }
            }
        }
    }

    private void reportPassword(Document doc, FindingSink sink, int offset, String value, String host) {
        if (value.length() < 8 || Placeholders.isPlaceholder(value)) {
            return;
        }
        report(doc, sink, offset, value, "Access key of the Azure Cache for Redis '" + host + "'.", Remedies.redis(host));
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }
}
