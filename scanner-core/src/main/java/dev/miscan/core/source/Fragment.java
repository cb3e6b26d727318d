package dev.miscan.core.source;

import dev.miscan.core.api.Provenance;

/**
 * Text to scan: a file, or part of one (a git hunk, staged content). {@code path} is relative to the
 * scanned root and uses {@code /}; {@code text} uses {@code \n} line ends; {@code firstLine} is the
 * 1-based line number of the text's first line in the file; {@code malformed} says invalid bytes were
 * replaced while decoding; {@code provenance} is the commit the text comes from (null for the working
 * tree and the index); {@code changedLines}, when not null, limits the findings reported to those that
 * start on one of these lines (the whole text is still scanned, so rules keep their context).
 */
public record Fragment(String path, String text, int firstLine, boolean malformed, Provenance provenance,
        LineSet changedLines) {

    public Fragment(String path, String text, int firstLine, boolean malformed) {
        this(path, text, firstLine, malformed, null, null);
    }

    public Fragment(String path, String text) {
        this(path, text, 1, false);
    }
}
