package dev.miscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built artifacts: a Spring Boot fat jar built here from sources whose {@code application.properties} was filtered
 * with a real-looking key, a war, nested jars, the application's own library and a third-party one, zip bombs and
 * broken archives. The keys are made at test time; assertions name rules, levels and paths, never a key.
 */
class ArchiveScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;
    private String storageKey;

    @BeforeEach
    void key() {
        byte[] b = new byte[64];
        RANDOM.nextBytes(b);
        storageKey = Base64.getEncoder().encodeToString(b);
    }

    /** The resources of a project after Maven's resource filtering put the profile's key in. */
    private String filteredProperties() {
        String template = "spring.cloud.azure.storage.blob.account-name=ordersdata\n"
                + "spring.cloud.azure.storage.blob.account-key=${storage.key}\n";
        return template.replace("${storage.key}", storageKey);
    }

    /** Compiles one class (with debug information) and returns its class file. */
    private byte[] compile(String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), "-g", "-d",
                out.toString(), src.toString());
        assertThat(rc).isZero();
        return Files.readAllBytes(out.resolve(className + ".class"));
    }

    private static byte[] zip(Map<String, byte[]> entries, boolean stored) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                if (stored) {
                    // Spring Boot stores nested jars uncompressed
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pomProperties(String group, String artifact) {
        return utf8("groupId=" + group + "\nartifactId=" + artifact + "\nversion=1.0.0\n");
    }

    /** A library jar of {@code group} holding one configuration file with a storage connection string. */
    private byte[] library(String group, String artifact, String key) throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("META-INF/maven/" + group + "/" + artifact + "/pom.properties", pomProperties(group, artifact));
        e.put("config/storage.yml", utf8("azure:\n  storage:\n    connection-string: DefaultEndpointsProtocol=https;"
                + "AccountName=ordersdata;AccountKey=" + key + ";EndpointSuffix=core.windows.net\n"));
        return zip(e, false);
    }

    private Path fatJar(String name) throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("META-INF/MANIFEST.MF", utf8("Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch"
                + ".JarLauncher\n"));
        e.put("META-INF/maven/com.contoso.orders/orders-app/pom.properties", pomProperties("com.contoso.orders",
                "orders-app"));
        e.put("BOOT-INF/classes/application.properties", utf8(filteredProperties()));
        e.put("BOOT-INF/classes/com/contoso/Orders.class", compile("Orders", """
                public class Orders {
                    public static void main(String[] args) {
                        System.out.println("orders");
                    }
                }
                """));
        e.put("BOOT-INF/lib/orders-model-1.0.0.jar", library("com.contoso.orders", "orders-model", storageKey));
        e.put("BOOT-INF/lib/vendor-sdk-2.0.jar", library("org.vendor", "vendor-sdk", storageKey));
        Path jar = dir.resolve(name);
        Files.write(jar, zip(e, true));
        return jar;
    }

    private JsonNode scan(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("scan", "--format", "json", "--fail-on", "none"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as("exit code").isZero();
        assertThat(r.out().contains(storageKey) || r.err().contains(storageKey)).as("a key is printed").isFalse();
        return JSON.readTree(r.out());
    }

    private static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("findings").forEach(f -> out.add(f.get("ruleId").asText() + " " + f.get("severity").asText() + " "
                + f.get("path").asText() + ":" + f.get("startLine").asInt()));
        return out;
    }

    private static List<String> warnings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("warnings").forEach(w -> out.add(w.get("path").asText() + ": " + w.get("message").asText()));
        return out;
    }

    @Test
    void fatJarFindsTheFilteredKeyAndTheOwnLibraryNotTheThirdPartyOne() throws IOException {
        Path jar = fatJar("orders-app-1.0.0.jar");
        JsonNode report = scan(jar.toString());
        assertThat(findings(report)).containsExactlyInAnyOrder(
                "MI-STORAGE-SHAREDKEY error orders-app-1.0.0.jar!/BOOT-INF/classes/application.properties:2",
                "MI-STORAGE-CONNSTR error orders-app-1.0.0.jar!/BOOT-INF/lib/orders-model-1.0.0.jar!/config/storage.yml:3");
        assertThat(warnings(report)).anyMatch(w -> w.startsWith("orders-app-1.0.0.jar: skipped 1 bundled library"));
        // nothing inside an artifact can be edited: no fix, and the reason says where to change it
        report.get("findings").forEach(f -> assertThat(f.get("remediation").get("fixable").asBoolean()).isFalse());
        CliRun fix = CliRun.run("fix", "--dry-run", jar.toString());
        assertThat(fix.out() + fix.err()).contains("inside a built artifact: change the source it was built from");
        assertThat(fix.out().contains(storageKey) || fix.err().contains(storageKey)).isFalse();

        JsonNode all = scan("--archive-libraries", jar.toString());
        assertThat(findings(all)).contains(
                "MI-STORAGE-CONNSTR error orders-app-1.0.0.jar!/BOOT-INF/lib/vendor-sdk-2.0.jar!/config/storage.yml:3");
    }

    @Test
    void fingerprintsAreTheSameForARebuildOfTheSameContent() throws IOException {
        Path first = fatJar("app.jar");
        List<String> before = new ArrayList<>();
        scan(first.toString()).get("findings").forEach(f -> before.add(f.get("fingerprint").asText()));
        Files.delete(first);
        Path again = fatJar("app.jar"); // compiled and zipped again
        List<String> after = new ArrayList<>();
        scan(again.toString()).get("findings").forEach(f -> after.add(f.get("fingerprint").asText()));
        assertThat(after).hasSize(2).isEqualTo(before);
    }

    @Test
    void warAndDirectoryScansReadArtifactsOnlyWhenAsked() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("WEB-INF/classes/application.yml", utf8("spring:\n  cloud:\n    azure:\n      storage:\n        blob:\n"
                + "          account-name: ordersdata\n          account-key: " + storageKey + "\n"));
        e.put("WEB-INF/web.xml", utf8("<web-app/>\n"));
        Path war = Files.createDirectories(dir.resolve("dist")).resolve("orders.war");
        Files.write(war, zip(e, false));

        JsonNode plain = scan(dir.resolve("dist").toString());
        assertThat(findings(plain)).isEmpty();
        assertThat(plain.get("summary").get("filesBinary").asInt()).isEqualTo(1);

        JsonNode archives = scan("--archives", dir.resolve("dist").toString());
        assertThat(findings(archives)).containsExactly(
                "MI-STORAGE-SHAREDKEY error orders.war!/WEB-INF/classes/application.yml:7");
    }

    @Test
    void nestingIsBoundedAndZipBombsAndBrokenArchivesWarnAndTheScanGoesOn() throws IOException {
        byte[] inner = zip(Map.of("deep.properties", utf8("azure.storage.account-key=" + storageKey + "\n")), false);
        for (int i = 0; i < 5; i++) {
            inner = zip(Map.of("level" + i + ".jar", inner), false);
        }
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("nested.jar", inner);
        e.put("bomb.txt", new byte[64 << 20]); // 64 MiB of zeros: a thousand times its compressed size
        e.put("ok.properties", utf8("azure.storage.account-key=" + storageKey + "\n"));
        Path outer = dir.resolve("outer.zip");
        Files.write(outer, zip(e, false));
        Path broken = dir.resolve("broken.jar");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(outer), 300));

        JsonNode report = scan("--max-file-size", "100m", outer.toString(), broken.toString());
        assertThat(findings(report)).containsExactly("MI-STORAGE-SHAREDKEY error outer.zip!/ok.properties:1");
        assertThat(warnings(report)).anyMatch(w -> w.startsWith("outer.zip!/bomb.txt: skipped: inflates more than"))
                .anyMatch(w -> w.contains("archives deep (the limit)"))
                .anyMatch(w -> w.startsWith("broken.jar: skipped: not a readable zip archive"));
    }

    @Test
    void sarifNamesTheChainWithNestedArtifacts() throws IOException {
        Path jar = fatJar("app.jar");
        Path sarif = dir.resolve("out.sarif");
        CliRun r = CliRun.run("scan", "--format", "sarif", "--output", sarif.toString(), "--fail-on", "none",
                jar.toString());
        assertThat(r.exitCode()).isZero();
        JsonNode run = JSON.readTree(sarif.toFile()).get("runs").get(0);
        JsonNode artifacts = run.get("artifacts");
        assertThat(artifacts.get(0).get("location").get("uri").asText()).isEqualTo("app.jar");
        assertThat(artifacts.get(0).get("location").get("uriBaseId").asText()).isEqualTo("SRCROOT");
        for (JsonNode result : run.get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            // follow the parents out to the jar: the chain of names is the finding's path
            List<String> chain = new ArrayList<>();
            for (JsonNode a = artifacts.get(location.get("index").asInt()); ; ) {
                chain.add(0, a.get("location").get("uri").asText());
                if (!a.has("parentIndex")) {
                    break;
                }
                a = artifacts.get(a.get("parentIndex").asInt());
            }
            assertThat(chain.get(chain.size() - 1)).isEqualTo(location.get("uri").asText());
            assertThat(String.join("!/", chain)).isIn("app.jar!/BOOT-INF/classes/application.properties",
                    "app.jar!/BOOT-INF/lib/orders-model-1.0.0.jar!/config/storage.yml");
            assertThat(result.has("fixes")).isFalse();
        }
    }
}
