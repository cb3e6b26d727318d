package dev.miscan.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Azure "identifiable" keys (HIS v1): random bytes, a 3-byte signature that renders as 4 literal
 * base64 characters at a fixed offset, and a little-endian Marvin32 checksum of everything before it
 * in the last 4 bytes. A key whose checksum validates is an Azure key beyond reasonable doubt.
 * Formats and seeds from microsoft/security-utilities (https://github.com/microsoft/security-utilities, IdentifiableSecrets).
 */
public final class IdentifiableKeys {

    /** One key format. {@code signatureIndex} is the 0-based character offset of the signature. */
    public record Format(String signature, int length, int signatureIndex, boolean urlSafe, String kind,
            String service, List<String> seeds) {
    }

    /** A validated key: its format and the seed label that validated the checksum. */
    public record Match(Format format, String key, String seedLabel) {
    }

    private static Format f32(String sig, String kind, String service, String... seeds) {
        return new Format(sig, 44, 33, false, kind, service, List.of(seeds));
    }

    private static Format f64(String sig, String kind, String service, String... seeds) {
        return new Format(sig, 88, 76, false, kind, service, List.of(seeds));
    }

    private static Format f39(String sig, String kind, String service, String... seeds) {
        return new Format(sig, 52, 42, false, kind, service, List.of(seeds));
    }

    private static final String[] SAS_SEEDS = {"Send0000", "Listen00", "Manage00", "System00", "Unknown0"};

    public static final List<Format> FORMATS = List.of(
            f64("+ASt", "storage", "Azure Storage account key", "Default0"),
            f64("ACDb", "cosmos", "Azure Cosmos DB key", "MastRW00", "MastRO00", "SysAll00", "Resour00", "SystRO00",
                    "SystRW00", "Encryp00"),
            f64("+ABa", "batch", "Azure Batch account key", "AbAcct00"),
            f64("+AMC", "ml", "Azure Machine Learning (classic) key", "Classic0"),
            f64("APIM", "apim", "Azure API Management key", "Tenant00", "IoTHub00", "Gatewy00", "GitKey00"),
            f32("+ASb", "servicebus", "Azure Service Bus SAS key", SAS_SEEDS),
            f32("+AEh", "eventhubs", "Azure Event Hubs SAS key", SAS_SEEDS),
            f32("+ARm", "relay", "Azure Relay SAS key", SAS_SEEDS),
            f32("AzCa", "redis", "Azure Cache for Redis access key", "Access00"),
            f32("AIoT", "iot", "Azure IoT Hub / DPS / device key", "IoTHub00", "DpsKey00", "Device00"),
            f32("AZEG", "eventgrid", "Azure Event Grid access key", "Default0"),
            f39("+ACR", "acr", "Azure Container Registry access key", "ACRDflt0"),
            f39("AzSe", "search", "Azure AI Search key", "Query000", "PAdmin00"),
            new Format("AzFu", 56, 44, true, "functions", "Azure Functions key",
                    List.of("Master00", "System00", "Functi00")));

    private IdentifiableKeys() {
    }

    /** Distinct signatures, for the keyword prefilter (lower-cased by the caller). */
    public static List<String> signatures() {
        return FORMATS.stream().map(Format::signature).distinct().toList();
    }

    /**
     * Validates the key whose signature starts at {@code signatureOffset} in {@code text}, trying every
     * format with that signature. The key must stand alone (no key-alphabet character around it).
     */
    public static Optional<Match> at(String text, int signatureOffset) {
        for (Format f : FORMATS) {
            if (!text.startsWith(f.signature(), signatureOffset)) {
                continue;
            }
            int start = signatureOffset - f.signatureIndex();
            int end = start + f.length();
            if (start < 0 || end > text.length()) {
                continue;
            }
            if (start > 0 && isKeyChar(text.charAt(start - 1), f.urlSafe())
                    || end < text.length() && (isKeyChar(text.charAt(end), f.urlSafe()) || text.charAt(end) == '=')) {
                continue;
            }
            String key = text.substring(start, end);
            Optional<String> seed = validate(key, f);
            if (seed.isPresent()) {
                return Optional.of(new Match(f, key, seed.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isKeyChar(char c, boolean urlSafe) {
        return urlSafe ? KeyShapes.isBase64UrlChar(c) : KeyShapes.isBase64Char(c);
    }

    /** The seed label that validates {@code key} in format {@code f}, if any. */
    public static Optional<String> validate(String key, Format f) {
        byte[] bytes;
        try {
            bytes = (f.urlSafe() ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 8) {
            return Optional.empty();
        }
        int n = bytes.length;
        int stored = (bytes[n - 4] & 0xFF) | (bytes[n - 3] & 0xFF) << 8 | (bytes[n - 2] & 0xFF) << 16
                | (bytes[n - 1] & 0xFF) << 24;
        for (String label : f.seeds()) {
            if (Marvin32.hash32(bytes, 0, n - 4, Marvin32.seed(label)) == stored) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
