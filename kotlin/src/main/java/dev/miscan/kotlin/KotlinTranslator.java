package dev.miscan.kotlin;

import dev.miscan.core.api.Translator;
import dev.miscan.core.source.Fragment;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads Kotlin sources ({@code .kt}, {@code .kts}) as Java, so that every Java rule applies to them: the catalogue's
 * SDK sinks, constants across files, {@code @Value} defaults, key-based auth from {@code System.getenv}. Each
 * construct keeps the line it has in the source; a finding keeps the {@code .kt} path.
 *
 * <p>This class touches no Kotlin class: the Kotlin compiler (tens of megabytes of classes) is loaded by {@link
 * KotlinPsi} on the first {@link #translate}, so a scan of a tree without Kotlin files never loads it.
 */
public final class KotlinTranslator implements Translator {

    @Override
    public boolean accepts(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".kt") || p.endsWith(".kts");
    }

    @Override
    public Fragment translate(Fragment fragment, Consumer<String> warn) {
        String file = fragment.path().substring(fragment.path().lastIndexOf('/') + 1);
        try {
            KotlinPsi.Translation t = KotlinPsi.toJava(file, fragment.text());
            if (t.errors() > 0) {
                warn.accept("Kotlin does not parse at line " + (fragment.firstLine() - 1 + t.firstErrorLine())
                        + (t.errors() > 1 ? " (and " + (t.errors() - 1) + " more)" : "") + ": read as far as it parses");
            }
            return fragment.translatedTo(t.java(), javaName(file));
        } catch (Exception | LinkageError | StackOverflowError | AssertionError e) { // never out of a scan
            warn.accept("not read as Kotlin (" + e.getClass().getSimpleName() + "): only the value rules apply to it");
            return fragment;
        }
    }

    /**
     * The name the translation is read under: the file's own base name as a Java file ({@code StorageIT.kt} →
     * {@code StorageIT.java}), so that rules telling tests from production code by the name still can.
     */
    static String javaName(String file) {
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).replace('.', '_') + ".java";
    }
}
