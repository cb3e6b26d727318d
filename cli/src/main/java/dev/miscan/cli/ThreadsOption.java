package dev.miscan.cli;

import picocli.CommandLine.Option;

/** {@code --threads}. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Scanning threads (default: all cores).")
    int threads;

    /** 0 lets the engine use every core. */
    int threads() {
        return threads;
    }
}
