package dev.miscan.rules.support;

import dev.miscan.core.secrets.Placeholders;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a value written where a credential belongs is, whatever the file: a literal, a reference to a credential
 * kept elsewhere (key-based authentication, not a leak), or an Entra access token fetched at run time (the
 * passwordless pattern itself). Shared by the configuration and script detectors so that both judge alike.
 */
public final class CredentialValues {
    private CredentialValues() {
    }

    /**
     * A plausible password: what a person or a generator would set, not a word standing in for one. At least
     * eight characters, no space, and more than one kind of character ({@code changeme}, {@code secret} and
     * {@code password} are words, not passwords).
     */
    public static boolean isPlausiblePassword(String value) {
        return value.length() >= 8 && value.chars().noneMatch(Character::isWhitespace) && characterClasses(value) >= 2;
    }

    /** How many kinds of character a value mixes: lower case, upper case, digits, others (0 to 4). */
    public static int characterClasses(String value) {
        int classes = 0;
        classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += value.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
        return classes;
    }

    /** A password that is an Entra access token fetched when the script runs: the passwordless pattern itself. */
    public static boolean isEntraToken(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return (v.contains("$(") || v.contains("`") || v.contains("(get-az"))
                && (v.contains("get-access-token") || v.contains("get-azaccesstoken"));
    }

    /**
     * A credential kept elsewhere and read when the program runs: a placeholder, an environment or pipeline
     * variable, a command's output, a Key Vault reference.
     */
    public static boolean isReference(String value) {
        String v = value.strip();
        return v.startsWith("@Microsoft.KeyVault(") || v.startsWith("secretref:") || v.equals("valueFrom")
                || Placeholders.isPlaceholder(v) && (v.contains("${") || v.contains("$(") || v.startsWith("$")
                || v.contains("{{") || v.startsWith("%") || v.startsWith("#{") || v.startsWith("__")
                || v.startsWith("`"));
    }

    private static final Pattern PIPELINE_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-?)?}|\\$(?:env:)?([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%");
    private static final Pattern MACRO = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    /**
     * Where a reference reads its value, in words that do not repeat it as written (a message is redacted of
     * the text it reports): "the variable ACR_PASSWORD", "the expression 'secrets.ACR_PASSWORD'", "the pipeline
     * variable spSecret", "the output of a command", "a Key Vault reference".
     */
    public static String referenceName(String value) {
        String v = value.strip();
        if (v.startsWith("@Microsoft.KeyVault(")) {
            return "a Key Vault reference (the key still exists)";
        }
        Matcher m = PIPELINE_EXPRESSION.matcher(v);
        if (m.matches()) {
            return "the expression '" + m.group(1) + "'";
        }
        m = VARIABLE.matcher(v);
        if (m.matches()) {
            return "the variable " + (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        m = MACRO.matcher(v);
        if (m.matches()) {
            return "the pipeline variable " + m.group(1);
        }
        if (v.startsWith("$(") || v.startsWith("`") || v.startsWith("(")) {
            return "the output of a command";
        }
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
