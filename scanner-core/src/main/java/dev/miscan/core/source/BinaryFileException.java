package dev.miscan.core.source;

/**
 * A binary file (an image, a font, an archive, a class file…): not scanned, never a warning, counted in the
 * summary as "binary" ({@link dev.miscan.core.engine.ScanResult#filesBinary()}).
 */
public final class BinaryFileException extends SkippedException {
    private static final long serialVersionUID = 1L;

    public BinaryFileException() {
        super("binary file");
    }
}
