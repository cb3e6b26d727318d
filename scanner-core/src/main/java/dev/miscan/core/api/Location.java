package dev.miscan.core.api;

/**
 * A region of a file: 1-based lines, 1-based columns in UTF-16 code units (SARIF's default column
 * kind), end column exclusive. {@code path} is relative to the scanned root and uses {@code /}.
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn)
        implements Comparable<Location> {

    @Override
    public int compareTo(Location o) {
        int c = path.compareTo(o.path);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(startLine, o.startLine);
        return c != 0 ? c : Integer.compare(startColumn, o.startColumn);
    }
}
