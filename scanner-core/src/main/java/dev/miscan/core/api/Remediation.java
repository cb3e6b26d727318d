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
        Fix fix) {

    public Remediation(String service, String target, String summary, String language, String replacement,
            String dependency, List<Role> roles, String scope, List<String> commands) {
        this(service, target, summary, language, replacement, dependency, roles, scope, commands, null);
    }

    public Remediation withFix(Fix newFix) {
        return new Remediation(service, target, summary, language, replacement, dependency, roles, scope, commands,
                newFix);
    }

    public Remediation {
        roles = List.copyOf(roles);
        commands = List.copyOf(commands);
    }
}
