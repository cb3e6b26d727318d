package dev.miscan.core.source;

import dev.miscan.core.api.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;

/**
 * One file version in git: the new blob is scanned whole, so that rules keep their context, and only
 * findings on the lines added or changed since the old blob are reported. Without an old blob (a new file,
 * or an old version too large or binary to compare) every line counts. Reading and diffing happen on the
 * scanning threads; {@link Repository#open} is thread-safe.
 */
final class GitBlobEntry implements Source.Entry {
    private static final DiffAlgorithm DIFF = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    private final Repository repo;
    /** The key without the path ({@code "tree:"}); null for a commit's ({@code "<commit id>:"}, made when asked). */
    private final String keyPrefix;
    private final String path;
    private final ObjectId newBlob;
    private final ObjectId oldBlob;
    private final Provenance provenance;
    private final long maxFileSize;
    /** How warnings name the version; null for a commit's ({@link #where()}). */
    private final String where;
    /** Where a history keeps the versions later entries compare with; null outside a history. */
    private final BlobReuse reuse;

    /**
     * @param keyPrefix the entry's key without its path, e.g. {@code "tree:"}; null for a commit's version (the
     *                  commit's id and a colon)
     * @param oldBlob   the previous version, or null when every line is new
     * @param where     how warnings name the version, e.g. " (staged)" or "" for a tree; null for a commit's
     *                  (" in commit 1a2b3c4d5e", made when needed)
     */
    GitBlobEntry(Repository repo, String keyPrefix, String path, ObjectId newBlob, ObjectId oldBlob,
            Provenance provenance, long maxFileSize, String where) {
        this(repo, keyPrefix, path, newBlob, oldBlob, provenance, maxFileSize, where, null);
    }

    private GitBlobEntry(Repository repo, String keyPrefix, String path, ObjectId newBlob, ObjectId oldBlob,
            Provenance provenance, long maxFileSize, String where, BlobReuse reuse) {
        this.repo = repo;
        this.keyPrefix = keyPrefix;
        this.path = path;
        this.newBlob = newBlob;
        this.oldBlob = oldBlob;
        this.provenance = provenance;
        this.maxFileSize = maxFileSize;
        this.where = where;
        this.reuse = reuse;
    }

    /** The blobs this entry reads that are not in the repository (a partial clone's), by id. */
    java.util.List<ObjectId> missing() {
        java.util.List<ObjectId> out = new ArrayList<>();
        try {
            if (!repo.getObjectDatabase().has(newBlob)) {
                out.add(newBlob);
            }
            if (oldBlob != null && !repo.getObjectDatabase().has(oldBlob)) {
                out.add(oldBlob);
            }
        } catch (IOException e) {
            out.add(newBlob);
        }
        return out;
    }

    /** The same version, with every line counted as added (its old version is not in the repository). */
    GitBlobEntry withoutOldBlob() {
        return new GitBlobEntry(repo, keyPrefix, path, newBlob, null, provenance, maxFileSize, where, reuse);
    }

    /** The same version, keeping its bytes in {@code reuse} for the entries that compare with it later. */
    GitBlobEntry withReuse(BlobReuse reuse) {
        return new GitBlobEntry(repo, keyPrefix, path, newBlob, oldBlob, provenance, maxFileSize, where, reuse);
    }

    /** The previous version this entry compares with, or null. */
    ObjectId oldBlob() {
        return oldBlob;
    }

    @Override
    public String contentId() {
        return newBlob.name();
    }

    boolean readable() {
        try {
            return repo.getObjectDatabase().has(newBlob);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String key() {
        // made when asked: a history holds one entry per version
        return (keyPrefix != null ? keyPrefix : provenance.commit() + ":") + path;
    }

    private String where() {
        return where != null ? where : provenance == null ? "" : " in commit " + provenance.shortCommit();
    }

    @Override
    public Fragment read() throws SkippedException, IOException {
        // the old version's kept bytes are taken here, whatever happens next, so that they never outlive their use
        byte[] oldBytes = reuse == null || oldBlob == null ? null : reuse.take(oldBlob);
        ObjectLoader loader = repo.open(newBlob, Constants.OBJ_BLOB);
        long size = loader.getSize();
        if (size > maxFileSize) {
            byte[] head;
            try (java.io.InputStream in = loader.openStream()) {
                head = in.readNBytes(8000);
            }
            if (TextDecoding.isBinary(head)) {
                throw new BinaryFileException(); // a large image or archive is binary, not too large
            }
            throw new SkippedException("skipped" + where() + ": " + size + " bytes is over the " + maxFileSize
                    + "-byte limit (raise it with --max-file-size)");
        }
        byte[] bytes = loader.getCachedBytes((int) size);
        if (reuse != null) {
            reuse.offer(newBlob, bytes);
        }
        TextDecoding.Decoded decoded;
        try {
            decoded = TextDecoding.decode(bytes);
        } catch (BinaryFileException e) {
            throw e;
        } catch (SkippedException e) {
            throw new SkippedException("skipped" + where() + ": " + e.getMessage());
        }
        LineSet changed = changedLines(bytes, oldBytes);
        if (changed != null && changed.isEmpty()) {
            // Only deletions: nothing to report, and nothing worth scanning.
            return new Fragment(path, "", 1, false, provenance, changed);
        }
        return new Fragment(path, decoded.text(), 1, decoded.malformed(), provenance, changed);
    }

    /**
     * The 1-based lines of {@code bytes} that are new since the old blob; null for all of them.
     *
     * @param oldBytes the old blob's bytes when a history kept them, else null (they are read)
     */
    private LineSet changedLines(byte[] bytes, byte[] oldBytes) throws IOException {
        if (oldBlob == null || isUtf16(bytes)) {
            return null;
        }
        if (oldBytes == null) {
            ObjectLoader old = repo.open(oldBlob, Constants.OBJ_BLOB);
            if (old.getSize() > maxFileSize) {
                return null;
            }
            oldBytes = old.getCachedBytes((int) old.getSize());
        }
        if (TextDecoding.isBinary(oldBytes) || isUtf16(oldBytes)) {
            return null;
        }
        EditList edits = DIFF.diff(RawTextComparator.DEFAULT, new RawText(oldBytes), new RawText(bytes));
        List<int[]> ranges = new ArrayList<>();
        for (Edit e : edits) {
            if (e.getEndB() > e.getBeginB()) {
                ranges.add(new int[] {e.getBeginB() + 1, e.getEndB() + 1});
            }
        }
        return LineSet.ofRanges(ranges.toArray(new int[0][]));
    }

    /** UTF-16 text is decoded by its BOM; git's line diff does not see its lines, so every line counts. */
    private static boolean isUtf16(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
    }
}
