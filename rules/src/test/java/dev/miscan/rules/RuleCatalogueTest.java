package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Role;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.testing.FixtureHarness;
import dev.miscan.rules.support.AzureRoles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue proves itself complete and consistent (STYLE.md 1, 2, 6). */
class RuleCatalogueTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final List<Rule> rules = RuleRegistry.load().rules();

    @Test
    void everyConcreteRuleClassIsRegistered() throws IOException {
        Set<String> registered = rules.stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());
        Set<String> concrete = new HashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                    if (Rule.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                        concrete.add(name);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        assertThat(registered).containsExactlyInAnyOrderElementsOf(concrete);
    }

    @Test
    void metadataIsValidAndUnique() {
        assertThat(rules).hasSizeGreaterThanOrEqualTo(19);
        for (Rule r : rules) {
            assertThat(r.descriptor().problems()).as(r.descriptor().id()).isEmpty();
        }
        assertThat(rules.stream().map(r -> r.descriptor().id()).distinct()).hasSameSizeAs(rules);
        assertThat(rules.stream().map(r -> r.descriptor().name()).distinct()).hasSameSizeAs(rules);
        assertThat(rules.stream().map(r -> r.descriptor().summary()).distinct()).hasSameSizeAs(rules);
    }

    @Test
    void everyRuleHasFixturesWithTruePositivesInFourSyntaxesAndCleanLines() {
        for (Rule r : rules) {
            String id = r.descriptor().id();
            Path dir = RuleFixturesTest.ROOT.resolve(id);
            assertThat(dir).as("fixture folder of " + id).isDirectory();
            Set<String> syntaxesWithHits = new HashSet<>();
            for (Path f : FixtureHarness.fixtures(dir)) {
                if (FixtureHarness.expectedRules(f).contains(id)) {
                    String name = f.getFileName().toString();
                    syntaxesWithHits.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            List<String> tags = r.descriptor().tags();
            // config-only rules have no Java form; Java sink rules have no config form
            List<String> required = tags.contains("github-actions") ? List.of("yml")
                    // IaC rules: Bicep, Terraform and ARM JSON; parameters files: .bicepparam, .tfvars, ARM JSON
                    : tags.contains("iac") ? List.of("bicep", "tf", "json")
                    : tags.contains("iac-parameters") ? List.of("bicepparam", "tfvars", "json")
                    : tags.contains("config") ? List.of("properties", "yml", "json")
                    : tags.contains("java") ? List.of("java") : List.of("java", "properties", "yml", "json");
            assertThat(syntaxesWithHits).as(id + " true positives by syntax").containsAll(required);
        }
    }

    @Test
    void rolesAreBuiltInRolesWithTheirIds() throws IllegalAccessException {
        Set<Role> known = new HashSet<>();
        for (Field f : AzureRoles.class.getFields()) {
            known.add((Role) f.get(null));
        }
        for (Role role : known) {
            assertThat(role.id().isEmpty() || GUID.matcher(role.id()).matches()).as(role.name()).isTrue();
        }
        for (Rule r : rules) {
            for (Role role : r.exampleRemediation().roles()) {
                assertThat(known).as(r.descriptor().id()).contains(role);
            }
        }
    }

    @Test
    void everyRemediationSaysWhatToDo() {
        for (Rule r : rules) {
            RuleDescriptor d = r.descriptor();
            var rem = r.exampleRemediation();
            assertThat(rem.summary()).as(d.id()).isNotBlank().endsWith(".");
            assertThat(rem.service()).as(d.id()).isNotBlank();
            assertThat(rem.commands()).as(d.id()).isNotEmpty();
        }
    }
}
