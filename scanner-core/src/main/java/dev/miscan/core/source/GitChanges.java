package dev.miscan.core.source;

import dev.miscan.core.api.Provenance;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** Turns a tree diff into entries: one per added, modified, renamed or copied regular file. */
final class GitChanges {
    private GitChanges() {
    }

    static void addEntries(Repository repo, List<DiffEntry> diffs, Provenance provenance, String keyPrefix,
            PathExcludes excludes, long maxFileSize, String where, Consumer<Source.Entry> out) {
        addEntries(repo, diffs, provenance, keyPrefix, excludes, maxFileSize, where, Shared.NONE, out);
    }

    /** One copy of equal values (a path, a version's id) for the entries of a walk. */
    interface Shared {
        Shared NONE = new Shared() {
            @Override
            public <T> T of(T value) {
                return value;
            }
        };

        <T> T of(T value);

        /** A new one for a walk: the first of equal values (null stays null); safe for the walk's threads. */
        static Shared perWalk() {
            java.util.Map<Object, Object> seen = new java.util.concurrent.ConcurrentHashMap<>();
            return new Shared() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T of(T value) {
                    if (value == null) {
                        return null;
                    }
                    Object known = seen.putIfAbsent(value, value);
                    return known == null ? value : (T) known;
                }
            };
        }
    }

    /**
     * As above, each path and version id given by {@code shared}: a history holds every version of a path, and a
     * version is one commit's new file and the next one's old file.
     */
    static void addEntries(Repository repo, List<DiffEntry> diffs, Provenance provenance, String keyPrefix,
            PathExcludes excludes, long maxFileSize, String where, Shared shared, Consumer<Source.Entry> out) {
        for (DiffEntry d : diffs) {
            if (d.getChangeType() == DiffEntry.ChangeType.DELETE || !isFile(d.getNewMode())) {
                continue;
            }
            String path = d.getNewPath();
            if (excludes.excludes(path)) {
                continue;
            }
            path = shared.of(path);
            ObjectId newId = shared.of(d.getNewId().toObjectId());
            ObjectId oldId = null;
            if ((d.getChangeType() == DiffEntry.ChangeType.MODIFY || d.getChangeType() == DiffEntry.ChangeType.RENAME)
                    && isFile(d.getOldMode())) {
                oldId = shared.of(d.getOldId().toObjectId());
                if (oldId.equals(newId)) {
                    continue; // a pure rename or mode change adds no line
                }
            }
            out.accept(new GitBlobEntry(repo, keyPrefix, path, newId, oldId, provenance, maxFileSize, where));
        }
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
