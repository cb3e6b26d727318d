package dev.miscan.core.source;

import dev.miscan.core.api.Provenance;

/**
 * Text to scan: a file, or part of one (a git hunk, staged content). {@code path} is relative to the
 * scanned root and uses {@code /}; {@code text} uses {@code \n} line ends; {@code firstLine} is the
 * 1-based line number of the text's first line in the file; {@code malformed} says invalid bytes were
 * replaced while decoding; {@code provenance} is the commit the text comes from (null for the working
 * tree and the index); {@code changedLines}, when not null, limits the findings reported to those that
 * start on one of these lines (the whole text is still scanned, so rules keep their context); {@code syntax},
 * when not null, is the file name whose extension decides how the text is read, for a text that translates a file
 * of another kind (a class file or a Kotlin source read as Java): findings keep {@code path}, and a translation gets
 * no edits (they would land in a file that does not hold that text); {@code source}, when not null, is the text of
 * the file a translation reads, line for line with {@code text}: what a finding's snippet shows (the Kotlin line, not
 * its Java reading).
 */
public record Fragment(String path, String text, int firstLine, boolean malformed, Provenance provenance,
        LineSet changedLines, String syntax, String source) {

    public Fragment(String path, String text, int firstLine, boolean malformed, Provenance provenance,
            LineSet changedLines, String syntax) {
        this(path, text, firstLine, malformed, provenance, changedLines, syntax, null);
    }

    public Fragment(String path, String text, int firstLine, boolean malformed, Provenance provenance,
            LineSet changedLines) {
        this(path, text, firstLine, malformed, provenance, changedLines, null);
    }

    public Fragment(String path, String text, int firstLine, boolean malformed) {
        this(path, text, firstLine, malformed, null, null);
    }

    public Fragment(String path, String text) {
        this(path, text, 1, false);
    }

    /** True when the text translates the file at {@code path} rather than being its content. */
    public boolean translated() {
        return syntax != null;
    }

    /** The same fragment, read as a file named {@code syntaxName} (a translation of this one's file). */
    public Fragment readAs(String syntaxName) {
        return new Fragment(path, text, firstLine, malformed, provenance, changedLines, syntaxName, source);
    }

    /** This fragment's {@code translation} (of the same lines) read as {@code syntaxName}, showing this text in snippets. */
    public Fragment translatedTo(String translation, String syntaxName) {
        return new Fragment(path, translation, firstLine, malformed, provenance, changedLines, syntaxName, text);
    }
}
