package dev.miscan.rules.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.Fixes;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.SarifWriter;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every fixture with mechanical fixes: applying the fixes (the SARIF {@code fixes} the report writes, and
 * the edits {@code mi-scan fix} applies, which must give the same text) leaves no fixable finding, removes
 * findings, keeps YAML and JSON parseable and compiling Java fixtures compiling, and inserts no secret.
 */
class FixturesFixTest {
    private static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    static Stream<Path> fixturesWithFixes() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : FixtureHarness.fixtures(ROOT)) {
            if (scan(f.getFileName().toString(), text(f)).stream()
                    .anyMatch(x -> x.remediation().fix() != null)) {
                out.add(f);
            }
        }
        return out.stream();
    }

    /**
     * Writes the findings as SARIF and applies every result's {@code fixes[].artifactChanges[].replacements} to
     * the text, as a SARIF consumer would (1-based lines and columns, end column exclusive); a replacement that
     * several results carry (the import they all need) is applied once.
     */
    private static String applySarifFixes(String text, List<Finding> findings) throws IOException {
        ScanResult result = new ScanResult(Path.of("."), RULES, findings, List.of(), 1, text.length(), 0);
        java.io.StringWriter out = new java.io.StringWriter();
        new SarifWriter("0.0.0", "https://example.com/docs/rules/").write(result, out);
        JsonNode sarif = new ObjectMapper().readTree(out.toString());
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<int[]> spans = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        for (JsonNode r : sarif.at("/runs/0/results")) {
            for (JsonNode fix : r.path("fixes")) {
                for (JsonNode change : fix.path("artifactChanges")) {
                    for (JsonNode rep : change.path("replacements")) {
                        JsonNode d = rep.path("deletedRegion");
                        int start = lineStarts[d.path("startLine").asInt() - 1] + d.path("startColumn").asInt() - 1;
                        int end = lineStarts[d.path("endLine").asInt() - 1] + d.path("endColumn").asInt() - 1;
                        String ins = rep.at("/insertedContent/text").asText();
                        if (seen.add(start + ":" + end + ":" + ins)) {
                            spans.add(new int[] {start, end});
                            inserted.add(ins);
                            starts.add(spans.size() - 1);
                        }
                    }
                }
            }
        }
        starts.sort((a, b) -> spans.get(b)[0] != spans.get(a)[0] ? spans.get(b)[0] - spans.get(a)[0]
                : spans.get(b)[1] - spans.get(a)[1]);
        StringBuilder b = new StringBuilder(text);
        for (int i : starts) {
            b.replace(spans.get(i)[0], spans.get(i)[1], inserted.get(i));
        }
        return b.toString();
    }

    /** Offsets of every line start, with one more for a line after the last newline. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final List<dev.miscan.core.api.RuleDescriptor> RULES = RuleRegistry.load().rules();

    /** A fixture's text, without the golden markers of JSON fixtures. */
    private static String text(Path fixture) throws IOException {
        String text = Files.readString(fixture, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return FixtureHarness.GOLDEN.matcher(text).replaceAll("");
    }

    private static List<Finding> scan(String name, String text) {
        return ENGINE.scanFragment(new Fragment(name, text), w -> { }, Engine.Options.UNSUPPRESSED).findings();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturesWithFixes")
    void applyingTheFixes_removesTheFixedFindings(Path fixture) throws IOException {
        String name = fixture.getFileName().toString();
        String text = text(fixture);
        List<Finding> before = scan(name, text);
        List<Fix.Edit> edits = new ArrayList<>();
        List<String> fixedRules = new ArrayList<>();
        for (Finding f : before) {
            if (f.remediation().fix() != null) {
                edits.addAll(f.remediation().fix().edits());
                fixedRules.add(f.rule().id());
                for (Fix.Edit e : f.remediation().fix().edits()) {
                    assertThat(Redacted.containsSecretOf(e.text(), f)).as("fix of %s inserts its secret", f.rule().id())
                            .isFalse();
                }
            }
        }
        String fixed = Fixes.apply(text, edits);
        assertThat(applySarifFixes(text, before)).as("%s: the SARIF fixes give the same text", name).isEqualTo(fixed);
        List<Finding> after = scan(name, fixed);
        long fixableLeft = after.stream().filter(f -> f.remediation().fix() != null).count();
        assertThat(fixableLeft).as("findings with a fix left after applying the fixes").isZero();
        assertThat(after.size()).as("findings after fixing").isLessThan(before.size());
        assertThat(parseProblem(name, fixed)).as("%s after fixing", name).isNull();
        if (text.contains(COMPILES)) {
            assertThat(compile(name, text)).as("%s before fixing", name).isEmpty();
            assertThat(compile(name, fixed)).as("%s after fixing", name).isEmpty();
        }
    }

    /** Why a fixed YAML or JSON text does not parse (line only: a parser's message quotes the text), or null. */
    private static String parseProblem(String name, String text) {
        try {
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                new org.yaml.snakeyaml.Yaml().loadAll(text).forEach(document -> { });
            } else if (name.endsWith(".json")) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            }
            return null;
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            return "YAML does not parse at line " + (e.getProblemMark() == null ? "?" : e.getProblemMark().getLine() + 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "JSON does not parse at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr());
        } catch (RuntimeException e) {
            return "does not parse (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Java fixtures that say so compile against the Azure SDK (test scope), before and after their fixes. */
    private static final String COMPILES = "mi-scan-test: compiles";

    @Test
    void someJavaFixturesCompile() throws IOException {
        long compiling = fixturesWithFixes().filter(f -> {
            try {
                return f.toString().endsWith(".java") && Files.readString(f).contains(COMPILES);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        assertThat(compiling).as("Java fixtures whose fixes are compiled").isPositive();
    }

    /** The compiler's errors for one Java source (class name from the file name); empty when it compiles. */
    private static List<String> compile(String fileName, String source) throws IOException {
        Path out = Files.createTempDirectory("fix-compile");
        try {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-Xlint:none", "-proc:none");
            compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
            // line and message only: a compiler message quotes code, and code here may hold a fixture's key
            return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getCode()).toList();
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Whether a text contains the finding's secret: compared by hash of every token, never printed. */
    static final class Redacted {
        private Redacted() {
        }

        static boolean containsSecretOf(String text, Finding f) {
            for (String token : text.split("[\\s=;\"',&]+")) {
                if (!token.isEmpty() && dev.miscan.core.secrets.Redaction.sha256(token).equals(f.secretHash())) {
                    return true;
                }
            }
            return false;
        }
    }
}
