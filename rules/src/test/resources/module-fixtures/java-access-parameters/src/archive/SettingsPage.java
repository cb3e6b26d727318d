// mi-scan:allow-file test fixture: a client passed to a constructor of another class, which only reads with it
package archive;

import com.azure.data.appconfiguration.ConfigurationClient;
import com.azure.data.appconfiguration.ConfigurationClientBuilder;

class SettingsPage {
    String render() {
        ConfigurationClient client = new ConfigurationClientBuilder()
                // expect: MI-APPCONFIG-KEY-AUTH warning
                .connectionString(System.getenv("APPCONFIG_CONNECTION"))
                .buildClient();
        return new SettingsView(client).title();
    }
}
