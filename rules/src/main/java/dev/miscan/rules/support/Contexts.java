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
                for (ConfigEntry e : doc.view(ConfigView.ENTRIES)) {
                    if (e.valueOffset() >= 0 && e.rawValue() != null && e.valueOffset() <= offset
                            && offset < e.valueOffset() + e.rawValue().length()) {
                        return e.key();
                    }
                }
            } catch (RuntimeException e) {
                // a file whose structure does not parse: the line is the evidence
            }
        }
        int lineStart = doc.lines().lineStart(doc.lines().lineOf(offset));
        return doc.text().substring(lineStart, Math.max(lineStart, Math.min(from, offset)));
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

    /** True when the line around {@code offset} is about a hash, not a key ({@code integrity}, {@code sha512-}, {@code digest}). */
    public static boolean isDigestLine(Document doc, int offset) {
        String line = doc.lineAt(offset).toLowerCase(Locale.ROOT);
        for (String w : new String[] {"integrity", "sha512-", "sha384-", "sha256-", "digest", "checksum", "hash"}) {
            if (line.contains(w)) {
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
