package dev.miscan.rules.storage;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.IdentifiableKeys;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-STORAGE-SHAREDKEY",
        keywords = {"+ast", "account-key", "account_key", "accountkey", "storage-key", "storage_key", "storagekey", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 20)
public final class StorageAccountKeyRule extends Detector {

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
        ConfigSlots.report(doc, ruleId(), c -> report(doc, sink,
                c.secret() ? ruleId() : keyAuthOf(ruleId()), "config", c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c))));
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
