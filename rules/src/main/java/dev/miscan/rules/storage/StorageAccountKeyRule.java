package dev.miscan.rules.storage;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-STORAGE-SHAREDKEY",
        name = "storage-account-key",
        tier = Tier.SECRET,
        summary = "Azure Storage account key outside a connection string",
        description = "A storage account key (64 random bytes, 88 base64 characters) in a setting such as"
                + " `account-key`, or an identifiable storage key (`+ASt` signature with a valid Marvin32"
                + " checksum) anywhere. Either grants full access to the whole account.",
        help = "Use `DefaultAzureCredential` with the account's endpoint instead of `StorageSharedKeyCredential`,"
                + " grant the identity **Storage Blob Data Reader** or **Contributor**, rotate the key and disallow"
                + " shared-key access.",
        bad = "spring.cloud.azure.storage.blob.account-key=<88-character key>",
        good = "spring.cloud.azure.storage.blob.endpoint=https://contoso.blob.core.windows.net",
        securitySeverity = "9.1",
        tags = {"storage"},
        keywords = {"+ast", "account-key", "account_key", "accountkey", "storage-key", "storage_key", "storagekey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 20)
public final class StorageAccountKeyRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.storageBlob(null, null);
    }
    private static final String[] CONTEXT = {"account-key", "account_key", "accountkey", "storage-key", "storage_key",
            "storagekey"};

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }

    private void scanValues(Document doc, FindingSink sink) {
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
                ConnectionStrings.Segment window = ConnectionStrings.window(text, at, 2);
                if (StorageConnectionStringRule.isCosmos(window) || window.containsIgnoreCase("cosmos")) {
                    continue;
                }
                report(doc, sink, v, value, "Azure Storage account key in '" + keyword
                        + "': it grants full access to the account.", Remedies.storageBlob(null, null));
            }
        }
    }
}
