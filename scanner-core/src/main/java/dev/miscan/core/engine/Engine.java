package dev.miscan.core.engine;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Rule;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.Redaction;
import dev.miscan.core.secrets.Snippets;
import dev.miscan.core.source.FileTreeSource;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.SkippedException;
import dev.miscan.core.source.Source;
import dev.miscan.core.suppress.InlineAllow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the pipeline: Source → Fragment → Document → Rules → Finding → Suppression. Files are scanned in
 * parallel; the result is in a deterministic order. A problem with one input becomes a one-line warning
 * and the scan goes on.
 */
public final class Engine {
    private final List<Rule> rules;
    private final KeywordIndex keywordIndex;
    private final int[][] ruleKeywords;

    public Engine(RuleRegistry registry) {
        this.rules = registry.rules();
        List<String> all = new ArrayList<>();
        rules.forEach(r -> all.addAll(r.descriptor().keywords()));
        this.keywordIndex = new KeywordIndex(all);
        this.ruleKeywords = new int[rules.size()][];
        for (int i = 0; i < rules.size(); i++) {
            ruleKeywords[i] = rules.get(i).descriptor().keywords().stream().mapToInt(keywordIndex::id).toArray();
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Scans the request's paths as file trees. */
    public ScanResult scan(ScanRequest request) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path p : request.paths()) {
            sources.add(new FileTreeSource(request.baseDir(), p, request.excludes(), request.maxFileSize()));
        }
        return scan(request.baseDir(), sources, request.threads());
    }

    public ScanResult scan(Path baseDir, List<Source> sources, int threads) throws IOException {
        List<ScanWarning> warnings = Collections.synchronizedList(new ArrayList<>());
        Map<String, Source.Entry> entries = new LinkedHashMap<>();
        for (Source source : sources) {
            for (Source.Entry e : source.entries(warnings::add)) {
                entries.putIfAbsent(e.path(), e);
            }
        }
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger files = new AtomicInteger();
        AtomicLong chars = new AtomicLong();
        AtomicInteger suppressed = new AtomicInteger();
        int parallelism = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            pool.submit(() -> entries.values().parallelStream().forEach(entry -> {
                Fragment fragment;
                try {
                    fragment = entry.read();
                } catch (SkippedException e) {
                    warnings.add(new ScanWarning(entry.path(), e.getMessage(), true));
                    return;
                } catch (IOException | RuntimeException e) {
                    warnings.add(new ScanWarning(entry.path(), "skipped: cannot read ("
                            + e.getClass().getSimpleName() + ")", true));
                    return;
                }
                if (fragment.malformed()) {
                    warnings.add(new ScanWarning(entry.path(),
                            "not valid UTF-8; invalid bytes were replaced and the rest was scanned", false));
                }
                FileResult r = scanFragment(fragment, warnings::add);
                findings.addAll(r.findings());
                suppressed.addAndGet(r.suppressed());
                files.incrementAndGet();
                chars.addAndGet(fragment.text().length());
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("scan failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        List<ScanWarning> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort(Comparator.comparing(ScanWarning::path).thenComparing(ScanWarning::message));
        return new ScanResult(baseDir, rules.stream().map(Rule::descriptor).toList(), sorted, sortedWarnings,
                files.get(), chars.get(), suppressed.get());
    }

    /** The findings of one fragment, after de-duplication and inline suppression. */
    public record FileResult(List<Finding> findings, int suppressed) {
    }

    public FileResult scanFragment(Fragment fragment, java.util.function.Consumer<ScanWarning> warnings) {
        return scanFragment(fragment, warnings, true);
    }

    /** As {@link #scanFragment(Fragment, java.util.function.Consumer)}, optionally ignoring {@code mi-scan:allow}. */
    public FileResult scanFragment(Fragment fragment, java.util.function.Consumer<ScanWarning> warnings,
            boolean applySuppressions) {
        int[][] hits = keywordIndex.scan(fragment.text());
        Document doc = new Document(fragment, keywordIndex, hits, warnings);
        Map<String, Finding> byPlace = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!anyHit(hits, ruleKeywords[i])) {
                continue;
            }
            Rule rule = rules.get(i);
            try {
                rule.scan(doc, (finding, secret) -> {
                    String place = finding.location().startLine() + ":" + finding.location().startColumn() + ":"
                            + finding.secretHash();
                    byPlace.merge(place, finding, Engine::preferred);
                    secrets.put(finding.secretHash(), secret);
                });
            } catch (RuntimeException | StackOverflowError e) {
                warnings.accept(new ScanWarning(fragment.path(), "rule " + rule.descriptor().id()
                        + " failed on this file (" + e.getClass().getSimpleName() + "); other rules still ran", false));
            }
        }
        if (byPlace.isEmpty()) {
            return new FileResult(List.of(), 0);
        }
        List<Finding> found = new ArrayList<>(byPlace.values());
        found.sort(Finding.ORDER);
        InlineAllow allow = applySuppressions ? new InlineAllow(doc.lines(), fragment.firstLine()) : null;
        List<Finding> kept = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        int suppressed = 0;
        for (Finding f : found) {
            if (allow != null && allow.isAllowed(f)) {
                suppressed++;
                continue;
            }
            String base = Redaction.sha256(f.rule().id() + "\n" + fragment.path() + "\n" + f.secretHash())
                    .substring(0, 32);
            int n = occurrences.merge(base, 1, Integer::sum);
            String line = doc.lines().line(f.location().startLine() - fragment.firstLine());
            kept.add(f.withFingerprint(base + ":" + n).withSnippet(Snippets.render(line, secrets.values())));
        }
        return new FileResult(kept, suppressed);
    }

    private static Finding preferred(Finding a, Finding b) {
        int c = Integer.compare(a.rule().precedence(), b.rule().precedence());
        if (c == 0) {
            c = a.rule().id().compareTo(b.rule().id());
        }
        return c <= 0 ? a : b;
    }

    private static boolean anyHit(int[][] hits, int[] keywords) {
        for (int k : keywords) {
            if (hits[k] != null) {
                return true;
            }
        }
        return false;
    }
}
