package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-USERNAME-PASSWORD",
        name = "java-username-password",
        tier = Tier.SECRET,
        summary = "Microsoft Entra ID user password written in Java code and passed to UsernamePasswordCredentialBuilder",
        description = "The username/password (ROPC) credential signs in as a person, without MFA; `UsernamePasswordCredentialBuilder` is deprecated. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use Managed Identity (`new DefaultAzureCredentialBuilder().build()`) for services, `InteractiveBrowserCredential` or `DeviceCodeCredential` for people, and give the identity only the roles the application needs.",
        bad = "new UsernamePasswordCredentialBuilder().username(user).password(\"<password>\")",
        good = "new DefaultAzureCredentialBuilder().build()",
        securitySeverity = "9.1",
        tags = {"java", "entra-id", "sink"},
        keywords = {"usernamepasswordcredential"},
        precedence = 5)
public final class UsernamePasswordInJavaRule extends JavaSinkRule {
    public UsernamePasswordInJavaRule() {
        super(SinkFamily.USERNAME_PASSWORD);
    }
}
