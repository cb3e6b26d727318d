package dev.miscan.rules.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.source.Fragment;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What a SAS finding says about the account it is for. */
class StorageSasMessageTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());

    private static String signature() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).replace("+", "%2B").replace("=", "%3D");
    }

    @Test
    void theAccountIsTheOneOfTheUrlTheTokenIsOnNotAnotherUrlNearIt() {
        String text = """
                appSettings: [
                  { name: 'REPORTS', value: 'https://stfirst.blob.core.windows.net/reports' }
                  { name: 'ARCHIVE', value: 'https://stsecond.blob.core.windows.net/archive?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=%s' }
                ]
                """.formatted(signature());
        var result = ENGINE.scanFragment(new Fragment("main.bicep", text), w -> { });
        assertThat(result.findings()).extracting(f -> f.rule().id()).contains("MI-STORAGE-SAS");
        Finding sas = result.findings().stream().filter(f -> f.rule().id().equals("MI-STORAGE-SAS")).findFirst()
                .orElseThrow();
        assertThat(sas.message()).contains("'stsecond'").doesNotContain("stfirst");
    }
}
