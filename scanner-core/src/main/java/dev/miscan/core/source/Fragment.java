package dev.miscan.core.source;

/**
 * Text to scan: a file, or part of one (a git hunk, staged content). {@code path} is relative to the
 * scanned root and uses {@code /}; {@code text} uses {@code \n} line ends; {@code firstLine} is the
 * 1-based line number of the text's first line in the file; {@code malformed} says invalid bytes were
 * replaced while decoding.
 */
public record Fragment(String path, String text, int firstLine, boolean malformed) {

    public Fragment(String path, String text) {
        this(path, text, 1, false);
    }
}
