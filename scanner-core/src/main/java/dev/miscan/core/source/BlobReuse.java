package dev.miscan.core.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The bytes of file versions a history scan reads as some commit's new version and needs again as a later commit's
 * old version (to know which lines that commit added): kept from the first read until the last entry that compares
 * with them has taken them, so that each version is read and inflated once. Bounded in bytes: past the budget a
 * version is read from the repository again, as before.
 */
final class BlobReuse {
    private final Map<ObjectId, AtomicInteger> wanted = new ConcurrentHashMap<>();
    private final Map<ObjectId, byte[]> held = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budget;

    BlobReuse(long budget) {
        this.budget = budget;
    }

    /** One more entry will compare with version {@code id}. */
    void want(ObjectId id) {
        wanted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The bytes of version {@code id}, just read: kept when a later entry compares with it and they fit. */
    void offer(ObjectId id, byte[] content) {
        AtomicInteger n = wanted.get(id);
        if (n == null || n.get() <= 0) {
            return;
        }
        // the budget is reserved before the bytes are kept, so that threads offering at once cannot overshoot it
        if (bytes.addAndGet(content.length) > budget || held.putIfAbsent(id, content) != null) {
            bytes.addAndGet(-content.length);
            return;
        }
        // the last taker may have come and gone between the test above and the put: then nobody frees them
        if (!wanted.containsKey(id) && held.remove(id, content)) {
            bytes.addAndGet(-content.length);
        }
    }

    /** The kept bytes of version {@code id}, or null (then the caller reads it); the last taker frees them. */
    byte[] take(ObjectId id) {
        byte[] content = held.get(id);
        AtomicInteger n = wanted.get(id);
        if (n != null && n.decrementAndGet() <= 0) {
            wanted.remove(id);
            byte[] freed = held.remove(id);
            if (freed != null) {
                bytes.addAndGet(-freed.length);
            }
        }
        return content;
    }

    /** How many bytes are held now (tests). */
    long bytes() {
        return bytes.get();
    }
}
