package dev.miscan.core.parse.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import java.util.Optional;

/**
 * The JavaParser view of a {@code .java} document: its compilation unit and the offsets of its nodes in
 * the document's text. Parsed at the newest language level JavaParser offers (switch patterns, records,
 * text blocks, unnamed variables), without that level's validators: a file that parses but that a compiler would
 * reject (two access modifiers, a {@code try} without {@code catch}, a half-edited file) is analysed all the same.
 * A file that does not parse yields an empty view and one warning, and the plain-text rules still run on it. Build it only after a cheap text check said the file is worth
 * parsing: parsing runs at about 3 MB/s.
 */
public final class JavaView {
    /** The document's view; {@link Document#warn warns} once when the file does not parse. */
    public static final Document.View<JavaView> VIEW = JavaView::build;

    static final ParserConfiguration.LanguageLevel LEVEL = newestLevel();

    /**
     * The language level's post-processing (the tree's fix-ups, such as {@code var} read as a type), without the
     * level's validators, or null when this JavaParser does not expose it. The validators (a tree walk each for
     * the use of a newer feature, a reserved word, a misplaced modifier) were a fifth of a scan of a Java source
     * corpus, and say only what a compiler would reject: a scanner reads such a file all the same.
     */
    static final Processor LEVEL_POST_PROCESSING = postProcessing(LEVEL);

    private final String path;
    private final String text;
    private final CompilationUnit unit;
    private final LineIndex lines;
    private final String problem;

    private JavaView(String path, String text, CompilationUnit unit, LineIndex lines, String problem) {
        this.path = path;
        this.text = text;
        this.unit = unit;
        this.lines = lines;
        this.problem = problem;
    }

    private static JavaView build(Document doc) {
        if (doc.derived() || !doc.extension().equals("java")) {
            return new JavaView(doc.path(), doc.text(), null, doc.lines(), "not a Java source");
        }
        JavaView v = parse(doc.path(), doc.text(), doc.lines());
        if (v.problem != null) {
            doc.warn("Java does not parse: " + v.problem);
        }
        return v;
    }

    /** Parses a Java source; the result is empty (with {@link #problem()}) when it does not parse. */
    public static JavaView parse(String path, String text) {
        return parse(path, text, new LineIndex(text));
    }

    private static JavaView parse(String path, String text, LineIndex lines) {
        ParserConfiguration config = configuration();
        ParseResult<CompilationUnit> result;
        try {
            result = new JavaParser(config).parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            return new JavaView(path, text, null, lines, e.getClass().getSimpleName());
        }
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return new JavaView(path, text, result.getResult().get(), lines, null);
        }
        return new JavaView(path, text, null, lines, describe(result, text));
    }

    /**
     * The parser's settings: the newest level, tabs as one column, no comment attribution, no unicode-escape
     * pre-processing, and as post-processing only the level's own ({@link #LEVEL_POST_PROCESSING}): the other
     * processors JavaParser installs serve comment attribution, symbol resolution, lexical preservation and line
     * endings for printing, none of which a scan uses.
     */
    static ParserConfiguration configuration() {
        ParserConfiguration config = new ParserConfiguration().setLanguageLevel(LEVEL).setTabSize(1)
                .setAttributeComments(false).setPreprocessUnicodeEscapes(false);
        if (LEVEL_POST_PROCESSING != null) {
            config.getProcessors().clear();
            config.getProcessors().add(() -> LEVEL_POST_PROCESSING);
        }
        return config;
    }

    private static Processor postProcessing(ParserConfiguration.LanguageLevel level) {
        try {
            java.lang.reflect.Field f = ParserConfiguration.LanguageLevel.class.getDeclaredField("postProcessor");
            f.setAccessible(true);
            PostProcessors post = (PostProcessors) f.get(level);
            return new Processor() {
                @Override
                public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                    if (post != null) {
                        post.postProcess(result, configuration);
                    }
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // JavaParser's own processors then run, validators included: slower, the same tree
        }
    }

    /** Java's reserved words, as JavaParser's grammar lists its tokens ({@code "class"}, {@code "non-sealed"}). */
    private static final java.util.Set<String> JAVA_WORDS = java.util.Arrays.stream(
            com.github.javaparser.GeneratedJavaParserConstants.tokenImage)
            .filter(t -> t.matches("\"[a-z][a-z-]*\""))
            .map(t -> t.substring(1, t.length() - 1))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The first problem, and how many more; without what it quotes of {@code text} (a credential, maybe). */
    private static String describe(ParseResult<CompilationUnit> result, String text) {
        if (result.getProblems().isEmpty()) {
            return "no compilation unit";
        }
        Problem p = result.getProblems().get(0);
        int line = p.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
        String where = line > 0 ? "line " + line + ": " : "";
        String message = p.getMessage().strip();
        int nl = message.indexOf('\n');
        if (nl > 0) {
            message = message.substring(0, nl).strip();
        }
        message = dev.miscan.core.parse.ParserMessages.unquotedBetweenQuotes(message,
                dev.miscan.core.parse.ParserMessages.near(text, line - 1), JAVA_WORDS);
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        String more = result.getProblems().size() > 1 ? " (and " + (result.getProblems().size() - 1) + " more)" : "";
        return where + message + more;
    }

    /** The newest non-preview language level of the JavaParser on the class path. */
    private static ParserConfiguration.LanguageLevel newestLevel() {
        ParserConfiguration.LanguageLevel best = ParserConfiguration.LanguageLevel.JAVA_17;
        for (ParserConfiguration.LanguageLevel l : ParserConfiguration.LanguageLevel.values()) {
            if (l.name().startsWith("JAVA_") && !l.name().contains("PREVIEW") && l.ordinal() > best.ordinal()) {
                best = l;
            }
        }
        return best;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** The compilation unit, or empty when the file is not Java or does not parse. */
    public Optional<CompilationUnit> unit() {
        return Optional.ofNullable(unit);
    }

    /** Why the file did not parse, or null. */
    public String problem() {
        return problem;
    }

    /** Offset of a parser position (1-based line and column, tabs counted as one column). */
    public int offset(Position p) {
        int line = Math.min(Math.max(0, p.line - 1), lines.lineCount() - 1);
        return Math.min(text.length(), lines.lineStart(line) + Math.max(0, p.column - 1));
    }

    /** Offset of a node's first character, or -1 when the parser recorded no range. */
    public int begin(Node n) {
        return n.getBegin().map(this::offset).orElse(-1);
    }

    /** Offset just after a node's last character, or -1. */
    public int end(Node n) {
        return n.getEnd().map(p -> Math.min(text.length(), offset(p) + 1)).orElse(-1);
    }

    /** The source text of a node, exactly as written. */
    public String source(Node n) {
        int b = begin(n);
        int e = end(n);
        return b < 0 || e < b ? n.toString() : text.substring(b, e);
    }

    /** 1-based line of a node. */
    public int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}
