package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.ScanWarning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReactorReportTest {
    private final ReactorReport reactor = new ReactorReport();
    private final List<Integer> writes = new ArrayList<>();

    /** A module's result of {@code size} entries (warnings here: the aggregate counts findings alike). */
    private static ScanResult result(String module, int size) {
        return new ScanResult(Path.of("."), List.of(), List.of(), IntStream.range(0, size)
                .mapToObj(i -> new ScanWarning(module + "/f" + i, "w", false)).toList(), 0, 0, 0);
    }

    private final List<String> written = new ArrayList<>();
    private final org.apache.maven.plugin.logging.Log log = new org.apache.maven.plugin.logging.SystemStreamLog();

    /** What an execution does: adds its result, then writes the aggregate now or leaves it for later. */
    private void run(String module, int size, boolean failing) throws Exception {
        run(module, size, failing, "sarif");
    }

    private void run(String module, int size, boolean failing, String files) throws Exception {
        reactor.add(module, result(module, size));
        if (reactor.writeNow(module, failing)) {
            writes.add(reactor.aggregate(Path.of(".")).warnings().size());
            written.add(files);
            reactor.written(files);
        } else {
            reactor.defer(files, () -> {
                writes.add(reactor.aggregate(Path.of(".")).warnings().size());
                written.add(files);
            }, log);
        }
        reactor.ended(module, failing);
    }

    @Test
    void aSmallAggregate_isWrittenAfterEveryModule() throws Exception {
        reactor.expect(() -> Set.of("a", "b", "c"));
        run("a", 10, false);
        run("b", 10, false);
        run("c", 10, false);

        assertThat(writes).containsExactly(10, 20, 30);
    }

    @Test
    void aLargeOne_whenItHasDoubled_andAfterTheLastModule() throws Exception {
        List<String> modules = IntStream.range(0, 100).mapToObj(i -> "m" + i).toList();
        reactor.expect(() -> Set.copyOf(modules));
        for (String m : modules) {
            run(m, 100, false);
        }

        // up to 500 after each module, then at 1,000, 2,000, 4,000 ... and the whole at the end
        assertThat(writes).containsExactly(100, 200, 300, 400, 500, 1000, 2000, 4000, 8000, 10000);
    }

    @Test
    void aModuleThatFailsTheBuild_writesIt() throws Exception {
        reactor.expect(() -> Set.of("a", "b", "c", "d"));
        run("a", 600, false);
        run("b", 100, false);
        run("c", 100, true);

        assertThat(writes).containsExactly(600, 800);
    }

    @Test
    void aDeferredAggregate_isWrittenWhenTheLastExpectedExecutionEnds_evenOneThatScannedNothing() throws Exception {
        reactor.expect(() -> Set.of("a", "b", "c"));
        run("a", 600, false);
        run("b", 100, false);
        assertThat(writes).containsExactly(600);

        reactor.ended("c", false); // skipped, or its base directory scanned already

        assertThat(writes).containsExactly(600, 700);
        reactor.ended("c", false); // a second execution of the goal there: nothing left to write
        assertThat(writes).hasSize(2);
    }

    @Test
    void orWhenAnExecutionFails() throws Exception {
        reactor.expect(() -> Set.of("a", "b", "c", "d"));
        run("a", 600, false);
        run("b", 100, false);

        reactor.ended("c", true); // a bad parameter, a scan that could not run

        assertThat(writes).containsExactly(600, 700);
    }

    @Test
    void whenAnExpectedExecutionNeverRuns_theEndOfTheBuildWritesIt() throws Exception {
        reactor.expect(() -> Set.of("a", "b", "c", "d"));
        run("a", 600, false);
        run("b", 100, false);
        // c failed before the goal (another plugin), and --fail-at-end skipped d, which depends on it

        reactor.flush();

        assertThat(writes).containsExactly(600, 700);
        reactor.flush();
        assertThat(writes).hasSize(2);
    }

    @Test
    void aModuleThatLeavesItForOtherFiles_firstWritesWhatWasLeftForTheFirst() throws Exception {
        reactor.expect(() -> Set.of("a", "b", "c", "d"));
        run("a", 600, false);
        run("b", 100, false, "sarif");
        run("c", 100, false, "sarif+json");
        reactor.ended("d", false);

        // each set of files is written once, when the last module has run: none is left with less
        assertThat(writes).containsExactly(600, 800, 800);
        assertThat(written).containsExactly("sarif", "sarif", "sarif+json");
    }

    @Test
    void theRealmsOfTheBuild_areCountedInItsSessionData() {
        org.eclipse.aether.SessionData data = new org.eclipse.aether.DefaultSessionData();
        Object realm = new Object();

        assertThat(ReactorReport.realmsSharing(data, realm)).isEqualTo(1);
        assertThat(ReactorReport.realmsSharing(data, realm)).isEqualTo(1);
        assertThat(ReactorReport.realmsSharing(data, new Object())).isEqualTo(2);
        assertThat(reactor.realmsWarning()).isNull(); // one realm: nothing to say
    }

    @Test
    void withoutKnowingWhichProjectsRunTheGoal_itIsWrittenAfterEveryModule() throws Exception {
        reactor.expect(() -> null);
        reactor.expect(() -> Set.of("never", "asked")); // the first answer stands
        run("a", 600, false);
        run("b", 100, false);
        run("c", 100, false);

        assertThat(writes).containsExactly(600, 700, 800);
    }
}
