package dev.miscan.core.session;

import dev.miscan.core.config.MiScanConfig;

/** File sizes as users write them ({@code --max-file-size 500k}), read the way {@code .mi-scan.yml} reads them. */
public final class Sizes {
    /** How to write a size, for error messages. */
    public static final String HINT = "use a number of bytes with an optional k, m or g suffix, at most 2047m";

    private Sizes() {
    }

    /**
     * {@code 2048}, {@code 500k}, {@code 2m}, {@code 1g} (also {@code 2MB}, {@code 2MiB}) in bytes.
     *
     * @throws IllegalArgumentException with {@link #HINT} as its message, for anything else (a size too large
     *                                  for a long included, rather than a negative limit)
     */
    public static long parse(String text) {
        long bytes;
        try {
            bytes = text == null ? -1 : MiScanConfig.parseSize(text);
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < 0) {
            throw new IllegalArgumentException(HINT);
        }
        return bytes;
    }
}
