package dev.miscan.rules.iac;

import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an IaC name (parameter, variable, app setting, environment variable) holds a credential, and whether
 * a literal is one. Names follow the Bicep linter ({@code password|pwd|secret|accountkey|acctkey}) widened to
 * keys, tokens and connection strings, minus what only names, locates or describes a secret
 * ({@code secretName}, {@code KEYVAULT_URI}, {@code tokenLifetime}: the other scanners' known false
 * positives). Identity-based Functions settings ({@code X__accountName}, {@code X__credential}) never hold one.
 */
final class CredentialNames {
    private static final List<String> CONTAINS = List.of("password", "passwd", "pwd", "secret", "token", "credential",
            "connectionstring", "connstr", "accountkey", "acctkey", "accesskey", "apikey", "sharedkey", "masterkey",
            "privatekey");
    private static final List<String> ENDS = List.of("key", "keys", "connection", "sas");
    private static final List<String> NOT_ENDS = List.of("name", "names", "id", "ids", "uri", "url", "urls",
            "endpoint", "endpoints", "version", "permissions", "type", "size", "length", "enabled", "expiry",
            "expiration", "expirationdate", "ttl", "lifetime", "duration", "policy", "policies", "rotation", "header",
            "format", "count", "path", "file", "location", "region", "sku", "tier", "mode", "kind", "hint", "audience",
            "issuer", "scope", "scopes", "reference", "identity", "resourceid", "store", "source", "provider",
            "filename", "days", "hours", "minutes", "seconds", "interval", "ref");
    private static final List<String> NOT_CONTAINS = List.of("publickey", "keyvault", "partitionkey", "rowkey",
            "sortkey", "foreignkey", "instrumentationkey", "applicationinsights", "appinsights", "keyvalue");
    /** Setting suffixes of identity-based connections (Functions, Aspire, Dapr): never a credential. */
    private static final Set<String> IDENTITY_SUFFIXES = Set.of("accountname", "credential", "clientid",
            "serviceuri", "blobserviceuri", "queueserviceuri", "tableserviceuri", "fullyqualifiednamespace",
            "accountendpoint", "endpoint", "tenantid", "managedidentityresourceid", "uri", "topicendpointuri");
    /**
     * Settings for which Managed Identity has no replacement: the Azure Files content share of Functions on
     * Consumption and Elastic Premium plans needs a connection string (literal keys in it are still found by the
     * value rules).
     */
    private static final Set<String> NO_IDENTITY_ALTERNATIVE = Set.of("websitecontentazurefileconnectionstring");
    private static final Pattern GUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A SAS token or URL: the value rules parse its signature. */
    private static final Pattern SAS = Pattern.compile("(?i)(?:^|[?&;])sig=");
    private static final Pattern CONNECTION_STRING = Pattern.compile(
            "(?i)(?:^|;)\\s{0,8}(?:accountkey|sharedaccesskey|accesskey|password|pwd|secret|endpoint|server|data source"
                    + "|accountendpoint|defaultendpointsprotocol|sharedaccesssignature|instrumentationkey|accountname"
                    + "|user id|uid)\\s{0,8}=");

    private CredentialNames() {
    }

    private static String compact(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code AzureWebJobsStorage__accountName}, {@code ServiceBus__fullyQualifiedNamespace}, … */
    static boolean isIdentityBasedSetting(String name) {
        int sep = name.lastIndexOf("__");
        return sep > 0 && IDENTITY_SUFFIXES.contains(compact(name.substring(sep + 2)));
    }

    /** The answer for each name seen (templates repeat their property names), bounded like the slot memo. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> NAMED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 20_000;

    /** True when a name says the value is a credential. */
    static boolean isCredentialName(String name) {
        if (name == null) {
            return false;
        }
        Boolean known = NAMED.get(name);
        if (known != null) {
            return known;
        }
        boolean answer = judge(name);
        if (NAMED.size() < MAX_REMEMBERED && name.length() < 200) {
            NAMED.put(name, answer);
        }
        return answer;
    }

    private static boolean judge(String name) {
        if (name.isBlank() || isIdentityBasedSetting(name)) {
            return false;
        }
        String c = compact(name);
        if (c.equals("azurewebjobsstorage") || c.equals("azurewebjobsdashboard")) {
            return true;
        }
        if (NO_IDENTITY_ALTERNATIVE.contains(c)) {
            return false;
        }
        for (String s : NOT_CONTAINS) {
            if (c.contains(s)) {
                return false;
            }
        }
        for (String s : NOT_ENDS) {
            if (c.endsWith(s) && !c.equals(s)) {
                return false;
            }
        }
        for (String s : CONTAINS) {
            if (c.contains(s)) {
                return true;
            }
        }
        for (String s : ENDS) {
            if (c.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern WORDS = Pattern.compile("[A-Za-z]++(?:[-_.][A-Za-z]++)++");
    private static final List<String> SECRET_WORDS = List.of("key", "secret", "password", "passwd", "pwd", "connection",
            "string", "token", "sas", "credential", "conn", "cert");

    /**
     * True when a value is the name of a secret, not a secret: words of one case joined by '-', '_' or '.', one of
     * them a credential or Azure service word ({@code AZURE-COSMOS-CONNECTION-STRING}, a Key Vault secret's name;
     * {@code sql_admin_password}, an app setting's). A passphrase is written in words too, but not in the
     * vocabulary of what it protects.
     */
    static boolean namesASecret(String value) {
        if (!WORDS.matcher(value).matches() || !(value.equals(value.toUpperCase(Locale.ROOT))
                || value.equals(value.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[-_.]")) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return !AzureCatalogue.get().servicesNamedIn(value).isEmpty();
    }

    /** A connection string: the value rules parse those and validate the key in them. */
    static boolean looksLikeConnectionString(String v) {
        return v.indexOf('=') > 0 && (v.indexOf(';') > 0 || CONNECTION_STRING.matcher(v).lookingAt())
                && CONNECTION_STRING.matcher(v).find();
    }

    static boolean isKeyVaultReference(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("@microsoft.keyvault(");
    }

    /**
     * True when a literal is plausibly a real credential: not a placeholder, reference, GUID, number, boolean,
     * URL, resource id, host name or public key; connection strings and JDBC URLs are the value rules' work.
     */
    /** A relative path to a file with an extension ({@code shop/dr.terraform.tfstate}, {@code certs/app.pfx}). */
    private static boolean isFilePath(String v) {
        int slash = v.lastIndexOf('/');
        int dot = v.lastIndexOf('.');
        if (slash <= 0 || dot < slash + 2 || v.length() - dot < 3 || v.length() - dot > 11
                || !Character.isLetter(v.charAt(dot + 1))) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "/_.@-".indexOf(c) >= 0) || c == '/' && i > 0 && v.charAt(i - 1) == '/') {
                return false;
            }
        }
        return true;
    }

    /** The values of a switch ({@code passwordAuth: 'Disabled'}): a setting that turns a credential on or off. */
    private static final java.util.Set<String> SWITCH_WORDS = java.util.Set.of("enabled", "disabled", "enable",
            "disable", "allow", "allowed", "deny", "denied", "required", "optional", "default", "automatic", "manual",
            "systemassigned", "userassigned", "activedirectory", "sqlpassword", "password", "accesskey", "managedidentity");

    static boolean isSecretLiteral(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.length() < 8 || Placeholders.isPlaceholder(v) || isKeyVaultReference(v)
                || KnownNonSecrets.isKnownNonSecret(v)) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (GUID.matcher(v).matches() || lower.matches("true|false|yes|no|on|off|none|null|\\d+(\\.\\d+)*")
                || SWITCH_WORDS.contains(lower)) {
            return false;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("jdbc:")
                || lower.startsWith("ssh-") || lower.startsWith("/subscriptions/") || lower.startsWith("-----begin")
                && lower.contains("public") || lower.contains("://")) {
            return false;
        }
        if (looksLikeConnectionString(v) || SAS.matcher(v).find() || v.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (lower.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+") && !lower.matches(".*\\d.*[a-z].*\\d.*")) {
            return false; // a host name
        }
        if (isFilePath(v)) {
            return false; // a path to a file (shop/dr.terraform.tfstate, certs/app.pfx): it names where, not what
        }
        if (namesASecret(v)) {
            return false;
        }
        return dev.miscan.rules.support.CredentialValues.characterClasses(v) >= 2;
    }
}
