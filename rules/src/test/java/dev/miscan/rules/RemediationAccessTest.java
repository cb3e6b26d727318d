package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.catalogue.RoleAssignments;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.FileTreeSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A finding's remediation makes one decision: the roles it lists are the roles its commands assign, none including
 * another, narrowest first. Checked on every finding of every fixture and on every rule's example remediation.
 */
class RemediationAccessTest {
    private static final AzureCatalogue CATALOGUE = AzureCatalogue.get();
    private static final Pattern ROLE = Pattern.compile("--role \"([^\"]+)\"");
    private static final Pattern COSMOS = Pattern.compile("--role-definition-id (\\S+)");
    private static final Pattern POLICY = Pattern.compile("--access-policy-name \"([^\"]+)\"");

    private static Set<String> assigned(List<String> commands) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : commands) {
            if (!RoleAssignments.isAssignment(c)) {
                continue;
            }
            Matcher m = ROLE.matcher(c);
            if (m.find()) {
                out.add(m.group(1));
            }
            m = COSMOS.matcher(c);
            if (m.find()) {
                String id = m.group(1);
                CATALOGUE.roles().stream().filter(r -> r.id().equals(id)).forEach(r -> out.add(r.name()));
            }
            m = POLICY.matcher(c);
            if (m.find()) {
                out.add(m.group(1) + " (Redis access policy)");
            }
        }
        return out;
    }

    private static void check(String what, dev.miscan.core.api.Remediation r, List<String> problems) {
        List<String> roles = r.roles().stream().map(Role::name).toList();
        Set<String> granted = assigned(r.commands());
        if (!CATALOGUE.reduce(r.roles()).equals(r.roles())) {
            problems.add(what + ": roles not reduced or not narrowest first: " + roles);
        }
        if (!granted.isEmpty() && !granted.equals(new LinkedHashSet<>(roles))) {
            problems.add(what + ": lists " + roles + " but its commands assign " + granted);
        }
        if (granted.isEmpty() && !roles.isEmpty()) {
            problems.add(what + ": lists " + roles + " but no command assigns them");
        }
    }

    @Test
    void everyFixtureFindingsCommandsAssignExactlyItsRoles() throws IOException {
        Path dir = Path.of("src/test/resources/fixtures");
        ScanResult scan = new Engine(RuleRegistry.load()).scan(dir, List.of(new FileTreeSource(dir, dir, List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE)), 0);
        List<Finding> all = new ArrayList<>(scan.findings());
        all.addAll(scan.suppressedFindings());
        assertThat(all).hasSizeGreaterThan(100);
        List<String> problems = new ArrayList<>();
        for (Finding f : all) {
            check(f.rule().id() + " " + f.location().path() + ":" + f.location().startLine(), f.remediation(), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRulesExampleRemediationAssignsExactlyItsRoles() {
        RuleRegistry registry = RuleRegistry.load();
        List<String> problems = new ArrayList<>();
        for (dev.miscan.core.api.RuleDescriptor d : registry.rules()) {
            check(d.id() + " (example)", registry.exampleRemediation(d), problems);
        }
        assertThat(problems).isEmpty();
    }
}
