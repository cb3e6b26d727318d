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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixtures that are folders, scanned as one scan: module calls and the modules they deploy, and Java projects whose
 * clients are used in other files ({@code java-access-*}), each file with its markers
 * ({@code src/test/resources/module-fixtures/<case>/}).
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

    @Test
    void aKeyPassedFromAnotherModulesOutputIsNamedWithItsSourceAndTheCallIsRelated() throws IOException {
        Path dir = ROOT.resolve("bicep-key-outputs");
        var result = new Engine(RuleRegistry.load()).scan(dir, List.of(new dev.miscan.core.source.FileTreeSource(dir,
                dir, List.of(), dev.miscan.core.engine.ScanRequest.DEFAULT_MAX_FILE_SIZE)), 1);
        var finding = result.suppressedFindings().stream().filter(f -> f.rule().id().equals("MI-IAC-KEY-INJECTION"))
                .findFirst().orElseThrow();
        assertThat(finding.message()).contains("Azure Storage key from stg.listKeys() in storage.bicep")
                .contains("passed as storageConnection by main.bicep");
        assertThat(finding.related()).singleElement().satisfies(r -> {
            assertThat(r.location().path()).isEqualTo("main.bicep");
            assertThat(r.location().startLine()).isEqualTo(9);
        });
    }
}
