package dev.miscan.rules.java;

import dev.miscan.core.parse.java.TracedString;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.JdbcUrl;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.core.secrets.SasToken;
import java.util.List;
import java.util.Locale;

/**
 * Decides what the value reaching a credential slot is: a credential written in the source (and which
 * characters are the credential itself), a credential that comes from elsewhere, or nothing to report
 * (an emulator or local value, an identity-based connection string, an obvious dummy).
 */
final class Credentials {
    /** What fills a slot. */
    enum Slot { CONNECTION_STRING, KEY, SAS, SECRET, PASSWORD, JDBC_URL }

    /** The outcome: NONE, LITERAL with the credential's range in the value, or ELSEWHERE with the hole. */
    record Verdict(Kind kind, int begin, int end, TracedString.Hole hole, String detail) {
        enum Kind { NONE, LITERAL, ELSEWHERE }

        static final Verdict NONE = new Verdict(Kind.NONE, 0, 0, null, "");

        Verdict shift(int by) {
            return kind == Kind.NONE ? this : new Verdict(kind, begin + by, end + by, hole, detail);
        }

        static Verdict literal(int begin, int end, String detail) {
            return new Verdict(Kind.LITERAL, begin, end, null, detail);
        }

        static Verdict elsewhere(TracedString v, int begin, int end, String detail) {
            TracedString.Hole hole = null;
            for (TracedString.Hole h : v.holes()) {
                if (h.index() >= begin && h.index() < end) {
                    hole = h;
                    break;
                }
            }
            return new Verdict(Kind.ELSEWHERE, begin, end, hole, detail);
        }
    }

    private static final List<String> CONNECTION_STRING_KEYS = List.of("AccountKey", "SharedAccessKey", "AccessKey",
            "Secret", "SharedAccessSignature", "Password", "Pwd");
    private static final List<String> DUMMY_WORDS = List.of("not-a-real", "not_a_real", "notareal", "not a real",
            "notreal", "fake", "dummy", "example", "sample", "placeholder", "changeme", "change-me", "change_me",
            "changeit", "your-", "your_", "mock", "invalid", "redacted", "secret-here", "secret_here", "key-here",
            "key_here", "password-here", "password_here", "foobar");
    private static final List<String> WEAK_WORDS = List.of("password", "passwd", "pass", "pwd", "secret", "test", "testing",
            "key", "apikey", "api-key", "admin", "root", "user", "guest", "demo", "default", "azure", "welcome",
            "letmein", "qwerty", "abc", "abcdef", "foo", "bar", "token", "sa", "postgres", "mysql", "redis", "sql",
            "s3cr3t", "p@ss");

    private Credentials() {
    }

    static Verdict judge(TracedString v, Slot slot, String path) {
        if (v.isEmpty()) {
            return Verdict.NONE;
        }
        return switch (slot) {
            case CONNECTION_STRING -> connectionString(v, path);
            case SAS -> sas(v, path);
            case JDBC_URL -> jdbcUrl(v, path);
            default -> whole(v, 0, v.length(), slot, path);
        };
    }

    /** The whole value (or {@code [begin, end)} of it) is the credential. */
    private static Verdict whole(TracedString v, int begin, int end, Slot slot, String path) {
        if (begin >= end) {
            return Verdict.NONE;
        }
        if (v.hasHoles(begin, end)) {
            return Verdict.elsewhere(v, begin, end, "");
        }
        String value = v.text().substring(begin, end);
        if (isTemplate(value)) {
            return Verdict.elsewhere(v, begin, end, "a template placeholder");
        }
        if (isDummy(value, slot, path)) {
            return Verdict.NONE;
        }
        return Verdict.literal(begin, end, "");
    }

    private static Verdict connectionString(TracedString v, String path) {
        String t = v.text();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.contains("usedevelopmentstorage=true") || lower.contains("usedevelopmentemulator=true")
                || lower.contains("devstoreaccount1") || isLocalEndpoint(t)) {
            return Verdict.NONE;
        }
        ConnectionStrings.Segment all = new ConnectionStrings.Segment(t, 0, t.length());
        for (String key : CONNECTION_STRING_KEYS) {
            var value = all.get(key);
            if (value.isEmpty()) {
                continue;
            }
            int b = value.get().offset();
            int e = b + value.get().value().length();
            if (key.equals("SharedAccessSignature")) {
                int sig = lower.indexOf("sig=", b);
                if (sig >= 0 && sig < e) {
                    return sas(v.substring(b, e), path).shift(b);
                }
            }
            if (KnownNonSecrets.isKnownNonSecret(value.get().value())) {
                return Verdict.NONE;
            }
            return whole(v, b, e, Slot.KEY, path);
        }
        if (v.hasHoles()) {
            return Verdict.elsewhere(v, 0, v.length(), "");
        }
        return Verdict.NONE; // endpoint-only or identity-based (AuthType=aad)
    }

    private static Verdict sas(TracedString v, String path) {
        String t = v.text();
        int sig = t.toLowerCase(Locale.ROOT).indexOf("sig=");
        if (sig < 0) {
            // Event Grid's SAS: r=<resource>&e=<expiry>&s=<signature>
            int s = t.startsWith("s=") ? 2 : t.indexOf("&s=") >= 0 ? t.indexOf("&s=") + 3 : -1;
            if (s >= 0) {
                int e = t.indexOf('&', s);
                return whole(v, s, e < 0 ? t.length() : e, Slot.SAS, path);
            }
            return v.hasHoles() ? Verdict.elsewhere(v, 0, v.length(), "") : Verdict.NONE;
        }
        var token = SasToken.at(t, sig);
        if (token.isEmpty()) {
            return v.hasHoles() ? Verdict.elsewhere(v, 0, v.length(), "") : Verdict.NONE;
        }
        SasToken s = token.get();
        if (s.kind() == SasToken.Kind.STORAGE_USER_DELEGATION) {
            return Verdict.NONE;
        }
        int b = s.signatureOffset();
        return whole(v, b, b + s.signature().length(), Slot.SAS, path);
    }

    private static Verdict jdbcUrl(TracedString v, String path) {
        String t = v.text();
        int at = t.toLowerCase(Locale.ROOT).indexOf("jdbc:");
        if (at < 0) {
            return Verdict.NONE;
        }
        var url = JdbcUrl.at(t, at);
        if (url.isEmpty() || url.get().password().isEmpty()) {
            return Verdict.NONE;
        }
        var pw = url.get().password().get();
        return whole(v, pw.offset(), pw.offset() + pw.value().length(), Slot.PASSWORD, path);
    }

    /** True for {@code ${VAR}}, {@code <your-key>}, {@code {{key}}}, {@code %KEY%}, {@code $KEY}: filled in elsewhere. */
    static boolean isTemplate(String value) {
        int dollar = value.indexOf("${");
        if (dollar >= 0 && value.indexOf('}', dollar) > 0) {
            return true;
        }
        int braces = value.indexOf("{{");
        if (braces >= 0 && value.indexOf("}}", braces) > 0) {
            return true;
        }
        int lt = value.indexOf('<');
        while (lt >= 0 && lt + 1 < value.length()) {
            int gt = value.indexOf('>', lt + 1);
            if (gt < 0) {
                break;
            }
            int inner = value.indexOf('<', lt + 1);
            if ((inner < 0 || inner > gt) && gt > lt + 1 && !Character.isWhitespace(value.charAt(lt + 1))) {
                return true;
            }
            lt = inner;
        }
        return isName(value, '%', '%') || isName(value, '$', '\0');
    }

    /** {@code %NAME%} or {@code $NAME}: a reference to a variable. */
    private static boolean isName(String v, char open, char close) {
        int end = close == '\0' ? v.length() : v.length() - 1;
        if (v.length() < 2 || v.charAt(0) != open || close != '\0' && v.charAt(end) != close || end <= 1) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = v.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_') || i == 1 && Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** A dummy word with at most a few digits or symbols around it: {@code password123}, {@code test!}. */
    private static boolean isWeakWord(String lower) {
        int start = 0;
        int end = lower.length();
        while (end > start && "-_.!@#$".indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
        }
        int digits = 0;
        while (end > start && Character.isDigit(lower.charAt(end - 1)) && digits < 7) {
            end--;
            digits++;
        }
        while (end > start && "-_.!@#$".indexOf(lower.charAt(end - 1)) >= 0) {
            end--;
        }
        return digits <= 6 && WEAK_WORDS.contains(lower.substring(start, end));
    }

    /** Values that authenticate nothing: emulator keys, fillers, words, test dummies. */
    static boolean isDummy(String value, Slot slot, String path) {
        String v = value.strip();
        if (v.length() < 6 || KnownNonSecrets.isKnownNonSecret(v) || Placeholders.isPlaceholder(v)) {
            return true;
        }
        boolean keyShaped = KeyShapes.is64ByteKey(v) || KeyShapes.is32ByteKey(v);
        String lower = v.toLowerCase(Locale.ROOT);
        if (!keyShaped && (DUMMY_WORDS.stream().anyMatch(lower::contains) || isWeakWord(lower))) {
            return true;
        }
        if (isPropertyName(v)) {
            return true; // a property name such as spring.datasource.password
        }
        boolean test = path.contains("/src/test/") || path.startsWith("src/test/") || path.contains("/test/");
        return test && !keyShaped && v.length() < 12 && (slot == Slot.PASSWORD || slot == Slot.SECRET);
    }

    /** Lower-case words joined by dots (at least one) and dashes: {@code spring.datasource.password}. */
    private static boolean isPropertyName(String v) {
        if (v.indexOf('.') < 0 || !Character.isLowerCase(v.charAt(0))) {
            return false;
        }
        char previous = '.';
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean separator = c == '.' || c == '-';
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || separator) || separator && previous == c) {
                return false;
            }
            previous = c;
        }
        return previous != '.' && previous != '-';
    }

    private static boolean isLocalEndpoint(String t) {
        ConnectionStrings.Segment all = new ConnectionStrings.Segment(t, 0, t.length());
        for (String key : new String[] {"Endpoint", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
                "AccountEndpoint"}) {
            var value = all.get(key);
            if (value.isPresent()) {
                String host = host(value.get().value());
                if (!host.isEmpty() && KnownNonSecrets.isLocalHost(host)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The host of a URL-ish value ({@code sb://ns.servicebus.windows.net/}, {@code https://h:443/}). */
    static String host(String url) {
        String u = url.strip();
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        }
        int end = 0;
        while (end < u.length() && "/:;?#,".indexOf(u.charAt(end)) < 0) {
            end++;
        }
        return u.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
