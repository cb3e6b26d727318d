package com.contoso.support.assistant.flags;

import com.azure.data.appconfiguration.ConfigurationClient;
import com.azure.data.appconfiguration.ConfigurationClientBuilder;
import com.azure.data.appconfiguration.models.FeatureFlagConfigurationSetting;
import com.azure.identity.DefaultAzureCredentialBuilder;
import org.springframework.stereotype.Component;

@Component
public class FeatureFlags {

    private final ConfigurationClient flags;
    private final ConfigurationClient experiments;

    public FeatureFlags() {
        this.flags = new ConfigurationClientBuilder()
                .endpoint("https://appcs-contoso-shared.azconfig.io")
                .credential(new DefaultAzureCredentialBuilder().build())
                .buildClient();
        // experiments store is owned by the growth team, no RBAC yet
        this.experiments = new ConfigurationClientBuilder()
                .connectionString("Endpoint=https://appcs-contoso-growth.azconfig.io;Id=bCN5-l2-s0:B0MBvmRh5xFlh71cj2y0;Secret=TfRb/zrTRko4LS6sEoPGfApBrTgA1vh18+epDw1nF0c=")
                .buildClient();
    }

    public boolean enabled(String name) {
        var s = (FeatureFlagConfigurationSetting) flags.getConfigurationSetting(
                FeatureFlagConfigurationSetting.KEY_PREFIX + name, null);
        return s != null && s.isEnabled();
    }

    public String experimentVariant(String key) {
        return experiments.getConfigurationSetting(key, "assistant").getValue();
    }
}
