package dev.miscan.core.parse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfigEntryTest {

    @Test
    void normalizeIsSpringsRelaxedForm() {
        assertThat(ConfigEntry.normalize("SPRING_CLOUD_AZURE_STORAGE_BLOB_ACCOUNT_KEY"))
                .isEqualTo("spring.cloud.azure.storage.blob.account.key");
        assertThat(ConfigEntry.normalize("spring.cloud.azure.storage.blob.account-key"))
                .isEqualTo("spring.cloud.azure.storage.blob.accountkey");
        assertThat(ConfigEntry.normalize("resources[12].properties.siteConfig.appSettings[0].value"))
                .isEqualTo("resources[*].properties.siteconfig.appsettings[*].value");
        assertThat(ConfigEntry.normalize("a__b...c[x][1-2]")).isEqualTo("a.b.c[x][*]");
        assertThat(ConfigEntry.normalize("Clé_D'accès")).isEqualTo("clé.d'accès");
    }

    @Test
    void theOnePassFormIsTheRegularExpressionsOnAnyAsciiKey() {
        // the characters that matter to the rules ('_', '-', '.', brackets, digits, case) and a few others
        String alphabet = "aZ_-.[]09*x. [[]]-_";
        Random random = new Random(20261205);
        int same = 0;
        int cases = 20_000;
        for (int t = 0; t < cases; t++) {
            StringBuilder key = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String k = key.toString();
            same += ConfigEntry.normalize(k).equals(ConfigEntry.normalizeAnyText(k)) ? 1 : 0;
        }
        assertThat(same).isEqualTo(cases);
    }
}
