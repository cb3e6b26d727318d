package dev.miscan.core.source.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Container image tarballs written in tests, as {@code docker save} and an OCI image layout would write them (docker
 * itself is not needed): layers of files, whiteouts and links, plain or gzip, and an image config.
 */
public final class ImageTarballs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageTarballs() {
    }

    /** One layer's tar, built up entry by entry. */
    public static final class Layer {
        private final List<TarArchiveEntry> entries = new ArrayList<>();
        private final List<byte[]> contents = new ArrayList<>();
        private boolean gzip;
        private byte[] raw;

        public Layer file(String path, String text) {
            return file(path, text.getBytes(StandardCharsets.UTF_8));
        }

        public Layer file(String path, byte[] bytes) {
            TarArchiveEntry e = new TarArchiveEntry(path);
            e.setSize(bytes.length);
            entries.add(e);
            contents.add(bytes);
            return this;
        }

        public Layer dir(String path) {
            entries.add(new TarArchiveEntry(path.endsWith("/") ? path : path + "/"));
            contents.add(new byte[0]);
            return this;
        }

        /** Deletes {@code path} of the layers below ({@code dir/.wh.name}). */
        public Layer whiteout(String path) {
            int slash = path.lastIndexOf('/');
            return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0]);
        }

        /** Hides what the layers below hold in {@code dir} ({@code dir/.wh..wh..opq}). */
        public Layer opaque(String dir) {
            return file(dir + "/.wh..wh..opq", new byte[0]);
        }

        public Layer symlink(String path, String target) {
            TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
            e.setLinkName(target);
            entries.add(e);
            contents.add(new byte[0]);
            return this;
        }

        public Layer hardlink(String path, String target) {
            TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_LINK);
            e.setLinkName(target);
            entries.add(e);
            contents.add(new byte[0]);
            return this;
        }

        public Layer gzip() {
            gzip = true;
            return this;
        }

        /** The layer's blob is {@code bytes} as they are (a corrupt layer). */
        public Layer raw(byte[] bytes) {
            raw = bytes;
            return this;
        }

        /** The uncompressed tar (what the diff id digests). */
        byte[] tar() {
            if (raw != null) {
                return raw;
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (int i = 0; i < entries.size(); i++) {
                    tar.putArchiveEntry(entries.get(i));
                    tar.write(contents.get(i));
                    tar.closeArchiveEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buf.toByteArray();
        }

        /** The blob as stored in the tarball. */
        byte[] blob() {
            return gzip && raw == null ? ImageTarballs.gzip(tar()) : tar();
        }
    }

    public static Layer layer() {
        return new Layer();
    }

    /** The image config: {@code config} (Env, Cmd, Entrypoint, Labels) and {@code history} created_by steps. */
    public static final class Config {
        private final ObjectNode root = JSON.createObjectNode();
        private final ObjectNode config = root.putObject("config");
        private final ArrayNode history = root.putArray("history");

        public Config env(String... kv) {
            ArrayNode a = config.withArray("Env");
            for (String s : kv) {
                a.add(s);
            }
            return this;
        }

        public Config cmd(String... words) {
            ArrayNode a = config.putArray("Cmd");
            for (String s : words) {
                a.add(s);
            }
            return this;
        }

        public Config entrypoint(String... words) {
            ArrayNode a = config.putArray("Entrypoint");
            for (String s : words) {
                a.add(s);
            }
            return this;
        }

        public Config label(String key, String value) {
            config.with("Labels").put(key, value);
            return this;
        }

        public Config history(String createdBy) {
            history.addObject().put("created", "2026-01-02T03:04:05Z").put("created_by", createdBy);
            return this;
        }

        byte[] json(List<Layer> layers) {
            ObjectNode c = root.deepCopy();
            c.put("architecture", "amd64").put("os", "linux");
            ArrayNode ids = c.putObject("rootfs").put("type", "layers").putArray("diff_ids");
            layers.forEach(l -> ids.add(digest(l.tar())));
            return bytes(c);
        }
    }

    public static Config config() {
        return new Config();
    }

    /** A tarball as {@code docker save} writes it (Docker before 25: {@code <id>/layer.tar}, {@code <id>.json}). */
    public static Path dockerSave(Path file, Config config, Layer... layers) throws IOException {
        Map<String, byte[]> tar = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Layer l : layers) {
            String name = hex(digest(l.blob())).substring(0, 64) + "/layer.tar";
            names.add(name);
            tar.put(name, l.blob());
        }
        byte[] configJson = config.json(List.of(layers));
        String configName = hex(digest(configJson)) + ".json";
        tar.put(configName, configJson);
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode m = manifest.addObject().put("Config", configName);
        m.putArray("RepoTags").add("contoso/orders:1.0");
        ArrayNode ls = m.putArray("Layers");
        names.forEach(ls::add);
        tar.put("manifest.json", bytes(manifest));
        tar.put("repositories", "{}".getBytes(StandardCharsets.UTF_8));
        Files.write(file, tar(tar));
        return file;
    }

    /** A tarball as {@code docker save} writes several images: one manifest entry each, shared layers once. */
    public static Path dockerSaveAll(Path file, List<Config> configs, List<List<Layer>> layers) throws IOException {
        Map<String, byte[]> tar = new LinkedHashMap<>();
        ArrayNode manifest = JSON.createArrayNode();
        for (int i = 0; i < configs.size(); i++) {
            ObjectNode m = manifest.addObject();
            byte[] configJson = configs.get(i).json(layers.get(i));
            String configName = hex(digest(configJson)) + ".json";
            tar.put(configName, configJson);
            m.put("Config", configName);
            ArrayNode ls = m.putArray("Layers");
            for (Layer l : layers.get(i)) {
                String name = hex(digest(l.blob())) + "/layer.tar";
                tar.put(name, l.blob());
                ls.add(name);
            }
        }
        tar.put("manifest.json", bytes(manifest));
        Files.write(file, tar(tar));
        return file;
    }

    /**
     * A tarball as Docker 25 and later save it: an OCI layout ({@code blobs/sha256/…}, {@code index.json}) that also
     * has the {@code manifest.json} of older versions, naming the same blobs.
     */
    public static Path dockerSaveOci(Path file, Config config, Layer... layers) throws IOException {
        Map<String, byte[]> tar = new LinkedHashMap<>();
        byte[] configJson = config.json(List.of(layers));
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2);
        manifest.putObject("config").put("digest", digest(configJson));
        ArrayNode ls = manifest.putArray("layers");
        ArrayNode legacy = JSON.createArrayNode();
        ObjectNode m = legacy.addObject().put("Config", "blobs/sha256/" + hex(digest(configJson)));
        ArrayNode legacyLayers = m.putArray("Layers");
        for (Layer l : layers) {
            tar.put("blobs/sha256/" + hex(digest(l.blob())), l.blob());
            ls.addObject().put("digest", digest(l.blob()));
            legacyLayers.add("blobs/sha256/" + hex(digest(l.blob())));
        }
        tar.put("blobs/sha256/" + hex(digest(configJson)), configJson);
        byte[] manifestJson = bytes(manifest);
        tar.put("blobs/sha256/" + hex(digest(manifestJson)), manifestJson);
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        index.putArray("manifests").addObject().put("digest", digest(manifestJson));
        tar.put("index.json", bytes(index));
        tar.put("manifest.json", bytes(legacy));
        tar.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        Files.write(file, tar(tar));
        return file;
    }

    /**
     * An OCI layout whose index names an index of platforms (as {@code docker buildx} pushes them): linux/arm64,
     * linux/amd64 and a build attestation; each platform image has one layer of its own.
     */
    public static Path ociMultiPlatform(Path file, Layer arm64, Layer amd64) throws IOException {
        Map<String, byte[]> tar = new LinkedHashMap<>();
        tar.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode platforms = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode list = platforms.putArray("manifests");
        String[][] which = {{"linux", "arm64"}, {"linux", "amd64"}, {"unknown", "unknown"}};
        Layer[] layers = {arm64, amd64, layer().file("attestation.json", "{}")};
        for (int i = 0; i < 3; i++) {
            byte[] configJson = config().json(List.of(layers[i]));
            tar.put("blobs/sha256/" + hex(digest(configJson)), configJson);
            tar.put("blobs/sha256/" + hex(digest(layers[i].blob())), layers[i].blob());
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2);
            manifest.putObject("config").put("digest", digest(configJson));
            manifest.putArray("layers").addObject().put("digest", digest(layers[i].blob()));
            byte[] manifestJson = bytes(manifest);
            tar.put("blobs/sha256/" + hex(digest(manifestJson)), manifestJson);
            list.addObject().put("digest", digest(manifestJson)).putObject("platform").put("os", which[i][0])
                    .put("architecture", which[i][1]);
        }
        byte[] platformsJson = bytes(platforms);
        tar.put("blobs/sha256/" + hex(digest(platformsJson)), platformsJson);
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        index.putArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.index.v1+json")
                .put("digest", digest(platformsJson));
        tar.put("index.json", bytes(index));
        Files.write(file, tar(tar));
        return file;
    }

    /** An OCI image layout, tarred (gzip when the name ends {@code .gz}/{@code .tgz}). */
    public static Path ociLayout(Path file, Config config, Layer... layers) throws IOException {
        Map<String, byte[]> tar = new LinkedHashMap<>();
        tar.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        byte[] configJson = config.json(List.of(layers));
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", digest(configJson)).put("size", configJson.length);
        ArrayNode ls = manifest.putArray("layers");
        for (Layer l : layers) {
            byte[] blob = l.blob();
            ls.addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar" + (l.gzip ? "+gzip" : ""))
                    .put("digest", digest(blob)).put("size", blob.length);
            tar.put("blobs/sha256/" + hex(digest(blob)), blob);
        }
        tar.put("blobs/sha256/" + hex(digest(configJson)), configJson);
        byte[] manifestJson = bytes(manifest);
        tar.put("blobs/sha256/" + hex(digest(manifestJson)), manifestJson);
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        index.putArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("digest", digest(manifestJson)).put("size", manifestJson.length);
        tar.put("index.json", bytes(index));
        byte[] bytes = tar(tar);
        String name = file.getFileName().toString();
        Files.write(file, name.endsWith(".gz") || name.endsWith(".tgz") ? gzip(bytes) : bytes);
        return file;
    }

    /** A tar of {@code files} (path to content). */
    public static byte[] tar(Map<String, byte[]> files) {
        Layer l = new Layer();
        files.forEach(l::file);
        return l.tar();
    }

    /** A jar (zip) of {@code files}. */
    public static byte[] jar(Map<String, String> files) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 12 hex digits of a layer's diff id, as the history paths show it. */
    public static String shortId(Layer layer) {
        return hex(digest(layer.tar())).substring(0, 12);
    }

    private static String hex(String digest) {
        return digest.substring("sha256:".length());
    }

    private static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
