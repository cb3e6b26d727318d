package dev.miscan.core.source;

import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * The file-tree exclusions applied to a path known in full (from git): a segment named like one of
 * {@link FileTreeSource#DEFAULT_EXCLUDED_DIRS}, or a gitignore-syntax exclude that matches the path or one
 * of its directories. Git scans use it so that every scan mode sees the same files.
 */
final class PathExcludes {
    private final List<FastIgnoreRule> rules;

    PathExcludes(List<String> patterns) {
        this.rules = patterns.stream().map(FastIgnoreRule::new).toList();
    }

    boolean excludes(String path) {
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (!last && FileTreeSource.DEFAULT_EXCLUDED_DIRS.contains(segments[i])) {
                return true;
            }
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(segments[i]);
            for (FastIgnoreRule rule : rules) {
                if (rule.isMatch(prefix.toString(), !last) && rule.getResult()) {
                    return true;
                }
            }
        }
        return false;
    }
}
