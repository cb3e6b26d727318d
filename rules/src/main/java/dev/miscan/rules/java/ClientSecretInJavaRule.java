package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-CLIENT-SECRET",
        name = "java-client-secret",
        tier = Tier.SECRET,
        summary = "Service principal client secret written in Java code and passed to a credential builder",
        description = "A client secret signs the application in as its service principal with every role it holds, from anywhere, until the secret expires (often years). The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `new DefaultAzureCredentialBuilder().build()` (Managed Identity in Azure, workload identity federation in CI), move the service principal's roles to the managed identity and delete the secret from the app registration (`az ad app credential delete`).",
        bad = "new ClientSecretCredentialBuilder().tenantId(tenant).clientId(app).clientSecret(\"<secret>\").build()",
        good = "new DefaultAzureCredentialBuilder().build()",
        securitySeverity = "9.1",
        tags = {"java", "entra-id", "sink"},
        keywords = {"clientsecret", "createfromsecret", "clientcredential", "applicationtokencredentials"},
        precedence = 5)
public final class ClientSecretInJavaRule extends JavaSinkRule {
    public ClientSecretInJavaRule() {
        super(SinkFamily.CLIENT_SECRET);
    }
}
