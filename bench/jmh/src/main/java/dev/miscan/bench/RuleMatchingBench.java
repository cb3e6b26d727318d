package dev.miscan.bench;

import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Everything the engine does with one file after reading it: prefilter, the views the triggered rules ask for
 * (configuration entries, the Java AST and sink resolution when Java rules are triggered), value-rule
 * matching, de-duplication, suppression and fingerprints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleMatchingBench {
    @Param("")
    public String input;

    private Engine engine;
    private Fragment fragment;

    @Setup
    public void setUp() {
        engine = new Engine(RuleRegistry.load());
        fragment = new Fragment(Path.of(input).getFileName().toString(), Inputs.read(input));
    }

    @Benchmark
    public Engine.FileResult allRulesOnFile() {
        return engine.scanFragment(fragment, w -> { });
    }
}
