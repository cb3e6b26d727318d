package dev.miscan.rules.messaging;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.SasToken;
import dev.miscan.rules.support.Remedies;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

@RuleInfo(
        id = "MI-MESSAGING-SAS-TOKEN",
        name = "messaging-sas-token",
        tier = Tier.SECRET,
        summary = "Service Bus or Event Hubs shared access signature token",
        description = "A `SharedAccessSignature sr=…&sig=…&se=…&skn=…` token is a bearer credential derived from a"
                + " SAS policy key; anyone holding it can use the entity until `se`, and it can only be revoked by"
                + " rotating the policy key.",
        help = "Authenticate with the app's managed identity (`DefaultAzureCredential`) instead of minting SAS"
                + " tokens, and grant the identity the Data Sender or Data Receiver role of the service.",
        bad = "SharedAccessSignature sr=https%3A%2F%2Fcontoso.servicebus.windows.net%2Forders&sig=<signature>&se=1893456000&skn=send",
        good = "new ServiceBusClientBuilder().credential(\"contoso.servicebus.windows.net\", credential)",
        securitySeverity = "7.5",
        tags = {"service-bus", "event-hubs", "sas"},
        keywords = {"sig="},
        precedence = 10)
public final class MessagingSasTokenRule extends Rule {

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
