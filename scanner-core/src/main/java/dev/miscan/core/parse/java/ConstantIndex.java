package dev.miscan.core.parse.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compile-time constants of the Java files of one scan, by fully qualified name: {@code static final}
 * fields, interface fields and enum constants. Built lazily: a file is read and parsed only when a sink
 * in another file refers to a type it declares (found by file name, then checked by package), so a scan
 * pays nothing for the thousands of files whose constants nobody feeds to a credential.
 *
 * <p>It also carries what one file's rules learn about another: a constant defined in file D that
 * reaches a credential sink in file U is a secret at its definition in D. Rules report such findings to
 * {@link #definitionSink(String)}; the engine re-scans D after the first pass with them added, so they go
 * through D's de-duplication and suppressions like any other finding of D.
 *
 * <p>Thread-safe: the engine's scanning threads share one instance per scan.
 */
public final class ConstantIndex {
    /**
     * The index of the scan a document belongs to, provided by the engine; a document scanned on its own
     * (tests, stdin) gets an empty index: only its own constants resolve.
     */
    public static final Document.View<ConstantIndex> VIEW = doc -> new ConstantIndex(List.of());

    private static final KeywordIndex NO_KEYWORDS = new KeywordIndex(List.of());
    private static final int MAX_SUPERTYPE_DEPTH = 4;

    /** A constant's declaration: a {@link VariableDeclarator} or an {@link EnumConstantDeclaration}. */
    public record Constant(JavaView view, Node declaration, TypeDeclaration<?> owner, String qualifiedName) {
    }

    private final Map<String, Source.Entry> javaFiles = new LinkedHashMap<>();
    private final Map<String, List<String>> byFileName = new HashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Optional<JavaView>>> views = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<Constant>> constants = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<Document>> documents = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, Pending>> pending = new ConcurrentHashMap<>();
    /** The answers of {@link #filesContaining}, by the words asked. */
    private final ConcurrentHashMap<String, List<JavaView>> containing = new ConcurrentHashMap<>();

    private record Pending(Finding finding, String secret) {
    }

    private record Declared(JavaView view, TypeDeclaration<?> type) {
    }

    /**
     * The extensions of the files read as Java: sources, and the files whose entries translate them to Java (class
     * files, Kotlin sources: {@link Fragment#syntax()}).
     */
    private static final List<String> JAVA_READABLE = List.of(".java", ".class", ".kt", ".kts");

    /**
     * An index over the entries among {@code entries} that are read as Java (the first entry of a path wins): {@code
     * .java} files, and class files and Kotlin sources, whose entries translate them.
     */
    public ConstantIndex(Collection<? extends Source.Entry> entries) {
        for (Source.Entry e : entries) {
            String ext = extensionOf(e.path());
            if (ext != null && !javaFiles.containsKey(e.path())) {
                javaFiles.put(e.path(), e);
                String file = e.path().substring(e.path().lastIndexOf('/') + 1);
                String base = file.substring(0, file.length() - ext.length());
                byFileName.computeIfAbsent(base, k -> new ArrayList<>()).add(e.path());
                if (ext.equals(".kt") && !base.isEmpty()) {
                    // the class Kotlin compiles the file's top-level declarations into: Config.kt → ConfigKt
                    byFileName.computeIfAbsent(Character.toUpperCase(base.charAt(0)) + base.substring(1) + "Kt",
                            k -> new ArrayList<>()).add(e.path());
                }
            }
        }
    }

    /** The Kotlin sources of the scan by package, read on first use (a Kotlin file's name need not be its type's). */
    private volatile Map<String, List<String>> kotlinPackages;

    private static final java.util.regex.Pattern KOTLIN_PACKAGE = java.util.regex.Pattern.compile(
            "^[ \\t]*package[ \\t]+([\\w.`]+)", java.util.regex.Pattern.MULTILINE);

    private List<String> kotlinFilesOf(String pkg) {
        Map<String, List<String>> byPackage = kotlinPackages;
        if (byPackage == null) {
            synchronized (this) {
                byPackage = kotlinPackages;
                if (byPackage == null) {
                    byPackage = new HashMap<>();
                    for (Map.Entry<String, Source.Entry> e : javaFiles.entrySet()) {
                        if (!e.getKey().endsWith(".kt") && !e.getKey().endsWith(".kts")) {
                            continue;
                        }
                        String declared = "";
                        try {
                            java.util.regex.Matcher m = KOTLIN_PACKAGE.matcher(e.getValue().read().text());
                            declared = m.find() ? m.group(1).replace("`", "") : "";
                        } catch (Exception | StackOverflowError ex) {
                            continue;
                        }
                        byPackage.computeIfAbsent(declared, k -> new ArrayList<>()).add(e.getKey());
                    }
                    kotlinPackages = byPackage;
                }
            }
        }
        return byPackage.getOrDefault(pkg, List.of());
    }

    private static String extensionOf(String path) {
        for (String ext : JAVA_READABLE) {
            if (path.endsWith(ext)) {
                return ext;
            }
        }
        return null;
    }

    /** The scan's entry for a Java file. */
    public Optional<Source.Entry> entry(String path) {
        return Optional.ofNullable(javaFiles.get(path));
    }

    /** The parsed Java file, read on first use; empty when it is not part of the scan or does not parse. */
    public Optional<JavaView> view(String path) {
        Source.Entry entry = javaFiles.get(path);
        if (entry == null) {
            return Optional.empty();
        }
        CompletableFuture<Optional<JavaView>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<JavaView>> existing = views.putIfAbsent(path, mine);
        if (existing != null) {
            return existing.join();
        }
        Optional<JavaView> v = Optional.empty();
        try {
            Fragment f = dev.miscan.core.source.Translators.apply(entry.read(), w -> { });
            if (!path.endsWith(".java") && (f.syntax() == null || !f.syntax().endsWith(".java"))) {
                throw new IllegalArgumentException("not read as Java"); // a Kotlin script without a translator
            }
            JavaView parsed = JavaView.parse(path, f.text());
            v = parsed.unit().isPresent() ? Optional.of(parsed) : Optional.empty();
        } catch (Exception | StackOverflowError e) {
            v = Optional.empty();
        } finally {
            mine.complete(v); // also when the parse ran out of memory: no other thread waits for ever
        }
        return v;
    }

    /**
     * The constant {@code name} of type {@code typeFqn} (declared in it or inherited from a type it extends
     * or implements), when a scanned file declares that type.
     */
    public Optional<Constant> constant(String typeFqn, String name) {
        return constant(typeFqn, name, 0);
    }

    private Optional<Constant> constant(String typeFqn, String name, int depth) {
        String key = typeFqn + "#" + name;
        Optional<Constant> cached = constants.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Constant> found = Optional.empty();
        for (Declared d : types(typeFqn)) {
            TypeDeclaration<?> type = d.type();
            found = member(d.view(), type, name);
            if (found.isEmpty() && depth < MAX_SUPERTYPE_DEPTH && type instanceof ClassOrInterfaceDeclaration c) {
                List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
                supers.addAll(c.getImplementedTypes());
                for (ClassOrInterfaceType s : supers) {
                    for (String candidate : JavaNames.typeCandidates(type.findCompilationUnit().orElseThrow(),
                            s.getNameWithScope())) {
                        found = constant(candidate, name, depth + 1);
                        if (found.isPresent()) {
                            break;
                        }
                    }
                    if (found.isPresent()) {
                        break;
                    }
                }
            }
            if (found.isPresent()) {
                break;
            }
        }
        constants.put(key, found);
        return found;
    }

    /** The declarations of type {@code typeFqn} in the scanned files, with the parsed file of each. */
    public List<Map.Entry<JavaView, TypeDeclaration<?>>> declarations(String typeFqn) {
        return types(typeFqn).stream().<Map.Entry<JavaView, TypeDeclaration<?>>>map(d -> Map.entry(d.view(), d.type()))
                .toList();
    }

    /**
     * The scanned Java files whose text contains every one of {@code words}, parsed: where a project-wide analysis
     * looks for the callers of a method. The first question reads every file once, for the identifiers of the
     * scan; later ones read none (answers are kept for the scan). Only the files that match are parsed (once).
     */
    public List<JavaView> filesContaining(String... words) {
        return containing.computeIfAbsent(String.join("\u0000", words), k -> List.copyOf(search(words)));
    }

    private List<JavaView> search(String... words) {
        boolean answerable = true;
        for (String w : words) {
            answerable &= WordIndex.answerable(w);
        }
        if (!answerable) {
            return searchTexts(words);
        }
        WordIndex index = wordIndex();
        java.util.BitSet matching = index.containingAll(words);
        List<JavaView> out = new ArrayList<>();
        int i = 0;
        for (String path : javaFiles.keySet()) {
            if (matching.get(i++)) {
                view(path).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The identifiers of every Java file of the scan (a file's text as read, before any translation). */
    private volatile WordIndex identifiers;

    private WordIndex wordIndex() {
        WordIndex index = identifiers;
        if (index == null) {
            synchronized (this) {
                index = identifiers;
                if (index == null) {
                    index = new WordIndex();
                    for (Source.Entry e : javaFiles.values()) {
                        String text;
                        try {
                            text = e.read().text();
                        } catch (Exception | StackOverflowError ex) {
                            text = null;
                        }
                        index.add(text);
                    }
                    identifiers = index;
                }
            }
        }
        return index;
    }

    /** {@link #filesContaining} for words that are not identifiers: every file read again. */
    private List<JavaView> searchTexts(String... words) {
        List<JavaView> out = new ArrayList<>();
        for (Map.Entry<String, Source.Entry> e : javaFiles.entrySet()) {
            CompletableFuture<Optional<JavaView>> parsed = views.get(e.getKey());
            String text;
            if (parsed != null && parsed.isDone()) {
                Optional<JavaView> v = parsed.join();
                if (v.isEmpty()) {
                    continue;
                }
                text = v.get().text();
            } else {
                try {
                    text = e.getValue().read().text();
                } catch (Exception | StackOverflowError ex) {
                    continue;
                }
            }
            boolean all = true;
            for (String w : words) {
                all &= text.contains(w);
            }
            if (all) {
                view(e.getKey()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Declarations of {@code typeFqn} in the scanned files, looked up by the top-level type's file name; then, for a
     * type no file is named after, among the Kotlin sources of its package (a Kotlin file holds any number of
     * classes and objects). A package name ({@code com.contoso}: a Kotlin import of a top-level constant) stands for
     * the classes of its Kotlin files' top-level declarations ({@code ConfigKt}).
     */
    private List<Declared> types(String typeFqn) {
        List<Declared> out = new ArrayList<>();
        String[] segments = typeFqn.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty() || !Character.isUpperCase(segment.charAt(0))) {
                pkg.append(pkg.length() == 0 ? "" : ".").append(segment);
                continue;
            }
            for (String path : byFileName.getOrDefault(segment, List.of())) {
                view(path).ifPresent(v -> JavaNames.typesByQualifiedName(v.unit().orElseThrow(), typeFqn)
                        .forEach(t -> out.add(new Declared(v, t))));
            }
            if (out.isEmpty()) {
                for (String path : kotlinFilesOf(pkg.toString())) {
                    if (!byFileName.getOrDefault(segment, List.of()).contains(path)) {
                        view(path).ifPresent(v -> JavaNames.typesByQualifiedName(v.unit().orElseThrow(), typeFqn)
                                .forEach(t -> out.add(new Declared(v, t))));
                    }
                }
            }
            return out; // the first capitalised segment is the top-level type
        }
        for (String path : kotlinFilesOf(typeFqn)) {
            view(path).ifPresent(v -> {
                for (TypeDeclaration<?> t : v.unit().orElseThrow().getTypes()) {
                    if (t.getNameAsString().endsWith("Kt")) {
                        out.add(new Declared(v, t));
                    }
                }
            });
        }
        return out;
    }

    private Optional<Constant> member(JavaView view, TypeDeclaration<?> type, String name) {
        boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        // the unit's fields of that name: a class of thousands of constants is not walked per constant asked about
        UnitNodes nodes = UnitNodes.of(type);
        for (FieldDeclaration f : nodes == null ? type.getFields() : nodes.fields(name)) {
            if (f.getParentNode().orElse(null) != type) {
                continue; // a field of another type of the unit
            }
            if (!isInterface && !(f.hasModifier(Modifier.Keyword.STATIC) && f.hasModifier(Modifier.Keyword.FINAL))) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return Optional.of(new Constant(view, v, type, JavaNames.qualifiedName(type) + "." + name));
                }
            }
        }
        if (type instanceof EnumDeclaration e) {
            for (EnumConstantDeclaration c : e.getEntries()) {
                if (c.getNameAsString().equals(name)) {
                    return Optional.of(new Constant(view, c, type, JavaNames.qualifiedName(type) + "." + name));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A document for {@code path}, to report a finding at a definition found from another file: one per path for the
     * scan (a constant used from a thousand files would otherwise index the lines of its file a thousand times). Its
     * lines are indexed before it is shared, so that the threads that report at it only read it.
     */
    public Optional<Document> document(String path) {
        Optional<Document> known = documents.get(path);
        if (known != null) {
            return known;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        String syntax = path.endsWith(".java") ? null : file.substring(0, file.lastIndexOf('.')) + ".java";
        Optional<Document> made = view(path).map(v -> new Document(new Fragment(path, v.text(), 1, false, null, null,
                syntax), NO_KEYWORDS, new int[0][]));
        made.ifPresent(Document::lines);
        known = documents.putIfAbsent(path, made);
        return known != null ? known : made;
    }

    /**
     * Where a rule scanning one file reports a secret found at its definition in file {@code path}. The
     * same finding reported from several files is kept once (the one whose message sorts first, so that the
     * result does not depend on the order the files were scanned in).
     */
    public FindingSink definitionSink(String path) {
        return (finding, secret) -> pending.computeIfAbsent(path, k -> new ConcurrentHashMap<>()).merge(
                finding.rule().id() + ":" + finding.location().startLine() + ":" + finding.location().startColumn()
                        + ":" + finding.secretHash(),
                new Pending(finding, secret),
                (a, b) -> a.finding().message().compareTo(b.finding().message()) <= 0 ? a : b);
    }

    /** Paths that received findings through {@link #definitionSink}, sorted. */
    public Set<String> pendingPaths() {
        return new TreeSet<>(pending.keySet());
    }

    /** Hands the findings reported for {@code path} from other files to {@code sink}, in a stable order. */
    public void drainTo(String path, FindingSink sink) {
        Map<String, Pending> forPath = pending.get(path);
        if (forPath != null) {
            new TreeMap<>(forPath).values().forEach(p -> sink.accept(p.finding(), p.secret()));
        }
    }

    /** True when this index knows other Java files of the scan. */
    public boolean isProject() {
        return !javaFiles.isEmpty();
    }
}
