package dev.miscan.core.parse;

import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fragment with its views, built on demand and cached for the rules that run on it: the plain-text
 * view (text, lines, keyword offsets) here, structured views (Java AST, properties, YAML, JSON, Bicep,
 * HCL) through {@link #view(View)}. A view that cannot be built reports a warning with {@link #warn} and
 * returns its degraded form; it never stops the scan. A Document is used by one thread at a time.
 */
public final class Document {
    /**
     * At most this many occurrences of one keyword are handed to the rules (with a warning past it): a file
     * holding more is machine-made, and checking each one would cost the square of the file's size.
     */
    public static final int MAX_OCCURRENCES = 10_000;
    private static final int[] NONE = new int[0];

    private final Fragment fragment;
    private final KeywordIndex keywordIndex;
    private final int[][] keywordHits;
    private final Consumer<ScanWarning> warnings;
    private final Map<View<?>, Object> views = new IdentityHashMap<>();
    private final boolean derived;
    private LineIndex lines;
    /** The file name and extension, made once: every rule asks for them (a document is read by one thread). */
    private String fileName;
    private String extension;
    /** The views supplied from outside ({@link #provide}): what the whole scan knows, not this document alone. */
    private java.util.Set<View<?>> provided;
    private boolean usedProvided;

    /** A structured view of a document, built once per document on first use. */
    @FunctionalInterface
    public interface View<T> {
        T build(Document doc);
    }

    public Document(Fragment fragment, KeywordIndex keywordIndex, int[][] keywordHits) {
        this(fragment, keywordIndex, keywordHits, w -> { });
    }

    public Document(Fragment fragment, KeywordIndex keywordIndex, int[][] keywordHits,
            Consumer<ScanWarning> warnings) {
        this(fragment, keywordIndex, keywordHits, warnings, false);
    }

    /**
     * @param derived the text was decoded from another document (a Kubernetes Secret value): it has the
     *                path of its source but no structure of its own
     */
    public Document(Fragment fragment, KeywordIndex keywordIndex, int[][] keywordHits,
            Consumer<ScanWarning> warnings, boolean derived) {
        this.fragment = fragment;
        this.keywordIndex = keywordIndex;
        this.keywordHits = keywordHits;
        this.warnings = warnings;
        this.derived = derived;
    }

    /** True for text decoded from another document; structured views treat it as plain text. */
    public boolean derived() {
        return derived;
    }

    /** The view, built on first use and cached; views are identified by the identity of their key. */
    @SuppressWarnings("unchecked")
    public <T> T view(View<T> view) {
        if (provided != null && provided.contains(view)) {
            usedProvided = true;
        }
        Object v = views.get(view);
        if (v == null && !views.containsKey(view)) {
            v = view.build(this);
            views.put(view, v);
        }
        return (T) v;
    }

    /**
     * A view supplied from outside ({@link #provide}), or null, for a use that does not depend on the other files
     * of the scan (a parse shared with them): unlike {@link #view} it does not count as {@link #usedProvidedViews}.
     */
    @SuppressWarnings("unchecked")
    public <T> T providedCache(View<T> view) {
        return provided != null && provided.contains(view) ? (T) views.get(view) : null;
    }

    /**
     * Supplies a view's value from outside instead of building it: the engine provides what belongs to the
     * whole scan (the {@code ConstantIndex} of its Java files) this way.
     */
    public <T> void provide(View<T> view, T value) {
        views.put(view, value);
        if (provided == null) {
            provided = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        }
        provided.add(view);
    }

    /**
     * Whether a rule looked at a view supplied from outside ({@link #provide}): then what it found may depend on
     * the other files of the scan (a constant defined elsewhere, a Helm chart's values, a module's callers), not
     * only on this document's path and text.
     */
    public boolean usedProvidedViews() {
        return usedProvided;
    }

    /** Reports a one-line, non-fatal problem with this document (e.g. "YAML does not parse: …, line 3"). */
    public void warn(String message) {
        warnings.accept(new ScanWarning(fragment.path(), oneLine(message), false));
    }

    /** A run of key characters with a digit in it, as a parser's message may quote from the scanned text. */
    private static final java.util.regex.Pattern KEY_LIKE =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9+/=_~-])[A-Za-z0-9+/=_~-]{12,}");

    /**
     * A warning as reported: one line, at most 300 characters, and without key-like runs of the scanned text
     * (parsers quote the text near an error, which may be a credential; the first four characters stay).
     */
    static String oneLine(String message) {
        String m = message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        m = KEY_LIKE.matcher(m).replaceAll(r -> r.group().chars().anyMatch(Character::isDigit)
                ? java.util.regex.Matcher.quoteReplacement(r.group().substring(0, 4) + "…") : "$0");
        return m.length() > 300 ? m.substring(0, 299) + "…" : m;
    }

    /** The file name's extension, lower-cased, without the dot ("" when there is none). */
    public String extension() {
        if (extension == null) {
            String name = fileName();
            int dot = name.lastIndexOf('.');
            extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        }
        return extension;
    }

    /**
     * The last segment of the path: of the file the text is read as, for a translation (a class file or a Kotlin
     * source read as Java, {@link Fragment#syntax()}).
     */
    public String fileName() {
        if (fileName == null) {
            String p = fragment.syntax() != null ? fragment.syntax() : fragment.path();
            fileName = p.substring(p.lastIndexOf('/') + 1);
        }
        return fileName;
    }

    public String path() {
        return fragment.path();
    }

    public String text() {
        return fragment.text();
    }

    public Fragment fragment() {
        return fragment;
    }

    public LineIndex lines() {
        if (lines == null) {
            lines = new LineIndex(fragment.text());
        }
        return lines;
    }

    /** Start offsets of a declared keyword's occurrences, ignoring ASCII case, in ascending order. */
    public int[] occurrences(String keyword) {
        int id = keywordIndex.id(keyword);
        int[] hits = keywordHits[id];
        if (hits == null) {
            return NONE;
        }
        if (hits.length > MAX_OCCURRENCES) {
            warn("'" + keyword + "' occurs " + hits.length + " times; only the first " + MAX_OCCURRENCES
                    + " were checked");
            hits = java.util.Arrays.copyOf(hits, MAX_OCCURRENCES);
            keywordHits[id] = hits;
        }
        return hits;
    }

    public boolean contains(String keyword) {
        return keywordHits[keywordIndex.id(keyword)] != null;
    }

    /**
     * A fix edit that replaces the text from {@code begin} to {@code end} (offsets in {@link #text()}; equal
     * for an insertion) with {@code replacement}, in the file's line and column numbers.
     */
    public dev.miscan.core.api.Fix.Edit edit(int begin, int end, String replacement) {
        LineIndex l = lines();
        int first = fragment.firstLine();
        int bl = l.lineOf(begin);
        int el = l.lineOf(end);
        return new dev.miscan.core.api.Fix.Edit(first + bl, begin - l.lineStart(bl) + 1, first + el,
                end - l.lineStart(el) + 1, replacement);
    }

    /** The line (without its end) containing an offset. */
    public String lineAt(int offset) {
        return lines().line(lines().lineOf(offset));
    }
}
