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
 * @param roles          least-privilege roles, narrowest first
 * @param scope          role-assignment scope, with placeholders where it could not be derived
 * @param commands       az commands that grant access and remove the key
 * @param fix            the mechanical change for this finding, or null when it needs a person
 * @param access         what the code was seen doing with the client, which chose {@code roles} (e.g. "only
 *                       reads: downloadContent, listBlobs"), or "" when it could not be told
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
        String access) {

    public Remediation(String service, String target, String summary, String language, String replacement,
            String dependency, List<Role> roles, String scope, List<String> commands) {
        this(service, target, summary, language, replacement, dependency, roles, scope, commands, null);
    }

    public Remediation(String service, String target, String summary, String language, String replacement,
            String dependency, List<Role> roles, String scope, List<String> commands, Fix fix) {
        this(service, target, summary, language, replacement, dependency, roles, scope, commands, fix, "");
    }

    public Remediation withFix(Fix newFix) {
        return new Remediation(service, target, summary, language, replacement, dependency, roles, scope, commands,
                newFix, access);
    }

    /**
     * The roles chosen from what the code does with the client ({@code access} says what was seen); the role
     * assignment commands name them instead of the default role.
     */
    public Remediation withAccess(List<Role> chosen, String seen) {
        List<String> newCommands = new java.util.ArrayList<>();
        for (String c : commands) {
            Role named = roles.stream().filter(r -> c.contains("--role \"" + r.name() + "\"")).findFirst().orElse(null);
            if (named == null) {
                newCommands.add(c);
                continue;
            }
            for (Role r : chosen) {
                String replaced = c.replace("--role \"" + named.name() + "\"", "--role \"" + r.name() + "\"");
                if (!newCommands.contains(replaced)) {
                    newCommands.add(replaced);
                }
            }
        }
        return new Remediation(service, target, summary, language, replacement, dependency, chosen, scope, newCommands,
                fix, seen);
    }

    public Remediation {
        roles = List.copyOf(roles);
        commands = List.copyOf(commands);
        access = access == null ? "" : access;
    }
}
