package dev.miscan.core.secrets;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<your-key>",
            "${DB_PASSWORD}",
            "${DB_PASSWORD:}",
            "{{ .Values.key }}",
            "${{ secrets.KEY }}",
            "$(KEY)",
            "$(az",
            "$(az account get-access-token --resource-type oss-rdbms --query accessToken -o tsv)",
            "`cat /run/secrets/db`",
            "%KEY%",
            "xxxxxxxx",
            "****",
            "your-password",
            "changeme",
            "SAS_KEY_VALUE",
            "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)",
            "$DB_PASSWORD",
            "__TOKEN__",
            "REDACTED",
            "\"changeme\"",
            "set-manually",
            "to_be_rotated",
            "managed-by-the-pipeline",
            "''",
            "   ",
    })
    void placeholder_isNotACredential(String value) {
        assertThat(Placeholders.isPlaceholder(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${DB_PASSWORD:Tr0ub4dor&3x}",
            "Tr0ub4dor&3x",
            "P$ssw0rd-2024!",
            "Summer2024!x",
    })
    void literal_isACredential(String value) {
        assertThat(Placeholders.isPlaceholder(value)).isFalse();
    }

    @Test
    void placeholderWithDefault_isLiteralButWithoutDefault_isIgnored() {
        assertThat(Placeholders.isPlaceholder("${DB_PASSWORD:Tr0ub4dor&3x}")).isFalse();
        assertThat(Placeholders.isPlaceholder("${DB_PASSWORD}")).isTrue();
    }

    @RepeatedTest(20)
    void randomBase64Key_isNotPlaceholder() {
        String key = RandomKeys.base64(64);
        assertThat(key.length()).isEqualTo(88);

        assertThat(Placeholders.isPlaceholder(key)).isFalse();
    }

    @RepeatedTest(20)
    void randomBase64KeyStartingWithMy_isNotPlaceholder() {
        String key = "My" + RandomKeys.base64(64).substring(2);

        assertThat(Placeholders.isPlaceholder(key)).isFalse();
    }

    @Test
    void randomKeyContainingMixedCaseXRun_isNotPlaceholder() {
        String random = RandomKeys.base64(64);
        // letters around the run: a '+' or '/' beside it would make it a filler, which is the point of the next test
        String key = random.substring(0, 39) + "a" + "xXxX" + "b" + random.substring(45);

        assertThat(Placeholders.isPlaceholder(key)).isFalse();
        assertThat(Placeholders.isPlaceholder(random.substring(0, 40) + "/xXx+" + random.substring(45))).isTrue();
    }
}
