package dev.miscan.core.source;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The tree objects a history walk has read, by id, shared by its diffing threads: each commit's tree is read again as
 * its child's parent tree, and the subtrees a commit did not touch are the same objects in the next commits. A loose
 * object costs a file open and an inflate every time; a packed one a delta resolution. Bounded in bytes: past the
 * budget trees are read from the repository as before. Only trees: blobs are read once by their entries.
 */
final class TreeCache {
    private final Map<AnyObjectId, byte[]> trees = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budget;

    TreeCache(long budget) {
        this.budget = budget;
    }

    /** A reader of the repository that {@code delegate} reads, taking trees from this cache. */
    ObjectReader reader(ObjectReader delegate) {
        return new Reader(delegate);
    }

    private ObjectLoader open(ObjectReader delegate, AnyObjectId id, int typeHint) throws IOException {
        if (typeHint == Constants.OBJ_TREE || typeHint == ObjectReader.OBJ_ANY) {
            byte[] cached = trees.get(id);
            if (cached != null) {
                return new ObjectLoader.SmallObject(Constants.OBJ_TREE, cached);
            }
        }
        ObjectLoader loader = delegate.open(id, typeHint);
        if (loader.getType() != Constants.OBJ_TREE || loader.isLarge()) {
            return loader;
        }
        byte[] raw = loader.getCachedBytes();
        if (bytes.get() + raw.length <= budget && trees.putIfAbsent(ObjectId.fromRaw(idBytes(id)), raw) == null) {
            bytes.addAndGet(raw.length);
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_TREE, raw);
    }

    private static byte[] idBytes(AnyObjectId id) {
        byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
        id.copyRawTo(raw, 0);
        return raw;
    }

    /** How many bytes of trees are held (tests). */
    long bytes() {
        return bytes.get();
    }

    private final class Reader extends ObjectReader.Filter {
        private final ObjectReader delegate;

        Reader(ObjectReader delegate) {
            this.delegate = delegate;
        }

        @Override
        protected ObjectReader delegate() {
            return delegate;
        }

        @Override
        public ObjectReader newReader() {
            return new Reader(delegate.newReader());
        }

        @Override
        public ObjectLoader open(AnyObjectId id) throws IOException {
            return TreeCache.this.open(delegate, id, OBJ_ANY);
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
            return TreeCache.this.open(delegate, id, typeHint);
        }
    }
}
