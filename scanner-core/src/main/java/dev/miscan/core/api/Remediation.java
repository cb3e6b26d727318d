package dev.miscan.core.api;

import java.util.List;

/**
 * What replaces the credential. Every field except {@code summary} and {@code service} may be empty.
 *
 * @param service        the Azure service the credential is for, e.g. "Azure Blob Storage"
 * @param target         the concrete resource when it could be derived (account, namespace, server), or ""
 * @param summary        one sentence: what to do instead
 * @param language       language of {@code replacement}: java, properties, yaml, text, jdbc, …
 * @param replacement    the code or configuration to use instead
 * @param dependency     Maven coordinates to add, e.g. "com.azure:azure-identity"
 * @param roles          the roles to assign: the one decision of what the code needs ({@code access} says what
 *                       was seen, else what any use of the key may need), none including another, narrowest first
 * @param scope          role-assignment scope, with placeholders where it could not be derived
 * @param commands       az commands that grant access and remove the key
 * @param fix            the mechanical change for this finding, or null when it needs a person
 * @param access         what the code was seen doing with the client, which chose {@code roles} (e.g. "only
 *                       reads: downloadContent, listBlobs"), or "" when it could not be told
 * @param manual         why the finding needs a person when {@code fix} is null (the database needs a user for
 *                       the identity first; the endpoint is not written in the code), or ""
 */
public record Remediation(
        String service,
        String target,
        String summary,
        String language,
        String replacement,
        String dependency,
        List<Role> roles,
        String scope,
        List<String> commands,
        Fix fix,
        String access,
        String manual) {

    public Remediation(String service, String target, String summary, String language, String replacement,
            String dependency, List<Role> roles, String scope, List<String> commands) {
        this(service, target, summary, language, replacement, dependency, roles, scope, commands, null);
    }

    public Remediation(String service, String target, String summary, String language, String replacement,
            String dependency, List<Role> roles, String scope, List<String> commands, Fix fix) {
        this(service, target, summary, language, replacement, dependency, roles, scope, commands, fix, "", "");
    }

    public Remediation withFix(Fix newFix) {
        return new Remediation(service, target, summary, language, replacement, dependency, roles, scope, commands,
                newFix, access, manual);
    }

    /**
     * The roles chosen from what the code does with the client ({@code access} says what was seen); the role
     * assignment commands name them instead of the default role.
     */
    public Remediation withAccess(List<Role> chosen, String seen) {
        List<Role> assigned = dev.miscan.core.catalogue.AzureCatalogue.get().reduce(chosen);
        List<String> newCommands = new java.util.ArrayList<>();
        boolean written = false;
        for (String c : commands) {
            if (!dev.miscan.core.catalogue.RoleAssignments.isAssignment(c)) {
                newCommands.add(c);
            } else if (!written) {
                // the assignments are written again from the decision, where the first one was
                newCommands.addAll(dev.miscan.core.catalogue.RoleAssignments.commands(assigned, scope));
                written = true;
            }
        }
        return new Remediation(service, target, summary, language, replacement, dependency, assigned, scope, newCommands,
                fix, seen, manual);
    }

    public Remediation {
        roles = dev.miscan.core.catalogue.AzureCatalogue.get().reduce(roles);
        commands = List.copyOf(commands);
        access = access == null ? "" : access;
        manual = manual == null ? "" : manual;
    }

    /** Why nothing inside a built artifact ({@code app.jar!/…}) is fixed in place. */
    public static final String BUILT_ARTIFACT = "inside a built artifact: change the source it was built from, then"
            + " rebuild it";

    /** This remediation with {@code reason} as why a person is needed. */
    public Remediation withManual(String reason) {
        return new Remediation(service, target, summary, language, replacement, dependency, roles, scope, commands, fix,
                access, reason);
    }

    /**
     * Why a finding of {@code rule} at {@code path} with {@code message} needs a person, when its remediation has no
     * fix: the rule's own reason, else what the kind of file says.
     */
    public static String whyManual(RuleDescriptor rule, String path, String message) {
        if (path.contains("!/")) {
            return BUILT_ARTIFACT;
        }
        if (!rule.manualFix().isEmpty()) {
            return rule.manualFix();
        }
        if (path.endsWith(".java")) {
            // "… in constant Keys.X, passed to … in Other.java on line N": defined here, used in another file
            return message.contains(", passed to ")
                    ? "a constant: fix the clients that use it, then delete it"
                    : "the endpoint or namespace is not written in the code, or the client is not one mi-scan rewrites";
        }
        if (path.endsWith(".properties") || path.endsWith(".yml") || path.endsWith(".yaml") || path.endsWith(".json")) {
            return "the passwordless settings need a value the file does not name, or do not fit beside this one";
        }
        return "not a setting mi-scan rewrites: remove the value by hand";
    }
}
