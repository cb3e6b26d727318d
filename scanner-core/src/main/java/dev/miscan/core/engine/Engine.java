package dev.miscan.core.engine;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fingerprints;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.java.ConstantIndex;
import dev.miscan.core.parse.config.DecodedValues;
import dev.miscan.core.secrets.FingerprintKey;
import dev.miscan.core.secrets.SecretDigests;
import dev.miscan.core.secrets.Snippets;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.SkippedException;
import dev.miscan.core.source.Source;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.suppress.FindingPolicy;
import dev.miscan.core.suppress.InlineAllow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
 *
 * <p>Each reported finding gets a fingerprint made from the keyed digest of its secret ({@link FingerprintKey}:
 * the baseline's salt, else the default one), computed once per distinct secret for the engine's lifetime
 * ({@link SecretDigests}), on the scan's threads.
 */
public final class Engine {
    private final List<Detector> detectors;
    private final List<RuleDescriptor> enabledRules;
    private final KeywordIndex keywordIndex;
    private final int[][] detectorKeywords;
    private final FindingPolicy policy;
    private final java.util.Set<String> knownRuleIds;
    /** Where every secret found goes, so that no output of the run shows it (the run's, when one is open). */
    private final dev.miscan.core.secrets.Redactor redactor;
    private final SecretDigests digests;
    /** How many distinct secrets of one file get a keyed digest, hence a fingerprint (each costs milliseconds). */
    static final int MAX_DIGESTS_PER_FILE = 200;
    /** False for scans whose findings are only compared by secret (a history's tip): no digest is computed. */
    private final boolean fingerprints;
    /** Told, for each scanned entry with a content id, every rule and secret detected in it; usually null. */
    private final java.util.function.BiConsumer<String, java.util.Set<String>> detections;
    /** Told of each file as it is done (the CLI's progress line and --verbose timings). */
    private final ScanProgress progress;

    public Engine(RuleRegistry registry) {
        this(registry, FindingPolicy.DEFAULT);
    }

    public Engine(RuleRegistry registry, FindingPolicy policy) {
        this(registry, policy, FingerprintKey.DEFAULT);
    }

    /**
     * An engine that reports only the rules {@code policy} enables, with its severities and allow-lists. Every
     * detector runs whatever the policy says: the rule of a finding is decided first (one per place), and only
     * then dropped when it is off, so that turning a rule off never brings its findings back under another id.
     * Fingerprints are keyed with {@code key} (a baseline's, so that they match its entries).
     */
    public Engine(RuleRegistry registry, FindingPolicy policy, FingerprintKey key) {
        this.digests = new SecretDigests(java.util.Objects.requireNonNull(key));
        this.fingerprints = true;
        this.detections = null;
        this.progress = ScanProgress.NONE;
        this.redactor = dev.miscan.core.secrets.Redactor.current();
        List<RuleDescriptor> described = registry.rules();
        redactor.vocabulary(() -> {
            List<String> texts = new ArrayList<>();
            for (RuleDescriptor r : described) {
                java.util.stream.Stream.of(r.id(), r.name(), r.summary(), r.description(), r.help(), r.good())
                        .filter(java.util.Objects::nonNull).forEach(texts::add);
            }
            return texts;
        });
        this.policy = policy;
        this.knownRuleIds = registry.knownIds();
        this.detectors = registry.detectors();
        this.enabledRules = registry.rules().stream().filter(policy::enabled).toList();
        RuleRegistry.Keywords keywords = registry.keywords();
        this.keywordIndex = keywords.index();
        this.detectorKeywords = keywords.perDetector();
    }

    private Engine(Engine other, boolean fingerprints, ScanProgress progress) {
        this(other, fingerprints, progress, other.detections);
    }

    private Engine(Engine other, boolean fingerprints, ScanProgress progress,
            java.util.function.BiConsumer<String, java.util.Set<String>> detections) {
        this.detectors = other.detectors;
        this.enabledRules = other.enabledRules;
        this.keywordIndex = other.keywordIndex;
        this.detectorKeywords = other.detectorKeywords;
        this.policy = other.policy;
        this.knownRuleIds = other.knownRuleIds;
        this.digests = other.digests;
        this.fingerprints = fingerprints;
        this.detections = detections;
        this.progress = progress;
        this.redactor = other.redactor;
    }

    /**
     * The same engine, telling {@code sink} for each scanned entry that has a {@linkplain Source.Entry#contentId()
     * content id}, by {@code path + "\n" + contentId}, every rule and secret detected in it (as {@code ruleId + "\n"
     * + secretHash}), outside the changed lines and suppressed ones included; called from the scanning threads. The
     * set is null when it is not what that path and content hold on their own: the rules consulted the other files
     * of the scan (a constant defined elsewhere, a Helm chart's values, a module's callers), other files' rules
     * reported at its definitions, or only the version's deletions were looked at. A history records its blobs so
     * that the tip's tree need not be scanned again to know which secrets are still there.
     */
    public Engine recordingDetections(java.util.function.BiConsumer<String, java.util.Set<String>> sink) {
        return new Engine(this, fingerprints, progress, sink);
    }

    /**
     * The same engine, but its findings have no fingerprint (null) and cost no digest: for a scan whose findings
     * are only compared by secret with another's (the tip of a history).
     */
    public Engine withoutFingerprints() {
        return fingerprints ? new Engine(this, false, progress) : this;
    }

    /** The same engine, telling {@code listener} of each file it scans. */
    public Engine withProgress(ScanProgress listener) {
        return new Engine(this, fingerprints, java.util.Objects.requireNonNull(listener));
    }

    /** The rules this engine reports (the enabled ones). */
    public List<RuleDescriptor> rules() {
        return enabledRules;
    }

    /** The salt and iterations of this engine's fingerprints. */
    public FingerprintKey fingerprintKey() {
        return digests.key();
    }

    /** How many keyed digests this engine has computed so far (one per distinct secret it fingerprinted). */
    public int digestsComputed() {
        return digests.computed();
    }

    /**
     * Scans the request's paths on disk: as git selects them inside a work tree, as plain file trees elsewhere
     * ({@link dev.miscan.core.source.WorkingTrees#sources}). The Java fixes that need an artifact get the edit of
     * their build file, or are withdrawn with the reason ({@link dev.miscan.core.build.BuildFixes}).
     */
    public ScanResult scan(ScanRequest request) throws IOException {
        List<Source> sources = dev.miscan.core.source.WorkingTrees.sources(request.baseDir(), request.paths(),
                request.excludes(), request.maxFileSize(), request.archives());
        return dev.miscan.core.build.BuildFixes.attach(scan(request.baseDir(), sources, request.threads()));
    }

    public ScanResult scan(Path baseDir, List<Source> sources, int threads) throws IOException {
        return scan(baseDir, sources, threads, e -> true);
    }

    /**
     * Scans the entries of {@code sources} that {@code scanned} accepts, in the context of them all: the other files
     * a rule consults (Java constants, Helm values, IaC modules, a Bicep file beside its compiled template) are
     * those of every entry, and an entry left out that other files' rules report at (a constant's definition) is
     * scanned after all, as a full scan would. So each scanned entry gets what a scan of every entry gives it.
     */
    public ScanResult scan(Path baseDir, List<Source> sources, int threads,
            java.util.function.Predicate<Source.Entry> scanned) throws IOException {
        List<ScanWarning> warnings = Collections.synchronizedList(new ArrayList<>());
        List<Source.Entry> entries = firstOfEachKey(sources, warnings);
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        ConstantIndex constants = new ConstantIndex(entries);
        java.util.Set<String> bicepFiles = new java.util.HashSet<>();
        for (Source.Entry e : entries) {
            if (e.path().endsWith(".bicep")) {
                bicepFiles.add(e.path());
            }
        }
        dev.miscan.core.parse.config.SettingsIndex settings = new dev.miscan.core.parse.config.SettingsIndex(entries);
        dev.miscan.core.parse.iac.IacModules modules = new dev.miscan.core.parse.iac.IacModules(entries);
        // the results that hold findings (most files have none: a history has a result per version)
        Map<String, FileResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        List<Finding> suppressedFindings = Collections.synchronizedList(new ArrayList<>());
        // the keys of the Java files scanned (the scan's entries: 'entry' below may be a wrapper of one)
        java.util.Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger files = new AtomicInteger();
        AtomicInteger binary = new AtomicInteger();
        AtomicLong chars = new AtomicLong();
        AtomicInteger suppressed = new AtomicInteger();
        int parallelism = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            // the largest files first (a stable sort: the listing's order otherwise): the last files scanned are
            // small ones, so that no thread is left with a large one while the others have finished
            List<Source.Entry> toScan = new ArrayList<>(entries.stream().filter(scanned).toList());
            toScan.sort(java.util.Comparator.comparingLong(Source.Entry::sizeHint).reversed());
            progress.started(toScan.size());
            java.util.function.Consumer<Source.Entry> scanOne = entry -> {
                Fragment fragment;
                try {
                    fragment = entry.read();
                } catch (dev.miscan.core.source.BinaryFileException e) {
                    binary.incrementAndGet(); // an image, a font, an archive: counted, never a warning
                    return;
                } catch (SkippedException e) {
                    warnings.add(new ScanWarning(entry.path(), e.getMessage(), true));
                    return;
                } catch (IOException | RuntimeException e) {
                    warnings.add(new ScanWarning(entry.path(), "skipped: cannot read (" + readProblem(e) + ")", true));
                    return;
                } catch (OutOfMemoryError e) {
                    // one file too large for the memory given (a raised --max-file-size): that file, not the scan
                    warnings.add(new ScanWarning(entry.path(), "skipped: too large for the memory available (raise -Xmx"
                            + " or lower --max-file-size)", true));
                    return;
                }
                fragment = dev.miscan.core.source.Translators.apply(fragment, warnings::add);
                String bicep = dev.miscan.core.parse.iac.CompiledTemplates.bicepSourceOf(entry.path(), fragment.text(), bicepFiles);
                if (bicep != null) {
                    warnings.add(ScanWarning.note(entry.path(), "compiled from " + bicep.substring(bicep.lastIndexOf('/') + 1)
                            + " beside it: scanned there, not twice", true));
                    return;
                }
                if (fragment.malformed()) {
                    warnings.add(new ScanWarning(entry.path(),
                            "not valid UTF-8; invalid bytes were replaced and the rest was scanned", false));
                }
                try {
                    FileResult r = scanFragment(fragment, warnings::add, new Options(true, constants, settings, modules));
                    if (holdsFindings(r)) {
                        results.put(entry.key(), r);
                    }
                    Source.Entry definitions = constants.entry(entry.path()).orElse(null);
                    if (definitions != null && definitions.key().equals(entry.key())) {
                        done.add(entry.key()); // a Java file that other files' findings may need scanned again
                    }
                    if (detections != null && entry.contentId() != null) {
                        // a version whose changed lines were all deletions was not scanned: nothing is known of it
                        boolean whole = fragment.changedLines() == null || !fragment.changedLines().isEmpty();
                        detections.accept(entry.path() + "\n" + entry.contentId(), whole ? r.detected() : null);
                    }
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // one file's bad luck (a parser bug, a pathological structure) must not end the scan
                    warnings.add(new ScanWarning(entry.path(), "skipped: internal error while scanning it ("
                            + e.getClass().getSimpleName() + "); please report it", true));
                    return;
                }
                files.incrementAndGet();
                chars.addAndGet(fragment.text().length());
            };
            // one entry at a time from the sorted list, by each of the pool's threads (not a parallel stream's
            // chunks of a thousand files: the chunk with the large ones would finish last, on one thread)
            AtomicInteger next = new AtomicInteger();
            List<java.util.concurrent.Future<?>> scanners = new ArrayList<>();
            for (int t = 0; t < parallelism; t++) {
                scanners.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < toScan.size(); i = next.getAndIncrement()) {
                        tracked(toScan.get(i), scanOne);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> scanner : scanners) {
                scanner.get();
            }
            // A constant defined in one file and fed to a credential sink in another is a secret at its
            // definition: the files that got such findings from other files' rules are scanned again with them.
            for (String path : constants.pendingPaths()) {
                Source.Entry entry = constants.entry(path).orElse(null);
                if (entry != null && (done.contains(entry.key()) || !scanned.test(entry))) {
                    try {
                        Fragment read = dev.miscan.core.source.Translators.apply(entry.read(), w -> { });
                        FileResult again = scanFragment(read, w -> { }, new Options(true, constants, settings, modules));
                        if (holdsFindings(again)) {
                            results.put(entry.key(), again);
                        } else {
                            results.remove(entry.key());
                        }
                        if (detections != null && entry.contentId() != null) {
                            // it holds what other files found at its definitions: not its own text's alone
                            detections.accept(entry.path() + "\n" + entry.contentId(), null);
                        }
                    } catch (SkippedException | IOException | RuntimeException e) {
                        // keep the first result; the warning was given then
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("scan failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
        } finally {
            pool.shutdown();
        }
        for (FileResult r : results.values()) {
            findings.addAll(r.findings());
            suppressedFindings.addAll(r.suppressedFindings());
            suppressed.addAndGet(r.suppressed());
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        List<Finding> sortedSuppressed = new ArrayList<>(suppressedFindings);
        sortedSuppressed.sort(Finding.ORDER);
        // the names of the files a report shows are its own text: no secret's piece hides a part of one
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (Finding f : sorted) {
            shown.add(f.location().path());
            if (f.related() != null) {
                f.related().forEach(r -> shown.add(r.location().path()));
            }
        }
        sortedSuppressed.forEach(f -> shown.add(f.location().path()));
        warnings.forEach(w -> shown.add(w.path()));
        shown.forEach(redactor::exempt);
        List<ScanWarning> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort(Comparator.comparing(ScanWarning::path).thenComparing(ScanWarning::message));
        return new ScanResult(baseDir, enabledRules, sorted, sortedWarnings,
                files.get(), chars.get(), suppressed.get(), sortedSuppressed, digests.key(), binary.get());
    }

    /**
     * Whether a fix may edit the fragment's file: not inside a built artifact ({@code app.jar!/…}), and not a
     * translation (a class file or a Kotlin source read as Java: the edits are for a text the file does not hold).
     */
    private static boolean editable(Fragment fragment) {
        return !fragment.translated() && !fragment.path().contains("!/");
    }

    private static String notEditable(Fragment fragment) {
        if (fragment.path().contains("!/")) {
            return dev.miscan.core.api.Remediation.BUILT_ARTIFACT;
        }
        String name = fragment.path().substring(fragment.path().lastIndexOf('/') + 1);
        return name + " was read as " + fragment.syntax().substring(fragment.syntax().lastIndexOf('.') + 1)
                + ": change its source as the replacement shows";
    }

    /** Scans {@code entry} with {@code scanOne}, and tells the progress listener how long it took. */
    private void tracked(Source.Entry entry, java.util.function.Consumer<Source.Entry> scanOne) {
        if (progress == ScanProgress.NONE) {
            scanOne.accept(entry);
            return;
        }
        long start = System.nanoTime();
        long[] read = {0};
        Source.Entry counted = new Source.Entry() {
            @Override
            public String path() {
                return entry.path();
            }

            @Override
            public String key() {
                return entry.key();
            }

            @Override
            public Fragment read() throws SkippedException, IOException {
                Fragment f = entry.read();
                read[0] = f.text().length();
                return f;
            }

            @Override
            public String contentId() {
                return entry.contentId(); // a history records what each blob holds by it, progress shown or not
            }
        };
        try {
            scanOne.accept(counted);
        } finally {
            progress.scanned(entry.path(), read[0], System.nanoTime() - start);
        }
    }

    /**
     * The findings of one fragment, after de-duplication and suppression: {@code findings} count,
     * {@code suppressedFindings} (each with its {@link Suppression}) are kept for the reports only.
     */
    public record FileResult(List<Finding> findings, int suppressed, List<Finding> suppressedFindings,
            java.util.Set<String> detected) {
        public FileResult(List<Finding> findings, int suppressed) {
            this(findings, suppressed, List.of());
        }

        public FileResult(List<Finding> findings, int suppressed, List<Finding> suppressedFindings) {
            this(findings, suppressed, suppressedFindings, java.util.Set.of());
        }
    }

    /**
     * Every rule and secret (as {@code ruleId + "\n" + secretHash}) the detectors found in a fragment, suppressed or
     * outside the changed lines alike: what a scan of the same content anywhere else would find.
     */
    private static java.util.Set<String> detectedKeys(List<Finding> findings) {
        if (findings.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        findings.forEach(f -> out.add(f.rule().id() + "\n" + f.secretHash()));
        return out;
    }

    /**
     * The entries of {@code sources}, the first of each key (sources may overlap). The keys are not kept: a
     * history's are one per file version, and an entry makes its key when asked.
     */
    private static List<Source.Entry> firstOfEachKey(List<Source> sources, List<ScanWarning> warnings)
            throws IOException {
        List<Source.Entry> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Source source : sources) {
            for (Source.Entry e : source.entries(warnings::add)) {
                if (keys.add(e.key())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static boolean holdsFindings(FileResult r) {
        return !r.findings().isEmpty() || r.suppressed() > 0 || !r.suppressedFindings().isEmpty();
    }

    /**
     * How one fragment is scanned.
     *
     * @param applySuppressions apply {@code mi-scan:allow} markers and the project's allow-lists (fixture and
     *                          history tests look at every finding)
     * @param constants         the Java constants of the whole scan, so that a constant defined in another file
     *                          is resolved; null for a fragment on its own
     * @param settings          the settings files of the whole scan (a Helm chart's values, included pipeline
     *                          variables); null for a fragment on its own
     * @param modules           the Bicep and Terraform modules of the whole scan (what a module call deploys, who
     *                          calls a module); null for a fragment on its own
     */
    public record Options(boolean applySuppressions, ConstantIndex constants,
            dev.miscan.core.parse.config.SettingsIndex settings, dev.miscan.core.parse.iac.IacModules modules) {
        public Options(boolean applySuppressions, ConstantIndex constants) {
            this(applySuppressions, constants, null, null);
        }

        /** Suppressions applied, the fragment on its own. */
        public static final Options DEFAULT = new Options(true, null);
        /** Every finding, suppressed or not: the fragment on its own. */
        public static final Options UNSUPPRESSED = new Options(false, null);
    }

    /** Scans one fragment on its own, suppressions applied. */
    public FileResult scanFragment(Fragment fragment, java.util.function.Consumer<ScanWarning> warnings) {
        return scanFragment(fragment, warnings, Options.DEFAULT);
    }

    /**
     * The findings of one fragment in three stages: detect (every detector, one finding per place), number (the
     * fingerprint, snippet and level of each), suppress (markers, allow-lists). Findings that other files' rules
     * reported for this file through the constant index are added in the first stage.
     */
    public FileResult scanFragment(Fragment fragment, java.util.function.Consumer<ScanWarning> warnings,
            Options options) {
        int[][] hits = keywordIndex.scan(fragment.text());
        Document doc = new Document(fragment, keywordIndex, hits, warnings);
        if (options.constants() != null) {
            doc.provide(ConstantIndex.VIEW, options.constants());
        }
        if (options.settings() != null) {
            doc.provide(dev.miscan.core.parse.config.SettingsIndex.VIEW, options.settings());
        }
        if (options.modules() != null) {
            doc.provide(dev.miscan.core.parse.iac.IacModules.VIEW, options.modules());
        }
        Detected detected = detect(doc, hits, options.constants(), warnings);
        // what this path and text alone hold; unknown (null) when the other files of the scan had a say
        java.util.Set<String> alone = detected.fromOtherFiles() || doc.usedProvidedViews() ? null
                : detectedKeys(detected.findings());
        if (detected.findings().isEmpty()) {
            return detections == null ? new FileResult(List.of(), 0) : new FileResult(List.of(), 0, List.of(), alone);
        }
        List<Finding> numbered = number(doc, detected, warnings);
        FileResult r = suppress(doc, detected, numbered, options, warnings);
        return detections == null ? r : new FileResult(r.findings(), r.suppressed(), r.suppressedFindings(), alone);
    }

    /**
     * What the detectors found in a fragment: one finding per place (rules that are off already dropped), and
     * every secret by its hash so that snippets can be redacted and allow-lists matched.
     */
    private record Detected(List<Finding> findings, Map<String, String> secrets, java.util.Set<String> notSecrets,
            boolean fromOtherFiles) {
    }

    /** Stage 1: every detector on the text and on its decoded values; one finding per place; rules off dropped. */
    private Detected detect(Document doc, int[][] hits, ConstantIndex constants,
            java.util.function.Consumer<ScanWarning> warnings) {
        Fragment fragment = doc.fragment();
        Map<String, Ranked> byPlace = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        java.util.Set<String> notSecrets = new java.util.HashSet<>();
        Collector collect = (finding, secret, precedence) -> {
            String place = finding.location().startLine() + ":" + finding.location().startColumn() + ":"
                    + finding.secretHash();
            byPlace.merge(place, new Ranked(finding, precedence), Engine::preferred);
            secrets.put(finding.secretHash(), secret);
            if (finding.rule().tier() != Tier.SECRET) {
                notSecrets.add(finding.secretHash()); // the sink's own code: keep it readable in snippets
            } else {
                redactor.add(secret);
            }
        };
        runRules(doc, hits, collect, warnings);
        boolean[] drained = {false};
        if (constants != null) {
            constants.drainTo(fragment.path(), (finding, secret) -> {
                drained[0] = true;
                collect.accept(finding, secret, 0);
            });
        }
        // Kubernetes Secret data and escaped config values: every rule also scans the decoded text
        java.util.Set<String> asWritten = new java.util.HashSet<>();
        byPlace.values().forEach(r -> asWritten.add(r.finding().secretHash()));
        for (DecodedValues.Decoded d : decodedValues(doc)) {
            int[][] derivedHits = keywordIndex.scan(d.fragment().text());
            int line = doc.lines().lineOf(Math.max(0, d.encodedOffset()));
            int column = d.encodedOffset() - doc.lines().lineStart(line) + 1;
            Location onValue = new Location(fragment.path(), fragment.firstLine() + line, column,
                    fragment.firstLine() + line, column + d.encoded().length());
            runRules(new Document(d.fragment(), keywordIndex, derivedHits, warnings, true), derivedHits,
                    (finding, secret, precedence) -> {
                        if (asWritten.contains(finding.secretHash())) {
                            return; // already found in the text as written
                        }
                        collect.accept(finding.withLocation(onValue), secret, precedence);
                        secrets.put("encoded:" + d.encoded(), d.encoded());
                        if (finding.rule().tier() == Tier.SECRET) {
                            redactor.addEncoded(d.encoded(), d.fragment().text().replace(secret, ""));
                        }
                    }, warnings);
        }
        // one rule per place was chosen above from every detector's candidates; a rule that is off drops it here
        List<Finding> found = new ArrayList<>();
        for (Ranked r : byPlace.values()) {
            if (policy.enabled(r.finding().rule())) {
                found.add(r.finding());
            }
        }
        found.sort(Finding.ORDER);
        return new Detected(found, secrets, notSecrets, drained[0]);
    }

    /**
     * Stage 2: the fingerprint, redacted snippet, provenance and level of each finding. Every finding is numbered,
     * suppressed or outside the changed lines alike, so that an allow or a partial (staged, history) scan never
     * renumbers the fingerprints of the others; findings outside the changed lines are then left out before their
     * keyed digest is computed (the occurrence of a secret is counted by its rule and plain hash, which within one
     * file groups the findings as their fingerprints do).
     */
    private List<Finding> number(Document doc, Detected detected, java.util.function.Consumer<ScanWarning> warnings) {
        Fragment fragment = doc.fragment();
        List<String> secrets = redactable(detected.secrets(), detected.notSecrets());
        // the line may hold a secret as the file's syntax escapes it (a shell's or Kotlin's \$, \"): masked too
        for (String secret : List.copyOf(secrets)) {
            String escaped = secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
            if (!escaped.equals(secret)) {
                secrets.add(escaped);
            }
        }
        Snippets.Secrets redact = new Snippets.Secrets(secrets);
        Map<String, Integer> occurrences = new HashMap<>();
        // one rendering per line: a minified template holds thousands of findings on one long line
        Map<Integer, String> snippets = new HashMap<>();
        // a translation (a Kotlin source read as Java) shows the lines of the file, not of its reading
        dev.miscan.core.parse.LineIndex sourceLines = fragment.source() == null ? null
                : new dev.miscan.core.parse.LineIndex(fragment.source());
        List<Finding> out = new ArrayList<>();
        // a slow keyed digest per distinct secret, for the first ones of the file in order: a hostile file of
        // twenty thousand keys costs seconds, not minutes
        java.util.Set<String> digested = new java.util.HashSet<>();
        boolean capped = false;
        for (Finding f : detected.findings()) {
            int n = occurrences.merge(f.rule().id() + "\n" + f.secretHash(), 1, Integer::sum);
            if (fragment.changedLines() != null && !fragment.changedLines().contains(f.location().startLine())) {
                continue;
            }
            int lineIndex = f.location().startLine() - fragment.firstLine();
            String snippet = snippets.computeIfAbsent(lineIndex, l -> Snippets.render(
                    sourceLines == null ? doc.lines().line(l) : l < sourceLines.lineCount() ? sourceLines.line(l) : "",
                    redact));
            Finding numbered = f.withSnippet(snippet).withProvenance(fragment.provenance());
            if (f.remediation() != null && f.remediation().fix() != null && !editable(fragment)) {
                numbered = numbered.withRemediation(f.remediation().withFix(null).withManual(notEditable(fragment)));
            }
            if (fingerprints && (digested.contains(f.secretHash()) || digested.size() < MAX_DIGESTS_PER_FILE)) {
                digested.add(f.secretHash());
                String digest = digests.of(f.secretHash(), detected.secrets().get(f.secretHash()));
                numbered = numbered.withFingerprint(Fingerprints.base(f.rule().id(), fragment.path(), digest) + ":" + n,
                        digest);
            } else if (fingerprints && !capped) {
                capped = true;
                warnings.accept(ScanWarning.note(fragment.path(), "more than " + MAX_DIGESTS_PER_FILE
                        + " distinct secrets: the findings of the others carry no fingerprint (they cannot be"
                        + " baselined; an exclude or an mi-scan:allow-file marker takes a file of test keys out)", false));
            }
            Severity severity = policy.severity(f.rule(), f.severity());
            out.add(severity == f.severity() ? numbered : numbered.withSeverity(severity));
        }
        return out;
    }

    /** Stage 3: {@code mi-scan:allow} markers, then the project's allow-lists. */
    private FileResult suppress(Document doc, Detected detected, List<Finding> numbered, Options options,
            java.util.function.Consumer<ScanWarning> warnings) {
        Fragment fragment = doc.fragment();
        InlineAllow allow = options.applySuppressions() ? new InlineAllow(doc.lines(), fragment.firstLine(),
                knownRuleIds, problem -> warnings.accept(ScanWarning.note(fragment.path(), problem, false))) : null;
        List<Finding> kept = new ArrayList<>();
        List<Finding> suppressedFindings = new ArrayList<>();
        for (Finding f : numbered) {
            Suppression suppression = allow == null ? null : allow.suppression(f);
            if (suppression == null && options.applySuppressions()) {
                suppression = policy.suppression(f, detected.secrets().get(f.secretHash()));
            }
            if (suppression == null) {
                kept.add(f);
            } else {
                suppressedFindings.add(f.withSuppression(suppression));
            }
        }
        return new FileResult(kept, suppressedFindings.size(), suppressedFindings);
    }

    /** Where the detectors' findings go, with the precedence of the detector that reported each. */
    @FunctionalInterface
    private interface Collector {
        void accept(Finding finding, String secret, int precedence);
    }

    private record Ranked(Finding finding, int precedence) {
    }

    private void runRules(Document doc, int[][] hits, Collector sink, java.util.function.Consumer<ScanWarning> warnings) {
        for (int i = 0; i < detectors.size(); i++) {
            if (!anyHit(hits, detectorKeywords[i])) {
                continue;
            }
            Detector detector = detectors.get(i);
            int precedence = detector.precedence();
            try {
                detector.scan(doc, (finding, secret) -> sink.accept(finding, secret, precedence));
            } catch (RuntimeException | StackOverflowError e) {
                if (Boolean.getBoolean("mi-scan.trace")) {
                    e.printStackTrace();
                }
                warnings.accept(new ScanWarning(doc.path(), "rule " + detector.ruleId() + " failed on this file ("
                        + e.getClass().getSimpleName() + "); other rules still ran", false));
            }
        }
    }

    private static List<String> redactable(Map<String, String> secrets, java.util.Set<String> notSecrets) {
        List<String> out = new ArrayList<>();
        secrets.forEach((hash, secret) -> {
            if (!notSecrets.contains(hash)) {
                out.add(secret);
            }
        });
        return out;
    }

    /** The document's encoded values; none when its structure could not be read (a rule has warned then). */
    private static List<DecodedValues.Decoded> decodedValues(Document doc) {
        try {
            return DecodedValues.decode(doc);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** Why a file could not be read, in a few words (no stack trace, no full path). */
    static String readProblem(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "the file no longer exists"
                : dev.miscan.core.source.IoProblems.of(e);
    }

    /**
     * Of two findings of the same secret at the same place, the one users see: the stronger tier (a literal is
     * a secret even where the same sink is also key-based authentication), then the more specific detector,
     * then the rule id, so that the choice never depends on the order the detectors ran in.
     */
    private static Ranked preferred(Ranked a, Ranked b) {
        int c = Integer.compare(a.finding().rule().tier().ordinal(), b.finding().rule().tier().ordinal());
        if (c == 0) {
            c = Integer.compare(a.precedence(), b.precedence());
        }
        if (c == 0) {
            c = a.finding().rule().id().compareTo(b.finding().rule().id());
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
