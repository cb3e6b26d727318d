package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-KEYCREDENTIAL-KEY-AUTH",
        name = "java-key-credential-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure client in Java authenticates with an azure-core key credential",
        description = "An azure-core key credential (`AzureKeyCredential`, `AzureNamedKeyCredential`, `AzureSasCredential`) carries a service key or SAS; where it goes the scan could not tell, or the service has no rule of its own (Communication Services, Maps, \u2026). Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Give the client builder a `TokenCredential` (`new DefaultAzureCredentialBuilder().build()`) instead, grant the identity the service's data role, rotate the key and disable local authentication.",
        bad = "AzureKeyCredential key = new AzureKeyCredential(key);",
        good = "TokenCredential credential = new DefaultAzureCredentialBuilder().build();",
        securitySeverity = "5.0",
        tags = {"java", "azure-core", "sink", "key-based-auth"},
        keywords = {"azurekeycredential", "azurenamedkeycredential", "azuresascredential", "keycredential", "connectionstring"},
        precedence = 50)
public final class KeyCredentialAuthInJavaRule extends JavaSinkRule {
    public KeyCredentialAuthInJavaRule() {
        super(SinkFamily.KEY_CREDENTIAL);
    }
}
