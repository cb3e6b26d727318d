package dev.miscan.core.source.archive;

import dev.miscan.core.source.BinaryFileException;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.SkippedException;

/** A class file read as Java. (Placeholder: the ASM reader replaces it.) */
public final class ClassFileText {
    private ClassFileText() {
    }

    public static Fragment translate(String path, byte[] bytes) throws SkippedException {
        throw new BinaryFileException();
    }
}
