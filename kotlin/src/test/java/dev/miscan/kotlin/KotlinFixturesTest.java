package dev.miscan.kotlin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kotlin fixtures, the specification of Kotlin support: each folder under {@code src/test/resources/fixtures/}
 * that holds Kotlin files is scanned as one tree with every rule and the Kotlin translator (so constants cross files),
 * and each file's findings must match its {@code // expect:} markers; every other line must stay clean.
 */
class KotlinFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final FixtureHarness HARNESS = new FixtureHarness(new Engine(RuleRegistry.load()));

    static Stream<Path> trees() throws IOException {
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            return dirs.filter(Files::isDirectory).filter(KotlinFixturesTest::holdsFiles).sorted().toList().stream();
        }
    }

    private static boolean holdsFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void findingsMatchTheMarkers(Path tree) {
        List<String> problems = HARNESS.checkTree(tree);
        assertThat(problems).as("findings of %s differ from its markers", ROOT.relativize(tree)).isEmpty();
    }
}
