package dev.miscan.cli;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.RuleRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mi-scan explain RULE-ID}: what the rule finds, why it matters, and what to do instead. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains a rule: description, bad and good example, roles and commands.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE-ID", description = "A rule id such as MI-STORAGE-CONNSTR (see 'mi-scan rules').")
    String ruleId;

    @Override
    public Integer call() {
        RuleRegistry registry = RuleRegistry.load();
        List<RuleDescriptor> rules = registry.resolve(ruleId);
        if (rules.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown rule '" + ruleId + "'; 'mi-scan rules' lists them");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!rules.get(0).id().equalsIgnoreCase(ruleId)) {
            out.println(ruleId.toUpperCase(Locale.ROOT) + " was renamed: it is now "
                    + String.join(", ", rules.stream().map(RuleDescriptor::id).toList())
                    + (rules.size() > 1 ? " (one rule per form of the credential)" : "")
                    + ". The old id still works in mi-scan:allow, .mi-scan.yml and baselines.");
            out.println();
        }
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                out.println();
            }
            explain(out, rules.get(i), registry.exampleRemediation(rules.get(i)));
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }

    private static void explain(PrintWriter out, RuleDescriptor d, Remediation r) {
        out.println(d.id() + " (" + d.name() + ") — " + d.summary());
        out.println("Tier: " + d.tier().label() + ", level: " + d.defaultSeverity().sarifLevel() + ", " + d.cwe());
        out.println();
        out.println(d.description());
        out.println();
        out.println("Bad:  " + d.bad());
        out.println("Good: " + d.good());
        out.println();
        out.println("Fix: " + d.help());
        if (!r.replacement().isBlank()) {
            out.println();
            out.println("Replacement (" + r.language() + "):");
            r.replacement().lines().forEach(l -> out.println("    " + l));
        }
        if (!r.dependency().isBlank()) {
            out.println("Dependency: " + r.dependency());
        }
        for (Role role : r.roles()) {
            out.println("Role: " + role.name() + (role.id().isEmpty() ? "" : " (" + role.id() + ")"));
        }
        for (String c : r.commands()) {
            out.println("Command: " + c);
        }
        if (!d.aliases().isEmpty()) {
            out.println("Former ids: " + String.join(", ", d.aliases()));
        }
    }
}
