package dev.miscan.core.source;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** Where text comes from. Scan modes differ only in their Source; rules never know which one ran. */
public interface Source {

    /** Lists what to scan. Problems met while listing (a loop, an unreadable folder) go to {@code warnings}. */
    List<Entry> entries(Consumer<ScanWarning> warnings) throws IOException;

    /** One item to scan, read lazily so that reading happens on the scanning threads. */
    interface Entry {
        String path();

        /** Identifies the entry among all sources of a scan; entries with the same key are scanned once. */
        default String key() {
            return path();
        }

        Fragment read() throws SkippedException, IOException;

        /**
         * What identifies this entry's content whatever its path or commit (a git blob id), so that a scan may
         * reuse what an earlier scan of the same content detected; null when there is no such identity (a file).
         */
        default String contentId() {
            return null;
        }

        /**
         * The entry's size in bytes as listed, or -1 when the listing does not know it: the engine starts with the
         * largest files, so that no thread is left with a large one while the others have finished.
         */
        default long sizeHint() {
            return -1;
        }
    }
}
