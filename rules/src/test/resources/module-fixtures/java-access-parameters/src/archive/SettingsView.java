// mi-scan:allow-file test fixture: reads settings with the client its constructor was given
package archive;

import com.azure.data.appconfiguration.ConfigurationClient;

class SettingsView {
    private final ConfigurationClient settings;

    SettingsView(ConfigurationClient settings) {
        this.settings = settings;
    }

    String title() {
        return settings.getConfigurationSetting("title", null).getValue();
    }
}
