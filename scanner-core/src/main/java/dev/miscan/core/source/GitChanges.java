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
        for (DiffEntry d : diffs) {
            if (d.getChangeType() == DiffEntry.ChangeType.DELETE || !isFile(d.getNewMode())) {
                continue;
            }
            String path = d.getNewPath();
            if (excludes.excludes(path)) {
                continue;
            }
            ObjectId newId = d.getNewId().toObjectId();
            ObjectId oldId = null;
            if ((d.getChangeType() == DiffEntry.ChangeType.MODIFY || d.getChangeType() == DiffEntry.ChangeType.RENAME)
                    && isFile(d.getOldMode())) {
                oldId = d.getOldId().toObjectId();
                if (oldId.equals(newId)) {
                    continue; // a pure rename or mode change adds no line
                }
            }
            out.accept(new GitBlobEntry(repo, keyPrefix + path, path, newId, oldId, provenance, maxFileSize, where));
        }
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
