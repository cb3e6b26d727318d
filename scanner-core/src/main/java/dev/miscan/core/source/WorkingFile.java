package dev.miscan.core.source;

import dev.miscan.core.parse.iac.CompiledTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of the working tree, read when it is scanned: binary content is a {@link BinaryFileException} (also for
 * a file over the size cap, whose first bytes are read to tell), text over the cap a {@link SkippedException}
 * (a generated ARM template has a larger cap).
 */
final class WorkingFile implements Source.Entry {
    private final Path file;
    private final String path;
    private final long size;
    private final long maxFileSize;

    WorkingFile(Path file, String path, long size, long maxFileSize) {
        this.file = file;
        this.path = path;
        this.size = size;
        this.maxFileSize = maxFileSize;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long sizeHint() {
        return size;
    }

    @Override
    public Fragment read() throws SkippedException, IOException {
        long cap = maxFileSize;
        if (size > maxFileSize && TextDecoding.isBinary(head())) {
            throw new BinaryFileException(); // a large image or archive is binary, not too large
        }
        if (size > maxFileSize && !(size <= FileTreeSource.COMPILED_TEMPLATE_CAP && compiledTemplate())) {
            throw new SkippedException("skipped: " + size + " bytes is over the " + maxFileSize
                    + "-byte limit (raise it with --max-file-size)");
        } else if (size > maxFileSize) {
            cap = FileTreeSource.COMPILED_TEMPLATE_CAP;
        }
        byte[] bytes = size <= cap ? listedSize() : null;
        if (bytes == null) {
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            }
        }
        if (bytes.length > cap) {
            throw new SkippedException("skipped: grew over the " + cap + "-byte limit while being read");
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        return new Fragment(path, decoded.text(), 1, decoded.malformed());
    }

    /** An ARM template the Bicep compiler (or another generator) wrote: generated, not hand-written. */
    private boolean compiledTemplate() throws IOException {
        if (!path.endsWith(".json")) {
            return false;
        }
        byte[] head = head();
        return CompiledTemplates.isGenerated(new String(head, 0, Math.min(head.length, 4096),
                java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * The file's bytes read into one array of the size it was listed with, or null when it no longer has that size
     * (it is then read again as a stream, up to the cap). The usual case allocates the file's size once on the heap:
     * a stream's {@code readNBytes(int)} fills 8 KB buffers and copies them into the result. Read in slices of at
     * most 64 KB: the file's channel reads a heap array through a temporary direct buffer of the slice's size, which
     * it keeps per thread (a whole file at once would keep native memory as large as the largest file).
     */
    private byte[] listedSize() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = new byte[(int) size];
            int read = 0;
            while (read < bytes.length) {
                int n = in.read(bytes, read, Math.min(READ_SLICE, bytes.length - read));
                if (n < 0) {
                    return null;
                }
                read += n;
            }
            return in.read() < 0 ? bytes : null;
        }
    }

    private static final int READ_SLICE = 64 * 1024;

    /** The first bytes of the file: enough to tell binary from text. */
    private byte[] head() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8000);
        }
    }
}
