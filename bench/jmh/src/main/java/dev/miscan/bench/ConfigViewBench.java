package dev.miscan.bench;

import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.core.source.Fragment;
import java.nio.file.Path;
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

/** Parsing a configuration file into its entries ({@code .properties}, YAML, JSON: chosen by the file name). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConfigViewBench {
    private static final KeywordIndex NONE = new KeywordIndex(List.of());

    @Param("")
    public String input;

    private Fragment fragment;

    @Setup
    public void setUp() {
        fragment = new Fragment(Path.of(input).getFileName().toString(), Inputs.read(input));
    }

    @Benchmark
    public List<ConfigEntry> parse() {
        return new Document(fragment, NONE, new int[0][]).view(ConfigView.ENTRIES);
    }
}
