package dev.miscan.core.testing;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.RuleRegistry;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Registries of engine-test detectors, with the rules of {@code test-rules.yml} they report under. */
public final class TestRules {
    private static final List<RuleDescriptor> RULES = RuleRegistry.readRules(
            TestRules.class.getResource("test-rules.yml"));

    private TestRules() {
    }

    /** A registry of {@code detectors} and the test rules they name. */
    public static RuleRegistry registry(Detector... detectors) {
        Set<String> named = new HashSet<>();
        Arrays.stream(detectors).forEach(d -> named.addAll(d.ruleIds()));
        return new RuleRegistry(RULES.stream().filter(r -> named.contains(r.id())).toList(), List.of(detectors));
    }
}
