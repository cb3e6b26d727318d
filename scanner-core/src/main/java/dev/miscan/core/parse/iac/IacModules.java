package dev.miscan.core.parse.iac;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bicep and Terraform modules of one scan, for the decisions a module call makes: a Bicep {@code module} whose
 * {@code source} is a file of the scan ({@code 'modules/storage.bicep'}), a Terraform {@code module} whose
 * {@code source} is a folder of the scan ({@code "./modules/storage"}). Registry references ({@code br:},
 * {@code ts:}, the Terraform registry) are not followed: their source is not in the tree.
 *
 * <p>A module's files are read and parsed when a call asks for them, once, whatever thread asks; who calls a module
 * is worked out once per scan, from the files that name a module source at all.
 *
 * <p>Thread-safe: the engine's scanning threads share one instance per scan.
 */
public final class IacModules {
    /** The modules of the scan a document belongs to; a document scanned on its own gets none. */
    public static final Document.View<IacModules> VIEW = doc -> new IacModules(List.of());

    /** A module's file, parsed. */
    public record Source(String path, IacTemplate template, LineIndex lines) {
        /** The 1-based line of an offset of the file. */
        public int line(int offset) {
            return lines.lineOf(Math.max(0, offset)) + 1;
        }
    }

    /** A call of a module: the calling file and its {@code module} declaration. */
    public record Call(Source caller, IacTemplate.Module module) {
    }

    /** Module files larger than this are not followed (generated or data, not a module a team writes). */
    private static final int MAX_CHARS = 2 * 1024 * 1024;
    /** A Terraform module folder with more files than this is not followed. */
    private static final int MAX_FOLDER_FILES = 64;
    private static final Pattern BICEP_MODULE = Pattern.compile("(?m)^[ \\t]*+(?:module[ \\t]++[A-Za-z_][A-Za-z0-9_]*+|using)"
            + "[ \\t]++'([^'\\n]{1,400})'");
    private static final Pattern TF_SOURCE = Pattern.compile("(?m)^[ \\t]*+source[ \\t]*+=[ \\t]*+\"(\\.{1,2}/[^\"\\n]{0,400})\"");

    private final Map<String, dev.miscan.core.source.Source.Entry> files = new LinkedHashMap<>();
    /** The {@code .tf} files of each folder (at most {@link #MAX_FOLDER_FILES}), in the order of the entries. */
    private final Map<String, List<String>> tfByFolder = new HashMap<>();
    /** Each file's parse, made by the first thread that asks (outside the map's locks: parses are long). */
    private final ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Optional<Parsed>>> parsed =
            new ConcurrentHashMap<>();
    private volatile Map<String, List<String>> callersByTarget;
    /** The files a call names and the files that call: those whose parse the scan keeps (see {@link #shared}). */
    private volatile Set<String> keptPaths;

    /** The modules among {@code entries}: their {@code .bicep} and {@code .tf} files (the first entry of a path wins). */
    public IacModules(Collection<? extends dev.miscan.core.source.Source.Entry> entries) {
        for (dev.miscan.core.source.Source.Entry e : entries) {
            String p = e.path().toLowerCase(Locale.ROOT);
            if ((p.endsWith(".bicep") || p.endsWith(".bicepparam") || p.endsWith(".tf"))
                    && !files.containsKey(e.path())) {
                files.put(e.path(), e);
                if (e.path().endsWith(".tf")) {
                    List<String> inFolder = tfByFolder.computeIfAbsent(folderOf(e.path()), k -> new ArrayList<>());
                    if (inFolder.size() < MAX_FOLDER_FILES) {
                        inFolder.add(e.path());
                    }
                }
            }
        }
    }

    /**
     * The files a module call in the file at {@code fromPath} deploys: for a Bicep source, the one file; for a
     * Terraform source, the {@code .tf} files of the folder. Empty when the source is not in the scan.
     */
    public List<Source> sources(String fromPath, String source) {
        String target = target(fromPath, source);
        if (target == null) {
            return List.of();
        }
        if (target.endsWith(".bicep")) {
            return parse(target).map(List::of).orElse(List.of());
        }
        List<Source> out = new ArrayList<>();
        for (String p : folderFiles(target)) {
            parse(p).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The calls of the module that the file at {@code path} is (a Bicep file, or one of the {@code .tf} files of a
     * Terraform module folder) by other files of the scan; empty when nothing in the scan calls it.
     */
    public List<Call> callers(String path) {
        Map<String, List<String>> index = callersByTarget;
        if (index == null) {
            index = buildCallers();
        }
        String target = path.endsWith(".tf") ? folderOf(path) : path;
        List<Call> out = new ArrayList<>();
        for (String caller : index.getOrDefault(target, List.of())) {
            Optional<Source> s = parse(caller);
            if (s.isEmpty()) {
                continue;
            }
            for (IacTemplate.Module m : s.get().template().modules()) {
                if (target.equals(target(caller, m.source()))) {
                    out.add(new Call(s.get(), m));
                }
            }
        }
        return out;
    }

    private synchronized Map<String, List<String>> buildCallers() {
        if (callersByTarget != null) {
            return callersByTarget;
        }
        Map<String, List<String>> index = new HashMap<>();
        for (var e : files.entrySet()) {
            String text = text(e.getValue());
            if (text == null || !text.contains("module") && !text.contains("using")) {
                continue;
            }
            Matcher m = (e.getKey().endsWith(".tf") ? TF_SOURCE : BICEP_MODULE).matcher(text);
            while (m.find()) {
                String target = target(e.getKey(), m.group(1));
                if (target != null) {
                    List<String> callers = index.computeIfAbsent(target, k -> new ArrayList<>());
                    if (!callers.contains(e.getKey())) {
                        callers.add(e.getKey());
                    }
                }
            }
        }
        callersByTarget = index;
        return index;
    }

    /**
     * Where a module source written in the file at {@code fromPath} points in the scan: a {@code .bicep} file, or a
     * Terraform module folder (no trailing slash); null for a registry reference or a place outside the scan.
     */
    String target(String fromPath, String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String s = source.strip().replace('\\', '/');
        boolean bicep = fromPath.endsWith(".bicep") || fromPath.endsWith(".bicepparam");
        if (bicep ? s.contains(":") || !s.endsWith(".bicep") : !(s.startsWith("./") || s.startsWith("../"))) {
            return null; // br:, ts:, a registry or a URL
        }
        String resolved = normalize(folderOf(fromPath), s);
        if (resolved == null) {
            return null;
        }
        if (bicep) {
            return files.containsKey(resolved) ? resolved : null;
        }
        return folderFiles(resolved).isEmpty() ? null : resolved;
    }

    private List<String> folderFiles(String folder) {
        return tfByFolder.getOrDefault(folder, List.of());
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code folder/relative} with {@code .} and {@code ..} segments resolved; null when it leaves the scan. */
    private static String normalize(String folder, String relative) {
        List<String> parts = new ArrayList<>();
        for (String p : (folder.isEmpty() ? relative : folder + "/" + relative).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    /** A file parsed once for the scan: its text, template and the parser's problems. */
    private record Parsed(String text, Source source, List<ParseProblem> problems) {
    }

    private Optional<Source> parse(String path) {
        return parsedOnce(path).map(Parsed::source);
    }

    /** The file at {@code path} as the scan's entry of it reads, parsed once whatever thread asks first. */
    private Optional<Parsed> parsedOnce(String path) {
        var mine = new java.util.concurrent.CompletableFuture<Optional<Parsed>>();
        var existing = parsed.putIfAbsent(path, mine);
        if (existing != null) {
            return existing.join();
        }
        Optional<Parsed> p = Optional.empty();
        try {
            var entry = files.get(path);
            p = parsed(path, entry == null ? null : text(entry));
        } finally {
            mine.complete(p); // also when the parse ran out of memory: no other thread waits for ever
        }
        return p;
    }

    private static Optional<Parsed> parsed(String path, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            List<ParseProblem> problems = new ArrayList<>();
            IacTemplate t = path.endsWith(".tf") ? HclParser.parse(text, false, problems)
                    : BicepParser.parse(text, path.endsWith(".bicepparam"), problems);
            return Optional.of(new Parsed(text, new Source(path, t, new LineIndex(text)), List.copyOf(problems)));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // the file's own scan names the problem
        }
    }

    /**
     * The template of the file at {@code path} with {@code text} as the modules parse it, when they already did (a
     * call or a caller asked first) or, once who calls whom is known, will (a module's file or a caller's): the file's
     * own scan and the other end then share one parse. Null when the modules do not have that file, or have another
     * text of it (another version of the path, or the file changed on disk since the scan read it); the file's own
     * scan parses it then.
     *
     * @param problems receives the parser's problems, as a parse of the text would
     */
    public IacTemplate shared(String path, String text, List<ParseProblem> problems) {
        if (!(path.endsWith(".tf") || path.endsWith(".bicep") || path.endsWith(".bicepparam"))
                || !files.containsKey(path) || text.length() > MAX_CHARS) {
            return null;
        }
        Optional<Parsed> p;
        var started = parsed.get(path);
        if (started != null) {
            p = started.join(); // a call or a caller asked first
        } else if (callersByTarget != null && kept(path)) {
            // who calls whom is known (working it out only for this would read every file again): parsed now, from
            // the scan's own entry of that path (a history holds several versions of a path: the first)
            p = parsedOnce(path);
        } else {
            return null;
        }
        if (p.isEmpty() || !p.get().text().equals(text)) {
            return null;
        }
        problems.addAll(p.get().problems());
        return p.get().source().template();
    }

    /**
     * Whether a module call names the file at {@code path} (or its folder), or the file calls a module of the scan
     * (once the callers are known).
     */
    private boolean kept(String path) {
        Map<String, List<String>> index = callersByTarget;
        Set<String> kept = keptPaths;
        if (kept == null) {
            synchronized (this) {
                kept = keptPaths;
                if (kept == null) {
                    kept = new HashSet<>();
                    for (var e : index.entrySet()) {
                        kept.addAll(e.getValue());
                        if (e.getKey().endsWith(".bicep")) {
                            kept.add(e.getKey());
                        } else {
                            kept.addAll(folderFiles(e.getKey()));
                        }
                    }
                    keptPaths = kept;
                }
            }
        }
        return kept.contains(path);
    }

    private static String text(dev.miscan.core.source.Source.Entry entry) {
        try {
            String text = entry.read().text();
            return text.length() > MAX_CHARS ? null : text;
        } catch (java.io.IOException | dev.miscan.core.source.SkippedException | RuntimeException e) {
            return null; // the file's own scan warns about it
        }
    }
}
