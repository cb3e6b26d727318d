package dev.miscan.core.secrets;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A JDBC URL for SQL Server ({@code ;key=value}), PostgreSQL or MySQL ({@code ?key=value&…}, and MySQL's
 * {@code user:password@host}), with the offset of each property value.
 */
public record JdbcUrl(String subprotocol, String host, Map<String, ConnectionStrings.Value> properties,
        ConnectionStrings.Value userInfoPassword) {
    /** Longer "URLs" are cut here: a line of {@code jdbc:jdbc:…} must not cost the square of its length. */
    private static final int MAX_URL = 4096;

    /** Parses the URL starting at {@code offset} ({@code jdbc:…}). */
    public static Optional<JdbcUrl> at(String text, int offset) {
        int end = offset;
        int limit = Math.min(text.length(), offset + MAX_URL);
        while (end < limit && !isUrlEnd(text.charAt(end))) {
            end++;
        }
        String url = text.substring(offset, end);
        int colon = url.indexOf(':', 5);
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5) || colon < 0 || !url.startsWith("//", colon + 1)) {
            return Optional.empty();
        }
        String sub = url.substring(5, colon).toLowerCase(Locale.ROOT);
        int authorityStart = colon + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/;?".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        ConnectionStrings.Value userInfoPassword = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int c = userInfo.indexOf(':');
            if (c >= 0) {
                userInfoPassword = new ConnectionStrings.Value("password", userInfo.substring(c + 1),
                        offset + authorityStart + c + 1);
            }
            authority = authority.substring(at + 1);
        }
        int comma = authority.indexOf(','); // failover hosts: the first one (split(",") is empty for ",,")
        String host = comma >= 0 ? authority.substring(0, comma) : authority;
        if (host.startsWith("[")) {
            host = host.substring(0, Math.max(1, host.indexOf(']') + 1));
        } else if (host.contains(":")) {
            host = host.substring(0, host.indexOf(':'));
        }
        Map<String, ConnectionStrings.Value> props = new LinkedHashMap<>();
        int i = authorityEnd;
        while (i < url.length()) {
            char sep = url.charAt(i);
            if (sep == '/' ) {
                while (i < url.length() && url.charAt(i) != '?' && url.charAt(i) != ';') {
                    i++;
                }
                continue;
            }
            int next = i + 1;
            while (next < url.length() && url.charAt(next) != ';' && url.charAt(next) != '&'
                    && !(sep == '?' && url.charAt(next) == '?')) {
                next++;
            }
            String pair = url.substring(i + 1, next);
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                props.putIfAbsent(key, new ConnectionStrings.Value(key, pair.substring(eq + 1),
                        offset + i + 1 + eq + 1));
            }
            i = next;
        }
        return Optional.of(new JdbcUrl(sub, host.toLowerCase(Locale.ROOT), props, userInfoPassword));
    }

    private static boolean isUrlEnd(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || Character.isWhitespace(c);
    }

    public Optional<ConnectionStrings.Value> property(String name) {
        return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The password, from a {@code password=} property or MySQL-style user info. */
    public Optional<ConnectionStrings.Value> password() {
        Optional<ConnectionStrings.Value> p = property("password");
        return p.isPresent() ? p : Optional.ofNullable(userInfoPassword);
    }
}
