package dev.miscan.core.secrets;

import java.util.Set;

/** Published, well-known keys that grant nothing: emulator keys. */
public final class KnownNonSecrets {
    /** Azurite / Storage Emulator account {@code devstoreaccount1}. */
    public static final String AZURITE_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /** Cosmos DB emulator at {@code https://localhost:8081}. */
    public static final String COSMOS_EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static final Set<String> KEYS = Set.of(AZURITE_KEY, COSMOS_EMULATOR_KEY);

    private KnownNonSecrets() {
    }

    public static boolean isKnownNonSecret(String value) {
        return KEYS.contains(value);
    }

    /** Hosts that only exist on a developer machine or in a container network of emulators. */
    public static boolean isLocalHost(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0.0.0.0") || h.equals("host.docker.internal") || h.equals("azurite")
                || h.endsWith(".localhost") || h.equals("(local)") || h.equals(".")
                || h.equals("devstoreaccount1");
    }
}
