package dev.miscan.core.source;

import dev.miscan.core.api.Translator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/** The {@link Translator}s on the class path, found once; a fragment no translator accepts is read as it is. */
public final class Translators {
    private static volatile List<Translator> loaded;

    private Translators() {
    }

    private static List<Translator> all() {
        List<Translator> l = loaded;
        if (l == null) {
            synchronized (Translators.class) {
                l = loaded;
                if (l == null) {
                    l = ServiceLoader.load(Translator.class, Translators.class.getClassLoader()).stream()
                            .map(ServiceLoader.Provider::get).toList();
                    loaded = l;
                }
            }
        }
        return l;
    }

    /** Whether some translator reads files at {@code path} (a Kotlin source when Kotlin support is present). */
    public static boolean accepts(String path) {
        for (Translator t : all()) {
            if (t.accepts(path)) {
                return true;
            }
        }
        return false;
    }

    /** {@code fragment} as the first translator that accepts its path reads it, else itself. */
    public static Fragment apply(Fragment fragment, Consumer<ScanWarning> warnings) {
        if (fragment.translated()) {
            return fragment;
        }
        for (Translator t : all()) {
            if (t.accepts(fragment.path())) {
                return t.translate(fragment, m -> warnings.accept(new ScanWarning(fragment.path(), m, false)));
            }
        }
        return fragment;
    }
}
