package dev.miscan.core.parse.config;

import dev.miscan.core.parse.Document;
import java.util.List;
import java.util.Locale;

/**
 * The settings of a configuration document, from the parser that fits its file name: {@code .properties},
 * YAML, JSON, {@code .env}/Dockerfile. Other files have no settings. A file that does not parse yields the
 * entries read before the error and a one-line warning.
 */
public final class ConfigView {
    public static final Document.View<List<ConfigEntry>> ENTRIES = ConfigView::entries;

    private ConfigView() {
    }

    public enum Format { PROPERTIES, YAML, JSON, ENV, NONE }

    public static Format formatOf(Document doc) {
        if (doc.derived()) {
            return Format.NONE;
        }
        String name = doc.fileName().toLowerCase(Locale.ROOT);
        String ext = doc.extension();
        if (ext.equals("properties")) {
            return Format.PROPERTIES;
        }
        if (ext.equals("yml") || ext.equals("yaml")) {
            return Format.YAML;
        }
        if (ext.equals("json")) {
            return Format.JSON;
        }
        if (name.equals(".env") || name.startsWith(".env.") || ext.equals("env") || name.equals("dockerfile")
                || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")) {
            return Format.ENV;
        }
        return Format.NONE;
    }

    private static List<ConfigEntry> entries(Document doc) {
        return switch (formatOf(doc)) {
            case PROPERTIES -> PropertiesReader.read(doc.text());
            case YAML -> YamlReader.read(doc);
            case JSON -> JsonReader.read(doc);
            case ENV -> EnvReader.read(doc.text());
            case NONE -> List.of();
        };
    }
}
