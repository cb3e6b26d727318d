package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.testing.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every fixture under {@code src/test/resources/fixtures/<RULE-ID>/} with all rules enabled. */
class RuleFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final FixtureHarness HARNESS = new FixtureHarness(new Engine(RuleRegistry.load()));

    static Stream<Path> fixtures() {
        return FixtureHarness.fixtures(ROOT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureFindingsMatchItsMarkers(Path fixture) {
        List<String> problems = HARNESS.check(fixture);
        assertThat(problems).as("findings of %s differ from its markers", ROOT.relativize(fixture)).isEmpty();
    }
}
