package dev.miscan.core.secrets;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every output of a run goes through on its way out: reports, report files, warnings, diffs,
 * plans and logs. It knows every secret the run's scans found (the engine adds them as it finds them) and masks,
 * wherever it meets them, every piece of {@value #PIECE} characters or more of each secret in each form a file or
 * a report gives it: as written, URL-encoded, JSON- or Java-escaped, and the encoded text it was decoded from
 * (a Kubernetes {@code data:} value, an escaped JSON string). A whole secret becomes its
 * {@linkplain Redaction#preview preview}; a piece of one (a value split over a continuation line) becomes
 * {@code …(n chars)}.
 *
 * <p>A run opens one with {@link #open()}; engines created on that thread while it is open report their secrets to
 * it ({@link #current()}), and the front end writes through {@link #writer}. Lines taken from a scanned file (a
 * snippet, a diff line) also go through {@link #fileLine}, which masks, found or not, any value after a
 * credential-shaped name, and the char-literal, escaped and concatenated forms of a literal.
 */
public final class Redactor {
    /** The shortest piece of a secret that is masked on its own, and the shortest secret masked everywhere. */
    public static final int PIECE = 8;
    private static final Redactor NONE = new Redactor(false);
    private static final ThreadLocal<Redactor> CURRENT = new ThreadLocal<>();
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");

    private final boolean active;
    /**
     * The hash of every {@value #PIECE}-character piece of every form of every secret: 64-bit hashes in an open
     * table, so that a run that finds ten thousand keys holds megabytes, not millions of strings.
     */
    private final PieceSet pieces = new PieceSet();
    /** The secrets themselves, for {@link #fileLine}'s literal forms. */
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile Snippets.Secrets literalIndex;
    /** Every {@link #add} of a new secret and every {@link #addEncoded}, in order ({@link #learned}). */
    private final java.util.List<String[]> learned = java.util.Collections.synchronizedList(new ArrayList<>());

    private Redactor(boolean active) {
        this.active = active;
    }

    /** A redactor for a run of the command line or of the Maven plugin; the caller closes the scope when done. */
    public static Scope open() {
        return open(create());
    }

    /** A redactor not yet open on any thread: one that several runs share (the modules of a Maven build). */
    public static Redactor create() {
        return new Redactor(true);
    }

    /** Makes {@code r} this thread's run redactor until the scope is closed. */
    public static Scope open(Redactor r) {
        Redactor previous = CURRENT.get();
        CURRENT.set(r);
        return new Scope(r, previous);
    }

    /** The redactor of the run on this thread, or one that knows no secret. */
    public static Redactor current() {
        Redactor r = CURRENT.get();
        return r == null ? NONE : r;
    }

    /** The scope of {@link #open()}: closing it ends the run's redactor on this thread. */
    public static final class Scope implements AutoCloseable {
        private final Redactor redactor;
        private final Redactor previous;

        private Scope(Redactor redactor, Redactor previous) {
            this.redactor = redactor;
            this.previous = previous;
        }

        public Redactor redactor() {
            return redactor;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Text of the run that no secret's piece may hide: the names of the scanned files, and the rules' own ids, names
     * and help. A password with a word in it ({@code SuperPassword2024}) must not turn every
     * {@code MI-SQL-JDBC-PASSWORD} of the report, or every {@code src/main/resources} path, into {@code …(8 chars)}.
     */
    private final PieceSet exempt = new PieceSet();
    private volatile java.util.function.Supplier<? extends java.util.Collection<String>> vocabulary;
    private boolean vocabularyExempted;

    /** Exempts the pieces of {@code text}: a file name of the scan, a rule's text. */
    public void exempt(String text) {
        if (active && text != null && text.length() >= PIECE) {
            long[] hs = hashes(text);
            synchronized (pieces) {
                for (long h : hs) {
                    exempt.add(h);
                }
            }
        }
    }

    /** The rules' text, exempted when the first secret is added (a run that finds none never reads it). */
    public void vocabulary(java.util.function.Supplier<? extends java.util.Collection<String>> texts) {
        if (active && vocabulary == null) {
            vocabulary = texts;
        }
    }

    /** Adds a secret the scan found (a secret shorter than {@value #PIECE} characters is masked in snippets only). */
    public void add(String secret) {
        if (!active || secret == null || secret.length() < PIECE) {
            return;
        }
        synchronized (pieces) {
            if (!vocabularyExempted && vocabulary != null) {
                vocabularyExempted = true;
                vocabulary.get().forEach(this::exempt);
            }
        }
        if (secrets.add(secret)) {
            literalIndex = null;
            learned.add(new String[] {secret});
            for (String part : secret.split("\n")) {
                addPieces(part, "");
                String url = URLEncoder.encode(part, StandardCharsets.UTF_8);
                addPieces(url, "");
                addPieces(PERCENT.matcher(url).replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT)), "");
                addPieces(part.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"), "");
                addPieces(part.replace("\\", "\\\\").replace("\"", "\\\""), "");
                // a shell's or Kotlin's string: \$ and \" escaped
                addPieces(part.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$"), "");
            }
        }
    }

    /**
     * Adds the encoded text a secret was decoded from (a base64 Kubernetes value, a JSON string with escapes):
     * its pieces that also occur in {@code plain}, the decoded text without the secret, are readable text of
     * the file (an endpoint, a setting name) and stay visible.
     */
    public void addEncoded(String encoded, String plain) {
        if (active && encoded != null && encoded.length() >= PIECE) {
            learned.add(new String[] {encoded, plain == null ? "" : plain});
            addPieces(encoded, plain == null ? "" : plain);
        }
    }

    /**
     * What this redactor was told, in order: each secret as {@code {secret}}, each encoded form as {@code {encoded,
     * plain}}. {@link #learn} replays it into another run's redactor: a scan in a separate JVM (the Maven plugin's
     * forked scan) hands the secrets it found to the build's redactor that way, never through a file.
     */
    public java.util.List<String[]> learned() {
        synchronized (learned) {
            return java.util.List.copyOf(learned);
        }
    }

    /** Adds what another redactor {@linkplain #learned learned}: as if its secrets had been found here. */
    public void learn(java.util.List<String[]> entries) {
        for (String[] e : entries) {
            if (e.length == 1) {
                add(e[0]);
            } else if (e.length == 2) {
                addEncoded(e[0], e[1]);
            }
        }
    }

    private void addPieces(String form, String readable) {
        PieceSet skip = null;
        if (!readable.isEmpty()) {
            skip = new PieceSet();
            for (long h : hashes(readable)) {
                skip.add(h);
            }
        }
        long[] hs = hashes(form);
        synchronized (pieces) { // the lock redact reads both under
            for (int i = 0; i < hs.length; i++) {
                if (skip == null || !skip.contains(hs[i])) {
                    pieces.add(hs[i]);
                    for (int k = i; k < i + PIECE; k++) {
                        alphabet.set(form.charAt(k));
                    }
                }
            }
        }
    }

    /**
     * Every character of every piece: a window of output with another character in it needs no lookup. Guarded
     * by {@link #pieces}' lock.
     */
    private final java.util.BitSet alphabet = new java.util.BitSet(1 << 16);

    /** A multiplier for the polynomial hash of a piece (odd, so that no character's bits are lost). */
    private static final long P = 0x9E3779B97F4A7C15L;
    private static final long P_TOP;

    static {
        long p = 1;
        for (int i = 0; i < PIECE - 1; i++) {
            p *= P;
        }
        P_TOP = p;
    }

    /** The hash of each {@value #PIECE}-character window of {@code text}, rolled along it. */
    static long[] hashes(String text) {
        int n = text.length() - PIECE + 1;
        if (n <= 0) {
            return new long[0];
        }
        long[] out = new long[n];
        long h = 0;
        for (int i = 0; i < PIECE; i++) {
            h = h * P + text.charAt(i);
        }
        out[0] = h;
        for (int i = 1; i < n; i++) {
            h = (h - text.charAt(i - 1) * P_TOP) * P + text.charAt(i + PIECE - 1);
            out[i] = h;
        }
        return out;
    }

    /** {@code text} with every piece of a known secret masked; {@code text} itself when it holds none. */
    public String redact(String text) {
        if (text == null || pieces.isEmpty() || text.length() < PIECE) {
            return text;
        }
        boolean[] covered = null;
        long h = 0;
        int inRow = 0; // how many characters in a row, up to here, occur in some piece
        synchronized (pieces) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                h = i < PIECE ? h * P + c : (h - text.charAt(i - PIECE) * P_TOP) * P + c;
                inRow = alphabet.get(c) ? inRow + 1 : 0;
                if (inRow >= PIECE && pieces.has(h) && !exempt.has(h)) {
                    if (covered == null) {
                        covered = new boolean[text.length()];
                    }
                    for (int k = i - PIECE + 1; k <= i; k++) {
                        covered[k] = true;
                    }
                }
            }
        }
        if (covered == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!covered[i]) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            while (i < text.length() && covered[i]) {
                i++;
            }
            String run = text.substring(start, i);
            out.append(secrets.contains(run) ? Redaction.preview(run) : "\u2026(" + run.length() + " chars)");
        }
        return out.toString();
    }

    /** Values after a credential-looking name: {@code password=…}, {@code sig=…}, {@code "secret": "…"}, {@code --account-key "…"}, {@code .clientSecret("…")}. */
    private static final Pattern SLOT = Pattern.compile(
            "(?i)((?:(?:pass(?:word)?|pwd|secret|key|token|sig|signature|credential)(?:[\"']?\\s*+[=:]\\s*+[\"']?|[\"']?\\s++[\"']))"
                    + "|(?:pass(?:word)?|pwd|secret|key|token|(?<!shared)keycredential)\\(\\s*+[\"'])"
                    + "([^\\s;,&\"'<>{}$()]{4,}+)");

    /**
     * A line of a scanned file, for a snippet or a diff: {@link #redact}, then the literal forms a plain search
     * misses ({@link Snippets#maskForms}), then any value after a credential-looking name, reported or not.
     */
    public String fileLine(String line) {
        Snippets.Secrets index = literalIndex;
        if (index == null) {
            index = new Snippets.Secrets(new ArrayList<>(secrets));
            literalIndex = index;
        }
        return slots(Snippets.maskForms(redact(line), index));
    }

    /** Masks every value after a credential-looking name that is not masked yet. */
    static String slots(String s) {
        Matcher m = SLOT.matcher(s);
        StringBuilder sb = null;
        while (m.find()) {
            String value = m.group(2);
            if (value.contains("\u2026(") || Placeholders.isPlaceholder(value)) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + Redaction.preview(value)));
        }
        if (sb == null) {
            return s;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * A writer that passes each line through {@link #redact} before {@code out} sees it. What is left of a line
     * is passed on at {@link Writer#flush()} and {@link Writer#close()}.
     */
    public Writer writer(Writer out) {
        return new LineFilter(out, this);
    }

    private static final class LineFilter extends Writer {
        private final Writer out;
        private final Redactor redactor;
        private final StringBuilder line = new StringBuilder();

        LineFilter(Writer out, Redactor redactor) {
            super(out);
            this.out = out;
            this.redactor = redactor;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            synchronized (lock) {
                // a line at a time, not a character at a time: a report is written through this
                int from = off;
                for (int i = off; i < off + len; i++) {
                    if (cbuf[i] == '\n') {
                        line.append(cbuf, from, i + 1 - from);
                        from = i + 1;
                        emit();
                    }
                }
                line.append(cbuf, from, off + len - from);
            }
        }

        private void emit() throws IOException {
            if (line.length() > 0) {
                out.write(redactor.redact(line.toString()));
                line.setLength(0);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                emit();
                out.flush();
                failed();
            }
        }

        /** A print writer keeps a failed write to itself: ask it, so that the writer above knows. */
        private void failed() throws IOException {
            if (out instanceof java.io.PrintWriter p && p.checkError()) {
                throw new IOException("the output could not be written");
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (lock) {
                emit();
                out.close();
            }
        }
    }

    /** The secrets known so far, for tests: how many. */
    public int size() {
        return secrets.size();
    }

    /** A set of 64-bit hashes: open addressing, linear probing, grown at half full; safe for concurrent use. */
    private static final class PieceSet {
        private long[] table = new long[64];
        private boolean hasZero;
        private int size;

        synchronized boolean isEmpty() {
            return size == 0 && !hasZero;
        }

        synchronized void add(long h) {
            if (h == 0) {
                hasZero = true;
                return;
            }
            if (2 * (size + 1) > table.length) {
                long[] old = table;
                table = new long[old.length * 2];
                size = 0;
                for (long x : old) {
                    if (x != 0) {
                        insert(x);
                    }
                }
            }
            insert(h);
        }

        private void insert(long h) {
            int mask = table.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == h) {
                    return;
                }
                i = (i + 1) & mask;
            }
            table[i] = h;
            size++;
        }

        synchronized boolean contains(long h) {
            return has(h);
        }

        /** {@link #contains} for a caller that holds this set's lock. */
        boolean has(long h) {
            if (h == 0) {
                return hasZero;
            }
            int mask = table.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == h) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }
    }
}
