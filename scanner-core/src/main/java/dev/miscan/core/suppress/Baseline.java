package dev.miscan.core.suppress;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fingerprints;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.secrets.Redaction;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Accepted findings: a file of fingerprints that a scan compares its findings with, so that only new ones
 * count (the baselined ones are kept as external suppressions).
 *
 * <h2>File ({@code .mi-scan-baseline.json}, format 2)</h2>
 *
 * <pre>
 * {
 *   "tool": "mi-scan",
 *   "formatVersion": 2,
 *   "pathBase": "root",                             paths are relative to the scan's report root (below)
 *   "fingerprints": {                               how every hash below was keyed (FingerprintKey)
 *     "algorithm": "PBKDF2-HMAC-SHA256",
 *     "iterations": 10000,
 *     "salt": "q2l0…=="                             16 random bytes, base64: this repository's
 *   },
 *   "findings": [                                   sorted by path, rule id, fingerprint
 *     {
 *       "ruleId": "MI-STORAGE-CONNSTR",
 *       "path": "src/main/resources/application.properties",
 *       "fingerprint": "3f1c…:1",                   as in SARIF partialFingerprints: rule, path, keyed digest, occurrence
 *       "contentHash": "9ab0…"                      rule and keyed digest only, for renamed files
 *     }
 *   ]
 * }
 * </pre>
 *
 * No secret, no plain hash of one, no line number, no date: moving a finding within its file keeps its
 * fingerprint, and re-creating an unchanged baseline with the same salt writes the same bytes. Scans compared
 * with this file must fingerprint with its key ({@link #scanKey()}); {@link #apply} refuses another.
 *
 * <h2>Paths</h2>
 * An entry's path is the finding's reported path: relative to the root of the git repository, or outside a
 * repository to the scanned directory, whatever the working directory ({@code "pathBase": "root"}). A file without
 * {@code pathBase} was written before paths were taken from the repository root, relative to the directory the
 * scan ran from: its entries are matched both as they are and relative to the {@link #withLegacyPrefixes legacy
 * prefixes} the front end names (the baseline file's directory and the scanned directory, below the root), and the
 * next {@link #update} writes them relative to the root.
 *
 * <h2>Format 1</h2>
 * Files written before keyed fingerprints hold no {@code fingerprints} object, and their hashes are plain SHA-256
 * chains of the secret ({@code sha256(rule\npath\nsha256(secret))}, {@code sha256(rule\nsha256(secret))}), which
 * can be brute-forced from the file. They are still read and matched (only the findings whose rule and path, or
 * rule for a renamed file, appear in the file are hashed that way), {@link #advice()} tells how to rewrite them,
 * and {@link #update} writes format 2. They are never written.
 *
 * <h2>Matching</h2>
 * A finding is baselined when an entry has its fingerprint. Otherwise, when an entry for the same rule and
 * {@code contentHash} is left over and that entry's path no longer exists, the file was renamed or moved:
 * the finding takes that entry. A copy of a baselined secret into a new file is therefore reported (the
 * original path still exists), while a rename is not. Each entry matches at most one finding.
 */
public final class Baseline {
    public static final String DEFAULT_FILE = ".mi-scan-baseline.json";
    /** The format written: keyed fingerprints. */
    public static final int FORMAT_VERSION = 2;
    /** The format before keyed fingerprints: read and matched, never written. */
    public static final int UNKEYED_FORMAT_VERSION = 1;

    /** One accepted finding. */
    public record Entry(String ruleId, String path, String fingerprint, String contentHash) {
        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path).thenComparing(Entry::ruleId)
                .thenComparing(Entry::fingerprint);
    }

    /**
     * The outcome of comparing a scan with the baseline.
     *
     * @param result  the scan with baselined findings moved to its suppressed findings
     * @param matched entries that matched a finding
     * @param stale   entries that matched nothing (the finding was fixed, or the file is gone)
     */
    public record Applied(ScanResult result, List<Entry> matched, List<Entry> stale) {
    }

    /** The value of {@code pathBase} in files whose paths are relative to the report root. */
    public static final String PATH_BASE = "root";

    private final List<Entry> entries;
    private final String name;
    /** The key of the file's hashes; null for a format 1 file (plain SHA-256). */
    private final FingerprintKey key;
    /** Where the file was read from (for advice), or null. */
    private final Path file;
    /** Whether the paths are known to be relative to the report root ({@code pathBase}). */
    private final boolean rootPaths;
    /** For a file without {@code pathBase}: directories (ending with '/') its paths may be relative to. */
    private final List<String> legacyPrefixes;

    private Baseline(List<Entry> entries, String name, FingerprintKey key, Path file) {
        this(entries, name, key, file, true, List.of());
    }

    private Baseline(List<Entry> entries, String name, FingerprintKey key, Path file, boolean rootPaths,
            List<String> legacyPrefixes) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Entry.ORDER);
        this.entries = List.copyOf(sorted);
        this.name = name;
        this.key = key;
        this.file = file;
        this.rootPaths = rootPaths;
        this.legacyPrefixes = List.copyOf(legacyPrefixes);
    }

    /**
     * This baseline, its entries also matched relative to {@code prefixes} (directories below the report root,
     * each ending with {@code /}) when the file predates root-relative paths; the same baseline otherwise.
     */
    public Baseline withLegacyPrefixes(List<String> prefixes) {
        if (rootPaths || prefixes.isEmpty()) {
            return this;
        }
        return new Baseline(entries, name, key, file, false, prefixes.stream().distinct().toList());
    }

    /** Whether the file says its paths are relative to the report root (written by this version or later). */
    public boolean rootPaths() {
        return rootPaths;
    }

    /** A baseline of every unsuppressed finding of {@code result}, keyed as its fingerprints are. */
    public static Baseline of(ScanResult result) {
        return of(result.findings(), result.fingerprintKey());
    }

    /** A baseline of every finding of {@code findings}, whose fingerprints were made with {@code key}. */
    public static Baseline of(List<Finding> findings, FingerprintKey key) {
        List<Entry> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            if (f.fingerprint() != null && seen.add(f.fingerprint())) {
                list.add(entry(f));
            }
        }
        return new Baseline(list, DEFAULT_FILE, java.util.Objects.requireNonNull(key), null);
    }

    /** The entry of a numbered finding: its fingerprint and keyed content hash. */
    public static Entry entry(Finding f) {
        return new Entry(f.rule().id(), f.location().path(), f.fingerprint(), contentHash(f));
    }

    private static List<String> ids(Finding f) {
        List<String> ids = new ArrayList<>();
        ids.add(f.rule().id());
        ids.addAll(f.rule().aliases());
        return ids;
    }

    /** Identifies a secret for one rule independently of its path: a hash of the rule id and the keyed digest. */
    public static String contentHash(Finding f) {
        return Fingerprints.contentHash(f.rule().id(), f.secretDigest());
    }

    /**
     * The hashes of a finding as one format of baseline writes them: under rule id {@code ruleId} (the finding's
     * or a former one).
     */
    private interface Forms {
        String fingerprint(String ruleId, Finding f);

        /** The fingerprint {@code f} would have at {@code path} (a legacy entry's form of its path). */
        String fingerprintAt(String ruleId, Finding f, String path);

        String contentHash(String ruleId, Finding f);
    }

    private static final Forms KEYED = new Forms() {
        @Override
        public String fingerprint(String ruleId, Finding f) {
            return Fingerprints.under(ruleId, f);
        }

        @Override
        public String fingerprintAt(String ruleId, Finding f, String path) {
            return f.fingerprint() == null ? null
                    : Fingerprints.base(ruleId, path, f.secretDigest()) + Fingerprints.occurrence(f);
        }

        @Override
        public String contentHash(String ruleId, Finding f) {
            return Fingerprints.contentHash(ruleId, f.secretDigest());
        }
    };

    /** Format 1: plain SHA-256 chains of the in-memory secret hash; for matching old files only. */
    private static final Forms UNKEYED = new Forms() {
        @Override
        public String fingerprint(String ruleId, Finding f) {
            return fingerprintAt(ruleId, f, f.location().path());
        }

        @Override
        public String fingerprintAt(String ruleId, Finding f, String path) {
            return f.fingerprint() == null ? null
                    : Redaction.sha256(ruleId + "\n" + path + "\n" + f.secretHash()).substring(0, 32)
                            + Fingerprints.occurrence(f);
        }

        @Override
        public String contentHash(String ruleId, Finding f) {
            return Redaction.sha256(ruleId + "\n" + f.secretHash()).substring(0, 32);
        }
    };

    /**
     * Reads a baseline file of format 2 or 1; a missing file is a {@link NoSuchFileException}, a malformed one
     * (or one whose key is refused, see {@link FingerprintKey#of}) an IOException naming the file.
     */
    public static Baseline load(Path file) throws IOException {
        JsonNode root;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // an editor's byte-order mark is no part of the JSON
            root = new ObjectMapper().readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not a mi-scan baseline (not UTF-8 text)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a mi-scan baseline (invalid JSON at line "
                    + e.getLocation().getLineNr() + ")");
        }
        int version = root == null ? 0 : root.path("formatVersion").asInt();
        if (root == null || !root.path("findings").isArray()
                || (version != FORMAT_VERSION && version != UNKEYED_FORMAT_VERSION)) {
            throw new IOException(file + ": not a mi-scan baseline of format " + FORMAT_VERSION + " or "
                    + UNKEYED_FORMAT_VERSION + " (expected formatVersion and findings"
                    + (version > FORMAT_VERSION ? "; this one was written by a newer mi-scan)" : ")"));
        }
        FingerprintKey key = null;
        if (version == FORMAT_VERSION) {
            JsonNode fp = root.path("fingerprints");
            if (!fp.isObject() || !fp.path("iterations").canConvertToInt() || !fp.path("iterations").isIntegralNumber()) {
                throw new IOException(file + ": a baseline of format " + FORMAT_VERSION
                        + " needs \"fingerprints\": {\"algorithm\", \"iterations\", \"salt\"}");
            }
            try {
                key = FingerprintKey.of(fp.path("algorithm").asText(""), fp.path("iterations").asInt(),
                        fp.path("salt").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage());
            }
        }
        List<Entry> list = new ArrayList<>();
        for (JsonNode n : root.path("findings")) {
            String fp = n.path("fingerprint").asText("");
            String rule = n.path("ruleId").asText("");
            if (fp.isEmpty() || rule.isEmpty()) {
                throw new IOException(file + ": a baseline entry has no ruleId or fingerprint");
            }
            list.add(new Entry(rule, n.path("path").asText(""), fp, n.path("contentHash").asText("")));
        }
        boolean rootPaths = PATH_BASE.equals(root.path("pathBase").asText(""));
        return new Baseline(list, String.valueOf(file.getFileName()), key, file, rootPaths, List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** {@link #FORMAT_VERSION}, or {@link #UNKEYED_FORMAT_VERSION} for a file read in the old format. */
    public int formatVersion() {
        return key == null ? UNKEYED_FORMAT_VERSION : FORMAT_VERSION;
    }

    /** Whether the file's hashes are keyed (format 2); false: plain SHA-256 that must be rewritten. */
    public boolean keyed() {
        return key != null;
    }

    /**
     * The key of every scan compared with this baseline: the file's own, so that the fingerprints of the scan and
     * its reports are those of the file; for a format 1 file, the default key (its entries are matched in the
     * old form whatever the key).
     */
    public FingerprintKey scanKey() {
        return key != null ? key : FingerprintKey.DEFAULT;
    }

    /**
     * For a format 1 file: one warning that it holds plain hashes of the accepted secrets and how to rewrite it;
     * empty for a format 2 file.
     */
    public java.util.Optional<String> advice() {
        if (key != null) {
            return java.util.Optional.empty();
        }
        String where = file != null ? file.toString() : name;
        String command = "mi-scan baseline update" + (name.equals(DEFAULT_FILE) ? "" : " --file " + where);
        return java.util.Optional.of(where + ": baseline of format 1: it holds unsalted SHA-256 hashes of the "
                + "accepted secrets, which can be brute-forced from the file; run '" + command + "' to rewrite it "
                + "with keyed fingerprints (format " + FORMAT_VERSION + ", a salt of this repository's own; the "
                + "update also accepts the findings that are new since) and commit it");
    }

    /** Files that exist under {@code root}: the usual answer to "does this baselined path still exist?". */
    public static Predicate<String> existingFilesUnder(Path root) {
        // a file inside a built artifact (app.jar!/application.properties) is there while the artifact is
        return path -> Files.exists(root.resolve(path.contains("!/") ? path.substring(0, path.indexOf("!/")) : path));
    }

    /**
     * Moves the findings of {@code result} that this baseline accepts to its suppressed findings, with an
     * external {@link Suppression} naming the baseline file.
     *
     * @param pathExists whether a path of an entry still exists in what was scanned (see "Matching")
     * @throws IllegalArgumentException when this is a format 2 baseline and {@code result} was fingerprinted with
     *                                  another key ({@link #scanKey()}): nothing could match
     */
    public Applied apply(ScanResult result, Predicate<String> pathExists) {
        if (key != null && !key.equals(result.fingerprintKey())) {
            throw new IllegalArgumentException("the scan's fingerprints were not made with the key of baseline " + name
                    + " (scan the engine built with Baseline.scanKey())");
        }
        Forms forms = key != null ? KEYED : UNKEYED;
        Map<String, Entry> byFingerprint = new LinkedHashMap<>();
        Set<String> rulePaths = new HashSet<>();
        for (Entry e : entries) {
            byFingerprint.putIfAbsent(e.ruleId() + "\n" + e.fingerprint(), e);
            rulePaths.add(e.ruleId() + "\n" + e.path());
        }
        Set<Entry> used = new HashSet<>();
        Map<Finding, Entry> matches = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            // a baseline written before a rule was renamed holds the fingerprints under the former id
            found:
            for (String id : f.fingerprint() == null ? List.<String>of() : ids(f)) {
                for (String path : storedForms(f.location().path())) {
                    if (!rulePaths.contains(id + "\n" + path)) {
                        continue; // no entry could match: no hash computed
                    }
                    String fp = path.equals(f.location().path()) ? forms.fingerprint(id, f) : forms.fingerprintAt(id, f, path);
                    Entry e = byFingerprint.get(id + "\n" + fp);
                    if (e != null && used.add(e)) {
                        matches.put(f, e);
                        break found;
                    }
                }
            }
        }
        // entries left over whose file is gone: a renamed file's findings take them by content hash
        List<Entry> renamed = entries.stream().filter(e -> !used.contains(e) && !exists(e, pathExists)).toList();
        if (!renamed.isEmpty()) {
            for (Finding f : result.findings()) {
                if (matches.containsKey(f) || f.fingerprint() == null) {
                    continue;
                }
                Map<String, String> hashes = new HashMap<>();
                for (Entry e : renamed) {
                    if (!used.contains(e) && f.rule().answersTo(e.ruleId()) && !storedForms(f.location().path()).contains(e.path())
                            && e.contentHash().equals(hashes.computeIfAbsent(e.ruleId(), id -> forms.contentHash(id, f)))) {
                        used.add(e);
                        matches.put(f, e);
                        break;
                    }
                }
            }
        }
        List<Finding> kept = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>(result.suppressedFindings());
        for (Finding f : result.findings()) {
            if (matches.containsKey(f)) {
                suppressed.add(f.withSuppression(new Suppression(Suppression.Origin.BASELINE, "in baseline " + name)));
            } else {
                kept.add(f);
            }
        }
        suppressed.sort(Finding.ORDER);
        List<Entry> stale = entries.stream().filter(e -> !used.contains(e)).toList();
        return new Applied(result.withFindings(kept, suppressed), List.copyOf(matches.values()), stale);
    }

    /**
     * The forms a reported path may have in this file: as it is, and for a file without {@code pathBase}, relative
     * to each legacy prefix it lies under.
     */
    private List<String> storedForms(String path) {
        if (legacyPrefixes.isEmpty()) {
            return List.of(path);
        }
        List<String> forms = new ArrayList<>();
        forms.add(path);
        for (String prefix : legacyPrefixes) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                forms.add(path.substring(prefix.length()));
            }
        }
        return forms;
    }

    /** The paths, relative to the report root, that an entry may stand for (several for a legacy file). */
    public List<String> rootPathsOf(Entry e) {
        List<String> paths = new ArrayList<>();
        paths.add(e.path());
        for (String prefix : legacyPrefixes) {
            paths.add(prefix + e.path());
        }
        return paths;
    }

    private boolean exists(Entry e, Predicate<String> pathExists) {
        return rootPathsOf(e).stream().anyMatch(pathExists);
    }

    /**
     * The baseline after a new scan: the entries that still match (a renamed file's entry takes its new path),
     * plus every new finding, keyed as that scan was. {@code applied} must come from {@link #apply} on that scan.
     * A format 1 baseline becomes format 2 with the scan's key: no plain hash is left.
     */
    public Baseline update(Applied applied) {
        return update(applied, e -> false);
    }

    /**
     * As {@link #update(Applied)}, keeping as they are the unmatched entries that {@code notScanned} says the scan
     * did not cover (a subdirectory's scan does not make the rest of the repository's entries stale). A file without
     * {@code pathBase} is written with root-relative paths: its matched entries take the paths of their findings.
     */
    public Baseline update(Applied applied, Predicate<Entry> notScanned) {
        List<Finding> all = new ArrayList<>(applied.result().findings());
        applied.result().suppressedFindings().stream()
                .filter(f -> f.suppression().origin() == Suppression.Origin.BASELINE)
                .forEach(all::add);
        FingerprintKey scanned = applied.result().fingerprintKey();
        List<Entry> updated = new ArrayList<>(of(all, scanned).entries);
        if (scanned.equals(key)) { // an entry of another key (format 1, a new salt) cannot be kept as it is
            Set<String> present = new HashSet<>();
            updated.forEach(e -> present.add(e.ruleId() + "\n" + e.fingerprint()));
            for (Entry e : applied.stale()) {
                if (notScanned.test(e) && present.add(e.ruleId() + "\n" + e.fingerprint())) {
                    updated.add(e);
                }
            }
        }
        return new Baseline(updated, name, scanned, file);
    }

    /** Writes the baseline to {@code file}, atomically and never through a link ({@link SafeWrites}). */
    public void write(Path file) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        write(w);
        dev.miscan.core.source.SafeWrites.replace(file, w.toString());
    }

    /** Writes format 2; a format 1 baseline is never written (rewrite it with {@link #update}). */
    public void write(Writer out) throws IOException {
        if (key == null) {
            throw new IllegalStateException("a baseline of format 1 is only read: update it to write format "
                    + FORMAT_VERSION);
        }
        ObjectMapper mapper = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", "mi-scan");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("pathBase", PATH_BASE);
        root.putObject("fingerprints").put("algorithm", key.algorithm()).put("iterations", key.iterations())
                .put("salt", key.saltBase64());
        ArrayNode list = root.putArray("findings");
        for (Entry e : entries) {
            list.addObject().put("ruleId", e.ruleId()).put("path", e.path()).put("fingerprint", e.fingerprint())
                    .put("contentHash", e.contentHash());
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        mapper.writer(printer).writeValue(out, root);
        out.write('\n');
        out.flush();
    }
}
