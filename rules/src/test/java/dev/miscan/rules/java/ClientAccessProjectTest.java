package dev.miscan.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Role;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.report.PlanWriter;
import dev.miscan.core.source.FileTreeSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The roles of a client follow what the project does with it, across files: through a field and its getter, a
 * method's return value, a method parameter, a constructor parameter kept in a field and a Spring bean injected
 * into constructors and fields (the folders
 * {@code module-fixtures/java-access-*}, whose markers {@code IacModuleFixturesTest} checks). A write decides for
 * the service's contributor-type data role, reads only for its reader-type data role, and the plan assigns that.
 */
class ClientAccessProjectTest {
    private static final Path ROOT = Path.of("src/test/resources/module-fixtures");

    /** The findings of a fixture folder (suppressed as fixtures are: mi-scan:allow-file), as a plan's input. */
    private static ScanResult scan(String fixture) throws IOException {
        Path dir = ROOT.resolve(fixture);
        ScanResult scan = new Engine(RuleRegistry.load()).scan(dir, List.of(new FileTreeSource(dir, dir, List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE)), 1);
        return new ScanResult(dir, List.of(), scan.suppressedFindings(), List.of(), 1, 0, 0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "java-access-fields | CatalogStore.java | Cosmos DB Built-in Data Contributor | writes: createItem in CatalogService.java; reads: readItem in CatalogService.java",
        "java-access-fields | ReportArchive.java | Storage Blob Data Reader | only reads: downloadContent in ReportViewer.java, exists in ReportViewer.java",
        "java-access-parameters | Clients.java | Storage Blob Data Contributor | writes: upload in Archiver.java",
        "java-access-parameters | SettingsPage.java | App Configuration Data Reader | only reads: getConfigurationSetting in SettingsView.java",
        "java-access-beans | StorageConfig.java | Storage Blob Data Reader | only reads: downloadContent in ReportService.java, listBlobs in ReportIndex.java",
    })
    void theRoleFollowsTheClientAcrossTheProject(String fixture, String file, String role, String seen) throws IOException {
        ScanResult result = scan(fixture);
        Finding f = result.findings().stream().filter(x -> x.location().path().endsWith("/" + file)).findFirst()
                .orElseThrow();

        assertThat(f.remediation().roles()).extracting(Role::name).containsExactly(role);
        assertThat(f.remediation().access()).isEqualTo(seen);
        PlanWriter.Target t = new PlanWriter().targets(result).stream()
                .filter(x -> x.uses().stream().anyMatch(u -> u.contains("/" + file + ":"))).findFirst().orElseThrow();
        assertThat(t.rolesFromCode()).isTrue();
        assertThat(t.roles()).extracting(Role::name).containsExactly(role);
        assertThat(t.assignments()).extracting(PlanWriter.Assignment::role).containsExactly(role);
    }
}
