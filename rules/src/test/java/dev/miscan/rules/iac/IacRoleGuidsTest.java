package dev.miscan.rules.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every role GUID that an IaC remediation emits (roles, role-assignment snippets, scopes, commands) and every
 * role GUID in the fixed samples' role assignments is one of the Azure built-in roles (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles), with the
 * role's exact name; privileged roles are never suggested.
 */
class IacRoleGuidsTest {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path SAMPLES = Path.of("../samples");
    private static final Set<String> IAC_EXTENSIONS = Set.of("bicep", "bicepparam", "tf", "tfvars", "json");

    /** name by GUID, from {@code iac/builtin-roles.tsv}, a copy of that list. */
    private static Map<String, String> table() throws IOException {
        Map<String, String> byGuid = new LinkedHashMap<>();
        try (InputStream in = IacRoleGuidsTest.class.getResourceAsStream("/iac/builtin-roles.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                byGuid.put(f[1], f[0]);
            }
        }
        return byGuid;
    }

    private static List<RuleDescriptor> iacRules() {
        return RuleRegistry.load().rules().stream().filter(r -> r.id().startsWith("MI-IAC-")).toList();
    }

    /** The remediations of every IaC finding in the fixtures and samples, and every IaC rule's example. */
    private static List<Remediation> remediations() throws IOException {
        Engine engine = new Engine(RuleRegistry.load());
        List<Remediation> out = new ArrayList<>();
        RuleRegistry registry = RuleRegistry.load();
        iacRules().forEach(r -> out.add(registry.exampleRemediation(r)));
        List<Path> files = new ArrayList<>(FixtureHarness.fixtures(FIXTURES));
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            files.addAll(s.filter(Files::isRegularFile).toList());
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!IAC_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1))) {
                continue;
            }
            String text = FixtureHarness.GOLDEN.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll("");
            for (Finding finding : engine.scanFragment(new Fragment(name, text), w -> { }, Engine.Options.UNSUPPRESSED).findings()) {
                if (finding.rule().id().startsWith("MI-IAC-")) {
                    out.add(finding.remediation());
                }
            }
        }
        return out;
    }

    @Test
    void everyRoleGuidInAnIacRemediationIsABuiltInRoleOfTheTable() throws IOException {
        Map<String, String> table = table();
        List<Remediation> remediations = remediations();
        assertThat(remediations).hasSizeGreaterThan(100);
        List<String> problems = new ArrayList<>();
        int guids = 0;
        for (Remediation r : remediations) {
            for (Role role : r.roles()) {
                if (role.id().isEmpty()) {
                    continue; // Redis access policies are named, not numbered
                }
                if (!role.name().equals(table.get(role.id()))) {
                    problems.add(role.name() + " " + role.id() + " is not in the table under that name");
                }
                guids++;
            }
            String text = r.replacement() + "\n" + r.scope() + "\n" + String.join("\n", r.commands());
            Matcher m = GUID.matcher(text);
            while (m.find()) {
                guids++;
                if (!table.containsKey(m.group())) {
                    problems.add(m.group() + " in a " + r.language() + " remediation of " + r.service()
                            + " is not a role of the table");
                } else if (table.get(m.group()).equals("Contributor") || table.get(m.group()).equals("Owner")) {
                    problems.add("a remediation suggests the privileged role " + table.get(m.group()));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(guids).isGreaterThan(100);
    }

    @Test
    void roleAssignmentSnippetsNameTheRoleTheyAssign() throws IOException {
        Map<String, String> table = table();
        for (Remediation r : remediations()) {
            for (String line : r.replacement().split("\n")) {
                Matcher m = GUID.matcher(line);
                if (m.find() && (line.contains("# ") || line.contains("// ")) && table.containsKey(m.group())) {
                    assertThat(line).as("the comment beside a role id names the role").contains(table.get(m.group()));
                }
            }
        }
    }

    @Test
    void fixedSamplesAssignOnlyRolesOfTheTable() throws IOException {
        Map<String, String> table = table();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> p.toString().contains("fixed")).toList()) {
                String name = f.getFileName().toString();
                if (!IAC_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1))) {
                    continue;
                }
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.contains("roleDefinition") && !line.contains("role_definition") && !line.contains("guid(")) {
                        continue;
                    }
                    Matcher m = GUID.matcher(line);
                    while (m.find()) {
                        if (!table.containsKey(m.group())) {
                            problems.add(f + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
