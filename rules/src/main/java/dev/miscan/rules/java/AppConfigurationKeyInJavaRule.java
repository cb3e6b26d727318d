package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-APPCONFIG-KEY",
        name = "java-app-configuration-key",
        tier = Tier.SECRET,
        summary = "Azure App Configuration access key written in Java code and passed to a configuration client",
        description = "An App Configuration access key (the `Secret=` of its connection string) reads, and with a read-write key changes, every setting of the store. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `new ConfigurationClientBuilder().endpoint(\"https://<store>.azconfig.io\").credential(new DefaultAzureCredentialBuilder().build())`, grant **App Configuration Data Reader**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new ConfigurationClientBuilder().connectionString(\"Endpoint=https://settings.azconfig.io;Id=<id>;Secret=<secret>\")",
        good = "new ConfigurationClientBuilder().endpoint(\"https://settings.azconfig.io\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "8.2",
        tags = {"java", "app-configuration", "sink"},
        keywords = {"connectionstring", "configurationclientbuilder"},
        precedence = 5)
public final class AppConfigurationKeyInJavaRule extends JavaSinkRule {
    public AppConfigurationKeyInJavaRule() {
        super(SinkFamily.APP_CONFIGURATION);
    }
}
