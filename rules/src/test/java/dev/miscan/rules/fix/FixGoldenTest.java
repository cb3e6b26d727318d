package dev.miscan.rules.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.Fixes;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture with fixes is a "before", and {@code fix-goldens/<fixture path>.after} is the text after all its
 * fixes, compared whole (the OpenRewrite {@code rewriteRun(before, after)} style): every fix shape (Java builders,
 * key credentials, constants, {@code @Value} defaults, properties, YAML, JSON, Bicep, ARM and Terraform switches and
 * identity blocks) has a pair a reviewer reads as a diff. Regenerate with
 * {@code mvn -pl rules test -Dtest=FixGoldenTest -Dmi-scan.updateGoldens=true} and review the change.
 */
class FixGoldenTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path GOLDENS = Path.of("src/test/resources/fix-goldens");
    /** The projects the fix-build-layouts IT fixes and then compiles. */
    private static final Path LAYOUTS = Path.of("../maven-plugin/src/it/fix-build-layouts/layouts");
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    static Stream<Path> fixturesWithFixes() throws IOException {
        return FixturesFixTest.fixturesWithFixes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturesWithFixes")
    void fixedTextIsTheGoldenAfter(Path fixture) throws IOException {
        String text = FixtureHarness.GOLDEN.matcher(Files.readString(fixture, StandardCharsets.UTF_8)
                .replace("\r\n", "\n")).replaceAll("");
        List<Fix.Edit> edits = new ArrayList<>();
        for (Finding f : ENGINE.scanFragment(new Fragment(fixture.getFileName().toString(), text), w -> { },
                Engine.Options.UNSUPPRESSED).findings()) {
            if (f.remediation().fix() != null) {
                edits.addAll(f.remediation().fix().edits());
            }
        }
        String after = Fixes.apply(text, edits);
        Path golden = GOLDENS.resolve(FIXTURES.relativize(fixture).toString() + ".after");
        if (Boolean.getBoolean("mi-scan.updateGoldens")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, after, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden after of %s", fixture).exists();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        // compared as a boolean and a line number: the texts hold test keys, which a failure must not print
        assertThat(after.equals(expected)).as("%s after its fixes differs from %s first at line %s", fixture, golden,
                firstDifference(after, expected)).isTrue();
    }

    /**
     * The build layouts of the {@code fix-build-layouts} integration test (which compiles them after {@code fix}):
     * each is scanned as a tree, and {@code fix-goldens/builds/<layout>.after} holds every file its fixes change,
     * after them (the Java files and the {@code pom.xml} edits the build step attaches), and the reasons of the
     * fixes it refused.
     */
    static Stream<Path> buildLayouts() throws IOException {
        try (Stream<Path> s = Files.list(LAYOUTS)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buildLayouts")
    void buildLayoutFixedIsTheGoldenAfter(Path layout) throws IOException {
        Path base = layout.toAbsolutePath().normalize();
        dev.miscan.core.engine.ScanResult result = ENGINE.scan(new dev.miscan.core.engine.ScanRequest(base,
                List.of(base), List.of(), 1 << 20, 1));
        java.util.Map<String, List<Fix.Edit>> byFile = new java.util.TreeMap<>();
        List<String> refused = new ArrayList<>();
        for (Finding f : result.findings()) {
            Fix fix = f.remediation().fix();
            if (fix == null) {
                refused.add(f.location().path() + ":" + f.location().startLine() + ": " + f.remediation().manual());
                continue;
            }
            byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).addAll(fix.edits());
            for (Fix.FileChange c : fix.changes()) {
                byFile.computeIfAbsent(c.path(), k -> new ArrayList<>()).addAll(c.edits());
            }
        }
        StringBuilder after = new StringBuilder();
        for (var e : byFile.entrySet()) {
            String before = Files.readString(base.resolve(e.getKey()), StandardCharsets.UTF_8).replace("\r\n", "\n");
            after.append("==== ").append(e.getKey()).append('\n').append(Fixes.apply(before, e.getValue()));
        }
        for (String r : refused) {
            after.append("==== not fixed: ").append(r).append('\n');
        }
        Path golden = GOLDENS.resolve("builds").resolve(layout.getFileName().toString() + ".after");
        if (Boolean.getBoolean("mi-scan.updateGoldens")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, after, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden after of %s", layout).exists();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        assertThat(after.toString().equals(expected)).as("%s after its fixes differs from %s first at line %s", layout,
                golden, firstDifference(after.toString(), expected)).isTrue();
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
