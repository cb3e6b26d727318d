package dev.miscan.core.secrets;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a source line for a report with every known secret, and anything else in a secret slot, masked. */
public final class Snippets {
    private static final int MAX = 200;
    /** Values after a credential-looking key ({@code password=…}, {@code sig=…}, {@code "secret": "…"}). */
    private static final Pattern SLOT = Pattern.compile(
            "(?i)((?:pass(?:word)?|pwd|secret|key|token|sig|signature|credential)[\"']?\\s*[=:]\\s*[\"']?)"
                    + "([^\\s;,&\"'<>{}$]{4,})");

    private Snippets() {
    }

    public static String render(String line, Collection<String> secrets) {
        String s = line;
        for (String secret : secrets) {
            for (String part : secret.split("\n")) {
                if (part.length() >= 3) {
                    s = s.replace(part, Redaction.preview(part));
                }
            }
        }
        Matcher m = SLOT.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            String masked = value.contains("…(") ? value : Redaction.preview(value);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + masked));
        }
        m.appendTail(sb);
        s = sb.toString().strip();
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }
}
