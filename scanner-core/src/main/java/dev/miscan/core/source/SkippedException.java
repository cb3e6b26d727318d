package dev.miscan.core.source;

/** A file that is deliberately not scanned (binary, too large, unreadable); the message is the reason. */
public class SkippedException extends Exception {
    private static final long serialVersionUID = 1L;

    public SkippedException(String reason) {
        super(reason, null, false, false);
    }
}
