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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$\\{[^}]{0,256}}|<[^<>\\s][^<>]*>|\\{\\{[^}]{0,256}}}|%[A-Za-z_][A-Za-z0-9_]*%|^\\$[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern DUMMY_WORDS = Pattern.compile(
            "(?i).*(not[-_ ]?a[-_ ]?real|notreal|fake|dummy|example|sample|placeholder|change[-_]?me|changeit|"
                    + "your[-_]|mock|invalid|redacted|secret[-_]?here|key[-_]?here|password[-_]?here|foobar).*");
    private static final Pattern WEAK_WORD = Pattern.compile(
            "(?i)(?:password|passwd|pass|pwd|secret|test|testing|key|apikey|api-key|admin|root|user|guest|demo|default|"
                    + "azure|welcome|letmein|qwerty|abc|abcdef|foo|bar|token|sa|postgres|mysql|redis|sql|s3cr3t|p@ss)"
                    + "[-_.!@#$]*[0-9]{0,6}[-_.!@#$]*");

    private static final Pattern EVENT_GRID_SIGNATURE = Pattern.compile("(?:^|&)s=([^&]+)");

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
            Matcher m = EVENT_GRID_SIGNATURE.matcher(t);
            if (m.find()) {
                return whole(v, m.start(1), m.end(1), Slot.SAS, path);
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

    /** True for {@code ${VAR}}, {@code <your-key>}, {@code {{key}}}, {@code %KEY%}: filled in elsewhere. */
    static boolean isTemplate(String value) {
        return TEMPLATE.matcher(value).find();
    }

    /** Values that authenticate nothing: emulator keys, fillers, words, test dummies. */
    static boolean isDummy(String value, Slot slot, String path) {
        String v = value.strip();
        if (v.length() < 6 || KnownNonSecrets.isKnownNonSecret(v) || Placeholders.isPlaceholder(v)) {
            return true;
        }
        boolean keyShaped = KeyShapes.is64ByteKey(v) || KeyShapes.is32ByteKey(v);
        if (!keyShaped && (DUMMY_WORDS.matcher(v).matches() || WEAK_WORD.matcher(v).matches())) {
            return true;
        }
        if (v.matches("[a-z]+(?:[.-][a-z0-9]+)+") && v.contains(".")) {
            return true; // a property name such as spring.datasource.password
        }
        boolean test = path.contains("/src/test/") || path.startsWith("src/test/") || path.contains("/test/");
        return test && !keyShaped && v.length() < 12 && (slot == Slot.PASSWORD || slot == Slot.SECRET);
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
