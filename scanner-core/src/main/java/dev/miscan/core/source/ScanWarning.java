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

    /** How many notes saying the same thing a person is shown before the rest are counted in one line. */
    public static final int SHOWN_ALIKE = 3;

    /**
     * The warnings as a person reads them (the text report, standard error, the build log): each that says a text
     * file was not read in full, and of the notes that say the same of many files (a module library's hundreds of
     * templates "compiled from main.bicep beside it", its symbolic links) the first {@value #SHOWN_ALIKE} and one
     * line counting the rest. The JSON and SARIF reports keep every one.
     */
    public static java.util.List<Shown> forPeople(java.util.List<ScanWarning> warnings) {
        java.util.Map<String, Integer> alike = new java.util.HashMap<>();
        for (ScanWarning w : warnings) {
            if (!w.incomplete()) {
                alike.merge(w.message(), 1, Integer::sum);
            }
        }
        java.util.Map<String, Integer> shown = new java.util.HashMap<>();
        java.util.List<Shown> out = new java.util.ArrayList<>();
        for (ScanWarning w : warnings) {
            if (w.incomplete()) {
                out.add(new Shown(w, 0));
                continue;
            }
            int n = shown.merge(w.message(), 1, Integer::sum);
            if (n <= SHOWN_ALIKE) {
                out.add(new Shown(w, 0));
            }
            int all = alike.get(w.message());
            if (n == SHOWN_ALIKE && all > SHOWN_ALIKE) {
                out.add(new Shown(w, all - SHOWN_ALIKE));
            }
        }
        return out;
    }

    /**
     * A warning as shown: {@code warning} itself, or when {@code more} is positive one line for that many more
     * files of which the same is said ({@code warning} is the last one shown of them).
     */
    public record Shown(ScanWarning warning, int more) {
        /** The line, with the path as {@code displayPath} gives it. */
        public String text(java.util.function.UnaryOperator<String> displayPath) {
            if (more > 0) {
                return "and " + more + (more == 1 ? " more file: " : " more files: ") + warning.message()
                        + " (a JSON or SARIF report names each)";
            }
            String path = warning.path() == null || warning.path().isBlank() ? "" : displayPath.apply(warning.path());
            return path.isEmpty() ? warning.message() : path + ": " + warning.message();
        }
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
