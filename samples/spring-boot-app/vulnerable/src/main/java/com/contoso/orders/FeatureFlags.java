package com.contoso.orders;

import com.azure.data.appconfiguration.ConfigurationClient;
import com.azure.data.appconfiguration.ConfigurationClientBuilder;

/** Feature flags from App Configuration (the staging store comes from the environment). */
public class FeatureFlags {
    private final ConfigurationClient flags = new ConfigurationClientBuilder()
            .connectionString("Endpoint=https://orders-settings.azconfig.io;Id=Ab1c-l0-s0:Xy7Zq2Lm;Secret=5Rwg60ECv3JooptSVcNhxSeqmw+t9no2F9d01VgSZWI=")
            .buildClient();

    private final ConfigurationClient staging = new ConfigurationClientBuilder()
            .connectionString(System.getenv("STAGING_APPCONFIG_CONNECTION"))
            .buildClient();
}
