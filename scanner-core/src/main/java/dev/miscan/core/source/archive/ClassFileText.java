package dev.miscan.core.source.archive;

import dev.miscan.core.parse.classfile.ClassTranslation;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.SkippedException;

/**
 * A class file read as Java ({@link ClassTranslation}): its constants, the calls its methods make and every string
 * of its constant pool, on the lines of the source it was compiled from when it carries them. The Java rules and the
 * value detectors read the translation; findings keep the class file's path.
 */
public final class ClassFileText {
    private ClassFileText() {
    }

    public static Fragment translate(String path, byte[] bytes) throws SkippedException {
        ClassTranslation.Result result;
        try {
            result = ClassTranslation.translate(bytes);
        } catch (ClassTranslation.UnreadableClassException e) {
            throw new SkippedException("skipped: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // the reader's messages may quote the file: the kind of problem says enough
            throw new SkippedException("skipped: not a readable class file (" + e.getClass().getSimpleName() + ")");
        }
        return new Fragment(path, result.text(), 1, false, null, null, result.simpleName() + ".java");
    }
}
