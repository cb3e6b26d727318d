package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.suppress.FindingPolicy;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One id per service, problem and tier, checked on every fixture and sample: each result has its rule's level,
 * and a rule turned off takes its results with it, none comes back under another id.
 */
class RuleIdsTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();
    private static final Path SAMPLES = Path.of("..", "samples");

    /** Every fixture and sample file, by name, with its text (fixtures without their golden markers). */
    private static Map<String, String> corpus() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>(FixtureHarness.fixtures(RuleFixturesTest.ROOT));
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            all.addAll(s.filter(Files::isRegularFile).sorted().toList());
        }
        for (Path p : all) {
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
                files.put(p.toString(), FixtureHarness.GOLDEN.matcher(text).replaceAll(""));
            } catch (java.nio.charset.MalformedInputException e) {
                // binary sample files: nothing to check
            }
        }
        return files;
    }

    private static List<Finding> scan(Engine engine, String path, String text) {
        // the file name, as the fixture harness scans it, so that file-kind rules (local.settings.json) apply
        String name = Path.of(path).getFileName().toString();
        return engine.scanFragment(new Fragment(name, text), w -> { }, Engine.Options.UNSUPPRESSED).findings();
    }

    private static String place(String path, Finding f) {
        return path + ":" + f.location().startLine() + ":" + f.location().startColumn() + ":" + f.secretHash();
    }

    @Test
    void everyResultHasItsRulesLevel_andARuleTurnedOffNeverComesBackUnderAnotherId() throws IOException {
        Map<String, String> corpus = corpus();
        Engine all = new Engine(REGISTRY);
        Map<String, Map<String, List<Finding>>> byRule = new LinkedHashMap<>();
        for (var e : corpus.entrySet()) {
            for (Finding f : scan(all, e.getKey(), e.getValue())) {
                assertThat(f.severity()).as("level of %s at %s", f.rule().id(), place(e.getKey(), f))
                        .isEqualTo(f.rule().defaultSeverity());
                byRule.computeIfAbsent(f.rule().id(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(f);
            }
        }
        assertThat(byRule.keySet()).as("rules with results in the fixtures and samples")
                .containsAll(REGISTRY.rules().stream().map(RuleDescriptor::id).toList());
        List<String> reappeared = new ArrayList<>();
        for (var rule : byRule.entrySet()) {
            String off = rule.getKey();
            Engine without = new Engine(REGISTRY, new FindingPolicy() {
                @Override
                public boolean enabled(RuleDescriptor r) {
                    return !r.id().equals(off);
                }
            });
            for (var file : rule.getValue().entrySet()) {
                List<String> places = file.getValue().stream().map(f -> place(file.getKey(), f)).toList();
                for (Finding f : scan(without, file.getKey(), corpus.get(file.getKey()))) {
                    if (places.contains(place(file.getKey(), f))) {
                        reappeared.add(off + " off: " + f.rule().id() + " at " + file.getKey() + ":"
                                + f.location().startLine());
                    }
                }
            }
        }
        assertThat(reappeared).isEmpty();
    }

    @Test
    void everyFormerIdNamesRulesThatExist_andNoFormerIdIsACurrentId() {
        for (RuleDescriptor d : REGISTRY.rules()) {
            for (String alias : d.aliases()) {
                assertThat(REGISTRY.resolve(alias)).as(alias).contains(d);
                assertThat(REGISTRY.rules()).extracting(RuleDescriptor::id).doesNotContain(alias);
            }
        }
        assertThat(REGISTRY.resolve("MI-JAVA-STORAGE-KEY")).extracting(RuleDescriptor::id)
                .containsExactly("MI-STORAGE-CONNSTR", "MI-STORAGE-SAS", "MI-STORAGE-SHAREDKEY");
        assertThat(REGISTRY.knownIds()).contains("MI-JAVA-JDBC-PASSWORD-AUTH", "MI-DATABASE-PASSWORD-AUTH");
    }
}
