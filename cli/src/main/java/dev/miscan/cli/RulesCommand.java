package dev.miscan.cli;

import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mi-scan rules}: the catalogue, one rule a line. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists every rule with its tier and level.")
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (RuleDescriptor d : RuleRegistry.load().rules()) {
            out.printf("%-32s %-15s %-8s %s%n", d.id(), d.tier().label(), d.defaultSeverity().sarifLevel(), d.summary());
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }
}
