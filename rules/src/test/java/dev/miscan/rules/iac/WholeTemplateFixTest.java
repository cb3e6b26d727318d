package dev.miscan.rules.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Fix;
import dev.miscan.core.engine.Engine;
import dev.miscan.core.engine.Fixes;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.core.engine.ScanRequest;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.core.source.FileTreeSource;
import dev.miscan.core.source.Fragment;
import dev.miscan.core.testing.FixtureHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A key switch's fix keeps the deployment working: applied to a template whose apps still use the keys, the fixed
 * template, scanned again, has no key use left of a resource whose key access the fix turned off — the Functions
 * host storage moved to the app's identity — and a switch with a use the fix cannot move stays as it was, its
 * finding saying which use (file:line) stops it.
 */
class WholeTemplateFixTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Engine ENGINE = new Engine(RuleRegistry.load());
    private static final Set<String> SWITCH_RULES = Set.of("MI-IAC-STORAGE-SHARED-KEY-ACCESS",
            "MI-IAC-LOCAL-AUTH-ENABLED", "MI-IAC-REDIS-ACCESS-KEYS", "MI-IAC-ACR-ADMIN-USER",
            "MI-IAC-APPINSIGHTS-LOCAL-AUTH");

    private static String text(Path fixture) throws IOException {
        return FixtureHarness.GOLDEN.matcher(Files.readString(fixture, StandardCharsets.UTF_8).replace("\r\n", "\n"))
                .replaceAll("");
    }

    private static List<Finding> scan(String name, String text) {
        return ENGINE.scanFragment(new Fragment(name, text), w -> { }, Engine.Options.UNSUPPRESSED).findings();
    }

    private static String fixed(String name, String text) {
        List<Fix.Edit> edits = new ArrayList<>();
        for (Finding f : scan(name, text)) {
            if (f.remediation().fix() != null) {
                edits.addAll(f.remediation().fix().edits());
            }
        }
        return Fixes.apply(text, edits);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"functions-host-storage.bicep", "functions-host-storage.json", "functions-host-storage.tf"})
    void listKeysIntoAppSettingsWithSharedKeyOn_fixedTemplateUsesNoKeyAndTurnsSharedKeyOff(String file)
            throws IOException {
        String before = text(FIXTURES.resolve("MI-IAC-STORAGE-SHARED-KEY-ACCESS").resolve(file));
        assertThat(scan(file, before).stream().filter(f -> f.rule().id().equals("MI-IAC-KEY-INJECTION")).count())
                .as("key uses before the fix").isPositive();
        String after = fixed(file, before);
        List<Finding> rescan = scan(file, after);
        assertThat(rescan.stream().map(f -> f.rule().id())).as("re-scan of the fixed %s", file)
                .doesNotContain("MI-IAC-KEY-INJECTION", "MI-IAC-STORAGE-SHARED-KEY-ACCESS", "MI-IAC-MISSING-IDENTITY");
        assertThat(keyAccessOffWithKeyUses(file, after)).as("switches turned off while a key use remains").isZero();
        assertThat(keyAccessOff(file, after)).as("accounts with Shared Key off after the fix").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MI-IAC-STORAGE-SHARED-KEY-ACCESS/keys-still-used.bicep",
        "MI-IAC-LOCAL-AUTH-ENABLED/keys-still-used.bicep", "MI-IAC-LOCAL-AUTH-ENABLED/keys-still-used.json",
        "MI-IAC-STORAGE-SHARED-KEY-ACCESS/functions-host-storage.bicep",
        "MI-IAC-KEY-INJECTION/app-settings.bicep", "MI-IAC-KEY-INJECTION/app-settings.tf",
        "MI-IAC-KEY-INJECTION/azuredeploy.json", "MI-IAC-LOCAL-AUTH-ENABLED/local-auth.bicep",
        "MI-IAC-REDIS-ACCESS-KEYS/redis.tf", "MI-IAC-ACR-ADMIN-USER/registry.bicep", "MI-IAC-ACR-ADMIN-USER/registry.tf",
        "MI-IAC-APPINSIGHTS-LOCAL-AUTH/telemetry-key-uses.bicep", "MI-IAC-APPINSIGHTS-LOCAL-AUTH/telemetry-key-uses.tf"})
    void noFixTurnsKeyAccessOffWhileTheDeploymentStillUsesTheKeys(String fixture) throws IOException {
        Path path = FIXTURES.resolve(fixture);
        assertThat(path).exists();
        String name = path.getFileName().toString();
        String before = text(path);
        int offBefore = keyAccessOff(name, before);
        String after = fixed(name, before);
        assertThat(keyAccessOffWithKeyUses(name, after) - keyAccessOffWithKeyUses(name, before))
                .as("%s: switches the fix turned off while a key use remains", fixture).isZero();
        assertThat(keyAccessOff(name, after)).isGreaterThanOrEqualTo(offBefore);
    }

    @Test
    void aSwitchWhoseKeysAreStillUsed_isReportedWithoutAFixAndNamesTheUses() throws IOException {
        String file = "keys-still-used.bicep";
        List<Finding> findings = scan(file, text(FIXTURES.resolve("MI-IAC-STORAGE-SHARED-KEY-ACCESS").resolve(file)));
        List<Finding> switches = findings.stream().filter(f -> f.rule().id().equals("MI-IAC-STORAGE-SHARED-KEY-ACCESS"))
                .toList();
        assertThat(switches).hasSize(5);
        List<String> refused = switches.stream().filter(f -> f.remediation().fix() == null)
                .map(f -> f.remediation().manual()).toList();
        assertThat(refused).hasSize(4);
        assertThat(refused).allSatisfy(m -> assertThat(m).startsWith("not flipped: the deployment still uses the keys of")
                .containsPattern("at keys-still-used\\.bicep:\\d+"));
        assertThat(refused)
                .anySatisfy(m -> assertThat(m).contains("setting 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'")
                        .contains("output 'contentKey'"))
                .anySatisfy(m -> assertThat(m).contains("setting 'EXPORTS_CONNECTION'"))
                .anySatisfy(m -> assertThat(m).contains("resource 'archiveSecret', property 'value'"));
    }

    @Test
    void terraformKeyUseInAnotherFileOfTheModuleFolder_refusesTheFixWithThatFile() throws IOException {
        Path dir = Path.of("src/test/resources/module-fixtures/terraform-key-uses");
        var result = ENGINE.scan(dir, List.of(new FileTreeSource(dir, dir, List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE)), 1);
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(result.suppressedFindings());
        List<Finding> switches = all.stream().filter(f -> SWITCH_RULES.contains(f.rule().id())).toList();
        assertThat(switches).hasSize(3);
        assertThat(switches.stream().filter(f -> !f.rule().id().equals("MI-IAC-REDIS-ACCESS-KEYS"))
                .map(f -> (f.remediation().fix() == null) + " " + f.remediation().manual()))
                .hasSize(2).allSatisfy(m -> assertThat(m).startsWith("true not flipped").containsPattern("at app\\.tf:\\d+"));
        assertThat(switches.stream().filter(f -> f.rule().id().equals("MI-IAC-REDIS-ACCESS-KEYS"))
                .map(f -> f.remediation().fix() != null)).containsExactly(true);
    }

    @Test
    void telemetrySentWithTheConnectionStringAlone_holdsTheApplicationInsightsFixBack() throws IOException {
        String file = "telemetry-key-uses.tf";
        List<Finding> findings = scan(file, text(FIXTURES.resolve("MI-IAC-APPINSIGHTS-LOCAL-AUTH").resolve(file)));
        assertThat(findings.stream().filter(f -> f.rule().id().equals("MI-IAC-APPINSIGHTS-LOCAL-AUTH"))
                .map(f -> (f.remediation().fix() == null) + " " + f.remediation().manual()))
                .singleElement().satisfies(m -> assertThat(m).startsWith("true not flipped")
                        .contains("setting 'APPLICATIONINSIGHTS_CONNECTION_STRING' of web app 'orders-web'"
                                + " (no APPLICATIONINSIGHTS_AUTHENTICATION_STRING)")
                        .containsPattern("at telemetry-key-uses\\.tf:\\d+"));
    }

    @Test
    void bicepKeyUseInACalledModule_refusesTheFixWithThatFile() throws IOException {
        Path dir = Path.of("src/test/resources/module-fixtures/bicep-key-uses");
        var result = ENGINE.scan(dir, List.of(new FileTreeSource(dir, dir, List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE)), 1);
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(result.suppressedFindings());
        assertThat(all.stream().filter(f -> f.rule().id().equals("MI-IAC-STORAGE-SHARED-KEY-ACCESS"))
                .map(f -> (f.remediation().fix() == null) + " " + f.remediation().manual()))
                .singleElement().satisfies(m -> assertThat(m).startsWith("true not flipped")
                        .contains("setting 'EXPORTS_CONNECTION'").containsPattern("at app\\.bicep:\\d+"));
        assertThat(all.stream().filter(f -> f.rule().id().equals("MI-IAC-LOCAL-AUTH-ENABLED"))
                .map(f -> f.remediation().fix() != null)).containsExactly(true);
    }

    // ---- the fixed template, read back ----

    /** The key switches of the rules, and the value that turns key access off. */
    private record Switch(String type, String[] path, boolean off) {
    }

    private static final List<Switch> SWITCHES = List.of(
            new Switch("Microsoft.Storage/storageAccounts", new String[] {"properties", "allowSharedKeyAccess"}, false),
            new Switch("azurerm_storage_account", new String[] {"shared_access_key_enabled"}, false),
            new Switch("*", new String[] {"properties", "disableLocalAuth"}, true),
            new Switch("*", new String[] {"local_auth_enabled"}, false),
            new Switch("Microsoft.Cache/redis", new String[] {"properties", "disableAccessKeyAuthentication"}, true),
            new Switch("azurerm_redis_cache", new String[] {"access_keys_authentication_enabled"}, false),
            new Switch("Microsoft.ContainerRegistry/registries", new String[] {"properties", "adminUserEnabled"}, false),
            new Switch("azurerm_container_registry", new String[] {"admin_enabled"}, false),
            new Switch("Microsoft.Insights/components", new String[] {"properties", "DisableLocalAuth"}, true),
            new Switch("azurerm_application_insights", new String[] {"local_authentication_disabled"}, true));

    private static Document document(String name, String text) {
        return new Document(new Fragment(name, text), new KeywordIndex(List.of("resource")), new int[1][]);
    }

    /** The deployed resources of the text whose key access is off. */
    private static int keyAccessOff(String name, String text) {
        return resourcesWithKeyAccessOff(name, text, false);
    }

    /** The deployed resources of the text whose key access is off while something in it still uses their keys. */
    private static int keyAccessOffWithKeyUses(String name, String text) {
        return resourcesWithKeyAccessOff(name, text, true);
    }

    private static int resourcesWithKeyAccessOff(String name, String text, boolean withUses) {
        Document doc = document(name, text);
        int n = 0;
        for (IacTemplate t : IacFindings.template(doc).allTemplates()) {
            for (IacTemplate.Resource r : t.resources()) {
                if (!IacFindings.deployed(r) || !off(t, r)) {
                    continue;
                }
                if (!withUses || !KeyUses.of(doc, t, r).isEmpty()) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean off(IacTemplate t, IacTemplate.Resource r) {
        for (Switch s : SWITCHES) {
            if (!s.type().equals("*") && !r.isType(s.type())) {
                continue;
            }
            IacValue v = r.body().at(s.path());
            if (v != null && Boolean.valueOf(s.off()).equals(t.resolveBool(v))) {
                return true;
            }
        }
        return false;
    }
}
