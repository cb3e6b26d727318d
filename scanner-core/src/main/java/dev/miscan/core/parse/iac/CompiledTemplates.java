package dev.miscan.core.parse.iac;

import java.util.Set;
import java.util.regex.Pattern;

/** ARM templates that the Bicep compiler wrote: their findings are the Bicep source's. */
public final class CompiledTemplates {
    private static final Pattern BICEP_GENERATOR = Pattern.compile("\"name\"\\s*+:\\s*+\"bicep\"");
    private static final Pattern GENERATOR_NAME = Pattern.compile("\"name\"\\s*+:\\s*+\"");

    private CompiledTemplates() {
    }

    /**
     * The Bicep file an ARM template at {@code path} was compiled from, when it is among {@code bicepFiles} beside
     * it ({@code main.json} next to {@code main.bicep}) and the template's {@code metadata._generator} names Bicep;
     * else null.
     */
    public static String bicepSourceOf(String path, String text, Set<String> bicepFiles) {
        if (!path.endsWith(".json") || bicepFiles.isEmpty()) {
            return null;
        }
        String bicep = path.substring(0, path.length() - ".json".length()) + ".bicep";
        if (!bicepFiles.contains(bicep)) {
            return null;
        }
        return isGenerated(text, BICEP_GENERATOR) ? bicep : null;
    }

    /**
     * Whether the first 4 KB of a JSON text are those of an ARM deployment template that names its generator in
     * {@code metadata._generator} (the Bicep compiler writes it at the top).
     */
    public static boolean isGenerated(String text) {
        return isGenerated(text, GENERATOR_NAME);
    }

    private static boolean isGenerated(String text, Pattern name) {
        String head = text.substring(0, Math.min(text.length(), 4096));
        int generator = head.indexOf("\"_generator\"");
        return generator >= 0 && head.toLowerCase(java.util.Locale.ROOT).contains("deploymenttemplate.json")
                && name.matcher(head.substring(generator)).find();
    }
}
