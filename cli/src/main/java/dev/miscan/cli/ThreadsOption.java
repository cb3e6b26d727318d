package dev.miscan.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --threads}. */
final class ThreadsOption {
    /** More threads than this only cost memory: a scan reads files, and a machine has far fewer cores. */
    static final int MAX = 256;

    @Option(names = "--threads", paramLabel = "N", converter = Count.class,
            description = "Scanning threads, 1 to " + MAX + " (default: all cores).")
    int threads;

    /** 0 (not given) lets the engine use every core. */
    int threads() {
        return threads;
    }

    /** A whole number from 1 to {@link #MAX}: 0 and negative counts are usage errors, not "all cores". */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number of threads (1 to " + MAX + ")");
            }
            if (n < 1 || n > MAX) {
                throw new TypeConversionException("use 1 to " + MAX + " threads, not " + n
                        + " (leave --threads out to use every core)");
            }
            return n;
        }
    }
}
