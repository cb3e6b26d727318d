package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Role;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Tier;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.catalogue.CompiledYaml;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.testing.FixtureHarness;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.AzureRoles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    private final RuleRegistry registry = RuleRegistry.load();
    private final List<RuleDescriptor> rules = registry.rules();

    @Test
    void everyConcreteDetectorClassIsRegistered() throws IOException {
        Set<String> registered = registry.detectors().stream().map(r -> r.getClass().getName())
                .collect(Collectors.toSet());
        Set<String> concrete = new HashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                    if (Detector.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
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
    void theBuildCompilesTheRulesFile_andTheCompiledFileHoldsItsRules() throws IOException {
        // the rules module's build writes rules.yml.bin beside rules.yml (process-classes): every start reads it
        java.net.URL yaml = getClass().getClassLoader().getResource(RuleRegistry.RULES_RESOURCE);
        assertThat(getClass().getClassLoader().getResource(RuleRegistry.RULES_RESOURCE + CompiledYaml.SUFFIX))
                .isNotNull();
        byte[] text;
        try (java.io.InputStream in = yaml.openStream()) {
            text = in.readAllBytes();
        }
        Object compiled = CompiledYaml.read(yaml, text);
        assertThat(compiled).isNotNull().isEqualTo(CompiledYaml.parse(text));
    }

    @Test
    void metadataIsValidAndUnique() {
        assertThat(rules).hasSizeGreaterThanOrEqualTo(19);
        for (RuleDescriptor r : rules) {
            assertThat(r.problems()).as(r.id()).isEmpty();
        }
        assertThat(rules.stream().map(RuleDescriptor::id).distinct()).hasSameSizeAs(rules);
        assertThat(rules.stream().map(RuleDescriptor::name).distinct()).hasSameSizeAs(rules);
        assertThat(rules.stream().map(RuleDescriptor::summary).distinct()).hasSameSizeAs(rules);
    }

    @Test
    void oneIdPerServiceProblemAndTier_noIdNamesAFileFormat() {
        for (RuleDescriptor r : rules) {
            assertThat(r.id()).as("a rule is one problem in every format").doesNotStartWith("MI-JAVA-");
        }
        // a service has exactly one key-based-authentication rule for each credential its secret rules name
        Map<String, Set<String>> keyAuthByService = new HashMap<>();
        for (RuleDescriptor r : rules) {
            if (!r.keyAuth().isEmpty()) {
                keyAuthByService.computeIfAbsent(r.service(), s -> new HashSet<>()).add(r.keyAuth());
                assertThat(registry.find(r.keyAuth()).orElseThrow().tier()).as(r.id()).isEqualTo(Tier.KEY_BASED_AUTH);
            }
        }
        assertThat(keyAuthByService.get("storage")).containsExactly("MI-STORAGE-KEY-AUTH");
    }

    @Test
    void everyRuleHasFixturesWithTruePositivesInItsSyntaxesAndCleanLines() {
        Set<String> javaRules = registry.detectors().stream()
                .filter(d -> d.getClass().getSimpleName().equals("JavaSinkDetector"))
                .flatMap(d -> d.ruleIds().stream()).collect(Collectors.toSet());
        Set<String> configKeyAuth = ConfigSlots.table().stream().map(ConfigSlots.Slot::rule)
                .filter(id -> !id.equals("DB")).map(id -> registry.find(id).orElseThrow().keyAuth())
                .collect(Collectors.toSet());
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (RuleDescriptor r : rules) {
            String id = r.id();
            Path dir = RuleFixturesTest.ROOT.resolve(id);
            soft.assertThat(dir).as("fixture folder of " + id).isDirectory();
            Set<String> syntaxesWithHits = new HashSet<>();
            for (Path f : FixtureHarness.fixtures(dir)) {
                if (FixtureHarness.expectedRules(f).contains(id)) {
                    String name = f.getFileName().toString();
                    syntaxesWithHits.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            List<String> tags = r.tags();
            // config-only rules have no Java form; rules only the Java sink analysis reports have no config form
            List<String> required = tags.contains("github-actions") ? List.of("yml")
                    // rules only command lines have: shell scripts and pipeline steps
                    : tags.contains("script") ? List.of("sh", "yml")
                    // keys sent in HTTP headers: by code and by command-line clients
                    : tags.contains("http") ? List.of("java", "sh")
                    // IaC rules: Bicep, Terraform and ARM JSON; parameters files: .bicepparam, .tfvars, ARM JSON
                    : tags.contains("iac") ? List.of("bicep", "tf", "json")
                    : tags.contains("iac-parameters") ? List.of("bicepparam", "tfvars", "json")
                    : r.tier() == Tier.KEY_BASED_AUTH && configKeyAuth.contains(id) ? List.of("java", "properties", "yml")
                    : r.tier() == Tier.KEY_BASED_AUTH || javaRules.contains(id) && registry.detectors().stream()
                            .filter(d -> d.ruleIds().contains(id)).count() == 1 ? List.of("java")
                    : tags.contains("config") ? List.of("properties", "yml", "json")
                    : List.of("java", "properties", "yml", "json");
            soft.assertThat(syntaxesWithHits).as(id + " true positives by syntax").containsAll(required);
        }
        soft.assertAll();
    }

    @Test
    void rolesAreBuiltInRolesWithTheirIds() throws IllegalAccessException {
        Set<Role> known = new HashSet<>(AzureCatalogue.get().roles());
        for (Role role : known) {
            assertThat(role.id().isEmpty() || GUID.matcher(role.id()).matches()).as(role.name()).isTrue();
        }
        // the named roles remediations use are the catalogue's
        for (Field f : AzureRoles.class.getFields()) {
            assertThat(known).as(f.getName()).contains((Role) f.get(null));
        }
        for (RuleDescriptor r : rules) {
            for (Role role : registry.exampleRemediation(r).roles()) {
                assertThat(known).as(r.id()).contains(role);
            }
        }
    }

    @Test
    void everyRemediationSaysWhatToDo() {
        for (RuleDescriptor d : rules) {
            var rem = registry.exampleRemediation(d);
            assertThat(rem.summary()).as(d.id()).isNotBlank().endsWith(".");
            assertThat(rem.service()).as(d.id()).isNotBlank();
            assertThat(rem.commands()).as(d.id()).isNotEmpty();
        }
    }
}
