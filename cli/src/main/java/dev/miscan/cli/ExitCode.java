package dev.miscan.cli;

/** The process exit codes, documented in the README and in {@code --help}. */
public enum ExitCode {
    /** No finding at or above the {@code --fail-on} threshold. */
    CLEAN(0),
    /** At least one finding at or above the threshold. */
    FINDINGS(1),
    /** Bad command line or configuration. */
    USAGE(2),
    /** The scan itself failed (I/O error, internal error). */
    SCAN_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
