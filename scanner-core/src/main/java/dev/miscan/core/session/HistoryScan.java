package dev.miscan.core.session;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Provenance;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.GitHistorySource;
import dev.miscan.core.source.GitTreeSource;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scan of a commit range (history, {@code --since}, {@code --diff}): the engine reads the range's added lines as
 * a source like any other; this then keeps one finding per rule, path and secret, from the earliest commit that
 * added it, each marked {@link Provenance#presentAtHead()} false when the tip's tree no longer contains that secret
 * (anywhere: a renamed file still counts). Warnings about the same file skipped in several commits are merged.
 * The source only produces fragments; the session runs the engine.
 */
public final class HistoryScan {
    /** What a blob holds when it is not known from the range's scan alone (compared by identity). */
    private static final Set<String> UNKNOWN = java.util.Collections.unmodifiableSet(new HashSet<>());
    private static final Pattern COMMIT_IN_WARNING = Pattern.compile(" in commit [0-9a-f]+");

    private HistoryScan() {
    }

    public static ScanResult scan(Engine engine, GitHistorySource source, int threads) throws IOException {
        Path root = source.root();
        // what each of the tip's versions holds, whole (all were scanned as some commit's new version); UNKNOWN where
        // the other files of the scan had a say (or only deletions were looked at). The range's other versions are
        // never looked up, so not recorded: a long history has many.
        GitTreeSource tipTree = source.tipTree();
        List<Source.Entry> tipEntries = tipTree == null ? List.of() : tipTree.entries(w -> { });
        Set<String> tipVersions = new HashSet<>();
        tipEntries.forEach(e -> tipVersions.add(e.path() + "\n" + e.contentId()));
        Map<String, Set<String>> byBlob = new java.util.concurrent.ConcurrentHashMap<>();
        ScanResult raw = engine.recordingDetections((key, detected) -> {
            if (tipVersions.contains(key)) {
                byBlob.merge(key, detected == null ? UNKNOWN : detected,
                        (a, b) -> a == UNKNOWN || b == UNKNOWN ? UNKNOWN : b);
            }
        }).scan(root, List.of(source), threads);
        Comparator<Finding> byCommit = Comparator
                .comparingInt((Finding f) -> f.provenance() == null ? Integer.MAX_VALUE
                        : source.commitOrder(f.provenance().commit()))
                .thenComparing(Finding.ORDER);
        List<Finding> active = earliest(raw.findings(), byCommit, Set.of());
        Set<String> activeKeys = new HashSet<>();
        active.forEach(f -> activeKeys.add(key(f)));
        List<Finding> suppressed = earliest(raw.suppressedFindings(), byCommit, activeKeys);
        if (tipTree != null && !(active.isEmpty() && suppressed.isEmpty())) {
            // a tip blob the range scanned on its own is not read again; only the others are (a file the range did
            // not change, one whose findings depend on other files), in the context of the whole tip tree
            Set<String> present = new HashSet<>();
            Set<Source.Entry> unseen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Set<String> tipPaths = new HashSet<>();
            tipEntries.forEach(e -> tipPaths.add(e.path()));
            for (Source.Entry e : tipEntries) {
                Set<String> known = e.contentId() == null ? null : byBlob.get(e.path() + "\n" + e.contentId());
                // a template compiled from a Bicep file beside it is scanned there: the tip decides, not the range
                boolean compiled = e.path().endsWith(".json")
                        && tipPaths.contains(e.path().substring(0, e.path().length() - ".json".length()) + ".bicep");
                if (known != null && known != UNKNOWN && !compiled) {
                    present.addAll(known);
                } else {
                    unseen.add(e);
                }
            }
            if (!unseen.isEmpty()) {
                // only compared by secret: no fingerprint, so no keyed digest of a secret that the range does not hold
                ScanResult tip = engine.withoutFingerprints().scan(root, List.of(warnings -> tipEntries), threads,
                        unseen::contains);
                tip.findings().forEach(f -> present.add(f.rule().id() + "\n" + f.secretHash()));
                tip.suppressedFindings().forEach(f -> present.add(f.rule().id() + "\n" + f.secretHash()));
            }
            active = markPresence(active, present);
            suppressed = markPresence(suppressed, present);
        }
        return new ScanResult(root, raw.rules(), active, mergeWarnings(raw.warnings()), raw.filesScanned(),
                raw.bytesScanned(), suppressed.size(), suppressed, raw.fingerprintKey(), raw.filesBinary());
    }

    private static String key(Finding f) {
        return f.rule().id() + "\n" + f.location().path() + "\n" + f.secretHash();
    }

    private static List<Finding> earliest(List<Finding> findings, Comparator<Finding> byCommit, Set<String> skip) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(byCommit);
        Map<String, Finding> first = new LinkedHashMap<>();
        for (Finding f : sorted) {
            if (!skip.contains(key(f))) {
                first.putIfAbsent(key(f), f);
            }
        }
        List<Finding> out = new ArrayList<>(first.values());
        out.sort(Finding.ORDER);
        return out;
    }

    private static List<Finding> markPresence(List<Finding> findings, Set<String> present) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean here = present.contains(f.rule().id() + "\n" + f.secretHash());
            out.add(f.provenance() == null || here ? f : f.withProvenance(f.provenance().withPresentAtHead(false)));
        }
        return out;
    }

    /** "x.bin: skipped in commit A: binary file" and the same for commit B become one warning (the first). */
    private static List<ScanWarning> mergeWarnings(List<ScanWarning> warnings) {
        Map<String, List<ScanWarning>> groups = new LinkedHashMap<>();
        for (ScanWarning w : warnings) {
            // The same reason in another commit (a size may differ) is the same warning.
            String general = COMMIT_IN_WARNING.matcher(w.message()).replaceFirst("").replaceAll("\\d+", "#");
            groups.computeIfAbsent(w.path() + "\n" + general + "\n" + w.skipped() + "\n" + w.incomplete(), k -> new ArrayList<>()).add(w);
        }
        List<ScanWarning> out = new ArrayList<>();
        for (List<ScanWarning> group : groups.values()) {
            ScanWarning first = group.get(0);
            out.add(group.size() == 1 ? first : new ScanWarning(first.path(), first.message() + " (and in "
                    + (group.size() - 1) + " more commit" + (group.size() == 2 ? "" : "s") + ")", first.skipped(),
                    first.incomplete()));
        }
        return out;
    }
}
