package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.SasToken;
import dev.miscan.rules.support.Remedies;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

@DetectorInfo(
        rules = "MI-MESSAGING-SAS-TOKEN",
        keywords = {"sig="},
        precedence = 10)
public final class MessagingSasTokenRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.serviceBus(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("sig=")) {
            var token = SasToken.at(text, at);
            if (token.isEmpty() || token.get().kind() != SasToken.Kind.MESSAGING || !token.get().hasRealSignature()) {
                continue;
            }
            SasToken t = token.get();
            String resource = URLDecoder.decode(t.param("sr").replace("+", "%2B"), StandardCharsets.UTF_8);
            String host = MessagingKeys.host(resource.contains("://") ? resource : "sb://" + resource);
            if (!host.isEmpty() && dev.miscan.core.secrets.KnownNonSecrets.isLocalHost(host)) {
                continue;
            }
            String ns = host.contains(".") ? host.substring(0, host.indexOf('.')) : null;
            boolean eventHubs = MessagingKeys.isEventHubsContext(doc, at);
            report(doc, sink, t.signatureOffset(), t.signature(), "Shared access signature for '"
                            + (host.isEmpty() ? "an entity" : host) + "' signed with policy '" + t.param("skn") + "'.",
                    eventHubs ? Remedies.eventHubs(ns, null) : Remedies.serviceBus(ns));
        }
    }
}
