package dev.miscan.core.secrets;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A shared access signature around a {@code sig=} parameter: a Storage SAS query ({@code sv=…&sig=…}),
 * or a Service Bus / Event Hubs / Relay / IoT token ({@code SharedAccessSignature sr=…&sig=…&se=…&skn=…}).
 */
public record SasToken(Map<String, String> params, String signature, int signatureOffset) {

    public enum Kind {
        /** Account or service SAS signed with the storage account key. */
        STORAGE_KEY_SIGNED,
        /** Storage SAS signed with a user delegation key (Entra credential): not a key leak. */
        STORAGE_USER_DELEGATION,
        /** Service Bus / Event Hubs / Relay / IoT Hub token signed with a SAS policy key. */
        MESSAGING,
        /** Something else with a {@code sig=} parameter. */
        OTHER
    }

    /** The token whose {@code sig=} parameter name starts at {@code sigOffset}, if it parses. */
    /** Query parameters of storage and messaging SAS tokens. */
    private static final java.util.Set<String> PARAMETERS = java.util.Set.of("sv", "ss", "srt", "sp", "se", "st", "spr",
            "sig", "sr", "si", "sip", "skoid", "sktid", "skt", "ske", "sks", "skv", "sdd", "rscc", "rscd", "rsce", "rscl",
            "rsct", "skn", "tn", "spk", "srk", "epk", "erk");

    private static boolean isSasParameter(String name) {
        return PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
    }

    public static Optional<SasToken> at(String text, int sigOffset) {
        if (sigOffset > 0 && Character.isLetterOrDigit(text.charAt(sigOffset - 1))) {
            return Optional.empty();
        }
        int s = sigOffset;
        while (s > 0 && sigOffset - s < 2000 && isQueryChar(text.charAt(s - 1))) {
            s--;
        }
        int e = sigOffset;
        while (e < text.length() && e - sigOffset < 2000 && isQueryChar(text.charAt(e))) {
            e++;
        }
        Map<String, String> params = new LinkedHashMap<>();
        String signature = null;
        int signatureOffset = -1;
        int pos = s;
        for (String part : text.substring(s, e).split("&", -1)) {
            String p = part;
            int partOffset = pos;
            pos += part.length() + 1;
            if (p.regionMatches(true, 0, "SharedAccessSignature=", 0, 22)) {
                p = p.substring(22);
                partOffset += 22;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            if (partOffset == s && eq != p.lastIndexOf('=') && !isSasParameter(p.substring(0, eq))) {
                // sas=sv=2022-11-02: the token is the value of a setting written before it
                partOffset += eq + 1;
                p = p.substring(eq + 1);
                eq = p.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
            }
            String name = p.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1);
            params.putIfAbsent(name, value);
            if (name.equals("sig") && partOffset + eq == sigOffset + 3) {
                signature = value;
                signatureOffset = partOffset + eq + 1;
            }
        }
        if (signature == null || signature.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SasToken(params, signature, signatureOffset));
    }

    private static boolean isQueryChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "%&=+/._~:,-".indexOf(c) >= 0;
    }

    public Kind kind() {
        if (params.containsKey("skn") && params.containsKey("sr")) {
            return Kind.MESSAGING;
        }
        if (params.containsKey("sv")) {
            return isUserDelegation() ? Kind.STORAGE_USER_DELEGATION : Kind.STORAGE_KEY_SIGNED;
        }
        return Kind.OTHER;
    }

    /** A user delegation SAS carries the signed key's parameters ({@code skoid}, {@code sktid}, {@code skv}, …). */
    private boolean isUserDelegation() {
        for (String p : new String[] {"skoid", "sktid", "skt", "ske", "sks", "skv"}) {
            if (params.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when the signature is an HMAC-SHA256 in base64 (44 characters), possibly URL-encoded. */
    public boolean hasRealSignature() {
        String decoded;
        try {
            decoded = URLDecoder.decode(signature.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return KeyShapes.is32ByteKey(decoded) && !Placeholders.isPlaceholder(decoded);
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }
}
