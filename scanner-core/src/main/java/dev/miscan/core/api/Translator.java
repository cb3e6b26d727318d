package dev.miscan.core.api;

import dev.miscan.core.source.Fragment;

/**
 * Reads the text of one kind of source as another the rules already understand (a Kotlin source as Java), so that
 * every rule of that kind applies to it. Registered with {@link java.util.ServiceLoader}; an implementation is
 * created once per run and must not load its parser before {@link #translate} is first called (a scan without
 * such files never pays for it). Called concurrently for different fragments.
 */
public interface Translator {

    /** Whether fragments at {@code path} are this translator's (decided by the name alone, cheaply). */
    boolean accepts(String path);

    /**
     * The fragment read as another kind of file: the same path, the translated text with each construct on the line
     * it has in the source, and {@link Fragment#syntax()} naming the kind (e.g. {@code Keys.java}); the fragment
     * itself when it cannot be translated (a problem goes to {@code warn} as one line naming no secret).
     */
    Fragment translate(Fragment fragment, java.util.function.Consumer<String> warn);
}
