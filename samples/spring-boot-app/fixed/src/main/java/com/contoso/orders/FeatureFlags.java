package com.contoso.orders;

import com.azure.data.appconfiguration.ConfigurationClient;
import com.azure.data.appconfiguration.ConfigurationClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;

/** Feature flags from App Configuration, read with App Configuration Data Reader. */
public class FeatureFlags {
    private final ConfigurationClient flags = new ConfigurationClientBuilder()
            .endpoint("https://orders-settings.azconfig.io")
            .credential(new DefaultAzureCredentialBuilder().build())
            .buildClient();

    private final ConfigurationClient staging = new ConfigurationClientBuilder()
            .endpoint(System.getenv("STAGING_APPCONFIG_ENDPOINT"))
            .credential(new DefaultAzureCredentialBuilder().build())
            .buildClient();
}
