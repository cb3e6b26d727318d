package dev.miscan.rules.storage;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

/**
 * The storage rules: a storage credential may be for Blob, Queue, Files, Data Lake or Tables, so a slot's
 * remediation names the service the slot or its setting is for ({@link StorageServices}), not always Blob.
 */
abstract class StorageDetector extends ConfigSlotDetector {

    @Override
    public final Remediation exampleRemediation() {
        return Remedies.storageBlob(null, null);
    }

    @Override
    protected final Remediation configRemediation(Document doc, ConfigSlots.Candidate c) {
        return StorageServices.config(doc, c);
    }
}
