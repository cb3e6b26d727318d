package dev.miscan.core.engine;

/**
 * What a front end hears while a scan runs: how many files it will read, then each file as it is done (from the
 * scanning threads, in any order). The CLI draws its progress line and its {@code --verbose} timings from it.
 */
public interface ScanProgress {
    /** Hears nothing. */
    ScanProgress NONE = new ScanProgress() {
    };

    /** The files (or file versions, in a history) of the scan are listed: {@code files} of them will be read. */
    default void started(int files) {
    }

    /**
     * One file is done: scanned, or skipped (then {@code chars} is 0, and the scan's warnings say why).
     *
     * @param path  the path as the report names it
     * @param chars the characters scanned
     * @param nanos how long reading and scanning it took
     */
    default void scanned(String path, long chars, long nanos) {
    }
}
