package dev.miscan.core.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Every file of one commit, read from the object database (the work tree is not looked at). */
public final class GitTreeSource implements Source {
    private final Repository repo;
    private final ObjectId commit;
    private final TreeFilter filter;
    private final PathExcludes excludes;
    private final long maxFileSize;

    public GitTreeSource(Repository repo, ObjectId commit, TreeFilter filter, List<String> excludes, long maxFileSize) {
        this.repo = repo;
        this.commit = commit;
        this.filter = filter;
        this.excludes = new PathExcludes(excludes);
        this.maxFileSize = maxFileSize;
    }

    @Override
    public List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            String where = " at " + c.abbreviate(10).name();
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(filter);
            while (tw.next()) {
                FileMode mode = tw.getFileMode(0);
                String path = tw.getPathString();
                if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) && !excludes.excludes(path)) {
                    entries.add(new GitBlobEntry(repo, "tree:", path, tw.getObjectId(0), null, null,
                            maxFileSize, where));
                }
            }
        }
        return entries;
    }
}
