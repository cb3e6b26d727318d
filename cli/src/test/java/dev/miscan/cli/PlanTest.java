package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/*}{@code /PLAN.md} is the output of {@code mi-scan plan} on the sample's vulnerable twin and
 * must be current. Regenerate with {@code mvn -pl cli test -Dtest=PlanTest -Dmi-scan.updateDocs=true}. Its paths
 * are relative to the repository root, as every report's: the comparison needs a git checkout.
 */
class PlanTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void samplePlansAreCurrent() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dev.miscan.core.source.WorkingTrees.workTreeOf(SAMPLES).isPresent(), "not a git checkout");
        boolean update = Boolean.getBoolean("mi-scan.updateDocs");
        List<String> stale = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            for (Path sample : dirs.filter(d -> Files.isDirectory(d.resolve("vulnerable"))).sorted().toList()) {
                String plan = plan(sample.resolve("vulnerable"));
                Path file = sample.resolve("PLAN.md");
                String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
                if (!plan.equals(current)) {
                    stale.add(file.toString());
                    if (update) {
                        Files.writeString(file, plan, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        if (!update) {
            assertThat(stale).as("stale plans; regenerate with mvn -pl cli test -Dtest=PlanTest -Dmi-scan.updateDocs=true")
                    .isEmpty();
        }
    }

    @Test
    void planNamesRolesWithTheirIdsAndNeverASecret() throws IOException {
        String plan = plan(SAMPLES.resolve("spring-boot-app").resolve("vulnerable"));

        assertThat(plan).contains("| Azure Service Bus | `orders-bus` |")
                .contains("Azure Service Bus Data Sender | `69a216fc-b8fb-44d8-bc22-1f3c2cd27a39`")
                .contains("```bicep").contains("azurerm_role_assignment")
                .doesNotContain("AccountKey=").doesNotContain("SharedAccessKey=");
    }

    @Test
    void jsonPlanListsTargets() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "plan", "--format", "json",
                SAMPLES.resolve("infra-app").resolve("vulnerable").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"targets\"").contains("\"service\" : \"Azure Storage\"");
    }

    private static String plan(Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "plan", dir.toString());
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }
}
