package dev.miscan.rules;

import static dev.miscan.core.source.archive.ImageTarballs.config;
import static dev.miscan.core.source.archive.ImageTarballs.layer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.secrets.RandomKeys;
import dev.miscan.core.source.archive.ImageTarballs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved container image scanned end to end with the real rules: the files of its final filesystem, the files that
 * only a lower layer still holds, a jar inside a layer, and the image config (Env, command, build history).
 */
class ImageScanTest {
    private static final Engine ENGINE = new Engine(RuleRegistry.load());
    /** The storage emulator's well-known account key, published in Microsoft's Azurite documentation. */
    private static final String EMULATOR_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    @TempDir
    Path dir;

    private static String connectionString(String account, String key) {
        return "DefaultEndpointsProtocol=https;AccountName=" + account + ";AccountKey=" + key
                + ";EndpointSuffix=core.windows.net";
    }

    private ScanResult scan(Path image) throws Exception {
        return ENGINE.scan(ScanRequest.of(dir, List.of(image)));
    }

    private static List<Finding> at(ScanResult result, String path) {
        return result.findings().stream().filter(f -> f.location().path().equals(path)).toList();
    }

    @Test
    void savedImage_secretsInEnvHistoryLowerLayerAndJar_areReported() throws Exception {
        ImageTarballs.Layer base = layer().file("app/secret.env",
                "STORAGE_CONNECTION_STRING=\"" + connectionString("ordersdata", RandomKeys.base64(64)) + "\"\n");
        byte[] jar = ImageTarballs.jar(Map.of("BOOT-INF/classes/application.properties",
                "spring.cloud.azure.storage.blob.connection-string=" + connectionString("ordersblobs",
                        RandomKeys.base64(64)) + "\n"));
        ImageTarballs.Layer top = layer().gzip().whiteout("app/secret.env").file("app/app.jar", jar);
        ImageTarballs.Config config = config()
                .env("PATH=/usr/bin:/bin",
                        "AZURE_STORAGE_CONNECTION_STRING=" + connectionString("ordersdata", RandomKeys.base64(64)),
                        "DEV_STORAGE=UseDevelopmentStorage=true",
                        "AZURITE=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + EMULATOR_KEY
                                + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")
                .entrypoint("/bin/sh", "-c", "az storage blob upload --account-name ordersdata -c reports -f out.csv"
                        + " --account-key '" + RandomKeys.base64(64) + "' && java -jar /app/app.jar")
                .history("/bin/sh -c #(nop) ADD file:0123abcd in / ")
                .history("RUN |1 STORAGE_KEY=" + RandomKeys.base64(64) + " /bin/sh -c az storage container list"
                        + " --account-name ordersdata --account-key \"$STORAGE_KEY\" # buildkit");
        Path image = ImageTarballs.dockerSave(dir.resolve("image.tar"), config, base, top);

        ScanResult result = scan(image);

        assertThat(at(result, "image.tar!/config/Env.env")).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-STORAGE-CONNSTR");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(at(result, "image.tar!/layers/1-" + ImageTarballs.shortId(base) + "!/app/secret.env"))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule().id()).isEqualTo("MI-STORAGE-CONNSTR");
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                });
        assertThat(at(result, "image.tar!/app/secret.env")).isEmpty();
        assertThat(at(result, "image.tar!/app/app.jar!/BOOT-INF/classes/application.properties"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(at(result, "image.tar!/config/Cmd.sh")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.rule().id()).isEqualTo("MI-STORAGE-SHAREDKEY"));
        // the build argument a RUN step saw is in the history: the key itself, and the command that uses it
        assertThat(at(result, "image.tar!/config/history.Dockerfile")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.rule().id()).startsWith("MI-STORAGE-"))
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(result.warnings()).anyMatch(w -> w.message().contains("later layers deleted or replaced"));
        // nothing inside an image is edited by a fix: the source it was built from is
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.remediation().fix()).isNull());
    }

    @Test
    void emulatorSettingsInEnv_areNotErrors() throws Exception {
        Path image = ImageTarballs.ociLayout(dir.resolve("dev-image.tar"), config()
                .env("AzureWebJobsStorage=UseDevelopmentStorage=true",
                        "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
                                + "AccountKey=" + EMULATOR_KEY
                                + ";BlobEndpoint=http://azurite:10000/devstoreaccount1;"),
                layer().gzip().file("app/readme.txt", "local development image\n"));

        ScanResult result = scan(image);

        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(result.warnings()).noneMatch(w -> w.incomplete());
    }
}
