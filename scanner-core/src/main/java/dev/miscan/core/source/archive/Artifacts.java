package dev.miscan.core.source.archive;

import dev.miscan.core.source.BinaryFileException;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.SkippedException;
import dev.miscan.core.source.Source;
import dev.miscan.core.source.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The files a built artifact holds, as scan entries: a jar, war, ear or zip (archives inside it opened to {@link
 * ArchiveOptions#maxDepth}, bundled third-party libraries left out unless asked for), a class file (read as Java,
 * {@link ClassFileText}), a container image saved with {@code docker save} or as an OCI layout ({@link
 * ImageTarball}). An entry's path names the chain, {@code app.jar!/BOOT-INF/classes/application.properties}; it is
 * scanned as a file of its own kind. Everything is read while the entries are listed, within the limits of
 * {@link ArchiveOptions} (entries, inflated bytes, compression ratio): a limit met is a one-line warning naming the
 * entry, and the rest of the scan goes on. Nothing is ever extracted to disk.
 */
public final class Artifacts {
    /** Where application archives keep the libraries they bundle. */
    private static final List<String> LIBRARY_FOLDERS = List.of("BOOT-INF/lib/", "WEB-INF/lib/", "lib/", "APP-INF/lib/");
    /** Entries that are never text and never hold configuration: not inflated at all. */
    private static final Set<String> SKIPPED_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "ico", "bmp", "svg",
            "ttf", "otf", "woff", "woff2", "eot", "so", "dll", "dylib", "jnilib", "a", "lib", "exe", "kotlin_module",
            "kotlin_builtins", "sf", "rsa", "dsa", "ec", "mf", "jfr", "wasm", "mp3", "mp4", "pdf");
    /** Past this many inflated bytes an entry's compression ratio is checked. */
    private static final long RATIO_FLOOR = 1L << 20;

    private Artifacts() {
    }

    /** Whether {@code path} names a zip-format archive: a jar, war, ear or zip. */
    public static boolean isArchive(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".jar") || p.endsWith(".war") || p.endsWith(".ear") || p.endsWith(".zip");
    }

    /** Whether {@code path} may name a container image saved as a tarball. */
    public static boolean isTarball(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".tar") || p.endsWith(".tar.gz") || p.endsWith(".tgz");
    }

    public static boolean isClassFile(String path) {
        return path.endsWith(".class");
    }

    /** Whether {@code path} names a built artifact of any kind this class reads. */
    public static boolean isArtifact(String path) {
        return isArchive(path) || isTarball(path) || isClassFile(path);
    }

    /**
     * The entries of the artifact {@code file} on disk, reported as {@code path} (an archive's entries as {@code
     * path!/name}; a class file is one entry).
     */
    public static List<Source.Entry> entries(Path file, String path, ArchiveOptions options, long maxFileSize,
            Consumer<ScanWarning> warnings) {
        Context ctx = new Context(path, options, maxFileSize, warnings);
        List<Source.Entry> out = new ArrayList<>();
        try {
            if (isClassFile(path)) {
                long size = Files.size(file);
                if (size > maxFileSize) {
                    ctx.warn(path, "skipped: " + size + " bytes is over the " + maxFileSize + "-byte limit");
                } else {
                    out.add(new ArchivedFile(path, Files.readAllBytes(file)));
                }
            } else if (isTarball(path)) {
                ImageTarball.entries(file, path, ctx, out);
            } else {
                try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
                    ctx.expand(zip, new Region(file, 0, Files.size(file)), path, 1, out);
                }
            }
        } catch (IOException | RuntimeException e) {
            ctx.warn(path, "skipped: not a readable " + kind(path) + " (" + problem(e) + ")");
        }
        ctx.finish();
        return out;
    }

    private static String kind(String path) {
        return isClassFile(path) ? "class file" : isTarball(path) ? "tar archive" : "zip archive";
    }

    static String problem(Exception e) {
        String m = e.getMessage();
        // an archive library's message may quote the file's bytes: the class of the problem says enough
        return m == null || m.length() > 120 || !m.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? e.getClass().getSimpleName() : m;
    }

    /**
     * One artifact being read: its limits, what has been spent of them, and where warnings go. An image reader hands
     * every file of a layer to {@link #add}.
     */
    public static final class Context {
        private final String root;
        private final ArchiveOptions options;
        private final long maxFileSize;
        private final Consumer<ScanWarning> warnings;
        private int entries;
        private long inflated;
        private boolean exhausted;
        private final List<String> skippedLibraries = new ArrayList<>();
        private final Set<String> ownGroups = new HashSet<>();

        Context(String root, ArchiveOptions options, long maxFileSize, Consumer<ScanWarning> warnings) {
            this.root = root;
            this.options = options;
            this.maxFileSize = maxFileSize;
            this.warnings = warnings;
        }

        public ArchiveOptions options() {
            return options;
        }

        public long maxFileSize() {
            return maxFileSize;
        }

        /** A one-line warning about {@code path} (an entry of the artifact, or the artifact). */
        public void warn(String path, String message) {
            warnings.accept(new ScanWarning(path, message, true));
        }

        /** A note (not a problem) about {@code path}. */
        public void note(String path, String message) {
            warnings.accept(ScanWarning.note(path, message, true));
        }

        /** A remark about {@code path} that reports nothing skipped (what an image's paths mean). */
        public void remark(String path, String message) {
            warnings.accept(ScanWarning.note(path, message, false));
        }

        /** Whether one more entry may be looked at; false (with one warning) once the entry limit is met. */
        public boolean admit(String path) {
            if (exhausted) {
                return false;
            }
            if (++entries > options.maxEntries()) {
                exhausted = true;
                warn(root, "stopped reading after " + options.maxEntries() + " entries (the archive limit): the rest"
                        + " is not scanned");
                return false;
            }
            return true;
        }

        /**
         * The bytes of one entry read from {@code in}, at most {@code cap} of them, or null (with a warning) when the
         * entry is larger, inflates more than the ratio allows over {@code compressedSize} (-1 when unknown), or the
         * artifact's inflated total is spent.
         */
        public byte[] read(InputStream in, String path, long compressedSize, long cap) throws IOException {
            if (exhausted) {
                return null;
            }
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            long n = 0;
            for (int r; (r = in.read(chunk)) > 0; ) {
                n += r;
                if (n > cap) {
                    warn(path, "skipped: over the " + cap + "-byte limit");
                    return null;
                }
                if (compressedSize > 0 && n > RATIO_FLOOR && n > compressedSize * options.maxRatio()) {
                    warn(path, "skipped: inflates more than " + options.maxRatio() + " times its compressed size"
                            + " (a zip bomb?)");
                    return null;
                }
                if (inflated + n > options.maxTotalBytes()) {
                    exhausted = true;
                    warn(root, "stopped reading: more than " + options.maxTotalBytes() + " bytes inflated (the archive"
                            + " limit): the rest is not scanned");
                    return null;
                }
                buf.write(chunk, 0, r);
            }
            inflated += n;
            return buf.toByteArray();
        }

        /**
         * A file of the artifact at {@code path}, {@code depth} archives deep: an archive is opened (within the depth
         * limit), anything else becomes an entry scanned as a file of its kind.
         */
        public void add(String path, byte[] bytes, int depth, List<Source.Entry> out) {
            if (isArchive(path)) {
                if (depth >= options.maxDepth()) {
                    note(path, "skipped: an archive " + depth + " archives deep (the limit)");
                    return;
                }
                try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                        .get()) {
                    expand(zip, null, path, depth + 1, out);
                } catch (IOException | RuntimeException e) {
                    warn(path, "skipped: not a readable zip archive (" + problem(e) + ")");
                }
            } else {
                out.add(new ArchivedFile(path, bytes));
            }
        }

        /**
         * The entries of {@code zip}, reported under {@code path}; {@code onDisk} is its file when it is one (its
         * entries are then read from the file by offset when scanned, not held in memory), null for an archive
         * inside another.
         */
        void expand(ZipFile zip, Region onDisk, String path, int depth, List<Source.Entry> out) throws IOException {
            if (depth == 1) {
                ownGroups.addAll(groupsOf(zip));
            }
            for (Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (entry.isDirectory() || skipped(entry.getName())) {
                    continue;
                }
                String name = entry.getName().replace('\\', '/');
                while (name.startsWith("/")) {
                    name = name.substring(1);
                }
                String inner = path + "!/" + name;
                if (!admit(inner)) {
                    return;
                }
                if (!zip.canReadEntryData(entry)) {
                    note(inner, "skipped: encrypted or compressed with an unsupported method");
                    continue;
                }
                boolean archive = isArchive(name);
                if (archive && onDisk != null && entry.getMethod() == ZipArchiveEntry.STORED
                        && entry.isStreamContiguous() && entry.getDataOffset() >= 0 && entry.getCompressedSize() >= 0) {
                    // an archive stored as it is (Spring Boot's libraries): opened where it lies in the file
                    nested(onDisk.slice(entry.getDataOffset(), entry.getCompressedSize()), name, inner, depth, out);
                    if (exhausted) {
                        return;
                    }
                    continue;
                }
                if (archive && !options.libraries() && library(name) && !own(zip, entry)) {
                    skippedLibraries.add(inner);
                    continue;
                }
                long cap = archive ? options.maxTotalBytes() : maxFileSize;
                if (entry.getSize() > cap) {
                    if (!archive && binaryHead(zip, entry)) {
                        out.add(BINARY.apply(inner)); // a large image or data file is binary, not too large
                    } else {
                        warn(inner, "skipped: " + entry.getSize() + " bytes is over the " + cap + "-byte limit");
                    }
                    continue;
                }
                if (!archive && deflatedOrStored(entry)) {
                    // kept compressed until a scanning thread reads it: memory is what the archive holds
                    long size = entry.getSize();
                    long compressed = entry.getCompressedSize();
                    if (size > RATIO_FLOOR && compressed > 0 && size > compressed * options.maxRatio()) {
                        warn(inner, "skipped: inflates more than " + options.maxRatio() + " times its compressed size"
                                + " (a zip bomb?)");
                        continue;
                    }
                    if (inflated + size > options.maxTotalBytes()) {
                        exhausted = true;
                        warn(root, "stopped reading: more than " + options.maxTotalBytes() + " bytes inflated (the"
                                + " archive limit): the rest is not scanned");
                        return;
                    }
                    boolean deflated = entry.getMethod() == ZipArchiveEntry.DEFLATED;
                    inflated += size;
                    if (onDisk != null && entry.isStreamContiguous() && entry.getDataOffset() >= 0) {
                        out.add(new ArchivedFile(inner, onDisk.slice(entry.getDataOffset(), compressed), deflated,
                                size));
                        continue;
                    }
                    byte[] raw;
                    try (InputStream in = zip.getRawInputStream(entry)) {
                        raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, compressed)));
                    } catch (IOException | RuntimeException ex) {
                        warn(inner, "skipped: cannot read (" + problem(ex) + ")");
                        continue;
                    }
                    byte[] held = raw;
                    out.add(new ArchivedFile(inner, () -> held, deflated, size));
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = read(in, inner, entry.getCompressedSize(), cap);
                } catch (IOException | RuntimeException ex) {
                    warn(inner, "skipped: cannot inflate (" + problem(ex) + ")");
                    continue;
                }
                if (bytes != null) {
                    add(inner, bytes, depth, out);
                } else if (exhausted) {
                    return;
                }
            }
        }

        /** An archive stored uncompressed inside one on disk, at {@code region}: read in place. */
        private void nested(Region region, String name, String inner, int depth, List<Source.Entry> out) {
            try (ZipFile lib = ZipFile.builder().setSeekableByteChannel(region.open()).get()) {
                if (!options.libraries() && library(name) && !ownGroup(groupsOf(lib))) {
                    skippedLibraries.add(inner);
                } else if (depth >= options.maxDepth()) {
                    note(inner, "skipped: an archive " + depth + " archives deep (the limit)");
                } else {
                    expand(lib, region, inner, depth + 1, out);
                }
            } catch (IOException | RuntimeException e) {
                warn(inner, "skipped: not a readable zip archive (" + problem(e) + ")");
            }
        }

        private boolean ownGroup(Set<String> groups) {
            for (String g : groups) {
                for (String mine : ownGroups) {
                    if (g.equals(mine) || g.startsWith(mine + ".") || mine.startsWith(g + ".")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether a nested archive bundled as a library is the application's own (same Maven group). */
        private boolean own(ZipFile outer, ZipArchiveEntry entry) {
            if (ownGroups.isEmpty() || entry.getSize() > options.maxTotalBytes()) {
                return false;
            }
            try (InputStream in = outer.getInputStream(entry)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(entry.getSize(), 0) + 1
                        + (entry.getSize() < 0 ? 64L << 20 : 0)));
                try (ZipFile lib = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                        .get()) {
                    return ownGroup(groupsOf(lib));
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        void finish() {
            int n = skippedLibraries.size();
            if (n > 0) {
                // about the archive, which was read: not a skipped file
                warnings.accept(ScanWarning.note(root, "skipped " + n + " bundled "
                        + (n == 1 ? "library that is" : "libraries that are") + " not the application's own"
                        + " (third-party: read them with --archive-libraries, or archiveLibraries in Maven)", false));
            }
        }
    }

    /** An entry that is binary: counted as such when the scan reads it, holding nothing. */
    private static final java.util.function.Function<String, Source.Entry> BINARY = path -> new Source.Entry() {
        @Override
        public String path() {
            return path;
        }

        @Override
        public Fragment read() throws SkippedException {
            throw new BinaryFileException();
        }
    };

    private static boolean binaryHead(ZipFile zip, ZipArchiveEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return TextDecoding.isBinary(in.readNBytes(8000));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether an entry's data can be kept as it is stored and inflated later (the sizes are known). */
    private static boolean deflatedOrStored(ZipArchiveEntry entry) {
        int method = entry.getMethod();
        return (method == ZipArchiveEntry.DEFLATED || method == ZipArchiveEntry.STORED) && entry.getSize() >= 0
                && entry.getCompressedSize() >= 0 && entry.getSize() < Integer.MAX_VALUE - 8;
    }

    private static boolean library(String name) {
        for (String folder : LIBRARY_FOLDERS) {
            if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    static boolean skipped(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && SKIPPED_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The Maven groups an archive says it was built for ({@code META-INF/maven/<group>/<artifact>/pom.properties}). */
    private static Set<String> groupsOf(ZipFile zip) {
        Set<String> groups = new HashSet<>();
        for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
            String n = e.nextElement().getName();
            if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
                String[] parts = n.split("/");
                if (parts.length == 5) {
                    groups.add(parts[2]);
                }
            }
        }
        return groups;
    }

    /** An entry's data as the archive stores it: held, or read again from the archive's file when scanned. */
    @FunctionalInterface
    interface Data {
        byte[] load() throws IOException;
    }

    /**
     * {@code length} bytes at {@code offset} of a file: an archive on disk, or one stored inside it, or an entry's
     * data, read when needed rather than held.
     */
    record Region(Path file, long offset, long length) implements Data {
        /** The part of this region at {@code at} (relative to its start), {@code n} bytes long. */
        Region slice(long at, long n) {
            return new Region(file, offset + at, Math.max(0, Math.min(n, length - at)));
        }

        @Override
        public byte[] load() throws IOException {
            if (length > Integer.MAX_VALUE - 8) {
                throw new IOException("entry too large");
            }
            byte[] out = new byte[(int) length];
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(out);
                long at = offset;
                while (buf.hasRemaining()) {
                    int r = ch.read(buf, at);
                    if (r < 0) {
                        throw new IOException("the archive changed while it was scanned");
                    }
                    at += r;
                }
            }
            return out;
        }

        /** A read-only channel over this region, for a zip reader. */
        java.nio.channels.SeekableByteChannel open() throws IOException {
            java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file);
            return new java.nio.channels.SeekableByteChannel() {
                private long position;

                @Override
                public int read(java.nio.ByteBuffer dst) throws IOException {
                    if (position >= length) {
                        return -1;
                    }
                    int want = (int) Math.min(dst.remaining(), length - position);
                    java.nio.ByteBuffer view = dst.slice();
                    view.limit(want);
                    int r = ch.read(view, offset + position);
                    if (r > 0) {
                        dst.position(dst.position() + r);
                        position += r;
                    }
                    return r;
                }

                @Override
                public int write(java.nio.ByteBuffer src) throws IOException {
                    throw new java.nio.channels.NonWritableChannelException();
                }

                @Override
                public long position() {
                    return position;
                }

                @Override
                public java.nio.channels.SeekableByteChannel position(long p) {
                    position = p;
                    return this;
                }

                @Override
                public long size() {
                    return length;
                }

                @Override
                public java.nio.channels.SeekableByteChannel truncate(long size) {
                    throw new java.nio.channels.NonWritableChannelException();
                }

                @Override
                public boolean isOpen() {
                    return ch.isOpen();
                }

                @Override
                public void close() throws IOException {
                    ch.close();
                }
            };
        }
    }

    /** A file read out of an artifact: scanned as a file of its kind, a class file read as Java. */
    static final class ArchivedFile implements Source.Entry {
        private final String path;
        private final Data data;
        /** {@code data} is a raw deflate stream of {@code size} bytes, else the content itself. */
        private final boolean deflated;
        private final long size;

        ArchivedFile(String path, byte[] bytes) {
            this(path, () -> bytes, false, bytes.length);
        }

        ArchivedFile(String path, Data data, boolean deflated, long size) {
            this.path = path;
            this.data = data;
            this.deflated = deflated;
            this.size = size;
        }

        /** The content: inflated here, never past the size the archive declared for it. */
        private byte[] bytes() throws SkippedException, IOException {
            byte[] stored = data.load();
            if (!deflated) {
                if (stored.length != size) {
                    throw new SkippedException("skipped: its content does not match the size the archive declares");
                }
                return stored;
            }
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            try {
                inflater.setInput(stored);
                byte[] out = new byte[(int) size];
                int n = 0;
                while (n < out.length && !inflater.finished()) {
                    int r = inflater.inflate(out, n, out.length - n);
                    if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += r;
                }
                if (n != out.length || !inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                    throw new SkippedException("skipped: its content does not match the size the archive declares");
                }
                return out;
            } catch (java.util.zip.DataFormatException e) {
                throw new SkippedException("skipped: cannot inflate (corrupt data)");
            } finally {
                inflater.end();
            }
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Fragment read() throws SkippedException, IOException {
            byte[] bytes = bytes();
            if (isClassFile(path)) {
                return ClassFileText.translate(path, bytes);
            }
            if (TextDecoding.isBinary(bytes)) {
                throw new BinaryFileException();
            }
            TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
            return new Fragment(path, decoded.text(), 1, decoded.malformed());
        }
    }
}
