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
 * Values whose text in the file is an encoding of the real value, decoded so that every rule can scan
 * them: the base64 {@code data} of Kubernetes {@code Secret} manifests ({@code stringData} needs no
 * decoding), and configuration values written with escapes ({@code \}{@code u002B} in JSON written by
 * .NET, {@code \/} in JSON, Unicode escapes in {@code .properties}). Findings in a decoded value are reported on the encoded
 * text.
 */
public final class DecodedValues {
    private static final Pattern KIND_SECRET = Pattern.compile("(?m)^kind:\\s*[\"']?Secret[\"']?\\s*$");

    /**
     * A decoded value as a fragment, the encoded text it came from (to redact it from snippets) and where that
     * text starts in the document (findings in the decoded text are reported on the whole encoded text).
     */
    public record Decoded(Fragment fragment, String encoded, int encodedOffset) {
    }

    private DecodedValues() {
    }

    public static List<Decoded> decode(Document doc) {
        if (ConfigView.formatOf(doc) == ConfigView.Format.NONE) {
            return List.of();
        }
        List<ConfigEntry> entries = doc.view(ConfigView.ENTRIES);
        List<Decoded> out = new ArrayList<>();
        for (ConfigEntry e : entries) {
            // any escape that changes the value: \u002B from .NET, \/ from JSON writers that escape slashes (a
            // base64 key written so is no key to a rule that reads the text), a .properties continuation
            if (e.value() != null && e.valueOffset() >= 0 && e.value().length() >= 16 && e.rawValue().indexOf('\\') >= 0
                    && !e.rawValue().equals(e.value())) {
                int line = doc.lines().lineOf(e.valueOffset());
                out.add(new Decoded(new Fragment(doc.path(), e.value().replace("\n", " "),
                        doc.fragment().firstLine() + line, false), e.rawValue(), e.valueOffset()));
            }
        }
        String ext = doc.extension();
        if ((ext.equals("yml") || ext.equals("yaml")) && KIND_SECRET.matcher(doc.text()).find()) {
            out.addAll(kubernetesSecrets(doc, entries));
        }
        return out;
    }

    private static List<Decoded> kubernetesSecrets(Document doc, List<ConfigEntry> entries) {
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
