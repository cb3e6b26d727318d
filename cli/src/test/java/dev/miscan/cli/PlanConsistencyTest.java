package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan says one thing per resource: in the Markdown and in the JSON of {@code mi-scan plan} on each sample, the
 * roles of the summary are the roles every command and every Bicep and Terraform block of the resource assigns,
 * narrowest first, each assignment written once; the identity commands are written once for the plan; and every
 * placeholder is one of the vocabulary that {@code docs/plan.md} documents.
 */
class PlanConsistencyTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final AzureCatalogue CATALOGUE = AzureCatalogue.get();
    private static final Pattern ROLE_FLAG = Pattern.compile("--role \"([^\"]+)\"");
    private static final Pattern COSMOS_FLAG = Pattern.compile("--role-definition-id (\\S+)");
    private static final Pattern POLICY_FLAG = Pattern.compile("--access-policy-name \"([^\"]+)\"");
    private static final Pattern GUID = Pattern.compile("'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'");
    private static final Pattern TF_ROLE = Pattern.compile("role_definition_name = \"([^\"]+)\"");
    private static final Pattern TF_COSMOS = Pattern.compile("sqlRoleDefinitions/([0-9a-f-]{36})\"");
    private static final Pattern POLICY = Pattern.compile("access_?[pP]olicy_?[nN]ame[:=]? *[=:]? *[\"']([^\"']+)[\"']");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z0-9-]*)>");

    /** Each sample's vulnerable twin, and all the samples at once ({@code mi-scan plan samples}). */
    static Stream<Path> samples() throws IOException {
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            List<Path> out = new ArrayList<>(dirs.filter(d -> Files.isDirectory(d.resolve("vulnerable"))).sorted()
                    .map(d -> d.resolve("vulnerable")).toList());
            out.add(SAMPLES);
            return out.stream();
        }
    }

    private static String plan(Path dir, String... options) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("plan"));
        args.addAll(List.of(options));
        args.add(dir.toString());
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        assertThat(code).isZero();
        return out.toString();
    }

    /** The role an assignment names, by whichever form it takes (name, Cosmos DB role id, Redis policy). */
    private static Set<String> rolesNamedIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : List.of(ROLE_FLAG, TF_ROLE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        for (Pattern p : List.of(COSMOS_FLAG, GUID, TF_COSMOS)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String id = m.group(1);
                CATALOGUE.roles().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> out.add(r.name()));
            }
        }
        for (Pattern p : List.of(POLICY_FLAG, POLICY)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(m.group(1) + " (Redis access policy)");
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachResourcesJsonAssignsTheRolesOfItsSummary(Path sample) throws IOException {
        JsonNode root = new ObjectMapper().readTree(plan(sample, "--format", "json"));
        assertThat(root.get("targets")).isNotEmpty();
        for (JsonNode t : root.get("targets")) {
            String what = t.get("service").asText() + " " + t.get("resource").asText();
            List<String> roles = new ArrayList<>();
            t.get("roles").forEach(r -> roles.add(r.get("name").asText()));
            List<Role> asRoles = roles.stream().map(CATALOGUE::role).toList();
            assertThat(CATALOGUE.reduce(asRoles)).as(what + ": one role each, none including another, narrowest first")
                    .isEqualTo(asRoles);
            List<String> assigned = new ArrayList<>();
            Set<String> assignmentCommands = new LinkedHashSet<>();
            for (JsonNode a : t.get("assignments")) {
                assigned.add(a.get("role").asText());
                assertThat(rolesNamedIn(a.get("command").asText())).as(what + " command").containsExactly(a.get("role").asText());
                assignmentCommands.add(a.get("command").asText());
                if (!a.get("bicep").asText().isEmpty()) {
                    // the IaC targets the resource of the scope the command grants on
                    String[] seg = t.get("scope").asText().replaceFirst(".*/providers/", "").split("/");
                    String name = seg.length == 5 ? seg[2] + "/" + seg[4] : seg[2];
                    assertThat(a.get("bicep").asText()).as(what + " bicep scope").contains("name: '" + name + "'");
                    assertThat(a.get("terraform").asText()).as(what + " terraform scope").contains("# " + name + "\n");
                    assertThat(rolesNamedIn(a.get("bicep").asText())).as(what + " bicep").containsExactly(a.get("role").asText());
                    assertThat(rolesNamedIn(a.get("terraform").asText())).as(what + " terraform")
                            .containsExactly(a.get("role").asText());
                }
            }
            assertThat(assigned).as(what + ": assignments").isEqualTo(roles);
            List<String> commands = new ArrayList<>();
            t.get("commands").forEach(c -> commands.add(c.asText()));
            assertThat(commands).as(what + ": each command once").doesNotHaveDuplicates();
            Set<String> rolesInCommands = new LinkedHashSet<>();
            commands.forEach(c -> rolesInCommands.addAll(rolesNamedIn(c)));
            assertThat(rolesInCommands).as(what + ": roles the commands grant").containsExactlyInAnyOrderElementsOf(roles);
            assertThat(commands).as(what).containsAll(assignmentCommands);
        }
        List<String> identity = new ArrayList<>();
        root.get("identity").forEach(c -> identity.add(c.asText()));
        assertThat(identity).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachResourcesMarkdownAssignsTheRoleOfItsSummaryRow(Path sample) {
        String md = plan(sample);
        Map<String, List<String>> summary = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\| ([^|]+) \\| \\d+ \\| ([^|]+) \\|$").matcher(md);
        while (row.find()) {
            String resource = row.group(2).strip();
            String heading = "## " + row.group(1).strip() + (resource.equals("—") ? "" : ": " + resource);
            String roles = row.group(3).strip();
            summary.put(heading, roles.equals("see details") ? List.of() : List.of(roles.split(" \\+ ")));
        }
        assertThat(summary).isNotEmpty();
        String[] sections = md.split("(?m)^(?=## )");
        int checked = 0;
        for (String section : sections) {
            String heading = section.lines().findFirst().orElse("");
            if (!summary.containsKey(heading)) {
                continue;
            }
            checked++;
            List<String> roles = summary.get(heading);
            Set<String> named = rolesNamedIn(section.replaceAll("(?s)<summary>Replacement.*?</details>", ""));
            assertThat(named).as(heading + ": roles of its commands and IaC").containsExactlyInAnyOrderElementsOf(roles);
            Matcher asCode = Pattern.compile("Role assignment as code \\(([^)]+(?:\\)[^)]*)?)\\)</summary>").matcher(section);
            while (asCode.find()) {
                assertThat(roles).as(heading + ": IaC block").contains(asCode.group(1));
            }
            List<String> bash = section.lines().filter(l -> l.startsWith("az ")).toList();
            assertThat(bash).as(heading + ": each command once").doesNotHaveDuplicates()
                    .noneMatch(l -> l.contains(" identity assign "));
        }
        assertThat(checked).isEqualTo(summary.size());
        List<String> identity = md.lines().filter(l -> l.contains(" identity assign ")).toList();
        assertThat(identity).as("identity commands, once for the plan").doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyPlaceholderIsDocumented(Path sample) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "plan.md"), StandardCharsets.UTF_8);
        Set<String> documented = new LinkedHashSet<>();
        Matcher d = Pattern.compile("(?m)^\\| `([^|]+)` \\|").matcher(doc);
        while (d.find()) {
            Matcher p = PLACEHOLDER.matcher(d.group(1));
            while (p.find()) {
                documented.add(p.group());
            }
        }
        Set<String> used = new LinkedHashSet<>();
        for (String text : List.of(plan(sample), plan(sample, "--format", "json"))) {
            Matcher p = PLACEHOLDER.matcher(text.replaceAll("</?(details|summary)>", ""));
            while (p.find()) {
                used.add(p.group());
            }
        }
        assertThat(documented).as("placeholders in docs/plan.md").containsAll(used);
    }
}
