package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.source.ScanWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzz tests of the whole engine with every rule, one per file format, so that the parsers the rules
 * use (Bicep, Terraform, ARM JSON, Java, YAML, properties) meet arbitrary text: no rule may fail (the engine
 * would turn it into a "rule … failed on this file" warning and lose that rule's findings), and every finding
 * must lie inside the text. Regression mode in {@code mvn verify} replays
 * {@code src/test/resources/dev/miscan/cli/EngineFuzzTestInputs/<method>/}; to fuzz, see {@code .ci/fuzz.sh}.
 */
class EngineFuzzTest {
    private static Engine engine;

    private static synchronized Engine engine() {
        if (engine == null) {
            engine = new Engine(RuleRegistry.load());
        }
        return engine;
    }

    private static void scan(String fileName, String text) {
        List<ScanWarning> warnings = new ArrayList<>();
        Engine.FileResult r = engine().scanFragment(new Fragment(fileName, text), warnings::add);
        // the engine's own messages (a parser's message may quote anything from the text, even these words)
        assertThat(warnings).noneMatch(w -> w.message().matches("rule MI-[A-Z0-9-]+ failed on this file .*")
                || w.message().startsWith("skipped: internal error"));
        assertThat(warnings).allMatch(w -> !w.message().contains("\n") && w.message().length() <= 300);
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        for (Finding f : r.findings()) {
            assertThat(f.location().startLine()).isBetween(1, lines);
            assertThat(f.location().endLine()).isBetween(f.location().startLine(), lines);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void bicep(FuzzedDataProvider data) {
        scan("main.bicep", data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void terraform(FuzzedDataProvider data) {
        scan("main.tf", data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void armJson(FuzzedDataProvider data) {
        scan("azuredeploy.json", data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void java(FuzzedDataProvider data) {
        scan("Config.java", data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "2m")
    void configFiles(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        scan("application.properties", text);
        scan("application.yaml", text);
        scan(".env", text);
    }
}
