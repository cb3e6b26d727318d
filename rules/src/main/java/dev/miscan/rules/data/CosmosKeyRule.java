package dev.miscan.rules.data;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

@DetectorInfo(
        rules = "MI-COSMOS-KEY",
        keywords = {"accountkey", "acdb", "documents.azure.com", "cosmos", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class CosmosKeyRule extends ConfigSlotDetector {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.cosmos(null);
    }

    @Override
    protected Remediation remediationOf(String resource) {
        return Remedies.cosmos(resource);
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("acdb")) {
            IdentifiableKeys.at(text, at).filter(m -> m.format().kind().equals("cosmos")).ifPresent(m ->
                    report(doc, sink, at - m.format().signatureIndex(), m.key(),
                            "Azure Cosmos DB key (identifiable, checksum valid, seed " + m.seedLabel() + ").",
                            Remedies.cosmos(null)));
        }
        Set<Integer> lines = new HashSet<>();
        for (String kw : new String[] {"accountkey", "documents.azure.com", "cosmos"}) {
            for (int at : doc.occurrences(kw)) {
                int keywordLine = doc.lines().lineOf(at);
                // the key is often on the line after the endpoint, or a line or two below a "cosmos:" key
                for (int line = Math.max(0, keywordLine - 1);
                        line <= Math.min(doc.lines().lineCount() - 1, keywordLine + 2); line++) {
                    if (lines.add(line)) {
                        scanLine(doc, sink, line);
                    }
                }
            }
        }
    }

    /** Reports 88-character keys on a line within two lines of a mention of Cosmos DB. */
    private void scanLine(Document doc, FindingSink sink, int line) {
        String text = doc.text();
        int start = doc.lines().lineStart(line);
        int end = doc.lines().lineEnd(line);
        // the window around the line is read only once the line has a key's shape: most lines are shorter than one
        ConnectionStrings.Segment window = null;
        for (int i = start; i + 88 <= end; i++) {
            if (i > start && KeyShapes.isBase64Char(text.charAt(i - 1))) {
                continue;
            }
            int run = KeyShapes.base64RunLength(text, i);
            if (run == 88 && window == null) {
                window = ConnectionStrings.window(text, start, 2);
                if (!(window.containsIgnoreCase("documents.azure.") || window.containsIgnoreCase("cosmos"))) {
                    return;
                }
            }
            if (run == 88 && !namesAnotherService(text.substring(start, i))) {
                String value = text.substring(i, i + 88);
                ConnectionStrings.Segment own = ConnectionStrings.segmentAround(text, i);
                boolean emulator = own.containsIgnoreCase("localhost:8081") || own.containsIgnoreCase("127.0.0.1:8081");
                if (KeyShapes.is64ByteKey(value) && !KnownNonSecrets.isKnownNonSecret(value) && !emulator
                        && !Contexts.isDigestLine(doc, i)
                        && (value.indexOf("ACDb") != 76 || IdentifiableKeys.at(text, i + 76).isEmpty())) {
                    String account = account(window);
                    report(doc, sink, i, value, "Azure Cosmos DB account key" + (account != null ? " of account '"
                            + account + "'" : "") + ": it grants full access to the account's data.",
                            Remedies.cosmos(account));
                }
            }
            i += Math.max(0, run - 1);
        }
    }

    /**
     * True when the key's own line, before it, names a service other than Cosmos DB ({@code azure.storage.account-key=}):
     * its own name is better evidence than a Cosmos DB endpoint on a neighbouring line.
     */
    private static boolean namesAnotherService(String before) {
        String lower = before.toLowerCase(java.util.Locale.ROOT);
        if (AzureCatalogue.get().service("cosmos").hostSuffixes().stream().anyMatch(lower::contains)) {
            return false;
        }
        var named = AzureCatalogue.get().servicesNamedIn(before);
        return !named.isEmpty() && !named.contains("cosmos");
    }

    private static String account(ConnectionStrings.Segment window) {
        var endpoint = window.get("AccountEndpoint");
        if (endpoint.isPresent()) {
            try {
                String host = URI.create(endpoint.get().value()).getHost();
                if (host != null && host.contains(".")) {
                    return host.substring(0, host.indexOf('.'));
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
