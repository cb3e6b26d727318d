package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-APPCONFIG-KEY-AUTH",
        name = "java-app-configuration-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure App Configuration client in Java authenticates with an access key",
        description = "An App Configuration access key (the `Secret=` of its connection string) reads, and with a read-write key changes, every setting of the store. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `new ConfigurationClientBuilder().endpoint(\"https://<store>.azconfig.io\").credential(new DefaultAzureCredentialBuilder().build())`, grant **App Configuration Data Reader**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new ConfigurationClientBuilder().connectionString(\"Endpoint=https://settings.azconfig.io;Id=<id>;Secret=<secret>\")",
        good = "new ConfigurationClientBuilder().endpoint(\"https://settings.azconfig.io\").credential(new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "app-configuration", "sink", "key-based-auth"},
        keywords = {"connectionstring", "configurationclientbuilder"},
        precedence = 50)
public final class AppConfigurationKeyAuthInJavaRule extends JavaSinkRule {
    public AppConfigurationKeyAuthInJavaRule() {
        super(SinkFamily.APP_CONFIGURATION);
    }
}
