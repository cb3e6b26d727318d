package dev.miscan.rules.storage;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-STORAGE-SHAREDKEY",
        keywords = {"+ast", "account-key", "account_key", "accountkey", "storage-key", "storage_key", "storagekey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 20)
public final class StorageAccountKeyRule extends StorageDetector {
    private static final String[] CONTEXT = {"account-key", "account_key", "accountkey", "storage-key", "storage_key",
            "storagekey"};

    /**
     * True when the key belongs to Cosmos DB: its own name says so, or, when the name names no service, a Cosmos DB
     * connection string or mention is around it. A storage name beside a Cosmos DB line keeps the key storage's.
     */
    private static boolean isCosmos(Document doc, int at, String name) {
        var named = AzureCatalogue.get().servicesNamedIn(name);
        if (!named.isEmpty()) {
            return named.contains("cosmos") && named.stream().noneMatch(s -> s.startsWith("storage-"));
        }
        ConnectionStrings.Segment window = ConnectionStrings.window(doc.text(), at, 2);
        return StorageConnectionStringRule.isCosmos(window) || window.containsIgnoreCase("cosmos");
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("+ast")) {
            IdentifiableKeys.at(text, at).filter(m -> m.format().kind().equals("storage")).ifPresent(m -> {
                int start = at - m.format().signatureIndex();
                report(doc, sink, start, m.key(),
                        "Azure Storage account key (identifiable, checksum valid): it grants full access to the account.",
                        Remedies.storageBlob(null, null));
            });
        }
        for (String keyword : CONTEXT) {
            for (int at : doc.occurrences(keyword)) {
                int v = Contexts.valueStart(text, at + keyword.length());
                if (v + 88 > text.length()) {
                    continue;
                }
                String value = text.substring(v, v + 88);
                if (!KeyShapes.is64ByteKey(value) || KnownNonSecrets.isKnownNonSecret(value) || Contexts.isDigestLine(doc, v)
                        || v + 88 < text.length() && KeyShapes.isBase64Char(text.charAt(v + 88))) {
                    continue;
                }
                String name = Contexts.settingName(doc, v, v);
                if (isCosmos(doc, at, name)) {
                    continue;
                }
                report(doc, sink, v, value, "Azure Storage account key in '" + keyword
                        + "': it grants full access to the account.",
                        Remedies.storage(StorageServices.named(name), null, null));
            }
        }
    }
}
