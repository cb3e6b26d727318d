package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-USERNAME-PASSWORD-AUTH",
        name = "java-username-password-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Java code signs in to Microsoft Entra ID with a user name and password",
        description = "The username/password (ROPC) credential signs in as a person, without MFA; `UsernamePasswordCredentialBuilder` is deprecated. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use Managed Identity (`new DefaultAzureCredentialBuilder().build()`) for services, `InteractiveBrowserCredential` or `DeviceCodeCredential` for people, and give the identity only the roles the application needs.",
        bad = "new UsernamePasswordCredentialBuilder().username(user).password(password)",
        good = "new DefaultAzureCredentialBuilder().build()",
        securitySeverity = "5.0",
        tags = {"java", "entra-id", "sink", "key-based-auth"},
        keywords = {"usernamepasswordcredential"},
        precedence = 50)
public final class UsernamePasswordAuthInJavaRule extends JavaSinkRule {
    public UsernamePasswordAuthInJavaRule() {
        super(SinkFamily.USERNAME_PASSWORD);
    }
}
