package dev.miscan.core.source.archive;

import dev.miscan.core.source.Source;
import java.nio.file.Path;
import java.util.List;

/** A container image saved as a tarball. (Placeholder: the image reader replaces it.) */
final class ImageTarball {
    private ImageTarball() {
    }

    static void entries(Path file, String path, Artifacts.Context ctx, List<Source.Entry> out) {
        ctx.note(path, "skipped: container images are not read yet");
    }
}
