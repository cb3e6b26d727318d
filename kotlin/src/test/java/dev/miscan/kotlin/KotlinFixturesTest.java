package dev.miscan.kotlin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kotlin fixtures, the specification of Kotlin support: each folder {@code src/test/resources/fixtures/<group>/<case>}
 * is scanned as one tree with every rule and the Kotlin translator (so constants cross files),
 * and each file's findings must match its {@code // expect:} markers; every other line must stay clean.
 */
class KotlinFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final FixtureHarness HARNESS = new FixtureHarness(new Engine(RuleRegistry.load()));

    static Stream<Path> trees() throws IOException {
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            // a tree is a folder two levels down: sinks/MI-STORAGE-CONNSTR, kotlin/cross-file
            return dirs.filter(Files::isDirectory).filter(d -> ROOT.relativize(d).getNameCount() == 2).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void findingsMatchTheMarkers(Path tree) {
        List<String> problems = HARNESS.checkTree(tree);
        assertThat(problems).as("findings of %s differ from its markers", ROOT.relativize(tree)).isEmpty();
    }
}
