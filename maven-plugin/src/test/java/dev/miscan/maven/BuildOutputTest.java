package dev.miscan.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.archive.ArchiveOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's sources and build output, scanned as {@code check} scans them: a key committed in the sources is reported
 * once (from the sources), a key that resource filtering put into the build output is reported once (from the jar).
 */
class BuildOutputTest {
    @TempDir
    Path project;

    private final Engine engine = new Engine(RuleRegistry.load());
    private Path jar;

    @BeforeEach
    void module() throws IOException {
        // generated, so the repository holds no key for its own self-scan to find
        String committed = key();
        String injected = key();
        write("src/main/resources/storage.properties", "azure.storage.account-name=committed\n"
                + "azure.storage.account-key=" + committed + "\n");
        write("src/main/resources/application.properties", "spring.application.name=orders\n"
                + "azure.storage.account-name=contosodata\nazure.storage.account-key=${storage.key}\n");
        // what process-resources made of them with the key defined in a profile
        String filtered = "spring.application.name=orders\n"
                + "azure.storage.account-name=contosodata\nazure.storage.account-key=" + injected + "\n";
        String storage = Files.readString(project.resolve("src/main/resources/storage.properties"));
        write("target/classes/application.properties", filtered);
        write("target/classes/storage.properties", storage);
        jar = project.resolve("target/orders-1.0.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> e : Map.of("application.properties", filtered,
                    "storage.properties", storage).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void aCommittedKey_isReportedOnce_fromTheSources_andAnInjectedOne_onceFromTheJar() throws IOException {
        BuildOutput.Merged merged = scan(key -> null);
        List<Finding> errors = merged.result().findings().stream()
                .filter(f -> f.rule().id().equals("MI-STORAGE-SHAREDKEY")).toList();

        assertThat(errors).extracting(f -> f.location().path()).containsExactly(
                "src/main/resources/storage.properties", "target/orders-1.0.jar!/application.properties");
        Finding injected = errors.get(1);
        assertThat(injected.related()).extracting(r -> r.location().path(), Finding.Related::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("target/classes/application.properties",
                        BuildOutput.ALSO_IN));
        assertThat(merged.onlyInOutput()).containsExactly(injected);
        // the committed key in target/classes and in the jar
        assertThat(merged.copies()).isEqualTo(2);
        assertThat(merged.outputFiles()).isEqualTo(4);
        assertThat(BuildOutput.stillReported(merged, merged.result())).containsExactly(injected);
        assertThat(FindingLog.headline(injected, java.util.function.UnaryOperator.identity()))
                .startsWith("target/orders-1.0.jar!/application.properties:3:")
                .endsWith(" (also in target/classes/application.properties:3)");
    }

    @Test
    void theUnresolvedPlaceholder_isAWarningOfTheSources_notAnError() throws IOException {
        Files.writeString(project.resolve("target/classes/application.properties"),
                Files.readString(project.resolve("src/main/resources/application.properties")));
        Files.delete(jar);
        BuildOutput.Merged merged = scan(key -> null);

        assertThat(merged.result().findings()).filteredOn(f -> f.location().path().startsWith("target/")).isEmpty();
        assertThat(merged.result().findings()).filteredOn(f -> f.rule().id().equals("MI-STORAGE-KEY-AUTH"))
                .extracting(f -> f.location().path() + " " + f.severity())
                .containsExactly("src/main/resources/application.properties WARNING");
        assertThat(merged.copies()).isEqualTo(2);
    }

    @Test
    void aSecretAnotherModuleReported_isNotReportedAgain() throws IOException {
        BuildOutput.Merged merged = scan(key -> "dev.miscan.it:other:jar:1.0");

        assertThat(merged.result().findings()).noneMatch(f -> f.location().path().startsWith("target/"));
        assertThat(merged.onlyInOutput()).isEmpty();
    }

    @Test
    void targets_mainArtifactAttachedOnesButJavadoc_andTheClassesDirectory() throws IOException {
        Path sources = Files.createFile(project.resolve("target/orders-1.0-sources.jar"));
        Path javadoc = Files.createFile(project.resolve("target/orders-1.0-javadoc.jar"));
        Path bom = Files.createFile(project.resolve("target/orders-1.0-cyclonedx.json"));
        Path classes = project.resolve("target/classes");

        BuildOutput.Targets all = BuildOutput.targets(new BuildOutput.Artifact(jar, null), null,
                List.of(new BuildOutput.Artifact(sources, "sources"), new BuildOutput.Artifact(javadoc, "javadoc"),
                        new BuildOutput.Artifact(bom, "cyclonedx"), new BuildOutput.Artifact(null, "tests")),
                classes, true, true);
        assertThat(all.all()).containsExactly(jar, sources, classes);
        assertThat(all.notes()).anyMatch(n -> n.contains("orders-1.0-javadoc.jar"))
                .anyMatch(n -> n.contains("orders-1.0-cyclonedx.json"));

        assertThat(BuildOutput.targets(new BuildOutput.Artifact(jar, null), null, List.of(), classes, false, true)
                .all()).containsExactly(classes);
        assertThat(BuildOutput.targets(new BuildOutput.Artifact(jar, null), null, List.of(), classes, true, false)
                .all()).containsExactly(jar);
    }

    @Test
    void excludes_applyToTheArtifactsAndTheClassesDirectory() throws IOException {
        BuildOutput.Targets targets = BuildOutput.targets(new BuildOutput.Artifact(jar, null), null, List.of(),
                project.resolve("target/classes"), true, true);
        ScanResult output = engine.scan(project, BuildOutput.sources(project, targets,
                List.of("target/*.jar", "/target/classes/storage.properties"), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                ArchiveOptions.DEFAULT), 1);

        assertThat(output.findings()).extracting(f -> f.location().path())
                .containsExactly("target/classes/application.properties");
    }

    /** A gitignored or excluded source file is left out of the scan, and so are its copies in the build output. */
    @Test
    void aCopyOfAFileTheSourceScanSkips_isLeftOutToo() throws IOException {
        write("src/main/resources/application-local.properties", "azure.storage.account-name=local\n"
                + "azure.storage.account-key=" + key() + "\n");
        Files.copy(project.resolve("src/main/resources/application-local.properties"),
                project.resolve("target/classes/application-local.properties"));
        ScanResult sources = engine.scan(new ScanRequest(project, List.of(project),
                List.of("/target/", "application-local.properties"), ScanRequest.DEFAULT_MAX_FILE_SIZE, 1));
        BuildOutput.Targets targets = BuildOutput.targets(new BuildOutput.Artifact(jar, null), null, List.of(),
                project.resolve("target/classes"), true, true);
        ScanResult output = engine.scan(project, BuildOutput.sources(project, targets, List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, ArchiveOptions.DEFAULT), 1);
        BuildOutput.Origins origins = new BuildOutput.Origins("target/classes",
                java.util.Set.of("target/orders-1.0.jar"), Map.of("src/main/resources", ""));
        BuildOutput.Merged merged = BuildOutput.merge(sources, output, key -> null,
                path -> origins.candidates(path).contains("src/main/resources/application-local.properties"));

        assertThat(merged.skipped()).isEqualTo(1);
        assertThat(merged.result().findings()).noneMatch(f -> f.location().path().contains("application-local"));
        // the injected key is still reported
        assertThat(merged.onlyInOutput()).extracting(f -> f.location().path())
                .containsExactly("target/orders-1.0.jar!/application.properties");
    }

    @Test
    void origins_mapTheBuildOutputBackToResourceDirectoriesAndSourceRoots() {
        Map<String, String> roots = new java.util.LinkedHashMap<>();
        roots.put("src/main/resources", "");
        roots.put("src/main/config", "config/");
        roots.put("src/main/java", "");
        BuildOutput.Origins origins = new BuildOutput.Origins("target/classes",
                java.util.Set.of("target/app.jar", "target/app.war"), roots);

        assertThat(origins.candidates("target/classes/application.properties")).containsExactly(
                "src/main/resources/application.properties", "src/main/java/application.properties");
        assertThat(origins.candidates("target/classes/config/app.yml")).contains("src/main/config/app.yml");
        assertThat(origins.candidates("target/app.jar!/BOOT-INF/classes/application.properties"))
                .contains("src/main/resources/application.properties");
        assertThat(origins.candidates("target/app.war!/WEB-INF/web.xml")).startsWith("src/main/webapp/WEB-INF/web.xml");
        assertThat(origins.candidates("target/app.war!/WEB-INF/classes/a.properties"))
                .doesNotContain("src/main/webapp/WEB-INF/classes/a.properties")
                .contains("src/main/resources/a.properties");
        // a bundled library's entries, class files and other files come from nowhere in the module
        assertThat(origins.candidates("target/app.jar!/BOOT-INF/lib/own.jar!/a.properties")).isEmpty();
        assertThat(origins.candidates("target/classes/demo/Orders.class")).isEmpty();
        assertThat(origins.candidates("target/other.jar!/a.properties")).isEmpty();
    }

    /** Run before package: no artifact file in this build, the one an earlier build left is read (and said so). */
    @Test
    void targets_beforePackage_readWhatExists() {
        Path classes = project.resolve("target/classes");
        BuildOutput.Targets earlier = BuildOutput.targets(new BuildOutput.Artifact(null, null), jar, List.of(),
                classes, true, true);
        assertThat(earlier.all()).containsExactly(jar, classes);
        assertThat(earlier.notes()).anyMatch(n -> n.contains("before package"));

        BuildOutput.Targets none = BuildOutput.targets(new BuildOutput.Artifact(null, null),
                project.resolve("target/missing.jar"), List.of(), project.resolve("target/none"), true, true);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.notes()).hasSize(2);
    }

    private BuildOutput.Merged scan(java.util.function.Function<String, String> reportedElsewhere) throws IOException {
        ScanResult sources = engine.scan(new ScanRequest(project, List.of(project), List.of("/target/"),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, 1));
        BuildOutput.Targets targets = BuildOutput.targets(new BuildOutput.Artifact(
                Files.exists(jar) ? jar : null, null), null, List.of(), project.resolve("target/classes"), true, true);
        ScanResult output = engine.scan(project, BuildOutput.sources(project, targets, List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, ArchiveOptions.DEFAULT), 1);
        return BuildOutput.merge(sources, output, reportedElsewhere);
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String key() {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
