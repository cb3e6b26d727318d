package dev.miscan.core.parse.config;

import java.util.Locale;

/**
 * One key/value setting of a configuration file, whatever its format: a {@code .properties} entry, a
 * flattened YAML or JSON path, an environment variable ({@code .env}, Kubernetes {@code env}, docker-compose
 * {@code environment}, Dockerfile {@code ENV}).
 *
 * @param key         the key as written, flattened with {@code .} for nested formats
 *                    ({@code spring.cloud.azure.servicebus.connection-string}, {@code Values.AzureWebJobsStorage})
 * @param value       the value with escapes resolved ({@code null} for a non-scalar or reference-only entry)
 * @param keyOffset   offset of the key in the document text (the line a key-based-auth finding goes on)
 * @param valueOffset offset of the value's first character in the document text, or -1
 * @param rawValue    the value exactly as it appears in the text from {@code valueOffset} (for redaction
 *                    and precise columns); equal to {@code value} when nothing was escaped
 * @param commented   the entry sits in a comment (a commented-out credential is still a leak)
 * @param reference   the value comes from elsewhere (Kubernetes {@code secretKeyRef}, a YAML alias), so
 *                    {@code value} is a description, not a literal
 * @param section     which document of a multi-document file (YAML {@code ---}) the entry is in; settings
 *                    only relate to settings of the same section (e.g. a password to its datasource URL)
 * @param normalizedKey the key in Spring's relaxed form ({@link #normalize}), made once with the entry: every rule
 *                    that matches settings asks for it
 */
public record ConfigEntry(String key, String value, int keyOffset, int valueOffset, String rawValue,
        boolean commented, boolean reference, int section, String normalizedKey) {

    public ConfigEntry(String key, String value, int keyOffset, int valueOffset, String rawValue, boolean commented,
            boolean reference, int section) {
        this(key, value, keyOffset, valueOffset, rawValue, commented, reference, section, normalize(key));
    }

    public ConfigEntry(String key, String value, int keyOffset, int valueOffset, String rawValue, boolean commented,
            boolean reference) {
        this(key, value, keyOffset, valueOffset, rawValue, commented, reference, 0);
    }

    /**
     * The key in Spring's relaxed form: lower case, {@code _} as {@code .}, {@code -} dropped, list indices
     * as {@code [*]}. {@code SPRING_CLOUD_AZURE_STORAGE_BLOB_ACCOUNT_KEY} and
     * {@code spring.cloud.azure.storage.blob.account-key} both become
     * {@code spring.cloud.azure.storage.blob.accountkey}.
     */

    public static String normalize(String key) {
        // one pass over an ASCII key (every key a template's path makes): lower case, '_' as '.', '-' dropped; then
        // "[digits]" as "[*]" and runs of dots as one, in place (neither makes the key longer)
        int n = key.length();
        char[] k = new char[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                return normalizeAnyText(key); // lower case may change a non-ASCII key's length
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c == '_') {
                c = '.';
            } else if (c == '-') {
                continue;
            }
            k[len++] = c;
        }
        int w = 0;
        for (int r = 0; r < len; ) {
            char c = k[r];
            if (c == '[') {
                int j = r + 1;
                while (j < len && k[j] >= '0' && k[j] <= '9') {
                    j++;
                }
                if (j > r + 1 && j < len && k[j] == ']') {
                    k[w++] = '[';
                    k[w++] = '*';
                    k[w++] = ']';
                    r = j + 1;
                    continue;
                }
            }
            if (c == '.' && w > 0 && k[w - 1] == '.') {
                r++;
                continue;
            }
            k[w++] = c;
            r++;
        }
        return String.valueOf(k, 0, w);
    }

    /** {@link #normalize} of any text, by the JDK's lower case and regular expressions. */
    static String normalizeAnyText(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
        if (k.indexOf('[') >= 0) {
            k = INDEX.matcher(k).replaceAll("[*]");
        }
        return k.contains("..") ? DOTS.matcher(k).replaceAll(".") : k;
    }

    // compiled once: normalize runs for every setting of every configuration file
    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[\\d+]");
    private static final java.util.regex.Pattern DOTS = java.util.regex.Pattern.compile("\\.{2,}");
}
