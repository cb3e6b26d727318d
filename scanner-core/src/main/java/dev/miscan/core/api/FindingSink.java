package dev.miscan.core.api;

/**
 * Where a rule puts what it found. The secret travels beside the finding only so that the engine can
 * redact it from every snippet of the file; it is dropped before anything is reported.
 */
@FunctionalInterface
public interface FindingSink {
    void accept(Finding finding, String secret);
}
