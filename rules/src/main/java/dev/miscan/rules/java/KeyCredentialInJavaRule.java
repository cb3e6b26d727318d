package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-CORE-KEYCREDENTIAL-LITERAL",
        name = "java-key-credential",
        tier = Tier.SECRET,
        summary = "Azure key credential (AzureKeyCredential, AzureNamedKeyCredential, AzureSasCredential) built from a literal in Java",
        description = "An azure-core key credential (`AzureKeyCredential`, `AzureNamedKeyCredential`, `AzureSasCredential`) carries a service key or SAS; where it goes the scan could not tell, or the service has no rule of its own (Communication Services, Maps, \u2026). The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Give the client builder a `TokenCredential` (`new DefaultAzureCredentialBuilder().build()`) instead, grant the identity the service's data role, rotate the key and disable local authentication.",
        bad = "AzureKeyCredential key = new AzureKeyCredential(\"<key>\");",
        good = "TokenCredential credential = new DefaultAzureCredentialBuilder().build();",
        securitySeverity = "8.2",
        tags = {"java", "azure-core", "sink"},
        keywords = {"azurekeycredential", "azurenamedkeycredential", "azuresascredential", "keycredential", "connectionstring"},
        precedence = 5)
public final class KeyCredentialInJavaRule extends JavaSinkRule {
    public KeyCredentialInJavaRule() {
        super(SinkFamily.KEY_CREDENTIAL);
    }
}
