package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-CLIENT-SECRET-AUTH",
        name = "java-client-secret-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Java code authenticates a service principal with a client secret",
        description = "A client secret signs the application in as its service principal with every role it holds, from anywhere, until the secret expires (often years). Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `new DefaultAzureCredentialBuilder().build()` (Managed Identity in Azure, workload identity federation in CI), move the service principal's roles to the managed identity and delete the secret from the app registration (`az ad app credential delete`).",
        bad = "new ClientSecretCredentialBuilder().tenantId(tenant).clientId(app).clientSecret(secret).build()",
        good = "new DefaultAzureCredentialBuilder().build()",
        securitySeverity = "5.0",
        tags = {"java", "entra-id", "sink", "key-based-auth"},
        keywords = {"clientsecret", "createfromsecret", "clientcredential", "applicationtokencredentials"},
        precedence = 50)
public final class ClientSecretAuthInJavaRule extends JavaSinkRule {
    public ClientSecretAuthInJavaRule() {
        super(SinkFamily.CLIENT_SECRET);
    }
}
