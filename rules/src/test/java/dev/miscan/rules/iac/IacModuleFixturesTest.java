package dev.miscan.rules.iac;

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
 * Fixtures that are folders, scanned as one scan: module calls and the modules they deploy, each file with its
 * markers ({@code src/test/resources/module-fixtures/<case>/}).
 */
class IacModuleFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/module-fixtures");
    private static final FixtureHarness HARNESS = new FixtureHarness(new Engine(RuleRegistry.load()));

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            List<Path> out = dirs.filter(Files::isDirectory).sorted().toList();
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFilesFindingsMatchItsMarkers(Path dir) {
        assertThat(HARNESS.checkTree(dir)).as("findings of %s differ from its markers", dir.getFileName()).isEmpty();
    }
}
