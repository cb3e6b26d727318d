package dev.miscan.rules.support;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import java.util.List;
import java.util.Locale;

/** Credential context: whether a value sits in a slot whose name says it is a credential. */
public final class Contexts {
    private static final List<String> CREDENTIAL_WORDS = List.of("secret", "password", "passwd", "pwd", "key",
            "token", "credential", "sig");
    private static final int LOOK_BACK = 100;

    private Contexts() {
    }

    /** The text of the line before {@code offset}, lower-cased, at most {@value #LOOK_BACK} characters. */
    public static String before(Document doc, int offset) {
        int lineStart = doc.lines().lineStart(doc.lines().lineOf(offset));
        return doc.text().substring(Math.max(lineStart, offset - LOOK_BACK), offset).toLowerCase(Locale.ROOT);
    }

    /**
     * The name the value at {@code offset} is assigned to: the full key of the configuration entry whose value
     * holds it ({@code relay.connection-string} for a nested YAML key), else the line's text before {@code from}
     * (a variable, an assignment in code). This is the evidence of what the value is for.
     */
    public static String settingName(Document doc, int offset, int from) {
        if (!doc.extension().equals("java")) {
            try {
                ConfigEntry e = entryHolding(doc.view(BY_VALUE), offset);
                if (e != null) {
                    return e.key();
                }
            } catch (RuntimeException e) {
                // a file whose structure does not parse: the line is the evidence
            }
        }
        // the line before the value, as far back as a name can be (a minified line is megabytes long)
        int lineStart = doc.lines().lineStart(doc.lines().lineOf(offset));
        int end = Math.min(from, offset);
        return doc.text().substring(Math.max(lineStart, Math.min(end, Math.max(lineStart, end - NAME_LOOK_BACK))),
                Math.max(lineStart, end));
    }

    /** How far before a value {@link #settingName} looks on its line when no configuration entry holds it. */
    private static final int NAME_LOOK_BACK = 400;
    /** How many entries before the nearest one {@link #entryHolding} also asks: values that hold other values. */
    private static final int NESTED = 8;

    /** A document's configuration entries with a value, by where the value starts (with their order in the file). */
    private record Indexed(ConfigEntry entry, int order) {
    }

    private static final Document.View<Indexed[]> BY_VALUE = doc -> {
        List<ConfigEntry> entries = doc.view(ConfigView.ENTRIES);
        List<Indexed> out = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry e = entries.get(i);
            if (e.valueOffset() >= 0 && e.rawValue() != null) {
                out.add(new Indexed(e, i));
            }
        }
        out.sort(java.util.Comparator.comparingInt((Indexed x) -> x.entry().valueOffset()).thenComparingInt(Indexed::order));
        return out.toArray(new Indexed[0]);
    };

    /**
     * The first entry in file order whose value holds {@code offset}: a binary search for the nearest value that
     * starts at or before it, and the few before that (a value inside another). Thousands of values on one
     * minified line are each found in logarithmic time, not by a walk over every entry.
     */
    private static ConfigEntry entryHolding(Indexed[] byValue, int offset) {
        int lo = 0;
        int hi = byValue.length - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (byValue[mid].entry().valueOffset() <= offset) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Indexed best = null;
        for (int i = last; i >= 0 && i > last - NESTED; i--) {
            ConfigEntry e = byValue[i].entry();
            if (offset < e.valueOffset() + e.rawValue().length() && (best == null || byValue[i].order() < best.order())) {
                best = byValue[i];
            }
        }
        return best == null ? null : best.entry();
    }

    /** True when a credential word appears in the key/name part just before the value. */
    public static boolean isCredentialSlot(Document doc, int offset) {
        String before = before(doc, offset);
        for (String w : CREDENTIAL_WORDS) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** How far around a value {@link #isDigestLine} looks: a whole ordinary line, a window of a minified one. */
    private static final int DIGEST_WINDOW = 240;

    /**
     * True when the line around {@code offset} is about a hash, not a key ({@code integrity}, {@code sha512-},
     * {@code digest}). Only the {@value #DIGEST_WINDOW} characters on each side count: on a minified template (one
     * line of megabytes) a word far away says nothing about this value, and reading the whole line per value would
     * make thousands of values on it quadratic.
     */
    public static boolean isDigestLine(Document doc, int offset) {
        String text = doc.text();
        int line = doc.lines().lineOf(offset);
        int start = Math.max(doc.lines().lineStart(line), offset - DIGEST_WINDOW);
        int lineEnd = text.indexOf('\n', offset);
        int end = Math.min(lineEnd < 0 ? text.length() : lineEnd, offset + DIGEST_WINDOW);
        String around = text.substring(start, Math.max(start, end)).toLowerCase(Locale.ROOT);
        for (String w : new String[] {"integrity", "sha512-", "sha384-", "sha256-", "digest", "checksum", "hash"}) {
            if (around.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Start of the value after a key word that ends at {@code afterKey}: skips the rest of the key's name
     * ({@code account-key_1}, {@code ACCOUNT_KEY_PRIMARY}), then quotes, spaces, {@code :} and {@code =}.
     */
    public static int valueStart(String text, int afterKey) {
        int i = afterKey;
        int nameLimit = Math.min(text.length(), afterKey + 40);
        while (i < nameLimit && (Character.isLetterOrDigit(text.charAt(i)) || "_-.#[]".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        int limit = Math.min(text.length(), i + 12);
        while (i < limit && " \t\"':=>".indexOf(text.charAt(i)) >= 0 || i < limit && text.startsWith("string", i)) {
            if (text.startsWith("string", i)) { // Bicep: param name string = '…'
                i += "string".length();
                continue;
            }
            i++;
        }
        return i;
    }
}
