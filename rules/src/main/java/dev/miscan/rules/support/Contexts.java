package dev.miscan.rules.support;

import dev.miscan.core.parse.Document;
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

    /** Start of the value after a key that ends at {@code afterKey}: skips quotes, spaces, {@code :} and {@code =}. */
    public static int valueStart(String text, int afterKey) {
        int i = afterKey;
        int limit = Math.min(text.length(), afterKey + 12);
        while (i < limit && " \t\"':=>".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
