package dev.miscan.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.RuleDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledRulesTest {
    @TempDir
    Path dir;
    private Path yaml;
    private byte[] text;
    private List<RuleDescriptor> parsed;

    @BeforeEach
    void rulesFile() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/miscan/core/testing/test-rules.yml")) {
            text = in.readAllBytes();
        }
        yaml = dir.resolve("rules.yml");
        Files.write(yaml, text);
        parsed = RuleRegistry.readRules(yaml.toUri().toURL(), text);
    }

    private URL url() throws Exception {
        return yaml.toUri().toURL();
    }

    private Path compiled() {
        return dir.resolve("rules.yml" + CompiledRules.SUFFIX);
    }

    @Test
    void theBuildStepWritesTheRulesThatTheYamlHolds_andTheyAreReadBack() throws Exception {
        assertThat(parsed).hasSizeGreaterThan(1);
        CompiledRules.main(new String[] {yaml.toString()});
        assertThat(compiled()).exists();
        assertThat(CompiledRules.read(url(), text)).isEqualTo(parsed);
        assertThat(RuleRegistry.readRules(url())).isEqualTo(parsed);
    }

    @Test
    void withoutACompiledFile_theYamlIsParsed() throws Exception {
        assertThat(CompiledRules.read(url(), text)).isNull();
        assertThat(RuleRegistry.readRules(url())).isEqualTo(parsed);
    }

    @Test
    void aCompiledFileOfAnotherText_isNotUsed() throws Exception {
        CompiledRules.main(new String[] {yaml.toString()});
        // the YAML edited after the build: one rule fewer
        List<RuleDescriptor> fewer = parsed.subList(1, parsed.size());
        String edited = new String(text, java.nio.charset.StandardCharsets.UTF_8) + "\n# edited\n";
        Files.writeString(yaml, edited);
        byte[] editedBytes = Files.readAllBytes(yaml);
        assertThat(CompiledRules.read(url(), editedBytes)).isNull();
        assertThat(RuleRegistry.readRules(url())).isEqualTo(parsed).isNotEqualTo(fewer);
    }

    @Test
    void aTruncatedOrDamagedCompiledFile_isNotUsed() throws Exception {
        byte[] good = CompiledRules.compile(text, parsed);
        for (int cut : new int[] {0, 3, 20, good.length / 2, good.length - 1}) {
            Files.write(compiled(), Arrays.copyOf(good, cut));
            assertThat(CompiledRules.read(url(), text)).as("cut at %d", cut).isNull();
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        Files.write(compiled(), longer);
        assertThat(CompiledRules.read(url(), text)).isNull();
        byte[] damaged = good.clone();
        damaged[good.length / 2] ^= 0x7f;
        Files.write(compiled(), damaged);
        assertThat(CompiledRules.read(url(), text)).isNull();
        assertThat(RuleRegistry.readRules(url())).hasSize(parsed.size());
    }

    @Test
    void theRulesModuleIsReadFromItsCompiledFile_whenThereIsOne() throws Exception {
        // in this module's tests there is none: the registry reads the YAML (the rules module's build compiles its own)
        URL url = getClass().getResource("/dev/miscan/core/testing/test-rules.yml");
        assertThat(CompiledRules.read(url, text)).isNull();
    }
}
