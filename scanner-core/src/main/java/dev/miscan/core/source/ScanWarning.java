package dev.miscan.core.source;

/**
 * A one-line problem with one input; the scan went on. {@code skipped} says the file was not scanned;
 * {@code incomplete} says a text file could not be read or parsed in full (unreadable, not UTF-8, over the size
 * limit, a parser or rule failure): what {@code --strict} fails on. A note that is not about reading a text file
 * (a symbolic link not followed, a pipe, a compiled template scanned through its source, fingerprints capped, a
 * malformed {@code mi-scan:allow} marker) is not incomplete.
 */
public record ScanWarning(String path, String message, boolean skipped, boolean incomplete) {

    /** A warning about a text file that could not be read or parsed in full. */
    public ScanWarning(String path, String message, boolean skipped) {
        this(path, message, skipped, true);
    }

    /** A warning that does not make the scan incomplete (see the class comment). */
    public static ScanWarning note(String path, String message, boolean skipped) {
        return new ScanWarning(path, message, skipped, false);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
