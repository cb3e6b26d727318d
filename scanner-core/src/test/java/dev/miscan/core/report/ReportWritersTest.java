package dev.miscan.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Tier;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWritersTest {
    private static final String HELP_BASE = "https://github.com/mi-scan/mi-scan/blob/main/docs/rules/";

    private static final RuleDescriptor SECRET_RULE = new RuleDescriptor("MI-TEST-SECRET", "test-secret",
            Tier.SECRET, "test", "", "Storage account key in a test file",
            "A storage key grants full access to the account.",
            "Use `DefaultAzureCredential` and grant the identity a data role.", "String key = \"AccountKey=...\";",
            "new BlobServiceClientBuilder().credential(new DefaultAzureCredentialBuilder().build())", 9.1,
            List.of("azure", "storage"), "CWE-798", List.of("MI-TEST-OLD-SECRET"), "");
    private static final RuleDescriptor HARDENING_RULE = new RuleDescriptor("MI-TEST-HARDENING", "test-hardening",
            Tier.HARDENING, "test", "", "Identity not configured on a test host",
            "Without an identity the host falls back to keys.", "Add an `identity` block.", "resource host {}",
            "resource host { identity {} }", 3.0, List.of(), "CWE-798", List.of(), "");

    private static final Remediation REMEDIATION = new Remediation("Azure Blob Storage", "mystorage",
            "Use DefaultAzureCredential with the account endpoint", "java",
            "BlobServiceClient client = new BlobServiceClientBuilder()\n"
                    + "        .endpoint(\"https://mystorage.blob.core.windows.net\")\n"
                    + "        .credential(new DefaultAzureCredentialBuilder().build())\n"
                    + "        .buildClient();",
            "com.azure:azure-identity",
            List.of(new Role("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe")),
            "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Storage/"
                    + "storageAccounts/mystorage",
            List.of("az role assignment create --role \"Storage Blob Data Contributor\" --assignee {principal}"));

    private static final Remediation BARE_REMEDIATION = new Remediation("Azure App Service", "",
            "Enable a managed identity on the host.", "", "", "", List.of(), "", List.of());

    private static Finding secretFinding(String path, Severity severity, String message) {
        return new Finding(SECRET_RULE, severity, message, new Location(path, 3, 17, 3, 73),
                "String key = \"AccountKey=c2Vj…(56 chars)\";", "c2Vj…(56 chars)", "ab12", "fp-secret-1",
                REMEDIATION);
    }

    private static Finding hardeningFinding() {
        return new Finding(HARDENING_RULE, Severity.NOTE, "The web app has no identity block.",
                new Location("infra/main.tf", 10, 1, 10, 20), "resource \"azurerm_linux_web_app\" \"app\" {",
                "", "cd34", "fp-hardening-1", BARE_REMEDIATION);
    }

    private static ScanResult result(List<Finding> findings, List<ScanWarning> warnings) {
        return new ScanResult(Path.of("build", "scanned root"), List.of(SECRET_RULE, HARDENING_RULE), findings,
                warnings, 7, 1234, 2);
    }

    private static ScanResult sample() {
        return result(List.of(
                secretFinding("src/main/java/App.java", Severity.ERROR, "A storage account key is in the file"),
                hardeningFinding()),
                List.of(new ScanWarning("lib/blob.bin", "binary file, skipped", true),
                        new ScanWarning("conf/bad.yaml", "YAML did not parse; scanned as plain lines", false)));
    }

    private static JsonNode sarif(ScanResult result) throws IOException {
        return new ObjectMapper().readTree(render(new SarifWriter("1.2.3", HELP_BASE), result));
    }

    private static String render(Object writer, ScanResult result) throws IOException {
        StringWriter out = new StringWriter();
        if (writer instanceof SarifWriter w) {
            w.write(result, out);
        } else if (writer instanceof JsonWriter w) {
            w.write(result, out);
        } else {
            ((TextWriter) writer).write(result, out);
        }
        return out.toString();
    }

    // --- SARIF ---

    @Test
    void sarif_declaresSchemaVersionAndTool() throws IOException {
        JsonNode log = sarif(sample());

        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.path("name").asText()).isEqualTo("mi-scan");
        assertThat(driver.path("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.path("semanticVersion").asText()).isEqualTo("1.2.3");
        assertThat(driver.path("informationUri").asText()).startsWith("https://");
        assertThat(log.at("/runs/0/columnKind").asText()).isEqualTo("utf16CodeUnits");
    }

    @Test
    void sarif_resultsCarryTheFindingFingerprintAsPartialFingerprint() throws IOException {
        JsonNode results = sarif(sample()).at("/runs/0/results");

        assertThat(results.get(0).at("/partialFingerprints/miScanFingerprint~1v2").asText())
                .isEqualTo("fp-secret-1");
        assertThat(results.get(1).at("/partialFingerprints/miScanFingerprint~1v2").asText())
                .isEqualTo("fp-hardening-1");
    }

    @Test
    void sarif_ruleIndexPointsAtTheRuleWithTheResultsRuleId() throws IOException {
        JsonNode run = sarif(sample()).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");

        assertThat(rules).hasSize(2);
        for (JsonNode r : run.path("results")) {
            JsonNode rule = rules.get(r.path("ruleIndex").asInt());
            assertThat(rule.path("id").asText()).isEqualTo(r.path("ruleId").asText());
        }
        assertThat(run.at("/results/1/ruleIndex").asInt()).isEqualTo(1);
    }

    @Test
    void sarif_findingOfUnlistedRule_addsTheRuleSoTheIndexIsValid() throws IOException {
        ScanResult onlyOneRuleListed = new ScanResult(Path.of("."), List.of(HARDENING_RULE),
                List.of(secretFinding("a.txt", Severity.ERROR, "Key.")), List.of(), 1, 1, 0);

        JsonNode run = new ObjectMapper().readTree(render(new SarifWriter("1.2.3", HELP_BASE).withAllRules(true),
                onlyOneRuleListed)).at("/runs/0");

        assertThat(run.at("/results/0/ruleIndex").asInt()).isEqualTo(1);
        assertThat(run.at("/tool/driver/rules/1/id").asText()).isEqualTo("MI-TEST-SECRET");
    }

    @Test
    void sarif_listsOnlyTheRulesWithResults_withTheirIndexAndDeprecatedIds() throws IOException {
        ScanResult secretOnly = result(List.of(secretFinding("a.txt", Severity.ERROR, "Key.")), List.of());
        ScanResult hardeningOnly = result(List.of(hardeningFinding()), List.of());

        JsonNode secretRun = sarif(secretOnly).at("/runs/0");
        JsonNode hardeningRun = sarif(hardeningOnly).at("/runs/0");

        assertThat(secretRun.at("/tool/driver/rules")).hasSize(1);
        assertThat(secretRun.at("/tool/driver/rules/0/id").asText()).isEqualTo("MI-TEST-SECRET");
        assertThat(secretRun.at("/tool/driver/rules/0/deprecatedIds/0").asText()).isEqualTo("MI-TEST-OLD-SECRET");
        assertThat(secretRun.at("/results/0/ruleIndex").asInt()).isZero();
        assertThat(hardeningRun.at("/tool/driver/rules")).hasSize(1);
        assertThat(hardeningRun.at("/results/0/ruleIndex").asInt()).isZero();
        assertThat(hardeningRun.at("/results/0/ruleId").asText()).isEqualTo("MI-TEST-HARDENING");
    }

    @Test
    void sarif_suppressedFindingsKeepTheirRuleListed() throws IOException {
        Finding suppressed = secretFinding("a.txt", Severity.ERROR, "Key.").withSuppression(
                new dev.miscan.core.api.Suppression(dev.miscan.core.api.Suppression.Origin.INLINE, "test data"));
        ScanResult onlySuppressed = new ScanResult(Path.of("."), List.of(SECRET_RULE, HARDENING_RULE), List.of(),
                List.of(), 1, 1, 1, List.of(suppressed));

        JsonNode run = sarif(onlySuppressed).at("/runs/0");

        assertThat(run.at("/tool/driver/rules")).hasSize(1);
        assertThat(run.at("/results/0/ruleIndex").asInt()).isZero();
    }

    @Test
    void sarif_allRules_listsEveryRuleThatRan_evenWithoutResults() throws IOException {
        SarifWriter all = new SarifWriter("1.2.3", HELP_BASE).withAllRules(true);

        JsonNode clean = new ObjectMapper().readTree(render(all, result(List.of(), List.of()))).at("/runs/0");
        JsonNode oneResult = new ObjectMapper().readTree(render(all, result(List.of(hardeningFinding()), List.of())))
                .at("/runs/0");

        assertThat(clean.at("/tool/driver/rules")).hasSize(2);
        assertThat(clean.path("results")).isEmpty();
        assertThat(oneResult.at("/tool/driver/rules")).hasSize(2);
        assertThat(oneResult.at("/results/0/ruleIndex").asInt()).isEqualTo(1);
    }

    @Test
    void sarif_logWithoutResults_isWrittenWithoutTheModel_andIsTheModelsLogByteForByte() throws IOException {
        String controls = "quote \" backslash \\ tab \t cr \r nl \n bs \b ff \f nul \u0000 esc \u001b del \u007f"
                + " é ✓ 😀 \u2028";
        List<ScanResult> cases = List.of(
                result(List.of(), List.of()),
                result(List.of(), List.of(new ScanWarning("lib/blob.bin", "binary file, skipped", true),
                        new ScanWarning("conf/my app/Größe#1.yaml", controls, false),
                        new ScanWarning("", "no path here", false))),
                new ScanResult(null, List.of(SECRET_RULE), List.of(), List.of(new ScanWarning("a", "b", true)), 0, 0, 0));
        for (SarifWriter writer : List.of(new SarifWriter("1.2.3", HELP_BASE),
                new SarifWriter("1.2.3-\"odd\"", HELP_BASE, "https://example.com/x?a=1&b=2").withCategory("cat/ \"q\""))) {
            for (ScanResult r : cases) {
                StringWriter model = new StringWriter();
                writer.writeModel(r, model);
                model.write('\n');

                assertThat(render(writer, r)).isEqualTo(model.toString());
            }
        }
    }

    @Test
    void sarif_uriIsRelativeToSrcroot_andSrcrootIsTheBaseDirFileUri() throws IOException {
        JsonNode run = sarif(sample()).at("/runs/0");
        JsonNode artifact = run.at("/results/0/locations/0/physicalLocation/artifactLocation");

        assertThat(artifact.path("uri").asText()).isEqualTo("src/main/java/App.java");
        assertThat(artifact.path("uriBaseId").asText()).isEqualTo("SRCROOT");
        String base = run.at("/originalUriBaseIds/SRCROOT/uri").asText();
        assertThat(base).startsWith("file:/").endsWith("/build/scanned%20root/");
    }

    @Test
    void sarif_uriPercentEncodesSpacesAndNonAscii() throws IOException {
        ScanResult r = result(List.of(secretFinding("conf/my app/Größe#1.properties", Severity.ERROR, "Key.")),
                List.of());

        String uri = sarif(r).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();

        assertThat(uri).isEqualTo("conf/my%20app/Gr%C3%B6%C3%9Fe%231.properties");
    }

    @Test
    void sarif_regionHasLinesColumnsAndRedactedSnippet() throws IOException {
        JsonNode region = sarif(sample()).at("/runs/0/results/0/locations/0/physicalLocation/region");

        assertThat(region.path("startLine").asInt()).isEqualTo(3);
        assertThat(region.path("startColumn").asInt()).isEqualTo(17);
        assertThat(region.path("endLine").asInt()).isEqualTo(3);
        assertThat(region.path("endColumn").asInt()).isEqualTo(73);
        assertThat(region.at("/snippet/text").asText()).contains("c2Vj…(56 chars)");
    }

    @Test
    void sarif_resultMessagesEndWithAPeriodAndIncludeTheFix() throws IOException {
        JsonNode log = sarif(sample());

        JsonNode first = log.at("/runs/0/results/0/message/text");
        assertThat(first.asText()).isEqualTo(
                "A storage account key is in the file. Use DefaultAzureCredential with the account endpoint.");
        for (JsonNode r : log.at("/runs/0/results")) {
            assertThat(r.at("/message/text").asText()).endsWith(".");
        }
        for (JsonNode n : log.at("/runs/0/invocations/0/toolExecutionNotifications")) {
            assertThat(n.at("/message/text").asText()).endsWith(".");
        }
    }

    @Test
    void sarif_levelIsAlwaysWritten_evenWhenItDiffersFromTheRuleDefault() throws IOException {
        ScanResult r = result(List.of(secretFinding("a.txt", Severity.WARNING, "Key.")), List.of());

        JsonNode run = sarif(r).at("/runs/0");

        assertThat(run.at("/results/0/level").asText()).isEqualTo("warning");
        assertThat(run.at("/tool/driver/rules/0/defaultConfiguration/level").asText()).isEqualTo("error");
    }

    @Test
    void sarif_ruleCarriesGithubProperties() throws IOException {
        JsonNode rules = sarif(sample()).at("/runs/0/tool/driver/rules");
        JsonNode secret = rules.get(0);
        JsonNode hardening = rules.get(1);

        assertThat(secret.path("name").asText()).isEqualTo("test-secret");
        assertThat(secret.at("/shortDescription/text").asText()).isEqualTo("Storage account key in a test file");
        assertThat(secret.at("/fullDescription/text").asText()).startsWith("A storage key");
        assertThat(secret.at("/help/text").asText()).contains("DefaultAzureCredential");
        assertThat(secret.at("/help/markdown").asText()).contains("```\nString key = ");
        assertThat(secret.path("helpUri").asText()).isEqualTo(HELP_BASE + "MI-TEST-SECRET.md");
        assertThat(secret.at("/properties/security-severity").asText()).isEqualTo("9.1");
        assertThat(secret.at("/properties/precision").asText()).isEqualTo("high");
        assertThat(secret.at("/properties/problem.severity").asText()).isEqualTo("error");
        assertThat(texts(secret.at("/properties/tags")))
                .contains("security", "azure", "storage", "external/cwe/cwe-798");
        assertThat(hardening.at("/properties/security-severity").asText()).isEqualTo("3.0");
        assertThat(hardening.at("/properties/problem.severity").asText()).isEqualTo("recommendation");
        assertThat(hardening.at("/defaultConfiguration/level").asText()).isEqualTo("note");
    }

    @Test
    void sarif_renamedRuleListsItsFormerIdsAsDeprecatedIds_andResultsNameTheirDetector() throws IOException {
        JsonNode run = sarif(sample()).at("/runs/0");

        assertThat(texts(run.at("/tool/driver/rules/0/deprecatedIds"))).containsExactly("MI-TEST-OLD-SECRET");
        assertThat(run.at("/tool/driver/rules/1").has("deprecatedIds")).isFalse();
        assertThat(run.at("/results/0/properties/detector").asText()).isEqualTo("value");
        assertThat(texts(run.at("/results/0/properties/tags"))).containsExactly("value");
    }

    @Test
    void sarif_resultPropertiesCarryTheRemediationAsData() throws IOException {
        JsonNode remediation = sarif(sample()).at("/runs/0/results/0/properties/remediation");

        assertThat(remediation.path("service").asText()).isEqualTo("Azure Blob Storage");
        assertThat(remediation.path("dependency").asText()).isEqualTo("com.azure:azure-identity");
        assertThat(remediation.at("/roles/0/name").asText()).isEqualTo("Storage Blob Data Contributor");
        assertThat(remediation.at("/roles/0/id").asText()).isEqualTo("ba92f5b4-2d11-453d-a403-e96b0029c9fe");
        assertThat(remediation.at("/commands/0").asText()).startsWith("az role assignment create");
    }

    @Test
    void sarif_warningsBecomeToolExecutionNotificationsWithTheirFile() throws IOException {
        JsonNode invocation = sarif(sample()).at("/runs/0/invocations/0");

        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        JsonNode notification = invocation.at("/toolExecutionNotifications/0");
        assertThat(notification.path("level").asText()).isEqualTo("warning");
        assertThat(notification.at("/message/text").asText()).isEqualTo("lib/blob.bin: binary file, skipped.");
        assertThat(notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("lib/blob.bin");
    }

    @Test
    void sarif_withoutCategory_leavesAutomationDetailsOut_soThatUploadSarifsCategoryApplies() throws IOException {
        assertThat(sarif(sample()).at("/runs/0").has("automationDetails")).isFalse();
        assertThat(new ObjectMapper().readTree(render(new SarifWriter("1.2.3", HELP_BASE).withCategory("  "), sample()))
                .at("/runs/0").has("automationDetails")).isFalse();
    }

    @Test
    void sarif_category_isTheAutomationIdWithATrailingSlash_andTwoCategoriesStayApart() throws IOException {
        SarifWriter base = new SarifWriter("1.2.3", HELP_BASE);
        String frontend = new ObjectMapper().readTree(render(base.withCategory("mi-scan-frontend"), sample()))
                .at("/runs/0/automationDetails/id").asText();
        String backend = new ObjectMapper().readTree(render(base.withCategory("mi-scan/backend/"), sample()))
                .at("/runs/0/automationDetails/id").asText();

        assertThat(frontend).isEqualTo("mi-scan-frontend/");
        assertThat(backend).isEqualTo("mi-scan/backend/");
        assertThat(frontend).isNotEqualTo(backend);
        assertThatThrownBy(() -> base.withCategory("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sarif_relativeHelpUriBase_isRejected() {
        assertThatThrownBy(() -> new SarifWriter("1.0.0", "docs/rules/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sarif_outputIsDeterministicAndLeavesTheWriterOpen() throws IOException {
        SarifWriter writer = new SarifWriter("1.2.3", HELP_BASE);
        StringWriter out = new StringWriter();

        writer.write(sample(), out);
        out.write("still open");

        assertThat(out.toString()).endsWith("}\nstill open");
        assertThat(render(writer, sample())).isEqualTo(render(writer, sample()));
    }

    @Test
    void sarif_sampleLogIsWrittenForExternalValidation() throws IOException {
        // CI can run the SARIF Multitool (validate --rule-kind "Sarif;Gh") over this file.
        Path file = Path.of("target", "report-tests", "ReportWritersTest.sarif");
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(new SarifWriter("1.2.3", HELP_BASE), sample()), StandardCharsets.UTF_8);

        assertThat(file).isNotEmptyFile();
    }

    // --- JSON ---

    @Test
    void json_hasTheDocumentedTopLevelFieldsAndSummary() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(render(new JsonWriter("1.2.3"), sample()));

        assertThat(fieldNames(doc)).containsExactly("tool", "version", "formatVersion", "baseDir", "summary",
                "findings", "suppressedFindings", "warnings");
        assertThat(doc.path("tool").asText()).isEqualTo("mi-scan");
        assertThat(doc.path("version").asText()).isEqualTo("1.2.3");
        JsonNode summary = doc.path("summary");
        assertThat(summary.path("filesScanned").asInt()).isEqualTo(7);
        assertThat(summary.path("filesSkipped").asInt()).isEqualTo(1);
        assertThat(summary.path("findings").asInt()).isEqualTo(2);
        assertThat(summary.at("/bySeverity/error").asInt()).isEqualTo(1);
        assertThat(summary.at("/bySeverity/warning").asInt()).isZero();
        assertThat(summary.at("/bySeverity/note").asInt()).isEqualTo(1);
        assertThat(summary.path("suppressed").asInt()).isEqualTo(2);
    }

    @Test
    void json_findingHasTheDocumentedFields() throws IOException {
        JsonNode finding = new ObjectMapper().readTree(render(new JsonWriter("1.2.3"), sample())).at("/findings/0");

        assertThat(fieldNames(finding)).containsExactly("ruleId", "ruleName", "tier", "detector", "severity", "message",
                "path", "startLine", "startColumn", "endLine", "endColumn", "snippet", "preview", "fingerprint",
                "remediation");
        assertThat(finding.has("commit")).as("no commit object for a finding not read from a commit").isFalse();
        assertThat(finding.path("detector").asText()).isEqualTo("value");
        assertThat(finding.path("ruleId").asText()).isEqualTo("MI-TEST-SECRET");
        assertThat(finding.path("ruleName").asText()).isEqualTo("test-secret");
        assertThat(finding.path("tier").asText()).isEqualTo("secret");
        assertThat(finding.path("severity").asText()).isEqualTo("error");
        assertThat(finding.path("startColumn").asInt()).isEqualTo(17);
        assertThat(finding.path("preview").asText()).isEqualTo("c2Vj…(56 chars)");
        assertThat(finding.path("fingerprint").asText()).isEqualTo("fp-secret-1");
        assertThat(fieldNames(finding.path("remediation"))).containsExactly("service", "target", "summary",
                "language", "replacement", "dependency", "roles", "scope", "commands", "access", "fixable");
        assertThat(finding.at("/remediation/roles/0/id").asText()).isEqualTo("ba92f5b4-2d11-453d-a403-e96b0029c9fe");
    }

    @Test
    void json_emptyValuesAreEmptyStringsAndLists_neverNull() throws IOException {
        JsonNode finding = new ObjectMapper().readTree(render(new JsonWriter("1.2.3"), sample())).at("/findings/1");

        assertThat(finding.path("preview").isTextual()).isTrue();
        assertThat(finding.at("/remediation/target").asText()).isEmpty();
        assertThat(finding.at("/remediation/roles").isArray()).isTrue();
        assertThat(finding.at("/remediation/commands")).isEmpty();
    }

    @Test
    void json_warningsKeepPathMessageAndSkipped() throws IOException {
        JsonNode warnings = new ObjectMapper().readTree(render(new JsonWriter("1.2.3"), sample())).path("warnings");

        assertThat(warnings).hasSize(2);
        assertThat(fieldNames(warnings.get(0))).containsExactly("path", "message", "skipped");
        assertThat(warnings.get(0).path("skipped").asBoolean()).isTrue();
        assertThat(warnings.get(1).path("skipped").asBoolean()).isFalse();
    }

    // --- text ---

    @Test
    void text_notesThatSayTheSameOfManyFiles_showThreeAndCountTheRest_theJsonKeepsEach() throws IOException {
        List<ScanWarning> warnings = new java.util.ArrayList<>();
        warnings.add(new ScanWarning("conf/bad.yaml", "YAML did not parse; scanned as plain lines", false));
        for (int i = 1; i <= 6; i++) {
            warnings.add(ScanWarning.note("m" + i + "/main.json", "compiled from main.bicep beside it", true));
            // a file not read in full is always named, however many say the same
            warnings.add(new ScanWarning("c" + i + "/x.yaml", "YAML did not parse; scanned as plain lines", false));
        }
        warnings.add(ScanWarning.note("link", "a symbolic link, not followed", true));
        ScanResult many = result(List.of(), warnings);

        List<String> lines = render(new TextWriter(false), many).lines().filter(l -> l.startsWith("warning:")).toList();

        assertThat(lines).hasSize(1 + 3 + 1 + 6 + 1);
        assertThat(lines).containsSubsequence("warning: m1/main.json: compiled from main.bicep beside it",
                "warning: m3/main.json: compiled from main.bicep beside it",
                "warning: and 3 more files: compiled from main.bicep beside it (a JSON or SARIF report names each)",
                "warning: c6/x.yaml: YAML did not parse; scanned as plain lines",
                "warning: link: a symbolic link, not followed");
        assertThat(lines).noneMatch(l -> l.contains("m4/"));
        assertThat(new ObjectMapper().readTree(render(new JsonWriter("1.2.3"), many)).path("warnings")).hasSize(14);
    }

    @Test
    void text_withoutColour_hasNoAnsiEscapes() throws IOException {
        String text = render(new TextWriter(false), sample());

        assertThat(text).doesNotContain("\u001b");
    }

    @Test
    void text_withColour_usesAnsiEscapes() throws IOException {
        String text = render(new TextWriter(true), sample());

        assertThat(text).contains("\u001b[31mERROR\u001b[0m");
    }

    @Test
    void text_showsLocationLevelRuleMessageAndTheFix() throws IOException {
        String text = render(new TextWriter(false), sample());

        assertThat(text).startsWith("""
                src/main/java/App.java:3:17  ERROR  MI-TEST-SECRET  A storage account key is in the file
                  preview: c2Vj…(56 chars)
                  fix: Use DefaultAzureCredential with the account endpoint
                    BlobServiceClient client = new BlobServiceClientBuilder()
                            .endpoint("https://mystorage.blob.core.windows.net")
                            .credential(new DefaultAzureCredentialBuilder().build())
                            .buildClient();
                  role: Storage Blob Data Contributor (ba92f5b4-2d11-453d-a403-e96b0029c9fe)
                  run: az role assignment create --role "Storage Blob Data Contributor" --assignee {principal}

                infra/main.tf:10:1  NOTE  MI-TEST-HARDENING  The web app has no identity block.
                  fix: Enable a managed identity on the host.

                """);
    }

    @Test
    void text_endsWithWarningsAndAPluralSummary() throws IOException {
        String text = render(new TextWriter(false), sample());

        assertThat(text).endsWith("""
                warning: lib/blob.bin: binary file, skipped
                warning: conf/bad.yaml: YAML did not parse; scanned as plain lines
                Findings by rule:
                  MI-TEST-SECRET     1 error
                  MI-TEST-HARDENING  1 note
                2 findings (1 error, 0 warnings, 1 note) in 7 files; 0 binary; 1 skipped; 2 suppressed
                """);
    }

    @Test
    void text_summaryUsesTheSingularForOne() throws IOException {
        ScanResult one = new ScanResult(Path.of("."), List.of(SECRET_RULE),
                List.of(secretFinding("a.txt", Severity.ERROR, "Key.")), List.of(), 1, 10, 0);

        assertThat(render(new TextWriter(false), one))
                .endsWith("\n1 finding (1 error, 0 warnings, 0 notes) in 1 file; 0 binary; 0 skipped; 0 suppressed\n");
    }

    @Test
    void text_cleanScan_isOnlyTheSummary() throws IOException {
        ScanResult clean = new ScanResult(Path.of("."), List.of(), List.of(), List.of(), 0, 0, 0);

        assertThat(render(new TextWriter(false), clean))
                .isEqualTo("0 findings (0 errors, 0 warnings, 0 notes) in 0 files; 0 binary; 0 skipped; 0 suppressed\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
