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
import dev.miscan.core.secrets.Redaction;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <h2>File ({@code .mi-scan-baseline.json}, format 1)</h2>
 *
 * <pre>
 * {
 *   "tool": "mi-scan",
 *   "formatVersion": 1,
 *   "findings": [                                   sorted by path, rule id, fingerprint
 *     {
 *       "ruleId": "MI-STORAGE-CONNSTR",
 *       "path": "src/main/resources/application.properties",
 *       "fingerprint": "3f1c…:1",                   as in SARIF partialFingerprints: rule, path, secret hash, occurrence
 *       "contentHash": "9ab0…"                      rule and secret hash only, for renamed files
 *     }
 *   ]
 * }
 * </pre>
 *
 * No secret, no line number, no date: moving a finding within its file keeps its fingerprint, and
 * re-creating an unchanged baseline writes the same bytes.
 *
 * <h2>Matching</h2>
 * A finding is baselined when an entry has its fingerprint. Otherwise, when an entry for the same rule and
 * {@code contentHash} is left over and that entry's path no longer exists, the file was renamed or moved:
 * the finding takes that entry. A copy of a baselined secret into a new file is therefore reported (the
 * original path still exists), while a rename is not. Each entry matches at most one finding.
 */
public final class Baseline {
    public static final String DEFAULT_FILE = ".mi-scan-baseline.json";
    public static final int FORMAT_VERSION = 1;

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

    private final List<Entry> entries;
    private final String name;

    private Baseline(List<Entry> entries, String name) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Entry.ORDER);
        this.entries = List.copyOf(sorted);
        this.name = name;
    }

    /** A baseline of every finding of {@code findings} (the unsuppressed ones of a scan). */
    public static Baseline of(List<Finding> findings) {
        List<Entry> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            if (f.fingerprint() != null && seen.add(f.fingerprint())) {
                list.add(entry(f));
            }
        }
        return new Baseline(list, DEFAULT_FILE);
    }

    public static Entry entry(Finding f) {
        return new Entry(f.rule().id(), f.location().path(), f.fingerprint(), contentHash(f));
    }

    private static List<String> ids(Finding f) {
        List<String> ids = new ArrayList<>();
        ids.add(f.rule().id());
        ids.addAll(f.rule().aliases());
        return ids;
    }

    private static String contentHash(String ruleId, Finding f) {
        return Redaction.sha256(ruleId + "\n" + f.secretHash()).substring(0, 32);
    }

    /** Identifies a secret for one rule independently of its path: a hash of the rule id and the secret hash. */
    public static String contentHash(Finding f) {
        return contentHash(f.rule().id(), f);
    }

    /** Reads a baseline file; a missing file is a {@link NoSuchFileException}, a malformed one an IOException. */
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
        if (root == null || !root.path("findings").isArray() || root.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new IOException(file + ": not a mi-scan baseline of format " + FORMAT_VERSION
                    + " (expected formatVersion and findings)");
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
        return new Baseline(list, String.valueOf(file.getFileName()));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Files that exist under {@code root}: the usual answer to "does this baselined path still exist?". */
    public static Predicate<String> existingFilesUnder(Path root) {
        return path -> Files.exists(root.resolve(path));
    }

    /**
     * Moves the findings of {@code result} that this baseline accepts to its suppressed findings, with an
     * external {@link Suppression} naming the baseline file.
     *
     * @param pathExists whether a path of an entry still exists in what was scanned (see "Matching")
     */
    public Applied apply(ScanResult result, Predicate<String> pathExists) {
        Map<String, Entry> byFingerprint = new LinkedHashMap<>();
        for (Entry e : entries) {
            byFingerprint.putIfAbsent(e.ruleId() + "\n" + e.fingerprint(), e);
        }
        Set<Entry> used = new HashSet<>();
        Map<Finding, Entry> matches = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            // a baseline written before a rule was renamed holds the fingerprints under the former id
            for (String id : ids(f)) {
                Entry e = byFingerprint.get(id + "\n" + Fingerprints.under(id, f));
                if (e != null && used.add(e)) {
                    matches.put(f, e);
                    break;
                }
            }
        }
        for (Finding f : result.findings()) {
            if (matches.containsKey(f)) {
                continue;
            }
            for (Entry e : entries) {
                if (!used.contains(e) && f.rule().answersTo(e.ruleId())
                        && e.contentHash().equals(contentHash(e.ruleId(), f))
                        && !e.path().equals(f.location().path()) && !pathExists.test(e.path())) {
                    used.add(e);
                    matches.put(f, e);
                    break;
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
     * The baseline after a new scan: the entries that still match (a renamed file's entry takes its new path),
     * plus every new finding. {@code applied} must come from {@link #apply} on that scan.
     */
    public Baseline update(Applied applied) {
        List<Finding> all = new ArrayList<>(applied.result().findings());
        applied.result().suppressedFindings().stream()
                .filter(f -> f.suppression().origin() == Suppression.Origin.BASELINE)
                .forEach(all::add);
        return new Baseline(of(all).entries, name);
    }

    /** Writes the baseline to {@code file}, atomically and never through a link ({@link SafeWrites}). */
    public void write(Path file) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        write(w);
        dev.miscan.core.source.SafeWrites.replace(file, w.toString());
    }

    public void write(Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", "mi-scan");
        root.put("formatVersion", FORMAT_VERSION);
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
