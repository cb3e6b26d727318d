package dev.miscan.maven;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.FileTreeSource;
import dev.miscan.core.source.ScanWarning;
import dev.miscan.core.source.Source;
import dev.miscan.core.source.archive.ArchiveOptions;
import dev.miscan.core.source.archive.Artifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a module's build produced, which {@code check} scans besides its sources: the packaged artifacts (the main
 * one, a Spring Boot fat jar or a war included, and the attached ones but the javadoc) and the classes directory
 * (resources after filtering, class files).
 *
 * <p>The build output mostly holds copies of the sources, so its findings are sorted before they are reported:
 * <ul>
 *   <li>a finding whose secret (same rule, same secret) the sources hold, reported, allowed inline or baselined, is
 *       a copy: it is not reported again (nor one another module of the build reported); a class file's finding of
 *       a rule the scan found in the Java source of the same name is one too (compiled from it);</li>
 *   <li>a finding in a copy of a file the source scan skips (gitignored or excluded: {@link Origins} maps the build
 *       output back to the resource directories and source roots) is left out, as its source is;</li>
 *   <li>the rest is only in the build output: the build put it there (resource filtering of a {@code ${property}}
 *       from a profile, {@code settings.xml} or {@code -D}, a generated source). Each such secret is reported once,
 *       where it ships (the jar entry before {@code target/classes}), naming its other places in the build output
 *       as related locations.</li>
 * </ul>
 */
final class BuildOutput {
    /** The message of the related locations that name the other places of a secret in the build output. */
    static final String ALSO_IN = "the same secret, also in the build output";

    /** Attached artifacts with these classifiers are not scanned: generated documentation. */
    private static final Set<String> SKIPPED_CLASSIFIERS = Set.of("javadoc");

    private BuildOutput() {
    }

    /** An artifact of the project: its file (null before it is built) and its classifier (null for the main one). */
    record Artifact(Path file, String classifier) {
    }

    /**
     * What to scan, and what the debug log says about it.
     *
     * @param artifacts packaged archives to read
     * @param classes   the classes directory, or null
     * @param notes     what was left out and why, for the debug log
     */
    record Targets(List<Path> artifacts, Path classes, List<String> notes) {
        boolean isEmpty() {
            return artifacts.isEmpty() && classes == null;
        }

        List<Path> all() {
            List<Path> all = new ArrayList<>(artifacts);
            if (classes != null) {
                all.add(classes);
            }
            return all;
        }
    }

    /**
     * The module's build output to scan.
     *
     * @param main         the main artifact (its file is null until {@code package} ran in this build)
     * @param earlier      where {@code package} puts the main artifact ({@code finalName} and the packaging's
     *                     extension in the build directory): read when this build has not packaged it yet, as
     *                     what exists from an earlier build (null when the packaging makes no archive)
     * @param attached     the attached artifacts
     * @param classes      the classes directory
     * @param artifacts    whether to read the packaged artifacts
     * @param outputDirectory whether to read the classes directory
     */
    static Targets targets(Artifact main, Path earlier, List<Artifact> attached, Path classes, boolean artifacts,
            boolean outputDirectory) {
        List<String> notes = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        if (artifacts) {
            Path mainFile = main == null ? null : main.file();
            if (mainFile != null && Files.isRegularFile(mainFile)) {
                addArchive(mainFile, files, notes);
            } else if (earlier != null && Files.isRegularFile(earlier)) {
                notes.add("the main artifact is not packaged in this build (the goal ran before package): "
                        + "reading " + earlier.getFileName() + " of an earlier build");
                addArchive(earlier, files, notes);
            } else {
                notes.add("no packaged artifact to read (the goal ran before package, or the packaging makes none)");
            }
            for (Artifact a : attached) {
                if (a.file() == null || !Files.isRegularFile(a.file())) {
                    continue;
                }
                if (a.classifier() != null && SKIPPED_CLASSIFIERS.contains(a.classifier().toLowerCase(Locale.ROOT))) {
                    notes.add("not reading " + a.file().getFileName() + ": generated documentation");
                    continue;
                }
                addArchive(a.file(), files, notes);
            }
        } else {
            notes.add("packaged artifacts not read (scanArtifacts is false)");
        }
        Path classesDir = null;
        if (!outputDirectory) {
            notes.add("the classes directory not read (scanOutputDirectory is false)");
        } else if (classes != null && Files.isDirectory(classes)) {
            classesDir = classes.toAbsolutePath().normalize();
        } else {
            notes.add("no classes directory to read (the goal ran before process-resources, or the packaging has"
                    + " none)");
        }
        return new Targets(List.copyOf(files), classesDir, notes);
    }

    private static void addArchive(Path file, Set<Path> into, List<String> notes) {
        if (Artifacts.isArchive(file.getFileName().toString())) {
            into.add(file.toAbsolutePath().normalize());
        } else {
            notes.add("not reading " + file.getFileName() + ": not a jar, war, ear or zip");
        }
    }

    /**
     * The sources of a scan of {@code targets}, reported relative to {@code baseDir}: plain file trees (the build
     * output is not in git, so {@code .gitignore} does not hide it), every archive and class file in them read.
     */
    static List<Source> sources(Path baseDir, Targets targets, List<String> excludes, long maxFileSize,
            ArchiveOptions archives) {
        ArchiveOptions read = archives.inDirectories(true);
        List<Source> sources = new ArrayList<>();
        for (Path p : targets.all()) {
            sources.add(new FileTreeSource(baseDir, p, excludes, maxFileSize, read));
        }
        return sources;
    }

    /**
     * The findings of the sources and the build output together, the build output's copies of the sources' (and of
     * what other modules reported) left out.
     *
     * @param sources           the scan of the module's sources, before the baseline is applied
     * @param output            the scan of its build output, with the same engine
     * @param reportedElsewhere for a {@link #key}, the module of the build that already reported it, or null
     */
    static Merged merge(ScanResult sources, ScanResult output, Function<String, String> reportedElsewhere) {
        return merge(sources, output, reportedElsewhere, path -> false);
    }

    /**
     * As above; the build output's findings in copies of files the source scan skips ({@code fromSkippedFile}: a
     * gitignored {@code application-local.properties}, an excluded folder) are left out too, as their sources are.
     */
    static Merged merge(ScanResult sources, ScanResult output, Function<String, String> reportedElsewhere,
            Predicate<String> fromSkippedFile) {
        Set<String> inSources = new HashSet<>();
        Set<String> classRules = new HashSet<>();
        for (List<Finding> list : List.of(sources.findings(), sources.suppressedFindings())) {
            for (Finding f : list) {
                inSources.add(key(f));
                String javaName = javaName(f.location().path());
                if (javaName != null) {
                    classRules.add(f.rule().id() + "\n" + javaName);
                }
            }
        }
        Predicate<Finding> copy = f -> inSources.contains(key(f)) || reportedElsewhere.apply(key(f)) != null
                || classRules.contains(f.rule().id() + "\n" + className(f.location().path()));
        int copies = 0;
        int skipped = 0;
        // each secret once, where it ships first: inside an archive, then the classes directory
        Map<String, List<Finding>> bySecret = new LinkedHashMap<>();
        List<Finding> sorted = new ArrayList<>(output.findings());
        sorted.sort(Comparator.comparing((Finding f) -> !f.location().path().contains("!/"))
                .thenComparing(Finding.ORDER));
        for (Finding f : sorted) {
            if (fromSkippedFile.test(f.location().path())) {
                skipped++;
            } else if (copy.test(f)) {
                copies++;
            } else {
                bySecret.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> onlyInOutput = new ArrayList<>();
        for (List<Finding> same : bySecret.values()) {
            Finding first = same.get(0);
            if (same.size() > 1) {
                List<Finding.Related> related = new ArrayList<>(first.related());
                same.subList(1, same.size()).forEach(f -> related.add(new Finding.Related(
                        new Location(f.location().path(), f.location().startLine(), f.location().startColumn(),
                                f.location().endLine(), f.location().endColumn()), ALSO_IN)));
                first = first.withRelated(related);
            }
            onlyInOutput.add(first);
        }
        List<Finding> suppressedOutput = new ArrayList<>();
        Set<String> suppressedSeen = new HashSet<>();
        for (Finding f : output.suppressedFindings()) {
            if (fromSkippedFile.test(f.location().path())) {
                skipped++;
            } else if (copy.test(f) || !suppressedSeen.add(key(f))) {
                copies++;
            } else {
                suppressedOutput.add(f);
            }
        }
        List<Finding> findings = new ArrayList<>(sources.findings());
        findings.addAll(onlyInOutput);
        findings.sort(Finding.ORDER);
        List<Finding> suppressed = new ArrayList<>(sources.suppressedFindings());
        suppressed.addAll(suppressedOutput);
        suppressed.sort(Finding.ORDER);
        List<ScanWarning> warnings = new ArrayList<>(sources.warnings());
        warnings.addAll(output.warnings());
        warnings.sort(Comparator.comparing(ScanWarning::path));
        ScanResult merged = new ScanResult(sources.baseDir(), sources.rules(), findings, warnings,
                sources.filesScanned() + output.filesScanned(), sources.bytesScanned() + output.bytesScanned(),
                sources.suppressed() + suppressedOutput.size(), suppressed, sources.fingerprintKey(),
                sources.filesBinary() + output.filesBinary());
        return new Merged(merged, onlyInOutput, copies, skipped, output.filesScanned());
    }

    /**
     * The outcome of {@link #merge}.
     *
     * @param result       the findings of both, the build output's copies left out, before the baseline
     * @param onlyInOutput the build output's own findings (each secret once)
     * @param copies       the build output's findings left out as copies
     * @param skipped      the build output's findings left out as copies of files the source scan skips
     * @param outputFiles  the files of the build output that were scanned
     */
    record Merged(ScanResult result, List<Finding> onlyInOutput, int copies, int skipped, int outputFiles) {
    }

    /**
     * Where the files of the build output come from: the resource directories (each with its {@code targetPath})
     * and the source roots, relative to the module's base directory. A file of the classes directory, or an entry at
     * the top of a packaged archive (under {@code BOOT-INF/classes/} or {@code WEB-INF/classes/}, or a war's web
     * content from {@code src/main/webapp/}), is a copy of one of these when that file exists.
     *
     * @param classes   the classes directory, relative ({@code target/classes}), or null
     * @param artifacts the packaged archives, relative ({@code target/orders-1.0.jar})
     * @param roots     resource directories and source roots, relative, each with the folder it is copied to
     *                  ({@code ""} for the top, else ending in {@code /})
     */
    record Origins(String classes, Set<String> artifacts, Map<String, String> roots) {
        /** The source files that the build output's file or entry {@code path} may be a copy of. */
        List<String> candidates(String path) {
            String rel = null;
            boolean war = false;
            if (classes != null && path.startsWith(classes + "/")) {
                rel = path.substring(classes.length() + 1);
            } else {
                int bang = path.indexOf("!/");
                if (bang > 0 && artifacts.contains(path.substring(0, bang)) && path.indexOf("!/", bang + 2) < 0) {
                    rel = path.substring(bang + 2);
                    war = path.substring(0, bang).toLowerCase(Locale.ROOT).endsWith(".war");
                    for (String prefix : List.of("BOOT-INF/classes/", "WEB-INF/classes/")) {
                        if (rel.startsWith(prefix)) {
                            rel = rel.substring(prefix.length());
                            war = false;
                        }
                    }
                }
            }
            if (rel == null || rel.isEmpty() || rel.endsWith(".class")) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (war) {
                out.add("src/main/webapp/" + rel);
            }
            for (Map.Entry<String, String> root : roots.entrySet()) {
                if (rel.startsWith(root.getValue())) {
                    out.add(root.getKey() + "/" + rel.substring(root.getValue().length()));
                }
            }
            return out;
        }
    }

    /** The build output's own findings that {@code result} (the merged one, after the baseline) still reports. */
    static List<Finding> stillReported(Merged merged, ScanResult result) {
        Set<Finding> own = new HashSet<>(merged.onlyInOutput());
        return result.findings().stream().filter(own::contains).toList();
    }

    /** What identifies a secret across files: its rule and the hash of the secret (or matched structure). */
    static String key(Finding f) {
        return f.rule().id() + "\n" + f.secretHash();
    }

    /** {@code Orders} for {@code …/Orders.java}, else null. */
    private static String javaName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : null;
    }

    /** {@code Orders} for {@code …/Orders.class} and {@code …/Orders$Client.class}, else null. */
    private static String className(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.endsWith(".class")) {
            return null;
        }
        name = name.substring(0, name.length() - ".class".length());
        int nested = name.indexOf('$');
        return nested > 0 ? name.substring(0, nested) : name;
    }
}
