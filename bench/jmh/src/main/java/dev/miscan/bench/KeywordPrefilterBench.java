package dev.miscan.bench;

import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The keyword prefilter: one Aho–Corasick pass of all rules' keywords over a file, as the engine runs it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeywordPrefilterBench {
    @Param("")
    public String input;

    private KeywordIndex index;
    private String text;

    @Setup
    public void setUp() {
        List<String> keywords = new ArrayList<>();
        RuleRegistry.load().detectors().forEach(d -> keywords.addAll(d.keywords()));
        index = new KeywordIndex(keywords);
        text = Inputs.read(input);
    }

    @Benchmark
    public int[][] prefilter() {
        return index.scan(text);
    }
}
