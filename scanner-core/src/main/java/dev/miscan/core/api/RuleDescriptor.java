package dev.miscan.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule as users see it: one problem of one Azure service with one tier, whatever the file format or the
 * detector that finds it. Rules are data ({@code META-INF/mi-scan/rules.yml}); detectors report under them.
 *
 * @param id               permanent id, {@code MI-[A-Z0-9-]+}; never renamed or reused
 * @param name             kebab-case name, unique
 * @param tier             what a result means; the level follows from it
 * @param service          the service key that groups a service's rules (e.g. {@code storage})
 * @param keyAuth          for a secret rule, the rule that reports the same credential slot filled from
 *                         elsewhere (key-based authentication), or ""
 * @param summary          one line, no trailing period, unique
 * @param description      why it matters, in Markdown
 * @param help             how to fix it, in Markdown
 * @param bad              a short example of the problem
 * @param good             the same example without the credential
 * @param securitySeverity GitHub code scanning's 0.0-10.0 score, within the tier's band
 * @param tags             descriptor tags
 * @param cwe              {@code CWE-<n>}
 * @param aliases          former ids of this rule, still accepted wherever a user may have written one
 * @param manualFix        why a finding of this rule needs a person rather than {@code mi-scan fix} (e.g. the
 *                         database needs a user for the identity first), or "" when the reason depends on the
 *                         finding
 */
public record RuleDescriptor(
        String id,
        String name,
        Tier tier,
        String service,
        String keyAuth,
        String summary,
        String description,
        String help,
        String bad,
        String good,
        double securitySeverity,
        List<String> tags,
        String cwe,
        List<String> aliases,
        String manualFix) {

    // bounded: a group repeated without end recurses once per repetition and overflows the stack on "MI-MI-MI-…"
    public static final Pattern ID = Pattern.compile("MI-[A-Z0-9]++(?:-[A-Z0-9]++){0,20}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern CWE = Pattern.compile("CWE-\\d+");

    public RuleDescriptor {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        keyAuth = keyAuth == null ? "" : keyAuth;
        manualFix = manualFix == null ? "" : manualFix;
    }

    /** The level of every result of this rule unless the user's configuration changes it: the tier's. */
    public Severity defaultSeverity() {
        return tier.defaultSeverity();
    }

    /** True when {@code ruleId} is this rule's id or one of its former ids (case-insensitive). */
    public boolean answersTo(String ruleId) {
        return id.equalsIgnoreCase(ruleId) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(ruleId));
    }

    /** Everything wrong with this metadata; empty when it is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            p.add("id '" + id + "' does not match MI-[A-Z0-9-]+");
        }
        for (String a : aliases) {
            if (!ID.matcher(a).matches() || a.equals(id)) {
                p.add("alias '" + a + "' is not a former id of the form MI-[A-Z0-9-]+");
            }
        }
        if (!NAME.matcher(name).matches()) {
            p.add("name '" + name + "' is not kebab-case");
        }
        if (service == null || !NAME.matcher(service).matches()) {
            p.add("service '" + service + "' is not a kebab-case key");
        }
        if (summary.isBlank() || summary.endsWith(".")) {
            p.add("summary must be present and have no trailing period");
        }
        for (String[] field : new String[][] {{"description", description}, {"help", help}, {"bad", bad},
                {"good", good}}) {
            if (field[1] == null || field[1].isBlank()) {
                p.add(field[0] + " is empty");
            }
        }
        // GitHub: critical (>= 9.0) and high (7.0-8.9) for leaked credentials, medium for key-based
        // authentication, low for hardening: the score must not contradict the level
        double low = switch (tier) {
            case SECRET -> 7.0;
            case KEY_BASED_AUTH -> 4.0;
            case HARDENING -> 0.1;
        };
        double high = switch (tier) {
            case SECRET -> 10.0;
            case KEY_BASED_AUTH -> 6.9;
            case HARDENING -> 3.9;
        };
        if (securitySeverity < low || securitySeverity > high) {
            p.add("securitySeverity " + securitySeverity + " is outside the " + tier.label() + " band " + low + "-"
                    + high);
        }
        if (!keyAuth.isEmpty() && (tier != Tier.SECRET || !ID.matcher(keyAuth).matches())) {
            p.add("keyAuth '" + keyAuth + "' must name a rule, and only a secret rule has one");
        }
        if (!CWE.matcher(cwe).matches()) {
            p.add("cwe '" + cwe + "' is not CWE-<n>");
        }
        return p;
    }
}
