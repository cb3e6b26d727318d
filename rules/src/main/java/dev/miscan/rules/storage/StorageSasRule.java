package dev.miscan.rules.storage;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.SasToken;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@DetectorInfo(
        rules = "MI-STORAGE-SAS",
        keywords = {"sig=", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class StorageSasRule extends StorageDetector {
    private static final Pattern ACCOUNT_HOST = Pattern.compile(
            "(?i)https?://([a-z0-9]{3,24})\\.(?:blob|queue|table|file|dfs)\\.core\\.(?:windows\\.net|chinacloudapi\\.cn|usgovcloudapi\\.net)");

    /**
     * A storage SAS has {@code sv=}; when a program splits the URL over lines, {@code sv=} and {@code skoid=}
     * may be on the lines above, so those are consulted for a token that has only the later parameters.
     */
    static boolean isKeySignedStorageSas(Document doc, SasToken token, int at) {
        if (token.kind() == SasToken.Kind.STORAGE_KEY_SIGNED) {
            return true;
        }
        if (token.kind() != SasToken.Kind.OTHER || !(token.params().containsKey("se") || token.params().containsKey("sp")
                || token.params().containsKey("spr") || token.params().containsKey("sr"))) {
            return false;
        }
        ConnectionStrings.Segment window = ConnectionStrings.window(doc.text(), at, 2);
        return SV.matcher(window.content()).find() && !window.containsIgnoreCase("skoid=")
                && !window.containsIgnoreCase("skv=");
    }

    private static final Pattern SV = Pattern.compile("(?:^|[?&\"'=:\\s])sv=\\d{4}-\\d{2}-\\d{2}");

    /** The storage service a SAS is for: its URL's host (queue, file, dfs, table), else the name it is assigned to. */
    private static String sasService(String url, Document doc, int offset) {
        String h = url.toLowerCase(java.util.Locale.ROOT);
        return AzureCatalogue.get().serviceOfHost(h.replaceFirst("^https?://", ""), "storage-blob", "storage-queue",
                "storage-file", "storage-table", "storage-dfs").map(AzureCatalogue.Service::key)
                .orElseGet(() -> StorageServices.named(Contexts.settingName(doc, offset, offset)));
    }

    @Override
    protected void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("sig=")) {
            var token = SasToken.at(text, at);
            if (token.isEmpty() || !token.get().hasRealSignature() || !isKeySignedStorageSas(doc, token.get(), at)) {
                continue;
            }
            ConnectionStrings.Segment seg = ConnectionStrings.window(text, at, 2);
            // the account of the URL the token is on: the last host before it (a line may hold other URLs above)
            Matcher m = ACCOUNT_HOST.matcher(seg.content());
            String account = null;
            String url = "";
            while (m.find() && (account == null || seg.start() + m.start() <= at)) {
                account = m.group(1).toLowerCase(java.util.Locale.ROOT);
                url = m.group();
            }
            if (account != null && account.equals("devstoreaccount1")) {
                continue;
            }
            SasToken t = token.get();
            String permissions = t.param("sp");
            report(doc, sink, t.signatureOffset(), t.signature(),
                    "Storage SAS token signed with the account key" + (account != null ? " for '" + account + "'" : "")
                            + (permissions.isEmpty() ? "" : " (permissions '" + permissions + "')")
                            + (t.param("se").isEmpty() ? "" : ", expires " + t.param("se")) + ".",
                    Remedies.storage(sasService(url, doc, t.signatureOffset()), account, null));
        }
    }
}
