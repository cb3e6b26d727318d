package dev.miscan.core.secrets;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Common annotated security keys (CASK, {@code JQQJ9} at offset 52): Azure DevOps PATs, Azure AI
 * services, Communication Services, App Configuration, Event Grid, … 84 characters, or 88 in the long
 * form. The checksum is Marvin32("Default0") of the first 60 decoded bytes, stored in base62 (current
 * generators) or base64 (older ones); both are accepted, as microsoft/security-utilities does.
 */
public final class CaskKeys {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?");
    private static final long SEED = Marvin32.seed("Default0");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Provider signatures (offset 76) and the service they belong to. */
    public static final Map<String, String> PROVIDERS = Map.of(
            "AZCS", "Azure Communication Services",
            "AZEG", "Azure Event Grid",
            "AZAC", "Azure App Configuration",
            "AZDO", "Azure DevOps",
            "ACOG", "Azure AI services",
            "AZFR", "Azure Fluid Relay",
            "AZMP", "Azure Maps",
            "msql", "Azure SQL");

    /** A validated key with its provider signature. */
    public record Match(int start, String key, String provider) {
        public String service() {
            return PROVIDERS.getOrDefault(provider.toUpperCase(java.util.Locale.ROOT).equals("MSQL") ? "msql"
                    : provider.toUpperCase(java.util.Locale.ROOT), "Azure service (CASK provider " + provider + ")");
        }

        /** Creation year and month, from the key's date characters. */
        public String yearMonth() {
            int year = 2024 + Base64Index.of(key.charAt(58));
            int month = key.charAt(59) - 'A' + 1;
            return String.format("%d-%02d", year, month);
        }
    }

    private CaskKeys() {
    }

    /** The key whose {@code JQQJ9} marker starts at {@code markerOffset}, if its shape and checksum are valid. */
    public static Optional<Match> at(String text, int markerOffset) {
        int start = markerOffset - 52;
        if (start < 0 || !text.startsWith("JQQJ9", markerOffset)) {
            return Optional.empty();
        }
        if (start > 0 && isKeyChar(text.charAt(start - 1))) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(text).region(start, Math.min(text.length(), start + 88));
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        int end = m.end();
        if (end < text.length() && (isKeyChar(text.charAt(end)) || text.charAt(end) == '=')) {
            return Optional.empty();
        }
        String key = text.substring(start, end);
        return checksumValid(key) ? Optional.of(new Match(start, key, key.substring(76, 80))) : Optional.empty();
    }

    private static boolean isKeyChar(char c) {
        return KeyShapes.isBase64Char(c);
    }

    public static boolean checksumValid(String key) {
        byte[] bytes = Base64.getDecoder().decode(key.substring(0, 80));
        int checksum = Marvin32.hash32(bytes, 0, 60, SEED);
        byte[] le = {(byte) checksum, (byte) (checksum >>> 8), (byte) (checksum >>> 16), (byte) (checksum >>> 24)};
        String stored = key.substring(80);
        boolean longForm = key.length() == 88;
        String base64 = Base64.getEncoder().encodeToString(longForm ? le : new byte[] {le[0], le[1], le[2]});
        if (base64.equals(stored)) {
            return true;
        }
        StringBuilder b62 = new StringBuilder(base62(le));
        while (b62.length() < 6) {
            b62.append('0');
        }
        String roundTrip = Base64.getEncoder().encodeToString(Base64.getDecoder().decode(b62 + "=="));
        String trimmed = stored.replace("=", "");
        return !trimmed.isEmpty() && roundTrip.startsWith(trimmed);
    }

    /** Base62 of the bytes read as one big-endian unsigned number, with a leading 0 per leading zero byte. */
    static String base62(byte[] bytes) {
        BigInteger n = new BigInteger(1, bytes);
        StringBuilder sb = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(BASE62.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            sb.append('0');
        }
        return sb.reverse().toString();
    }

    /** Index of a character in the standard base64 alphabet. */
    static final class Base64Index {
        private Base64Index() {
        }

        static int of(char c) {
            return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(c);
        }
    }
}
