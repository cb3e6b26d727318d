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

    private final boolean active;
    /** Every {@value #PIECE}-character piece of every form of every secret. */
    private final Set<String> pieces = ConcurrentHashMap.newKeySet();
    /** The secrets themselves, for {@link #fileLine}'s literal forms. */
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile Snippets.Secrets literalIndex;

    private Redactor(boolean active) {
        this.active = active;
    }

    /** A redactor for a run of the command line or of the Maven plugin; the caller closes the scope when done. */
    public static Scope open() {
        Redactor r = new Redactor(true);
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

    /** Adds a secret the scan found (a secret shorter than {@value #PIECE} characters is masked in snippets only). */
    public void add(String secret) {
        if (!active || secret == null || secret.length() < PIECE) {
            return;
        }
        if (secrets.add(secret)) {
            literalIndex = null;
            for (String part : secret.split("\n")) {
                addPieces(part, "");
                String url = URLEncoder.encode(part, StandardCharsets.UTF_8);
                addPieces(url, "");
                addPieces(Pattern.compile("%[0-9A-F]{2}").matcher(url)
                        .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT)), "");
                addPieces(part.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"), "");
                addPieces(part.replace("\\", "\\\\").replace("\"", "\\\""), "");
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
            addPieces(encoded, plain == null ? "" : plain);
        }
    }

    private void addPieces(String form, String readable) {
        for (int i = 0; i + PIECE <= form.length(); i++) {
            String piece = form.substring(i, i + PIECE);
            if (!readable.contains(piece)) {
                pieces.add(piece);
            }
        }
    }

    /** {@code text} with every piece of a known secret masked; {@code text} itself when it holds none. */
    public String redact(String text) {
        if (text == null || pieces.isEmpty() || text.length() < PIECE) {
            return text;
        }
        boolean[] covered = null;
        for (int i = 0; i + PIECE <= text.length(); i++) {
            if (pieces.contains(text.substring(i, i + PIECE))) {
                if (covered == null) {
                    covered = new boolean[text.length()];
                }
                for (int k = i; k < i + PIECE; k++) {
                    covered[k] = true;
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
                for (int i = off; i < off + len; i++) {
                    char c = cbuf[i];
                    line.append(c);
                    if (c == '\n') {
                        emit();
                    }
                }
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
}
