package dev.miscan.core.source;

/** A one-line problem with one input; the scan went on. {@code skipped} says the file was not scanned. */
public record ScanWarning(String path, String message, boolean skipped) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
