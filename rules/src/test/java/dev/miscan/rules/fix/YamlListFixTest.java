package dev.miscan.rules.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.Fixes;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A YAML setting's fix keeps the form of its parent: a {@code KEY=VALUE} item of a list (a docker-compose
 * {@code environment:} list) becomes {@code KEY=VALUE} items of that list, a mapping entry becomes mapping entries;
 * and each service's setting gets its own settings. The goldens ({@code fix-goldens/MI-STORAGE-CONNSTR/docker-compose-
 * environment-*.yml.after}) show the texts; these check the structure a YAML reader sees. Keys are generated here;
 * assertions never print a text.
 */
class YamlListFixTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static String connectionString(String account) {
        byte[] b = new byte[64];
        new SecureRandom().nextBytes(b);
        return "DefaultEndpointsProtocol=https;AccountName=" + account + ";AccountKey="
                + Base64.getEncoder().encodeToString(b) + ";EndpointSuffix=core.windows.net";
    }

    private static String fixed(String name, String text) {
        List<Fix.Edit> edits = new ArrayList<>();
        for (Finding f : ENGINE.scanFragment(new Fragment(name, text), w -> { }, Engine.Options.UNSUPPRESSED)
                .findings()) {
            if (f.remediation().fix() != null) {
                edits.addAll(f.remediation().fix().edits());
            }
        }
        return Fixes.apply(text, edits);
    }

    @SuppressWarnings("unchecked")
    private static Object environment(String yaml, String service) {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(yaml);
        Map<String, Object> services = (Map<String, Object>) doc.get("services");
        return ((Map<String, Object>) services.get(service)).get("environment");
    }

    @Test
    void aComposeEnvironmentListIsFixedAsAListNeverRewrittenAsAMapping() {
        String text = "services:\n"
                + "  functions:\n"
                + "    environment:\n"
                + "      - FUNCTIONS_WORKER_RUNTIME=java\n"
                + "      - AzureWebJobsStorage=" + connectionString("funcstore") + "\n"
                + "  reports:\n"
                + "    environment:\n"
                + "    - \"AzureWebJobsStorage=" + connectionString("reportstore") + "\"\n"
                + "    - WEBSITE_RUN_FROM_PACKAGE=1\n"
                + "  archive:\n"
                + "    environment:\n"
                + "      - 'AzureWebJobsStorage=" + connectionString("archivestore") + "'  # archive\n";

        String after = fixed("docker-compose.yml", text);

        assertThat(after.contains("AccountKey=")).as("a key left").isFalse();
        assertThat(environment(after, "functions")).isEqualTo(List.of("FUNCTIONS_WORKER_RUNTIME=java",
                "AzureWebJobsStorage__accountName=funcstore", "AzureWebJobsStorage__credential=managedidentity"));
        assertThat(environment(after, "reports")).isEqualTo(List.of("AzureWebJobsStorage__accountName=reportstore",
                "AzureWebJobsStorage__credential=managedidentity", "WEBSITE_RUN_FROM_PACKAGE=1"));
        assertThat(environment(after, "archive")).isEqualTo(List.of("AzureWebJobsStorage__accountName=archivestore",
                "AzureWebJobsStorage__credential=managedidentity"));
        assertThat(after).contains("    - \"AzureWebJobsStorage__credential=managedidentity\"\n")
                .contains("      - 'AzureWebJobsStorage__credential=managedidentity'  # archive\n");
    }

    @Test
    void aComposeEnvironmentMappingStaysAMappingAndEachServiceGetsItsOwnSettings() {
        String text = "services:\n"
                + "  functions:\n"
                + "    environment:\n"
                + "      AzureWebJobsStorage: \"" + connectionString("funcstore") + "\"\n"
                + "  reports:\n"
                + "    environment:\n"
                + "      AzureWebJobsStorage: " + connectionString("reportstore") + "\n";

        String after = fixed("docker-compose.yml", text);

        assertThat(after.contains("AccountKey=")).as("a key left").isFalse();
        assertThat(environment(after, "functions")).isEqualTo(Map.of("AzureWebJobsStorage__accountName", "funcstore",
                "AzureWebJobsStorage__credential", "managedidentity"));
        // the second service's setting was removed without its replacement: the first's fix "added" them
        assertThat(environment(after, "reports")).isEqualTo(Map.of("AzureWebJobsStorage__accountName", "reportstore",
                "AzureWebJobsStorage__credential", "managedidentity"));
    }

    @Test
    void anyYamlListOfVariablesKeepsItsFormAndAListOfMappingsKeepsItsItemsMappings() {
        String text = "jobs:\n"
                + "  - name: import\n"
                + "    variables:\n"
                + "      - AzureWebJobsStorage=" + connectionString("importstore") + "\n"
                + "  - name: export\n"
                + "    settings:\n"
                + "      - AzureWebJobsStorage: \"" + connectionString("exportstore") + "\"\n";

        String after = fixed("pipeline.yaml", text);

        assertThat(after.contains("AccountKey=")).as("a key left").isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) new org.yaml.snakeyaml.Yaml()
                .<Map<String, Object>>load(after).get("jobs");
        assertThat(jobs.get(0).get("variables")).isEqualTo(List.of("AzureWebJobsStorage__accountName=importstore",
                "AzureWebJobsStorage__credential=managedidentity"));
        assertThat(jobs.get(1).get("settings")).isEqualTo(List.of(Map.of(
                "AzureWebJobsStorage__accountName", "exportstore",
                "AzureWebJobsStorage__credential", "managedidentity")));
    }

    @Test
    void aListItemOfAFlowListIsLeftToAPerson() {
        String flow = "services:\n  app:\n    environment: [\"AzureWebJobsStorage=" + connectionString("flowstore")
                + "\", \"A=1\"]\n";
        assertThat(fixed("docker-compose.yml", flow).equals(flow)).as("a flow list unchanged").isTrue();
    }
}
