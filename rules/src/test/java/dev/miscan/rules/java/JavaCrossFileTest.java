package dev.miscan.rules.java;
// mi-scan:allow-file test vectors

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Tier;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constant defined in one file and fed to a credential sink in others: a secret at the definition (once,
 * however many uses), key-based authentication at each use. The fixture harness scans one file at a time,
 * so this runs {@link Engine#scan} over a small project.
 */
class JavaCrossFileTest {
    private static final String STORAGE_KEY = "1vL5KIXDblQQEpMw1GhkSS2cT5Ua8uEzoBztRi/eF+9wbj3ZqlTwfMvlH8seQ/uv4Fel7s8d1dWolS1aejNj8g==";
    private static final String BUS_KEY = "sPoWhywcjDhF+b3AIc1Wb77O27E2SwRovP9YsvzcGUE=";
    private static final String DB_PASSWORD = "ATIT26tNwf#7Qx";
    private static final String UNUSED_KEY = "bP00qVAwJGOprE6OhROUGp1/51AeFCdV25akmdlhqVobISukoHU3R6lNgkUx1qawR/oTft0Z5/7uDQSQYOLijA==";

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("src/main/java/com/contoso/config/Keys.java", """
                package com.contoso.config;

                public final class Keys {
                    public static final String STORAGE = "DefaultEndpointsProtocol=https;AccountName=contosodata;"
                            + "AccountKey=%s;EndpointSuffix=core.windows.net";
                    public static final String DB_PASSWORD = "%s";
                    public static final String PASSWORD_PROPERTY = "spring.datasource.password";
                    public static final String UNUSED = "%s";

                    public interface Messaging {
                        String ORDERS = "Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=send;"
                                + "SharedAccessKey=%s";
                    }

                    private Keys() {
                    }
                }
                """.formatted(STORAGE_KEY, DB_PASSWORD, UNUSED_KEY, BUS_KEY));
        write("src/main/java/com/contoso/orders/InvoiceArchive.java", """
                package com.contoso.orders;

                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.contoso.config.Keys;
                import java.sql.DriverManager;

                class InvoiceArchive {
                    void open() throws Exception {
                        new BlobServiceClientBuilder().connectionString(Keys.STORAGE).buildClient();
                        DriverManager.getConnection("jdbc:sqlserver://contoso-sql.database.windows.net:1433;database=orders",
                                "app", Keys.DB_PASSWORD);
                    }
                }
                """);
        write("src/main/java/com/contoso/orders/OrderPublisher.java", """
                package com.contoso.orders;

                import static com.contoso.config.Keys.STORAGE;

                import com.azure.messaging.servicebus.ServiceBusClientBuilder;
                import com.azure.storage.blob.BlobContainerClientBuilder;
                import com.contoso.config.Keys;

                class OrderPublisher implements Keys.Messaging {
                    void publish() {
                        new BlobContainerClientBuilder().connectionString(STORAGE).containerName("orders").buildClient();
                        new ServiceBusClientBuilder().connectionString(ORDERS).sender().queueName("orders").buildClient();
                    }
                }
                """);
    }

    @Test
    void constantUsedInTwoFiles_isOneSecretAtItsDefinitionAndKeyBasedAuthAtEachUse() throws IOException {
        List<Finding> findings = scan();
        List<Finding> definitions = at(findings, "Keys.java");
        assertThat(definitions).extracting(f -> f.rule().id()).containsExactlyInAnyOrder(
                "MI-STORAGE-CONNSTR", "MI-SQL-JDBC-PASSWORD", "MI-SERVICEBUS-CONNSTR");
        assertThat(definitions).allMatch(f -> f.rule().tier() == Tier.SECRET);
        Finding storage = only(definitions, "MI-STORAGE-CONNSTR");
        assertThat(storage.location().startLine()).isEqualTo(5); // the line of AccountKey=, not of the declaration
        assertThat(storage.secretHash()).isEqualTo(dev.miscan.core.secrets.Redaction.sha256(STORAGE_KEY));
        assertThat(only(definitions, "MI-SQL-JDBC-PASSWORD").location().startLine()).isEqualTo(6);
        assertThat(only(definitions, "MI-SERVICEBUS-CONNSTR").location().startLine()).isEqualTo(12);

        assertThat(at(findings, "InvoiceArchive.java")).extracting(f -> f.rule().id() + ":" + f.location().startLine())
                .containsExactly("MI-STORAGE-KEY-AUTH:9", "MI-DATABASE-PASSWORD-AUTH:10");
        assertThat(at(findings, "OrderPublisher.java")).extracting(f -> f.rule().id() + ":" + f.location().startLine())
                .containsExactly("MI-STORAGE-KEY-AUTH:11", "MI-SERVICEBUS-KEY-AUTH:12");
        assertThat(at(findings, "OrderPublisher.java")).allMatch(f -> f.rule().tier() == Tier.KEY_BASED_AUTH);
    }

    @Test
    void definitionFinding_namesAUseAndIsStableAcrossRuns() throws IOException {
        List<Finding> first = scan();
        for (int i = 0; i < 3; i++) {
            assertThat(scan()).isEqualTo(first);
        }
        Finding storage = only(at(first, "Keys.java"), "MI-STORAGE-CONNSTR");
        assertThat(storage.message()).contains("Keys.STORAGE").contains("src/main/java/com/contoso/orders/");
        assertThat(storage.message()).doesNotContain(STORAGE_KEY);
        assertThat(storage.snippet()).doesNotContain(STORAGE_KEY);
    }

    @Test
    void definitionScannedBeforeItsUses_withProgressShown_getsTheirFindings() throws IOException {
        // one thread, the largest file (the definitions) first: they come from scanning it again after its uses;
        // a scan that shows progress hands its rules a wrapper of each entry, which must count as that entry
        Engine engine = new Engine(RuleRegistry.load()).withProgress(new dev.miscan.core.engine.ScanProgress() {
        });
        ScanResult result = engine.scan(new ScanRequest(root, List.of(root), List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 1));
        assertThat(at(result.findings(), "Keys.java")).extracting(f -> f.rule().id()).containsExactlyInAnyOrder(
                "MI-STORAGE-CONNSTR", "MI-SQL-JDBC-PASSWORD", "MI-SERVICEBUS-CONNSTR");
        assertThat(result.findings()).isEqualTo(scan());
    }

    @Test
    void unusedConstantAndPropertyName_areNotSinkFindings() throws IOException {
        List<Finding> keys = at(scan(), "Keys.java");
        assertThat(keys).noneMatch(f -> f.detector().equals("java")
                && (f.location().startLine() == 7 || f.location().startLine() == 8));
    }

    @Test
    void fileScannedOnItsOwn_hasNoDefinitionFindings() throws IOException {
        Engine engine = new Engine(RuleRegistry.load());
        String text = Files.readString(root.resolve("src/main/java/com/contoso/config/Keys.java"));
        var result = engine.scanFragment(new dev.miscan.core.source.Fragment("Keys.java", text), w -> { }, Engine.Options.UNSUPPRESSED);
        assertThat(result.findings()).noneMatch(f -> f.detector().equals("java"));
    }

    private List<Finding> scan() throws IOException {
        Engine engine = new Engine(RuleRegistry.load());
        ScanResult result = engine.scan(ScanRequest.of(root, List.of(root)));
        assertThat(result.warnings()).isEmpty();
        return result.findings();
    }

    private static List<Finding> at(List<Finding> findings, String file) {
        return findings.stream().filter(f -> f.location().path().endsWith("/" + file)).toList();
    }

    private static Finding only(List<Finding> findings, String rule) {
        List<Finding> matching = findings.stream().filter(f -> f.rule().id().equals(rule)).toList();
        assertThat(matching).as(rule).hasSize(1);
        return matching.get(0);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
