package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-KEYVAULT-SP-SECRET",
        name = "java-key-vault-client-secret",
        tier = Tier.SECRET,
        summary = "Service principal client secret in Java code that opens an Azure Key Vault",
        description = "A client secret written in the code and used to build the credential of a Key Vault client: the \"secret zero\" that unlocks every other secret of the vault. With Managed Identity the application reads the vault without any secret.",
        help = "Build the `SecretClient` (or `KeyClient`, `CertificateClient`) with `.credential(new DefaultAzureCredentialBuilder().build())`, grant the identity **Key Vault Secrets User** on the vault and delete the client secret from the app registration.",
        bad = "new SecretClientBuilder().vaultUrl(url).credential(new ClientSecretCredentialBuilder().clientSecret(\"<secret>\")\u2026build())",
        good = "new SecretClientBuilder().vaultUrl(url).credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "9.3",
        tags = {"java", "key-vault", "entra-id", "sink"},
        keywords = {"clientsecret", "createfromsecret", "clientcredential", "applicationtokencredentials"},
        precedence = 5)
public final class KeyVaultClientSecretInJavaRule extends JavaSinkRule {
    public KeyVaultClientSecretInJavaRule() {
        super(SinkFamily.CLIENT_SECRET);
    }
}
