package dev.miscan.cli;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.engine.RuleRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mi-scan explain RULE}: what the rule finds, why it matters, and what to do instead, as Markdown rendered for
 * a terminal. RULE is an id, a former id or the rule's name (the one its heading shows), in any case; for anything
 * else the closest ones are suggested.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains a rule: what it finds and why it matters, a bad and a good example, the fix, the "
                + "roles and the commands.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RULE", description = "A rule id such as MI-STORAGE-CONNSTR, a former id, or a rule "
            + "name such as storage-account-key-connection-string (see 'mi-scan rules').")
    String ruleId;

    @Option(names = "--markdown", description = "Print the Markdown itself instead of rendering it.")
    boolean markdown;

    @Override
    public Integer call() {
        RuleRegistry registry = RuleRegistry.load();
        String asked = ruleId.strip();
        List<RuleDescriptor> rules = resolve(registry, asked);
        if (rules.isEmpty()) {
            List<String> near = suggestions(registry, asked);
            throw new ParameterException(spec.commandLine(), "unknown rule '"
                    + dev.miscan.core.report.TerminalText.safe(asked) + "'"
                    + (near.isEmpty() ? "" : "; did you mean " + orList(near) + "?") + " ('mi-scan rules' lists them)");
        }
        StringBuilder md = new StringBuilder();
        boolean renamed = rules.stream().noneMatch(r -> r.id().equalsIgnoreCase(asked) || r.name().equalsIgnoreCase(asked));
        if (renamed) {
            md.append(asked.toUpperCase(Locale.ROOT)).append(" was renamed: it is now ")
                    .append(String.join(", ", rules.stream().map(RuleDescriptor::id).toList()))
                    .append(rules.size() > 1 ? " (one rule per form of the credential)" : "")
                    .append(". The old id still works in `mi-scan:allow`, `.mi-scan.yml` and baselines.\n\n");
        }
        for (RuleDescriptor rule : rules) {
            md.append(markdown(rule, registry.exampleRemediation(rule))).append('\n');
        }
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(md);
        } else {
            Terminal terminal = main == null ? Terminal.NONE : main.terminal;
            int width = Math.min(100, spec.commandLine().getUsageHelpWidth());
            out.print(new TerminalMarkdown(width, terminal.stdout() && terminal.color()).render(md.toString()));
        }
        out.flush();
        return ExitCode.CLEAN.code();
    }

    /** The rules {@code asked} names: an id, a former id (maybe split into several rules) or a name, any case. */
    static List<RuleDescriptor> resolve(RuleRegistry registry, String asked) {
        List<RuleDescriptor> byId = registry.resolve(asked);
        if (!byId.isEmpty()) {
            return byId;
        }
        return registry.rules().stream().filter(r -> r.name().equalsIgnoreCase(asked)).toList();
    }

    /** The ids, former ids and names closest to {@code asked} (edit distance), or containing it: at most five. */
    static List<String> suggestions(RuleRegistry registry, String asked) {
        String a = asked.toUpperCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (RuleDescriptor r : registry.rules()) {
            words.add(r.id());
            words.addAll(r.aliases());
            words.add(r.name());
        }
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String w : words) {
            int d = distance(a, w.toUpperCase(Locale.ROOT));
            if (d < best) {
                best = d;
                closest.clear();
            }
            if (d == best) {
                closest.add(w);
            }
        }
        if (best <= Math.max(2, a.length() / 4)) {
            return closest.stream().limit(5).toList();
        }
        // a part of an id or a name ("storage", "sas"): the rules that contain it
        String part = a.replaceFirst("^MI-", "");
        if (part.length() >= 3) {
            return words.stream().filter(w -> w.toUpperCase(Locale.ROOT).contains(part)).limit(5).toList();
        }
        return List.of();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** One rule as Markdown: heading (id and name), summary, why, examples, fix, roles, commands. */
    static String markdown(RuleDescriptor d, Remediation r) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(d.id()).append(" (").append(d.name()).append(")\n\n");
        md.append(d.summary()).append(".\n\n");
        md.append("Tier: **").append(d.tier().label()).append("**, level: **").append(d.defaultSeverity().sarifLevel())
                .append("**, ").append(d.cwe()).append(".\n\n");
        if (!d.aliases().isEmpty()) {
            md.append("Former ids: ").append(String.join(", ", d.aliases())).append(".\n\n");
        }
        md.append("## Why it matters\n\n").append(d.description().strip()).append("\n\n");
        md.append("## Example\n\nBad:\n\n```\n").append(d.bad().strip()).append("\n```\n\nGood:\n\n```\n")
                .append(d.good().strip()).append("\n```\n\n");
        md.append("## How to fix\n\n").append(d.help().strip()).append("\n\n");
        if (!r.replacement().isBlank()) {
            md.append("Replacement (").append(r.language()).append("):\n\n```").append(r.language()).append('\n')
                    .append(r.replacement().strip()).append("\n```\n\n");
        }
        if (!r.dependency().isBlank()) {
            md.append("Dependency: `").append(r.dependency()).append("`\n\n");
        }
        if (!r.roles().isEmpty()) {
            md.append("## Roles\n\n");
            for (Role role : r.roles()) {
                md.append("- ").append(role.name()).append(role.id().isEmpty() ? "" : " (`" + role.id() + "`)")
                        .append('\n');
            }
            md.append('\n');
        }
        if (!r.commands().isEmpty()) {
            md.append("## Commands\n\n```sh\n");
            r.commands().forEach(c -> md.append(c.strip()).append('\n'));
            md.append("```\n");
        }
        return md.toString();
    }
}
