package dev.miscan.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The validated metadata of one rule, read from its {@link RuleInfo}. */
public record RuleDescriptor(
        String id,
        String name,
        Tier tier,
        Severity defaultSeverity,
        String summary,
        String description,
        String help,
        String bad,
        String good,
        double securitySeverity,
        List<String> tags,
        String cwe,
        List<String> keywords,
        int precedence) {

    // bounded: a group repeated without end recurses once per repetition and overflows the stack on "MI-MI-MI-…"
    private static final Pattern ID = Pattern.compile("MI-[A-Z0-9]++(?:-[A-Z0-9]++){0,20}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern CWE = Pattern.compile("CWE-\\d+");

    public RuleDescriptor {
        tags = List.copyOf(tags);
        keywords = List.copyOf(keywords);
    }

    public static RuleDescriptor of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        Severity severity = info.severity().length > 0 ? info.severity()[0] : info.tier().defaultSeverity();
        RuleDescriptor d = new RuleDescriptor(info.id(), info.name(), info.tier(), severity, info.summary(),
                info.description(), info.help(), info.bad(), info.good(),
                Double.parseDouble(info.securitySeverity()), List.of(info.tags()), info.cwe(),
                List.of(info.keywords()), info.precedence());
        List<String> problems = d.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(ruleClass.getName() + ": " + String.join("; ", problems));
        }
        return d;
    }

    /** Everything wrong with this metadata; empty when it is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            p.add("id '" + id + "' does not match MI-[A-Z0-9-]+");
        }
        if (!NAME.matcher(name).matches()) {
            p.add("name '" + name + "' is not kebab-case");
        }
        if (summary.isBlank() || summary.endsWith(".")) {
            p.add("summary must be present and have no trailing period");
        }
        for (String[] field : new String[][] {{"description", description}, {"help", help}, {"bad", bad},
                {"good", good}}) {
            if (field[1].isBlank()) {
                p.add(field[0] + " is empty");
            }
        }
        if (securitySeverity < 0 || securitySeverity > 10) {
            p.add("securitySeverity out of 0.0-10.0");
        }
        if (!CWE.matcher(cwe).matches()) {
            p.add("cwe '" + cwe + "' is not CWE-<n>");
        }
        if (keywords.isEmpty()) {
            p.add("no keywords: the rule would never run");
        }
        for (String k : keywords) {
            if (k.isEmpty() || !k.equals(k.toLowerCase(Locale.ROOT))) {
                p.add("keyword '" + k + "' must be non-empty lower case");
            }
        }
        return p;
    }
}
