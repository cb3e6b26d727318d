package dev.miscan.core.source.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.source.Source;
import dev.miscan.core.source.TextDecoding;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A container image saved as a tarball ({@code docker save}, or an OCI image layout tarred), read as the files of the
 * image. A tarball that is neither is read as a plain tar archive (a remark says so). Nothing is extracted to disk: the
 * tarball is streamed a few times (plain tar once; an image three times: its metadata, the paths of every layer, then
 * the content of the files kept), gzip layers and a gzip tarball included.
 *
 * <p>Paths (reported after the tarball's own path, {@code image.tar}):
 * <ul>
 * <li>{@code image.tar!/app/config/application.yml}: a file of the final image (layers applied in order, whiteouts
 * {@code .wh.<name>} and opaque directories {@code .wh..wh..opq} honoured); a jar in it is opened as any artifact is
 * ({@code image.tar!/app/app.jar!/BOOT-INF/classes/application.properties});</li>
 * <li>{@code image.tar!/layers/<n>-<digest>!/app/secret.env}: a file that layer {@code n} (1 is the base layer, as
 * the manifest lists them; {@code digest} is the first 12 hex digits of the layer's diff id, as the config's {@code
 * rootfs.diff_ids} and {@code docker inspect} list it) holds but a later layer deleted or replaced. It is not in
 * the running container, but anyone who pulls the image has it, as a secret removed from a git branch stays in its
 * history. A version whose content is also in the final image, or in another such version, is scanned once, where
 * it ends up;</li>
 * <li>{@code image.tar!/config/Env.env} (the config's {@code Env}, one {@code KEY=value} line each, read as a
 * {@code .env} file), {@code config/Labels.env} (its labels, the same way), {@code config/Cmd.sh} (the entrypoint and
 * command, as one shell command line) and {@code config/history.Dockerfile} (the history's {@code created_by}
 * instructions as Dockerfile lines: {@code RUN} commands with the build arguments they saw as {@code ARG} lines, and
 * the {@code ENV} settings that the final {@code Env} no longer holds);</li>
 * <li>a tarball holding several images puts each under {@code image.tar!/image-<n>!/}.</li>
 * </ul>
 * The layer's place in the path, not a {@link dev.miscan.core.api.Provenance}, says that a file is only in the image's
 * history: a provenance is a git commit in every report (its id, author, "added in commit …"), which a layer is not.
 * docs/container-images.md has the formats' public sources.
 *
 * <p>Limits are the artifact's ({@link Artifacts.Context}); links in layers are skipped (never followed), binary files
 * and files over the size limit are counted in one note; a path is only ever a label ({@code ../} cannot leave the
 * image); a layer that is not a readable tar (gzip), or that inflates past the ratio limit, is one warning and the
 * rest of the image is scanned.
 */
final class ImageTarball {
    /** Entries at most this large may be metadata (a manifest, an index, a config): kept from the first pass. */
    private static final long META_CAP = 4L << 20;
    /** At most this many bytes of metadata are kept. */
    private static final long META_TOTAL = 64L << 20;
    /** How much of a file is looked at to tell a binary file without reading it. */
    private static final int HEAD = 8000;
    /** Past this many inflated bytes a gzip stream's ratio is checked. */
    private static final long RATIO_FLOOR = 1L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String root;
    private final Artifacts.Context ctx;
    private final List<Source.Entry> out;
    private final long compressedSize;
    /** Entries of the tarball that link to another (a layer saved once for two places), to their target. */
    private final Map<String, String> links = new HashMap<>();
    /** The tarball broke off or is corrupt: said once, and every pass stops where it broke. */
    private boolean outerBroken;

    private ImageTarball(Path file, String root, Artifacts.Context ctx, List<Source.Entry> out) throws IOException {
        this.file = file;
        this.root = root;
        this.ctx = ctx;
        this.out = out;
        this.compressedSize = Files.size(file);
    }

    static void entries(Path file, String path, Artifacts.Context ctx, List<Source.Entry> out) throws IOException {
        new ImageTarball(file, path, ctx, out).read();
    }

    private void read() throws IOException {
        Map<String, byte[]> meta = new HashMap<>();
        Set<String> names = new HashSet<>();
        long[] kept = {0};
        boolean any = forEach((entry, name, in) -> {
            names.add(name);
            if (entry.isSymbolicLink() && !name.isEmpty()) {
                // docker save writes a layer that an image has twice once, and links the second to the first
                links.put(name, normalize((name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "")
                        + entry.getLinkName()));
            } else if (entry.isFile() && entry.getSize() <= META_CAP && kept[0] + entry.getSize() <= META_TOTAL
                    && metadataName(name)) {
                byte[] bytes = in.readNBytes((int) entry.getSize());
                if (bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[' || name.equals("oci-layout"))) {
                    meta.put(name, bytes);
                    kept[0] += bytes.length;
                }
            }
            return true;
        });
        if (!any && outerBroken) {
            return;
        }
        List<Image> images = new ArrayList<>();
        if (!dockerImages(meta, names, images) && !ociImages(meta, names, images)) {
            if (!outerBroken) { // a broken tarball may have lost its manifest: its warning says enough
                ctx.remark(root, "not a container image (no manifest.json or OCI index.json): read as a plain tar"
                        + " archive");
            }
            plainTar();
            return;
        }
        scanImages(images);
    }

    // ---- what the tarball says the images are ----

    private static boolean metadataName(String name) {
        return name.equals("manifest.json") || name.equals("index.json") || name.equals("oci-layout")
                || name.endsWith(".json") || name.startsWith("blobs/");
    }

    /** One image: its entries' prefix, its config, its layers from the base up. */
    private record Image(String prefix, JsonNode config, List<Layer> layers) {
    }

    /** A layer: the tarball entry holding it, and the digest its history paths show. */
    private record Layer(String blob, String digest) {
    }

    private boolean dockerImages(Map<String, byte[]> meta, Set<String> names, List<Image> images) {
        JsonNode manifest = json(meta.get("manifest.json"));
        if (manifest == null || !manifest.isArray() || manifest.isEmpty()) {
            return false;
        }
        for (JsonNode m : manifest) {
            if (!m.path("Config").isTextual() || !m.path("Layers").isArray()) {
                return false;
            }
        }
        for (JsonNode m : manifest) {
            String config = normalize(m.path("Config").asText());
            List<String> blobs = new ArrayList<>();
            m.path("Layers").forEach(l -> blobs.add(normalize(l.asText())));
            images.add(image(meta, names, config, blobs));
        }
        return true;
    }

    private boolean ociImages(Map<String, byte[]> meta, Set<String> names, List<Image> images) {
        JsonNode index = json(meta.get("index.json"));
        if (!names.contains("oci-layout") || index == null || !index.path("manifests").isArray()) {
            return false;
        }
        for (JsonNode descriptor : index.path("manifests")) {
            JsonNode manifest = json(meta.get(blobPath(descriptor.path("digest").asText())));
            for (int depth = 0; manifest != null && manifest.path("manifests").isArray() && depth < 4; depth++) {
                // an index of platforms: the image for linux/amd64, else the first real one
                JsonNode chosen = null;
                for (JsonNode d : manifest.path("manifests")) {
                    JsonNode platform = d.path("platform");
                    if (platform.path("os").asText().equals("unknown")) {
                        continue; // an attestation (provenance, SBOM), not an image
                    }
                    if (chosen == null || platform.path("os").asText().equals("linux")
                            && platform.path("architecture").asText().equals("amd64")) {
                        chosen = d;
                    }
                }
                manifest = chosen == null ? null : json(meta.get(blobPath(chosen.path("digest").asText())));
            }
            if (manifest == null || !manifest.path("layers").isArray()) {
                ctx.warn(root, "an image of the OCI index has no readable manifest: it is not scanned");
                continue;
            }
            List<String> blobs = new ArrayList<>();
            manifest.path("layers").forEach(l -> blobs.add(blobPath(l.path("digest").asText())));
            images.add(image(meta, names, blobPath(manifest.path("config").path("digest").asText()), blobs));
        }
        return !images.isEmpty() || index.path("manifests").isEmpty();
    }

    private Image image(Map<String, byte[]> meta, Set<String> names, String configName, List<String> blobs) {
        JsonNode config = json(meta.get(configName));
        if (config == null) {
            ctx.warn(root, "the image config " + configName + " is missing or unreadable: its environment and"
                    + " command are not scanned");
            config = JSON.createObjectNode();
        }
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            String blob = blobs.get(i);
            for (int hops = 0; links.containsKey(blob) && hops < 8; hops++) {
                blob = links.get(blob);
            }
            if (!names.contains(blob)) {
                ctx.warn(root, "layer " + (i + 1) + " (" + blob + ") is missing from the tarball: it is not scanned");
            }
            String id = diffIds.size() == blobs.size() ? diffIds.get(i).asText() : blobs.get(i);
            layers.add(new Layer(blob, shortDigest(id)));
        }
        return new Image("", config, layers);
    }

    /** The first 12 hex digits of a digest ({@code sha256:…}) or of a path naming one ({@code blobs/sha256/…}). */
    private static String shortDigest(String id) {
        String hex = id.substring(Math.max(id.lastIndexOf(':'), id.lastIndexOf('/')) + 1);
        if (hex.endsWith(".tar")) {
            hex = hex.substring(0, hex.length() - 4);
        }
        if (hex.equals("layer") && id.contains("/")) {
            String dir = id.substring(0, id.lastIndexOf('/'));
            hex = dir.substring(dir.lastIndexOf('/') + 1);
        }
        hex = hex.replaceAll("[^0-9A-Za-z]", "");
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private static String blobPath(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? "blobs/" + digest : normalize("blobs/" + digest.substring(0, colon) + "/"
                + digest.substring(colon + 1));
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ---- the image's files ----

    private enum Kind { FILE, DIR, OTHER }

    /** The paths one layer holds (whiteouts as OTHER at the path they delete) and the directories it makes opaque. */
    private static final class LayerIndex {
        final Map<String, Kind> paths = new HashMap<>();
        final Set<String> opaque = new HashSet<>();
        boolean broken;
    }

    /** A file read from a layer, kept until every layer is read so that a history version equal to a final one goes. */
    private record Candidate(String label, String path, byte[] bytes, String hash, boolean fin) {
    }

    private void scanImages(List<Image> images) throws IOException {
        if (images.size() > 1) {
            for (int i = 0; i < images.size(); i++) {
                images.set(i, new Image("image-" + (i + 1) + "!/", images.get(i).config(), images.get(i).layers()));
            }
            ctx.remark(root, images.size() + " images in one tarball: each is read under " + root + "!/image-<n>!/");
        }
        for (Image image : images) {
            config(image);
        }
        // pass 2: every layer's paths
        Map<String, LayerIndex> index = new HashMap<>();
        for (Image image : images) {
            for (Layer layer : image.layers()) {
                index.put(layer.blob(), null);
            }
        }
        int[] indexed = {0};
        forEach((entry, name, in) -> {
            if (!index.containsKey(name) || index.get(name) != null || !entry.isFile()) {
                return true;
            }
            LayerIndex li = new LayerIndex();
            index.put(name, li);
            eachFile(name, entry, in, li, (e, path, layer) -> {
                if (++indexed[0] > ctx.options().maxEntries()) {
                    return false;
                }
                String base = path.substring(path.lastIndexOf('/') + 1);
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                // only a regular file is a marker; .wh. and .wh.. would name the folder itself or its parent
                String victim = base.substring(Math.min(4, base.length()));
                if (!regular(e) || !base.startsWith(".wh.")) {
                    li.paths.put(path, e.isDirectory() ? Kind.DIR : regular(e) ? Kind.FILE : Kind.OTHER);
                } else if (base.equals(".wh..wh..opq")) {
                    li.opaque.add(dir);
                } else if (!victim.isEmpty() && !victim.equals(".") && !victim.equals("..")
                        && !base.startsWith(".wh..wh.")) {
                    li.paths.put(dir.isEmpty() ? victim : dir + "/" + victim, Kind.OTHER);
                }
                return true;
            });
            return true;
        });
        if (indexed[0] > ctx.options().maxEntries()) {
            ctx.warn(root, "the image's layers hold more than " + ctx.options().maxEntries() + " entries (the archive"
                    + " limit): the files past it are not scanned");
        }
        // which version of each path is the final one: walk the layers from the top down
        List<List<Map<String, Boolean>>> decisions = new ArrayList<>();
        Map<String, List<int[]>> uses = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            decisions.add(decide(images.get(i), index));
            for (int k = 0; k < images.get(i).layers().size(); k++) {
                uses.computeIfAbsent(images.get(i).layers().get(k).blob(), b -> new ArrayList<>())
                        .add(new int[] {i, k});
            }
        }
        // pass 3: the files' content
        List<List<Candidate>> found = new ArrayList<>();
        images.forEach(im -> found.add(new ArrayList<>()));
        int[] binary = {0};
        List<String> oversize = new ArrayList<>();
        boolean[] stop = {false};
        forEach((entry, name, in) -> {
            List<int[]> users = uses.get(name);
            LayerIndex li = index.get(name);
            if (users == null || li == null || !entry.isFile()) {
                return true;
            }
            eachFile(name, entry, in, li.broken ? null : li, (e, path, layer) -> {
                if (!regular(e)) {
                    return true;
                }
                List<String> labels = new ArrayList<>();
                List<int[]> wanted = new ArrayList<>();
                for (int[] use : users) {
                    Boolean fin = decisions.get(use[0]).get(use[1]).get(path);
                    if (fin != null) {
                        Image image = images.get(use[0]);
                        String digest = image.layers().get(use[1]).digest();
                        labels.add(root + "!/" + image.prefix() + (fin ? "" : "layers/" + (use[1] + 1) + "-"
                                + digest + "!/") + path);
                        wanted.add(use);
                    }
                }
                if (wanted.isEmpty() || Artifacts.skipped(path)) {
                    return true;
                }
                for (String label : labels) {
                    if (!ctx.admit(label)) {
                        stop[0] = true;
                        return false;
                    }
                }
                byte[] bytes = content(e, layer, path, labels.get(0), binary, oversize);
                if (bytes == null) {
                    return !stop[0];
                }
                String hash = sha256(bytes);
                for (int j = 0; j < wanted.size(); j++) {
                    int[] use = wanted.get(j);
                    boolean fin = decisions.get(use[0]).get(use[1]).get(path);
                    found.get(use[0]).add(new Candidate(labels.get(j), path, bytes, hash, fin));
                }
                return true;
            });
            return !stop[0];
        });
        Set<String> finals = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            Set<String> here = new HashSet<>();
            int history = 0;
            for (Candidate c : found.get(i)) {
                if (c.fin()) {
                    here.add(c.hash());
                    if (finals.add(c.path() + "\0" + c.hash())) { // the same file of a layer two images share
                        ctx.add(c.label(), c.bytes(), 0, out);
                    }
                }
            }
            for (Candidate c : found.get(i)) {
                if (!c.fin() && here.add(c.hash())) {
                    ctx.add(c.label(), c.bytes(), 0, out);
                    history++;
                }
            }
            if (history > 0) {
                ctx.remark(root, (history == 1 ? "1 file" : history + " files") + " that later layers deleted or"
                        + " replaced " + (history == 1 ? "is" : "are") + " scanned as " + images.get(i).prefix()
                        + "layers/<n>-<layer digest>!/<path>: not in the running container, but in every copy of the"
                        + " image (rotate what is found there)");
            }
        }
        summarize(binary[0], oversize);
    }

    /** Whether each file of each layer is in the final image (true) or only in the layer (false), per layer. */
    private static List<Map<String, Boolean>> decide(Image image, Map<String, LayerIndex> index) {
        Set<String> above = new HashSet<>();
        Set<String> aboveNonDirs = new HashSet<>();
        Set<String> aboveOpaque = new HashSet<>();
        Deque<Map<String, Boolean>> perLayer = new ArrayDeque<>();
        for (int k = image.layers().size() - 1; k >= 0; k--) {
            LayerIndex li = index.get(image.layers().get(k).blob());
            Map<String, Boolean> d = new HashMap<>();
            if (li != null) {
                li.paths.forEach((path, kind) -> {
                    if (kind == Kind.FILE) {
                        d.put(path, !hidden(path, above, aboveNonDirs, aboveOpaque));
                    }
                });
                li.paths.forEach((path, kind) -> {
                    above.add(path);
                    if (kind != Kind.DIR) {
                        aboveNonDirs.add(path);
                    }
                });
                aboveOpaque.addAll(li.opaque);
            }
            perLayer.addFirst(d);
        }
        return new ArrayList<>(perLayer);
    }

    /** Whether a later layer put something at {@code path}, deleted it, or replaced or emptied a folder above it. */
    private static boolean hidden(String path, Set<String> above, Set<String> aboveNonDirs, Set<String> aboveOpaque) {
        if (above.contains(path)) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (aboveNonDirs.contains(folder) || aboveOpaque.contains(folder)) {
                return true;
            }
        }
        return false;
    }

    // ---- the image config ----

    private void config(Image image) {
        JsonNode c = image.config().path("config");
        String base = root + "!/" + image.prefix() + "config/";
        Set<String> env = new HashSet<>();
        StringBuilder envText = new StringBuilder();
        for (JsonNode e : c.path("Env")) {
            String kv = e.asText();
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.add(kv);
                envText.append(kv, 0, eq + 1).append(envValue(kv.substring(eq + 1))).append('\n');
            }
        }
        StringBuilder labels = new StringBuilder();
        c.path("Labels").fields().forEachRemaining(f -> labels.append(f.getKey()).append('=')
                .append(envValue(f.getValue().asText())).append('\n'));
        String command = (commandLine(c.path("Entrypoint")) + " " + commandLine(c.path("Cmd"))).strip();
        StringBuilder history = new StringBuilder();
        for (JsonNode h : image.config().path("history")) {
            String step = h.path("created_by").asText("");
            if (!step.isBlank()) {
                history.append(instruction(step.strip(), env));
            }
        }
        addText(base + "Env.env", envText);
        addText(base + "Labels.env", labels);
        addText(base + "Cmd.sh", command.isEmpty() ? "" : command + "\n");
        addText(base + "history.Dockerfile", history);
    }

    private void addText(String label, CharSequence text) {
        if (text.length() > 0 && ctx.admit(label)) {
            ctx.add(label, text.toString().getBytes(StandardCharsets.UTF_8), 0, out);
        }
    }

    /** A value as a {@code .env} reader reads it back: quoted when it has spaces at an end, quotes or a comment. */
    private static String envValue(String v) {
        v = v.replace("\r", "").replace("\n", "\\n");
        boolean plain = v.equals(v.strip()) && !v.startsWith("\"") && !v.startsWith("'") && !v.contains(" #");
        return plain ? v : !v.contains("\"") ? '"' + v + '"' : !v.contains("'") ? "'" + v + "'" : v;
    }

    /** An exec-form command as a shell line: {@code sh -c 'script'} is the script itself. */
    private static String commandLine(JsonNode words) {
        List<String> w = new ArrayList<>();
        words.forEach(n -> w.add(n.asText()));
        if (w.size() >= 3 && w.get(0).matches("(/usr)?(/bin/)?(ba|da|z|a)?sh") && w.get(1).equals("-c")) {
            StringBuilder sb = new StringBuilder(w.get(2));
            w.subList(3, w.size()).forEach(s -> sb.append(' ').append(shellWord(s)));
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (String s : w) {
            sb.append(sb.length() == 0 ? "" : " ").append(shellWord(s));
        }
        return sb.toString();
    }

    private static String shellWord(String s) {
        return !s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * A history step as Dockerfile lines: the classic builder writes {@code /bin/sh -c #(nop)  ENV A=1} for an
     * instruction and {@code /bin/sh -c cmd} for a {@code RUN}; BuildKit writes {@code RUN |2 A=1 B=2 /bin/sh -c cmd #
     * buildkit}, the build arguments the command saw first.
     */
    private static String instruction(String step, Set<String> env) {
        String s = step.replace("\r", "");
        if (s.endsWith("# buildkit")) {
            s = s.substring(0, s.length() - "# buildkit".length()).strip();
        }
        StringBuilder lines = new StringBuilder();
        if (s.startsWith("/bin/sh -c #(nop)")) {
            s = s.substring("/bin/sh -c #(nop)".length()).strip();
        } else if (s.startsWith("/bin/sh -c ")) {
            s = "RUN " + s;
        }
        if (s.startsWith("RUN |")) {
            String[] words = s.substring(5).split(" ", -1);
            int n = words[0].matches("\\d{1,4}") ? Integer.parseInt(words[0]) : 0;
            int i = 1;
            for (; i <= n && i < words.length; i++) {
                lines.append("ARG ").append(words[i]).append('\n');
            }
            s = "RUN " + String.join(" ", List.of(words).subList(Math.min(i, words.length), words.length));
        }
        if (s.startsWith("RUN /bin/sh -c ")) {
            s = "RUN " + s.substring("RUN /bin/sh -c ".length());
        }
        if (s.startsWith("ENV ")) {
            // one setting a line, as a .env reader reads them; a setting the final Env holds is read there
            for (String pair : s.substring(4).strip().split("\\s+(?=[A-Za-z_][A-Za-z0-9_]*=)")) {
                if (!env.contains(pair) && !pair.isBlank()) {
                    lines.append("ENV ").append(pair).append('\n');
                }
            }
            return lines.toString();
        }
        return lines.append(s.replace("\n", " \\\n")).append('\n').toString();
    }

    // ---- reading ----

    /** What one visit of a tar entry does; false stops the walk. */
    private interface Visitor {
        boolean visit(TarArchiveEntry entry, String name, InputStream in) throws IOException;
    }

    /** What one visit of a layer's file does; false stops the layer. */
    private interface FileVisitor {
        boolean visit(TarArchiveEntry entry, String path, InputStream in) throws IOException;
    }

    /** Walks the tarball; false when it had no entry at all. A tarball that breaks off is one warning. */
    private boolean forEach(Visitor visitor) throws IOException {
        boolean any = false;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            InputStream in = decompressed(raw, compressedSize, root);
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            try {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    any = true;
                    if (!visitor.visit(e, normalize(e.getName()), tar)) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!any) {
                    throw e instanceof IOException io ? io : new IOException(e);
                }
                if (!outerBroken) {
                    outerBroken = true;
                    ctx.warn(root, "the tarball is truncated or corrupt (" + Artifacts.problem(e) + "): what comes"
                            + " after the break is not scanned");
                }
            }
        }
        return any;
    }

    /**
     * Walks the files of the layer {@code name} (an entry of the tarball, plain or gzip tar); with {@code index} null
     * the layer is known to be broken and its problem is not told again.
     */
    private void eachFile(String name, TarArchiveEntry entry, InputStream outer, LayerIndex index, FileVisitor visitor)
            throws IOException {
        String where = root + "!/" + name;
        try {
            InputStream in = decompressed(new BufferedInputStream(new Unclosable(outer), 64 * 1024), entry.getSize(),
                    where);
            if (in == null) {
                return;
            }
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String path = normalize(e.getName());
                if (path.isEmpty()) {
                    continue;
                }
                if (!visitor.visit(e, path, tar)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (index != null) {
                index.broken = true;
                ctx.warn(where, "skipped the rest of this layer: not a readable tar or gzip (" + Artifacts.problem(e)
                        + "); the other layers are scanned");
            }
        }
    }

    /** {@code in}, inflated when it is gzip and bounded by the ratio limit; null (with a note) for zstd. */
    private InputStream decompressed(InputStream in, long packed, String where) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            long limit = Math.max(RATIO_FLOOR, packed) * ctx.options().maxRatio();
            return new Bounded(GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true)
                    .get(), limit, ctx.options().maxRatio());
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            ctx.warn(where, "skipped: a zstd-compressed layer, which is not read (save the image with gzip layers)");
            return null;
        }
        return in;
    }

    /** The plain tar's files, each an entry named {@code root!/path}. */
    private void plainTar() throws IOException {
        int[] binary = {0};
        List<String> oversize = new ArrayList<>();
        forEach((entry, name, in) -> {
            if (!regular(entry) || name.isEmpty() || Artifacts.skipped(name)) {
                return true;
            }
            String label = root + "!/" + name;
            if (!ctx.admit(label)) {
                return false;
            }
            byte[] bytes = content(entry, in, name, label, binary, oversize);
            if (bytes != null) {
                ctx.add(label, bytes, 0, out);
            }
            return true;
        });
        summarize(binary[0], oversize);
    }

    /** A file's bytes, or null when it is binary, over its limit or past the artifact's budget (counted or warned). */
    private byte[] content(TarArchiveEntry e, InputStream in, String path, String label, int[] binary,
            List<String> oversize) throws IOException {
        boolean archive = Artifacts.isArchive(path);
        long cap = archive ? ctx.options().maxTotalBytes() : ctx.maxFileSize();
        if (e.getSize() > cap) {
            oversize.add(label);
            return null;
        }
        byte[] head = in.readNBytes(HEAD);
        if (!archive && !Artifacts.isClassFile(path) && TextDecoding.isBinary(head)) {
            binary[0]++;
            return null;
        }
        return ctx.read(new SequenceInputStream(new ByteArrayInputStream(head), new Unclosable(in)), label, -1, cap);
    }

    private void summarize(int binary, List<String> oversize) {
        if (binary > 0) {
            ctx.note(root, "skipped " + binary + " binary file" + (binary == 1 ? "" : "s") + " in the image");
        }
        if (!oversize.isEmpty()) {
            ctx.note(root, "skipped " + oversize.size() + " file" + (oversize.size() == 1 ? "" : "s") + " over the "
                    + ctx.maxFileSize() + "-byte limit, the first " + oversize.get(0));
        }
    }

    private static boolean regular(TarArchiveEntry e) {
        return e.isFile() && !e.isSymbolicLink() && !e.isLink() && !e.isDirectory();
    }

    /** A tar path as a label inside the image: no leading {@code /} or {@code ./}, {@code ..} cannot climb out. */
    static String normalize(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : name.replace('\\', '/').split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream whose close leaves the stream under it open (a layer inside the tarball, a file inside a layer). */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /** A gzip stream that stops, as a corrupt one would, once it inflates past its ratio limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final int ratio;
        private long n;

        Bounded(InputStream in, long limit, int ratio) {
            super(in);
            this.limit = limit;
            this.ratio = ratio;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            count(Math.max(r, 0));
            return r;
        }

        @Override
        public long skip(long len) throws IOException {
            byte[] buf = new byte[8192];
            long done = 0;
            while (done < len) {
                int r = read(buf, 0, (int) Math.min(buf.length, len - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        private void count(int r) throws IOException {
            n += r;
            if (n > limit) {
                throw new IOException("inflates more than " + ratio + " times its compressed size (a gzip bomb?)");
            }
        }
    }
}
