package dev.miscan.rules.java;
// mi-scan:allow-file test vectors: sources compiled in the test, whose class files are scanned

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.archive.ArchiveOptions;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class files read as Java: sources compiled here (with and without debug information) against the Azure SDK of
 * the test class path, then only their class files scanned. The sources mark what the class files must report with
 * the fixtures' {@code // expect: RULE level} markers; with {@code -g} the finding is on the marked line of the
 * source, without it the same rules fire (the lines are then the translation's).
 */
class ClassFileScanTest {
    private static final String STORAGE_KEY = "9fz02rlWIUFTbDeOl9LLShgBTOEQI7Oaim5N/D4DDH+YUAlBk4X/RKeZ/4wdD+nRUUBTGDpkKFxsHpzzRxuiPA==";
    private static final String SHARED_KEY = "8VS/EOpRXL8r1mG0PN6AyvOzKggQyP/lVQwRMmiM/RROV4TD8kbKOM/4MXDfobmcHR/WGV5RNZadRFPdLjQTRw==";
    private static final String CONSTANT_KEY = "PJNQO82Rm1WzQMrekQdmMssklpXbB5adIgO+6UfBM3odrsdDzcNCLkhmZq4xY+ybUFvgXkB5eLdEe0spSG/2OA==";
    private static final String BUS_KEY = "Z/XwaWW/iCO7+uYJ/qiAKe2JbbKsKTKxHiaF9LbPxL0=";
    private static final String EMULATOR_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /** Sources whose markers say what their class files report. */
    private static final Map<String, String> MARKED = new LinkedHashMap<>();
    /** A constant without a line of its own in the class file: checked by rule, not line. */
    private static final String SETTINGS = """
            package com.contoso.config;

            public interface Settings {
                String ORDERS = "Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=%s";
            }
            """.formatted(BUS_KEY);

    static {
        MARKED.put("com/contoso/app/Sinks.java", """
                package com.contoso.app;

                import com.azure.identity.ManagedIdentityCredentialBuilder;
                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.azure.storage.common.StorageSharedKeyCredential;

                class Sinks {
                    void literalConnectionString() {
                        // expect: MI-STORAGE-CONNSTR error
                        new BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net").buildClient();
                    }

                    void sharedKeyLiteral() {
                        // expect: MI-STORAGE-SHAREDKEY error
                        StorageSharedKeyCredential key = new StorageSharedKeyCredential("contosodata", "%s");
                        new BlobServiceClientBuilder().endpoint("https://contosodata.blob.core.windows.net").credential(key).buildClient();
                    }

                    void sharedKeyFromEnvironment() {
                        // expect: MI-STORAGE-KEY-AUTH warning
                        new StorageSharedKeyCredential("contosodata", System.getenv("AZURE_STORAGE_KEY"));
                    }

                    void concatenated(String account) {
                        // expect: MI-STORAGE-KEY-AUTH warning
                        new BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=https;AccountName=" + account + ";AccountKey=" + System.getenv("KEY")).buildClient();
                    }

                    void notFindings() {
                        new BlobServiceClientBuilder().connectionString("UseDevelopmentStorage=true").buildClient();
                        new BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;").buildClient();
                        // a placeholder is no secret; the key it stands for is still key-based authentication
                        // expect: MI-STORAGE-KEY-AUTH warning
                        new StorageSharedKeyCredential("contosodata", "<your-account-key>");
                        new ManagedIdentityCredentialBuilder().clientId("7a611475-8e91-4f58-93e0-2ed85c80efea").build();
                    }
                }
                """.formatted(STORAGE_KEY, SHARED_KEY, EMULATOR_KEY));
        MARKED.put("com/contoso/config/Keys.java", """
                package com.contoso.config;

                public final class Keys {
                    public static final String STORAGE;

                    static {
                        // expect: MI-STORAGE-CONNSTR error
                        STORAGE = "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=%s;EndpointSuffix=core.windows.net";
                    }

                    private Keys() {
                    }
                }
                """.formatted(CONSTANT_KEY));
        MARKED.put("com/contoso/app/Archive.java", """
                package com.contoso.app;

                import com.azure.messaging.servicebus.ServiceBusClientBuilder;
                import com.azure.storage.blob.BlobServiceClientBuilder;
                import com.contoso.config.Keys;
                import com.contoso.config.Settings;

                class Archive {
                    void open() {
                        // expect: MI-STORAGE-KEY-AUTH warning
                        new BlobServiceClientBuilder().connectionString(Keys.STORAGE).buildClient();
                        // the compiler copies the constant here: the class file holds the key too
                        // expect: MI-SERVICEBUS-CONNSTR error
                        new ServiceBusClientBuilder().connectionString(Settings.ORDERS).sender().queueName("orders").buildClient();
                    }
                }
                """);
    }

    @TempDir
    Path work;

    private Path sources;
    private Path classes;

    @BeforeEach
    void directories() throws IOException {
        sources = Files.createDirectories(work.resolve("src"));
        classes = Files.createDirectories(work.resolve("classes"));
        for (Map.Entry<String, String> e : MARKED.entrySet()) {
            write(sources.resolve(e.getKey()), e.getValue());
        }
        write(sources.resolve("com/contoso/config/Settings.java"), SETTINGS);
    }

    @Test
    void withDebugInformation_findingsAreOnTheSourceLinesOfTheClassFiles() throws IOException {
        compile("-g");
        ScanResult result = scan();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.findings()).allMatch(f -> f.location().path().endsWith(".class"));
        for (String source : MARKED.keySet()) {
            String simple = source.substring(source.lastIndexOf('/') + 1).replace(".java", ".class");
            List<String> found = result.findings().stream().filter(f -> f.location().path().endsWith("/" + simple))
                    .map(f -> f.rule().id() + " " + f.severity().name().toLowerCase() + " " + f.location().startLine())
                    .sorted().toList();
            assertThat(found).as(source).isEqualTo(expected(MARKED.get(source)));
        }
    }

    @Test
    void aConstantWithoutALine_isFoundByTheValueDetectors() throws IOException {
        compile("-g");
        List<Finding> settings = at(scan().findings(), "Settings.class");
        assertThat(settings).extracting(f -> f.rule().id() + " " + f.severity().name().toLowerCase())
                .containsExactly("MI-SERVICEBUS-CONNSTR error");
        assertThat(settings.get(0).location().startLine()).isPositive();
    }

    @Test
    void withoutDebugInformation_theSameRulesFire() throws IOException {
        compile("-g");
        List<String> withLines = rulesOf(scan().findings());
        Files.walk(classes).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(classes))
                .forEach(p -> p.toFile().delete());
        compile("-g:none");
        List<String> without = rulesOf(scan().findings());
        assertThat(without).isEqualTo(withLines);
        assertThat(without).hasSize(9);
    }

    @Test
    void crossFileConstant_isASecretAtItsDefinitionAndKeyBasedAuthAtItsUse() throws IOException {
        compile("-g");
        List<Finding> findings = scan().findings();
        assertThat(at(findings, "Keys.class")).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("MI-STORAGE-CONNSTR");
            assertThat(f.secretHash()).isEqualTo(dev.miscan.core.secrets.Redaction.sha256(CONSTANT_KEY));
            assertThat(f.message().contains(CONSTANT_KEY)).isFalse();
            assertThat(f.snippet().contains(CONSTANT_KEY)).isFalse();
        });
        assertThat(at(findings, "Archive.class")).anyMatch(f -> f.rule().id().equals("MI-STORAGE-KEY-AUTH"));
    }

    @Test
    void fixesAreNotOfferedForAClassFile() throws IOException {
        compile("-g");
        assertThat(scan().findings()).allMatch(f -> f.remediation() == null || f.remediation().fix() == null);
    }

    @Test
    void truncatedClassFile_isSkippedWithAWarningAndTheScanGoesOn() throws IOException {
        compile("-g");
        Path sinks = classes.resolve("com/contoso/app/Sinks.class");
        byte[] bytes = Files.readAllBytes(sinks);
        Files.write(classes.resolve("com/contoso/app/Broken.class"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ScanResult result = scan();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).endsWith("Broken.class");
            assertThat(w.message()).startsWith("skipped: ").doesNotContain("\n").doesNotContain(STORAGE_KEY);
        });
        assertThat(at(result.findings(), "Sinks.class")).hasSize(5);
    }

    @Test
    void kotlinClassFiles_reportOnTheKotlinLines() throws IOException {
        // compiled from Storage.kt with kotlinc (no Kotlin compiler on the test class path)
        Path kotlin = Path.of("src/test/resources/classfiles/kotlin");
        Path target = Files.createDirectories(classes.resolve("com/contoso/kt"));
        try (Stream<Path> files = Files.list(kotlin)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".class.bin")).toList()) {
                String name = p.getFileName().toString();
                Files.copy(p, target.resolve(name.substring(0, name.length() - ".bin".length())));
            }
        }
        ScanResult result = scan();
        assertThat(result.warnings()).isEmpty();
        List<String> found = at(result.findings(), "Storage.class").stream()
                .map(f -> f.rule().id() + " " + f.severity().name().toLowerCase() + " " + f.location().startLine())
                .sorted().toList();
        assertThat(found).isEqualTo(expected(Files.readString(kotlin.resolve("Storage.kt"))));
        // the file class holds the const val with no line: found by the value detectors
        assertThat(at(result.findings(), "StorageKt.class")).extracting(f -> f.rule().id() + " " + f.severity())
                .containsExactly("MI-STORAGE-SHAREDKEY ERROR");
    }

    private static List<String> rulesOf(List<Finding> findings) {
        return findings.stream().map(f -> f.location().path().replaceAll(".*/", "") + " " + f.rule().id() + " "
                + f.severity()).sorted().toList();
    }

    /** The findings a marked source expects: {@code RULE level line}, the line after each marker. */
    private static List<String> expected(String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FixtureHarness.EXPECT.matcher(lines[i]);
            if (m.find()) {
                out.add(m.group(1) + " " + (m.group(2) == null ? "error" : m.group(2)) + " " + (i + 2));
            }
        }
        return out.stream().sorted().toList();
    }

    private void compile(String debug) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of(debug, "-nowarn", "-proc:none", "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(new String[0]));
        assertThat(rc).as("javac: %s", err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("")).isZero();
    }

    private ScanResult scan() throws IOException {
        Engine engine = new Engine(RuleRegistry.load());
        return engine.scan(new ScanRequest(classes, List.of(classes), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, 0,
                ArchiveOptions.DEFAULT.inDirectories(true)));
    }

    private static List<Finding> at(List<Finding> findings, String file) {
        return findings.stream().filter(f -> f.location().path().endsWith("/" + file)).toList();
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
