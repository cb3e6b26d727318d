package dev.miscan.core.report;

import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Severity;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a scan as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. This is the only class
 * that knows the SARIF object model; everything else speaks {@link ScanResult}.
 *
 * <h2>Field mapping</h2>
 *
 * <pre>
 * $schema, version                     https://json.schemastore.org/sarif-2.1.0.json, 2.1.0
 * runs[0].tool.driver                  name "mi-scan", informationUri, version = semanticVersion = toolVersion
 *   .rules[i]                          one per rule that has a result (findings and suppressed findings), in the
 *                                      order of result.rules() (plus any rule only a finding names); with
 *                                      {@link #withAllRules} every RuleDescriptor of result.rules() instead
 *     id, name                         descriptor id, kebab-case name
 *     shortDescription.text            summary
 *     fullDescription.text             description
 *     help.text / help.markdown        help / help + fenced "bad" and "good" examples
 *     helpUri                          helpUriBase + id + ".md"
 *     defaultConfiguration.level       defaultSeverity: error | warning | note
 *     properties.tags                  "security", tier label, descriptor tags, "external/cwe/cwe-N"
 *     properties.security-severity     securitySeverity with one decimal, as a string ("9.1")
 *     properties.precision             "high"
 *     properties.problem.severity      error | warning | recommendation (for note)
 * runs[0].results[j]                   one per finding, in the result's order
 *   ruleId, ruleIndex                  descriptor id and its index in rules
 *   level                              finding severity (always written: it may differ from the rule's default)
 *   message.text                       finding message + remediation summary, each ending with a period
 *   locations[0].physicalLocation
 *     artifactLocation                 uri = path, percent-encoded, relative to uriBaseId "SRCROOT"
 *     region                           start/end line and column (UTF-16 code units, end column exclusive)
 *     region.snippet.text              the redacted source line
 *   partialFingerprints                {"miScanFingerprint/v2": fingerprint}: rule, path, keyed digest of the
 *                                      secret (the baseline's salt, else the default one), occurrence
 *   properties                         tier, detector (value|config|java|iac|script), preview (redacted) and remediation {service, target, summary,
 *                                      language, replacement, dependency, roles [{name, id}], scope, commands}
 *   properties.commit                  for history and range scans: {id, author, email, date (ISO-8601),
 *                                      presentAtHead}; when presentAtHead is false the message says so
 *   suppressions[0]                    suppressed findings only (they follow the unsuppressed ones):
 *                                      kind inSource (mi-scan:allow) or external (config allow-list,
 *                                      baseline), status accepted, justification (the reason given)
 * runs[0].originalUriBaseIds.SRCROOT   file URI of result.baseDir(), ending with "/"
 * runs[0].columnKind                   utf16CodeUnits
 * runs[0].automationDetails.id         "CATEGORY/" when a category is given ({@link #withCategory}), else absent, so
 *                                      that GitHub's upload-sarif applies its own category (it only fills an absent id)
 * runs[0].invocations[0]               executionSuccessful true; toolExecutionNotifications: one warning per
 *                                      ScanWarning, "path: message." with the file's location
 * </pre>
 *
 * <p>Absent values (empty strings, empty lists) are left out. The secret never appears: findings carry only
 * its redacted preview and the redacted snippet.
 *
 * <p>A log without results (the usual pre-commit case) is written directly, without the SARIF object model: it
 * holds no rule, and loading Jackson's data binding and the model classes would cost more than the scan of a
 * small change. The same log through the model is byte for byte the same (tested).
 */
public final class SarifWriter {
    /** Where users learn what mi-scan is. */
    public static final String DEFAULT_INFORMATION_URI = "https://github.com/mi-scan/mi-scan";
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /**
     * v2: keyed fingerprints (PBKDF2 with a salt, {@link dev.miscan.core.secrets.FingerprintKey}); v1 held a plain
     * SHA-256 chain of the secret and is never written again.
     */
    public static final String FINGERPRINT_KEY = "miScanFingerprint/v2";
    public static final String SRCROOT = "SRCROOT";

    private static final String TOOL_NAME = "mi-scan";

    private final String toolVersion;
    private final String helpUriBase;
    private final URI informationUri;
    /** {@code runs[0].automationDetails.id}, or null to leave it out. */
    private final String automationId;
    /** Every rule that ran in {@code tool.driver.rules}, not only those with results ({@code --sarif-all-rules}). */
    private final boolean allRules;

    public SarifWriter(String toolVersion, String helpUriBase) {
        this(toolVersion, helpUriBase, DEFAULT_INFORMATION_URI);
    }

    /**
     * @param toolVersion    the mi-scan version, reported as the driver's version and semanticVersion
     * @param helpUriBase    absolute URI under which {@code <RULE-ID>.md} documents each rule
     * @param informationUri absolute URI of the tool's home page
     */
    public SarifWriter(String toolVersion, String helpUriBase, String informationUri) {
        if (toolVersion == null || toolVersion.isBlank()) {
            throw new IllegalArgumentException("toolVersion is required");
        }
        this.toolVersion = toolVersion;
        String base = helpUriBase.endsWith("/") ? helpUriBase : helpUriBase + "/";
        // GitHub and the SARIF validator both reject relative help links, so fail here rather than in CI.
        if (!URI.create(base).isAbsolute()) {
            throw new IllegalArgumentException("helpUriBase must be an absolute URI: " + helpUriBase);
        }
        this.helpUriBase = base;
        this.informationUri = URI.create(informationUri);
        if (!this.informationUri.isAbsolute()) {
            throw new IllegalArgumentException("informationUri must be an absolute URI: " + informationUri);
        }
        this.automationId = null;
        this.allRules = false;
    }

    private SarifWriter(SarifWriter other, String automationId, boolean allRules) {
        this.toolVersion = other.toolVersion;
        this.helpUriBase = other.helpUriBase;
        this.informationUri = other.informationUri;
        this.automationId = automationId;
        this.allRules = allRules;
    }

    /**
     * This writer with a code-scanning category: {@code runs[0].automationDetails.id} becomes {@code category + "/"}
     * (GitHub's form: a trailing slash, then an optional run id), so that the results of two analyses with different
     * categories (two jobs of a matrix, two folders of a monorepo) stay apart instead of replacing each other.
     *
     * @param category null or blank for none (the field is left out)
     * @throws IllegalArgumentException for a category with a control character
     */
    public SarifWriter withCategory(String category) {
        return new SarifWriter(this, automationId(category), allRules);
    }

    /**
     * This writer with every rule that ran in {@code tool.driver.rules} when {@code allRules}, else (the default)
     * only the rules that have results: a clean scan's log then holds no rule metadata at all. GitHub code scanning
     * takes a rule's metadata from the logs that have its alerts, so the compact form loses nothing there.
     */
    public SarifWriter withAllRules(boolean allRules) {
        return new SarifWriter(this, automationId, allRules);
    }

    /** {@code category} as an automation id ("NAME/"), or null for none. */
    static String automationId(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String c = category.strip();
        if (c.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new IllegalArgumentException("a category cannot hold control characters");
        }
        return c.endsWith("/") ? c : c + "/";
    }

    public void write(ScanResult result, Writer out) throws IOException {
        if (!allRules && result.findings().isEmpty() && result.suppressedFindings().isEmpty()) {
            new ResultlessLog(out).write(result);
        } else {
            writeModel(result, out);
        }
        out.write('\n');
        out.flush();
    }

    /** Through the SARIF object model, whatever the result holds (package-private: the tests compare both ways). */
    void writeModel(ScanResult result, Writer out) throws IOException {
        Model.WRITER.writeValue(out, new Model(this).toLog(result));
    }

    /** The rules {@code tool.driver.rules} lists, in order: see {@link #withAllRules}. */
    static List<RuleDescriptor> reportedRules(ScanResult result, List<Finding> all, boolean allRules) {
        Set<String> withResults = new java.util.HashSet<>();
        for (Finding f : all) {
            withResults.add(f.rule().id());
        }
        Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) {
            if (allRules || withResults.contains(d.id())) {
                rules.putIfAbsent(d.id(), d);
            }
        }
        // A finding whose rule was not listed still needs a rule entry, or ruleIndex would dangle.
        for (Finding f : all) {
            rules.putIfAbsent(f.rule().id(), f.rule());
        }
        return new ArrayList<>(rules.values());
    }

    /**
     * The log of a scan without results, written field by field in the order and layout that the model path gives
     * ({@link ReportJson#prettyPrinter()}, the model classes' property order, Jackson's string escapes).
     */
    private final class ResultlessLog {
        private final Writer out;
        private int depth;

        ResultlessLog(Writer out) {
            this.out = out;
        }

        void write(ScanResult result) throws IOException {
            out.write('{');
            field("$schema", SCHEMA, true);
            field("version", "2.1.0", false);
            name("runs", false);
            out.write('[');
            depth++;
            newline();
            out.write('{');
            name("tool", true);
            out.write('{');
            name("driver", true);
            out.write('{');
            field("name", TOOL_NAME, true);
            field("version", toolVersion, false);
            field("semanticVersion", toolVersion, false);
            field("informationUri", informationUri.toString(), false);
            name("rules", false);
            out.write("[]");
            close('}');
            close('}');
            name("invocations", false);
            out.write('[');
            depth++;
            newline();
            out.write('{');
            name("toolExecutionNotifications", true);
            out.write('[');
            List<ScanWarning> warnings = result.warnings();
            if (!warnings.isEmpty()) {
                depth++;
                for (int i = 0; i < warnings.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    newline();
                    notification(warnings.get(i));
                }
                close(']');
            } else {
                out.write(']');
            }
            name("executionSuccessful", false);
            out.write("true");
            close('}');
            close(']');
            if (result.baseDir() != null) {
                name("originalUriBaseIds", false);
                out.write('{');
                name(SRCROOT, true);
                out.write('{');
                field("uri", baseUri(result), true);
                close('}');
                close('}');
            }
            name("results", false);
            out.write("[]");
            if (automationId != null) {
                name("automationDetails", false);
                out.write('{');
                field("id", automationId, true);
                close('}');
            }
            field("columnKind", "utf16CodeUnits", false);
            close('}');
            close(']');
            close('}');
        }

        private void notification(ScanWarning w) throws IOException {
            String text = notBlank(w.path()) ? w.path() + ": " + w.message() : w.message();
            out.write('{');
            if (notBlank(w.path())) {
                name("locations", true);
                out.write('[');
                depth++;
                newline();
                out.write('{');
                name("physicalLocation", true);
                out.write('{');
                name("artifactLocation", true);
                out.write('{');
                field("uri", relativeUri(w.path()), true);
                field("uriBaseId", SRCROOT, false);
                close('}');
                close('}');
                close('}');
                close(']');
                name("message", false);
            } else {
                name("message", true);
            }
            out.write('{');
            field("text", sentence(text), true);
            close('}');
            field("level", "warning", false);
            close('}');
        }

        /** A member's name: after the opening brace ({@code first}) or a comma, on its own indented line. */
        private void name(String name, boolean first) throws IOException {
            if (first) {
                depth++;
            } else {
                out.write(',');
            }
            newline();
            string(name);
            out.write(": ");
        }

        private void field(String name, String value, boolean first) throws IOException {
            name(name, first);
            string(value);
        }

        /** Ends the object or array opened one level up, on a line of its own. */
        private void close(char bracket) throws IOException {
            depth--;
            newline();
            out.write(bracket);
        }

        private void newline() throws IOException {
            out.write('\n');
            for (int i = 0; i < depth; i++) {
                out.write("  ");
            }
        }

        /** A JSON string as Jackson writes it: short escapes where JSON has them, else backslash-u for controls. */
        private void string(String s) throws IOException {
            out.write('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.write("\\\"");
                    case '\\' -> out.write("\\\\");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\t' -> out.write("\\t");
                    case '\b' -> out.write("\\b");
                    case '\f' -> out.write("\\f");
                    default -> {
                        if (c < 0x20) {
                            out.write("\\u00");
                            out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                            out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                        } else {
                            out.write(c);
                        }
                    }
                }
            }
            out.write('"');
        }
    }

    /** The SARIF object model (java-sarif classes and Jackson's data binding), loaded only for a log with results. */
    private static final class Model {
        static final ObjectWriter WRITER = mapper().writer(ReportJson.prettyPrinter());

        private final SarifWriter w;
        private final String helpUriBase;
        private final URI informationUri;
        private final String toolVersion;
        private final String automationId;

        Model(SarifWriter w) {
            this.w = w;
            this.helpUriBase = w.helpUriBase;
            this.informationUri = w.informationUri;
            this.toolVersion = w.toolVersion;
            this.automationId = w.automationId;
        }

        private SarifSchema210 toLog(ScanResult result) {
            List<Finding> all = new ArrayList<>(result.findings());
            all.addAll(result.suppressedFindings());
            List<RuleDescriptor> rules = reportedRules(result, all, w.allRules);
            Map<String, Integer> ruleIndex = new LinkedHashMap<>();
            for (RuleDescriptor d : rules) {
                ruleIndex.put(d.id(), ruleIndex.size());
            }

            Set<ReportingDescriptor> ruleModels = new LinkedHashSet<>();
            for (RuleDescriptor d : rules) {
                ruleModels.add(rule(d));
            }
            ToolComponent driver = new ToolComponent()
                    .withName(TOOL_NAME)
                    .withInformationUri(informationUri)
                    .withVersion(toolVersion)
                    .withSemanticVersion(toolVersion)
                    .withRules(ruleModels);

            List<Result> results = new ArrayList<>();
            for (Finding f : all) {
                results.add(result(f, ruleIndex.get(f.rule().id())));
            }

            List<Notification> notifications = new ArrayList<>();
            for (ScanWarning w : result.warnings()) {
                notifications.add(notification(w));
            }
            Invocation invocation = new Invocation()
                    .withExecutionSuccessful(true)
                    .withToolExecutionNotifications(notifications);

            Run run = new Run()
                    .withTool(new Tool().withDriver(driver))
                    .withInvocations(List.of(invocation))
                    .withResults(results)
                    .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
            if (automationId != null) {
                // GitHub code scanning's category: results of later runs with the same id replace these
                run.setAutomationDetails(new com.contrastsecurity.sarif.RunAutomationDetails().withId(automationId));
            }
            if (!artifacts.isEmpty()) {
                run.setArtifacts(new LinkedHashSet<>(artifacts));
            }
            if (result.baseDir() != null) {
                run.setOriginalUriBaseIds(new OriginalUriBaseIds()
                        .withAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(baseUri(result))));
            }
            return new SarifSchema210()
                    .with$schema(URI.create(SCHEMA))
                    .withVersion(SarifSchema210.Version._2_1_0)
                    .withRuns(List.of(run));
        }

        private ReportingDescriptor rule(RuleDescriptor d) {
            PropertyBag properties = new PropertyBag().withTags(tags(d));
            properties.setAdditionalProperty("security-severity", String.format(Locale.ROOT, "%.1f",
                    d.securitySeverity()));
            properties.setAdditionalProperty("precision", "high");
            properties.setAdditionalProperty("problem.severity", problemSeverity(d.defaultSeverity()));
            ReportingDescriptor descriptor = new ReportingDescriptor();
            if (!d.aliases().isEmpty()) {
                // GitHub code scanning keeps the alerts of a renamed rule when the new rule lists the old id here
                descriptor.setDeprecatedIds(new LinkedHashSet<>(d.aliases()));
            }
            return descriptor
                    .withId(d.id())
                    .withName(d.name())
                    .withShortDescription(new MultiformatMessageString().withText(d.summary()))
                    .withFullDescription(new MultiformatMessageString().withText(d.description().strip()))
                    .withHelp(new MultiformatMessageString().withText(d.help()).withMarkdown(helpMarkdown(d)))
                    .withHelpUri(URI.create(helpUriBase + d.id() + ".md"))
                    .withDefaultConfiguration(new ReportingConfiguration()
                            .withLevel(ReportingConfiguration.Level.fromValue(d.defaultSeverity().sarifLevel()))
                            .withEnabled(null)
                            .withRank(null))
                    .withProperties(properties);
        }

        private static Set<String> tags(RuleDescriptor d) {
            Set<String> tags = new LinkedHashSet<>();
            tags.add("security");
            tags.add(d.tier().label());
            tags.addAll(d.tags());
            tags.add("external/cwe/" + d.cwe().toLowerCase(Locale.ROOT));
            return tags;
        }

        private static String problemSeverity(Severity severity) {
            return severity == Severity.NOTE ? "recommendation" : severity.sarifLevel();
        }

        private static String helpMarkdown(RuleDescriptor d) {
            return d.help().strip()
                    + "\n\n**Problem**\n\n" + fenced(d.bad())
                    + "\n\n**Instead**\n\n" + fenced(d.good())
                    + "\n";
        }

        /** A fenced code block whose fence is longer than any backtick run inside, so examples cannot break out. */
        private static String fenced(String code) {
            int longest = 0;
            int run = 0;
            for (int i = 0; i < code.length(); i++) {
                run = code.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            String fence = "`".repeat(Math.max(3, longest + 1));
            return fence + "\n" + code.strip() + "\n" + fence;
        }

        /**
         * The run's {@code artifacts}: only the archives that hold a finding's file and the files inside them, each
         * nested one pointing at its container with {@code parentIndex}; indexed by the chain up to it.
         */
        private final List<com.contrastsecurity.sarif.Artifact> artifacts = new ArrayList<>();
        private final Map<String, Integer> artifactIndex = new LinkedHashMap<>();

        /**
         * Where a finding's file is: a file of the tree relative to SRCROOT; a file inside a built artifact ({@code
         * target/app.jar!/BOOT-INF/classes/application.properties}) by its name inside the innermost archive and
         * the index of its {@code artifacts} entry, whose parents lead out to the archive in the tree.
         */
        private ArtifactLocation located(String path) {
            if (!path.contains("!/")) {
                return artifact(path);
            }
            String[] chain = path.split("!/", -1);
            Integer parent = null;
            String prefix = "";
            for (int i = 0; i < chain.length; i++) {
                prefix = i == 0 ? chain[0] : prefix + "!/" + chain[i];
                Integer index = artifactIndex.get(prefix);
                if (index == null) {
                    ArtifactLocation location = i == 0 ? artifact(chain[0])
                            : new ArtifactLocation().withUri(relativeUri(chain[i]));
                    com.contrastsecurity.sarif.Artifact a = new com.contrastsecurity.sarif.Artifact()
                            .withLocation(location);
                    if (parent != null) {
                        a.setParentIndex(parent);
                    }
                    if (i < chain.length - 1) {
                        a.setMimeType(containerType(chain[i]));
                    } else {
                        a.setRoles(Set.of(com.contrastsecurity.sarif.Role.ANALYSIS_TARGET));
                    }
                    index = artifacts.size();
                    artifacts.add(a);
                    artifactIndex.put(prefix, index);
                }
                parent = index;
            }
            return new ArtifactLocation().withUri(relativeUri(chain[chain.length - 1])).withIndex(parent);
        }

        private static String containerType(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.endsWith(".zip") ? "application/zip" : n.endsWith(".tar") ? "application/x-tar"
                    : n.endsWith(".gz") || n.endsWith(".tgz") ? "application/gzip" : "application/java-archive";
        }

        private Result result(Finding f, int index) {
            Remediation r = f.remediation();
            PhysicalLocation physical = new PhysicalLocation()
                    .withArtifactLocation(located(f.location().path()))
                    .withRegion(region(f));
            Result result = new Result()
                    .withRuleId(f.rule().id())
                    .withRuleIndex(index)
                    .withLevel(Result.Level.fromValue(f.severity().sarifLevel()))
                    .withMessage(new Message().withText(message(f)))
                    .withLocations(List.of(new Location().withPhysicalLocation(physical)))
                    .withKind(null)
                    .withRank(null);
            if (!f.related().isEmpty()) {
                // the places the message's "related" link points at: a module's resource that an argument configures
                java.util.Set<Location> related = new LinkedHashSet<>();
                int id = 1;
                for (Finding.Related rel : f.related()) {
                    related.add(new Location().withId(id++)
                            .withPhysicalLocation(new PhysicalLocation().withArtifactLocation(located(rel.location().path()))
                                    .withRegion(new Region().withStartLine(Math.max(1, rel.location().startLine()))))
                            .withMessage(new Message().withText(rel.message())));
                }
                result.setRelatedLocations(related);
            }
            if (notBlank(f.fingerprint())) {
                result.setPartialFingerprints(new PartialFingerprints()
                        .withAdditionalProperty(FINGERPRINT_KEY, f.fingerprint()));
            }
            PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(List.of(f.detector())));
            properties.setAdditionalProperty("tier", f.rule().tier().label());
            properties.setAdditionalProperty("detector", f.detector());
            if (notBlank(f.preview())) {
                properties.setAdditionalProperty("preview", f.preview());
            }
            properties.setAdditionalProperty("remediation", remediation(r));
            if (f.provenance() != null) {
                Map<String, Object> commit = new LinkedHashMap<>();
                commit.put("id", f.provenance().commit());
                commit.put("author", f.provenance().author());
                commit.put("email", f.provenance().email());
                commit.put("date", f.provenance().date().toString());
                commit.put("presentAtHead", f.provenance().presentAtHead());
                properties.setAdditionalProperty("commit", commit);
            }
            result.setProperties(properties);
            if (r.fix() != null && !r.fix().edits().isEmpty()) {
                List<com.contrastsecurity.sarif.Replacement> replacements = replacements(r.fix().edits());
                Set<com.contrastsecurity.sarif.ArtifactChange> changes = new LinkedHashSet<>();
                changes.add(new com.contrastsecurity.sarif.ArtifactChange()
                        .withArtifactLocation(artifact(f.location().path())).withReplacements(replacements));
                // and the other files the fix needs to build (the module's pom.xml that gets the dependency)
                for (dev.miscan.core.api.Fix.FileChange other : r.fix().changes()) {
                    changes.add(new com.contrastsecurity.sarif.ArtifactChange()
                            .withArtifactLocation(artifact(other.path())).withReplacements(replacements(other.edits())));
                }
                Set<com.contrastsecurity.sarif.Fix> fixes = new LinkedHashSet<>();
                fixes.add(new com.contrastsecurity.sarif.Fix()
                        .withDescription(new Message().withText(sentence(r.fix().description())))
                        .withArtifactChanges(changes));
                result.setFixes(fixes);
            }
            if (f.suppression() != null) {
                Set<com.contrastsecurity.sarif.Suppression> suppressions = new LinkedHashSet<>();
                suppressions.add(new com.contrastsecurity.sarif.Suppression()
                        .withKind(com.contrastsecurity.sarif.Suppression.Kind.fromValue(f.suppression().origin().sarifKind()))
                        .withStatus(com.contrastsecurity.sarif.Suppression.Status.ACCEPTED)
                        .withJustification(f.suppression().justification()));
                result.setSuppressions(suppressions);
            }
            return result;
        }

        private static List<com.contrastsecurity.sarif.Replacement> replacements(
                List<dev.miscan.core.api.Fix.Edit> edits) {
            List<com.contrastsecurity.sarif.Replacement> replacements = new ArrayList<>();
            for (dev.miscan.core.api.Fix.Edit e : edits) {
                replacements.add(new com.contrastsecurity.sarif.Replacement()
                        .withDeletedRegion(new Region().withStartLine(e.startLine()).withStartColumn(e.startColumn())
                                .withEndLine(e.endLine()).withEndColumn(e.endColumn()))
                        .withInsertedContent(new com.contrastsecurity.sarif.ArtifactContent().withText(e.text())));
            }
            return replacements;
        }

        private static Region region(Finding f) {
            dev.miscan.core.api.Location l = f.location();
            Region region = new Region().withStartLine(Math.max(1, l.startLine()));
            if (l.startColumn() >= 1) {
                region.setStartColumn(l.startColumn());
            }
            // SARIF requires the end not to precede the start; a malformed end is dropped, not invented.
            boolean endAfterStart = l.endLine() > l.startLine()
                    || (l.endLine() == l.startLine() && l.endColumn() >= Math.max(1, l.startColumn()));
            if (l.endLine() >= 1 && endAfterStart) {
                region.setEndLine(l.endLine());
                if (l.endColumn() >= 1 && l.startColumn() >= 1) {
                    region.setEndColumn(l.endColumn());
                }
            }
            if (notBlank(f.snippet())) {
                region.setSnippet(new ArtifactContent().withText(f.snippet()));
            }
            return region;
        }

        private static Map<String, Object> remediation(Remediation r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", r.service());
            m.put("target", r.target());
            m.put("summary", r.summary());
            m.put("language", r.language());
            m.put("replacement", r.replacement());
            m.put("dependency", r.dependency());
            List<Map<String, String>> roles = new ArrayList<>();
            r.roles().forEach(role -> {
                Map<String, String> rm = new LinkedHashMap<>();
                rm.put("name", role.name());
                rm.put("id", role.id());
                roles.add(rm);
            });
            m.put("roles", roles);
            m.put("scope", r.scope());
            m.put("commands", r.commands());
            return m;
        }

        private static Notification notification(ScanWarning w) {
            String text = notBlank(w.path()) ? w.path() + ": " + w.message() : w.message();
            Notification n = new Notification()
                    .withLevel(Notification.Level.WARNING)
                    .withMessage(new Message().withText(sentence(text)));
            if (notBlank(w.path())) {
                Set<Location> locations = new LinkedHashSet<>();
                locations.add(new Location().withPhysicalLocation(
                        new PhysicalLocation().withArtifactLocation(artifact(w.path()))));
                n.setLocations(locations);
            }
            return n;
        }

        private static ArtifactLocation artifact(String path) {
            return new ArtifactLocation().withUri(relativeUri(path)).withUriBaseId(SRCROOT);
        }

        private static ObjectMapper mapper() {
            ObjectMapper mapper = new ObjectMapper();
            mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.NON_EMPTY));
            // The model classes omit values equal to their defaults; a result's level must always be written,
            // because an absent level means the rule's default, which a severity override may differ from.
            mapper.addMixIn(Result.class, AlwaysWriteDefaults.class);
            mapper.addMixIn(Notification.class, AlwaysWriteDefaults.class);
            mapper.addMixIn(ReportingConfiguration.class, AlwaysWriteDefaults.class);
            mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            return mapper;
        }

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        private abstract static class AlwaysWriteDefaults {
        }
    }

    /** What a finding says, with what to do instead (and, for a secret gone from HEAD, that it is still in the history). */
    static String message(Finding f) {
        String message = notBlank(f.message()) ? f.message() : f.rule().summary();
        String fix = f.remediation().summary();
        String text = notBlank(fix) ? sentence(message) + " " + sentence(fix) : sentence(message);
        if (f.location().path().contains("!/")) {
            // viewers that do not follow the run's artifacts still show which built artifact holds it
            text += " Found inside a built artifact: " + f.location().path() + ".";
        }
        if (f.provenance() != null && !f.provenance().presentAtHead()) {
            text += " Added in commit " + f.provenance().shortCommit()
                    + " and removed since, but still in the history: rotate it.";
        }
        return text;
    }

    private static String baseUri(ScanResult result) {
        String uri = result.baseDir().toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /**
     * A relative URI reference for a {@code /}-separated path: every byte outside RFC 3986's unreserved
     * and sub-delimiter characters (plus {@code @} and {@code /}) is percent-encoded as UTF-8. The colon is
     * encoded too, because in a relative reference it would read as a scheme.
     */
    private static String relativeUri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        StringBuilder sb = new StringBuilder(p.length() + 16);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUriSafe(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isUriSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }

    /** SARIF viewers (and the Multitool's SARIF2001) expect every message to be a full sentence. */
    static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

}
