package dev.miscan.core.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that stand for a secret without being one: template placeholders, references, masks and
 * documentation fillers. {@code ${VAR:literal}} is not a placeholder: its default is a literal.
 */
public final class Placeholders {
    /**
     * Template syntax anywhere in the value: {@code <…>}, {@code ${VAR}}, {@code {{…}}}, {@code $(…)}, …
     * The insides are bounded, so that a value of many openers and no closer is searched in linear time.
     */
    private static final Pattern TEMPLATE = Pattern.compile("<[^<>]*>|\\$\\{\\{[^}]{0,256}}}|\\$\\{[^:}]{0,256}}"
            + "|\\$\\{[^:}]{0,256}:}|\\{\\{[^}]{0,256}}}|\\$\\([^)]{0,256}\\)|#\\{[^}]{0,256}}#?");
    /** Whole-value references: {@code $VAR}, {@code $env:VAR}, {@code %VAR%}, {@code __TOKEN__}, {@code {0}}, {@code %s}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z0-9_.-]+%|__[A-Za-z0-9_]+__|\\{[0-9]*}|%s|\\[[A-Za-z _-]+]");
    /**
     * Masks and fillers. Letter runs must stand alone ({@code xxxx}, {@code XXXX-XXXX}, {@code key-xxx}) so that
     * a random key that happens to contain {@code xXxX} or {@code hidden} is still a key.
     */
    private static final Pattern FILLER = Pattern.compile(
            "(?i)(?<![a-z0-9])(?:x{3,}|redacted|masked|hidden)(?![a-z0-9])|\\*{3,}|\\.{3,}|…|•{2,}|#{3,}|0{8,}");
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern WORDY = Pattern.compile(
            "(?i)(?:your|insert|enter|replace|paste|example|sample|dummy|fake|placeholder|redacted)[-_ .].*"
                    + "|.*[-_ ](?:here|placeholder)");
    /**
     * A phrase of lower-case words joined by hyphens or underscores ({@code set-manually}, {@code to_be_rotated},
     * {@code managed-by-pipeline}): an instruction to a person, not a generated secret.
     */
    private static final Pattern PHRASE = Pattern.compile("[a-z]{2,12}(?:[-_][a-z]{2,12}){1,5}");
    private static final Set<String> WORDS = Set.of("changeme", "change-me", "change_me", "changeit", "password",
            "passw0rd", "secret", "xxx", "pass", "pwd", "test", "example", "sample", "dummy", "foo", "bar", "foobar",
            "null", "none", "nil", "empty", "undefined", "todo", "tbd", "sas_key_value", "key", "value", "string",
            "mypassword", "yourpassword", "p@ssw0rd", "p@ssword", "admin", "root");

    private Placeholders() {
    }

    /** True when {@code value} is not a usable credential. */
    public static boolean isPlaceholder(String value) {
        return isPlaceholder(value, 0);
    }

    /** {@code depth}: brackets already taken off; a few levels are plenty, and "((((…))))" must not recurse deeply. */
    private static boolean isPlaceholder(String value, int depth) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (v.length() >= 2 && "{[(".indexOf(v.charAt(0)) >= 0 && v.charAt(v.length() - 1) == "}])".charAt("{[(".indexOf(v.charAt(0)))) {
            String inner = v.substring(1, v.length() - 1).strip();
            if (inner.isEmpty() || !inner.equals(v) && depth < 8 && isPlaceholder(inner, depth + 1)) {
                return true;
            }
        }
        if (v.isEmpty()) {
            return true;
        }
        // the output of a command ($(az account get-access-token …), `cat key`): read at run time, never a literal,
        // even when the value as delimited is only the command's first word
        if (v.startsWith("$(") || v.charAt(0) == '`') {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (WORDS.contains(lower) || lower.startsWith("@microsoft.keyvault(")) {
            return true;
        }
        if (TEMPLATE.matcher(v).find() || REFERENCE.matcher(v).matches() || FILLER.matcher(v).find()) {
            return true;
        }
        if (CONSTANT_NAME.matcher(v).matches() || WORDY.matcher(v).matches() || PHRASE.matcher(v).matches()) {
            return true;
        }
        return v.length() >= 4 && atMostTwoDistinct(lower);
    }

    private static boolean atMostTwoDistinct(String s) {
        char a = s.charAt(0);
        char b = a;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != a && c != b) {
                if (a != b) {
                    return false;
                }
                b = c;
            }
        }
        return true;
    }
}
