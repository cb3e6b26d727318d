package dev.miscan.core.parse.config;

import dev.miscan.core.parse.Document;
import dev.miscan.core.source.Fragment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base64 {@code data} values of Kubernetes {@code Secret} manifests, decoded so that every rule can
 * scan them. Each decoded value becomes a fragment that starts on the line of its key, so findings point
 * at the key. {@code stringData} needs no decoding: it is scanned as it is.
 */
public final class KubernetesSecrets {
    private static final Pattern KIND_SECRET = Pattern.compile("(?m)^kind:\\s*[\"']?Secret[\"']?\\s*$");

    /**
     * A decoded value as a fragment, the base64 text it came from (to redact it from snippets) and where that
     * text starts in the manifest (findings in the decoded text are reported on the whole base64 value).
     */
    public record Decoded(Fragment fragment, String base64, int base64Offset) {
    }

    private KubernetesSecrets() {
    }

    public static List<Decoded> decode(Document doc) {
        String ext = doc.extension();
        if (!(ext.equals("yml") || ext.equals("yaml")) || !KIND_SECRET.matcher(doc.text()).find()) {
            return List.of();
        }
        List<ConfigEntry> entries = doc.view(ConfigView.ENTRIES);
        Set<Integer> secretSections = new HashSet<>();
        for (ConfigEntry e : entries) {
            if (e.key().equals("kind") && "Secret".equals(e.value())) {
                secretSections.add(e.section());
            }
        }
        List<Decoded> out = new ArrayList<>();
        for (ConfigEntry e : entries) {
            if (!secretSections.contains(e.section()) || !e.key().startsWith("data.") || e.value() == null) {
                continue;
            }
            String text = decodeText(e.value().replaceAll("\\s", ""));
            if (text == null || text.isBlank()) {
                continue;
            }
            if (e.key().toLowerCase(Locale.ROOT).endsWith(".dockerconfigjson")) {
                text = text.replace("\n", " ");
            }
            int line = doc.lines().lineOf(e.keyOffset());
            out.add(new Decoded(new Fragment(doc.path(), text.replace("\r\n", "\n"), doc.fragment().firstLine() + line,
                    false), e.value().strip(), e.valueOffset()));
        }
        return out;
    }

    /** Base64 that decodes to valid UTF-8 text, or null. */
    static String decodeText(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
