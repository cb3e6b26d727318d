package dev.miscan.rules.storage;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.util.Set;

/**
 * Which storage service (Blob, Queue, Files, Data Lake, Tables) a storage credential is for, by meaning: the
 * endpoints its connection string names, the service its configuration slot is for, the words of the name it is
 * assigned to; Blob when nothing says otherwise. The remediation then names that service's endpoint and roles.
 */
final class StorageServices {
    private static final String BLOB = "storage-blob";

    private StorageServices() {
    }

    /** The storage service of a connection string {@code seg} assigned to {@code settingName}. */
    static String of(ConnectionStrings.Segment seg, String settingName) {
        if (seg != null && !seg.has("BlobEndpoint")) {
            String only = null;
            for (String[] e : new String[][] {{"QueueEndpoint", "storage-queue"}, {"FileEndpoint", "storage-file"},
                    {"TableEndpoint", "storage-table"}}) {
                if (seg.has(e[0])) {
                    if (only != null) {
                        return BLOB;
                    }
                    only = e[1];
                }
            }
            if (only != null) {
                return only;
            }
        }
        return named(settingName);
    }

    /** The storage service a name speaks of: a specific one (a queue, a file share) over plain "storage". */
    static String named(String settingName) {
        Set<String> named = AzureCatalogue.get().servicesNamedIn(settingName == null ? "" : settingName);
        return named.stream().filter(k -> k.startsWith("storage-") && !k.equals(BLOB)).findFirst().orElse(BLOB);
    }

    /** The remediation of a configuration-slot candidate: the slot's own service, else the setting name's. */
    static Remediation config(Document doc, ConfigSlots.Candidate c) {
        String service = !c.slot().service().isEmpty() ? c.slot().service()
                : named(c.entry() == null ? Contexts.settingName(doc, c.offset(), c.offset()) : c.entry().key());
        return Remedies.config(Remedies.storage(service, null, null), c.slot());
    }
}
