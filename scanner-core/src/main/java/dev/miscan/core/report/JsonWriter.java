package dev.miscan.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Provenance;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Suppression;
import dev.miscan.core.engine.ScanResult;
import dev.miscan.core.source.ScanWarning;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a scan as mi-scan's own JSON format, for scripts and dashboards that do not want SARIF.
 *
 * <h2>Format (version 1)</h2>
 *
 * The JSON Schema (draft 2020-12) of this format is {@code docs/report.schema.json}; the build validates real
 * reports against it.
 *
 * The document is one object; its keys always appear, in this order. A string that has no value is
 * {@code ""}, never {@code null}; a list that has no items is {@code []}. New keys may be added in later
 * versions; existing keys keep their name, type and meaning while {@code formatVersion} stays 1.
 *
 * <pre>
 * {
 *   "tool": "mi-scan",
 *   "version": "0.1.0",                    mi-scan version that wrote the file
 *   "formatVersion": 1,                     version of this format
 *   "baseDir": "/home/me/app",              what paths are relative to: the repository root (else the scanned directory)
 *   "summary": {
 *     "filesScanned": 42,                   files read and scanned
 *     "filesSkipped": 1,                    files not scanned (see warnings with "skipped": true)
 *     "filesBinary": 3,                     binary files (images, fonts, archives…): not scanned, no warning
 *     "findings": 3,                        length of "findings"
 *     "bySeverity": {"error": 2, "warning": 1, "note": 0},   every level is present
 *     "suppressed": 0,                      findings silenced (listed in "suppressedFindings")
 *     "suppressedBy": {"inline": 0, "config": 0, "baseline": 0}   every origin is present
 *   },
 *   "findings": [                           ordered by path, line, column, rule id
 *     {
 *       "ruleId": "MI-STORAGE-CONNSTR",     permanent rule id
 *       "ruleName": "storage-connection-string",   kebab-case rule name
 *       "tier": "secret",                   secret | key-based-auth | hardening
 *       "detector": "config",               value | config | java | iac | script (what found it)
 *       "severity": "error",                error | warning | note
 *       "message": "...",                   one sentence, never containing the secret
 *       "path": "src/main/resources/application.properties",   relative to baseDir, "/"-separated
 *       "startLine": 3, "startColumn": 40,  1-based; columns count UTF-16 code units
 *       "endLine": 3, "endColumn": 128,     end column is exclusive
 *       "snippet": "...",                   the source line with the secret redacted
 *       "preview": "Zm9v…(88 chars)",       redacted rendering of the secret
 *       "fingerprint": "...",               stable id (no line number) for baselines and suppressions: rule,
 *                                           path, keyed digest of the secret (the baseline's salt, else the
 *                                           default one), occurrence; as SARIF's miScanFingerprint/v2
 *       "remediation": {
 *         "service": "Azure Blob Storage",
 *         "target": "mystorage",            the concrete resource, when known
 *         "summary": "...",                 one sentence: what to do instead
 *         "language": "java",               language of "replacement"
 *         "replacement": "...",             code or configuration to use instead
 *         "dependency": "com.azure:azure-identity",   Maven coordinates to add
 *         "roles": [{"name": "Storage Blob Data Contributor", "id": "ba92f5b4-..."}],   narrowest first
 *         "scope": "/subscriptions/{subscription}/...",   role-assignment scope
 *         "commands": ["az role assignment create ..."],   az commands that grant access
 *         "access": "...",                  what the code was seen doing with the client (chose the roles), or ""
 *         "fixable": true,                  whether mi-scan fix changes it
 *         "fixAlsoChanges": ["pom.xml"]     only when its fix edits other files too: the build file that gets
 *                                           the dependency the fixed code needs
 *       },
 *       "related": [{"path": "...", "startLine": 4, "message": "..."}],   only when the finding has related
 *                                           locations (a module's resource that a caller's argument reaches)
 *       "commit": {                         only for a finding read from a commit (history, --since, --diff):
 *                                           the commit that added it; absent otherwise
 *         "id": "0f3c…", "author": "", "email": "", "date": "2024-05-01T10:00:00Z",   date ISO-8601
 *         "presentAtHead": true             false: removed later, but still in the history (rotate it)
 *       }
 *     }
 *   ],
 *   "suppressedFindings": [                 same fields as "findings", plus:
 *     {..., "suppression": {
 *       "origin": "inline",                 inline (mi-scan:allow) | config (allow-list) | baseline
 *       "kind": "inSource",                 SARIF suppression kind: inSource | external
 *       "justification": "test fixture"}}   the reason given, or where the suppression comes from
 *   ],
 *   "warnings": [                           problems with inputs; the scan went on
 *     {"path": "big.bin", "message": "...", "skipped": true}
 *   ]
 * }
 * </pre>
 *
 * <p>The secret never appears: a finding holds only its redacted preview, a redacted snippet and a hash.
 */
public final class JsonWriter {
    public static final int FORMAT_VERSION = 1;

    private final String toolVersion;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private final ObjectWriter writer = mapper.writer(ReportJson.prettyPrinter());

    /** @param toolVersion the mi-scan version, written as {@code "version"} */
    public JsonWriter(String toolVersion) {
        this.toolVersion = toolVersion == null ? "" : toolVersion;
    }

    public void write(ScanResult result, Writer out) throws IOException {
        writer.writeValue(out, toTree(result));
        out.write('\n');
        out.flush();
    }

    private ObjectNode toTree(ScanResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", "mi-scan");
        root.put("version", toolVersion);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("baseDir", result.baseDir() == null ? "" : result.baseDir().toString());

        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        result.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        ObjectNode summary = root.putObject("summary");
        summary.put("filesScanned", result.filesScanned());
        summary.put("filesSkipped", result.filesSkipped());
        summary.put("filesBinary", result.filesBinary());
        summary.put("findings", result.findings().size());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        counts.forEach((s, n) -> bySeverity.put(s.sarifLevel(), n));
        summary.put("suppressed", result.suppressed());
        ObjectNode suppressedBy = summary.putObject("suppressedBy");
        for (Suppression.Origin origin : Suppression.Origin.values()) {
            suppressedBy.put(origin.label(), result.suppressedFindings().stream()
                    .filter(f -> f.suppression() != null && f.suppression().origin() == origin).count());
        }

        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(f -> finding(findings.addObject(), f));

        ArrayNode suppressedFindings = root.putArray("suppressedFindings");
        for (Finding f : result.suppressedFindings()) {
            ObjectNode node = suppressedFindings.addObject();
            finding(node, f);
            ObjectNode s = node.putObject("suppression");
            s.put("origin", f.suppression() == null ? "" : f.suppression().origin().label());
            s.put("kind", f.suppression() == null ? "" : f.suppression().origin().sarifKind());
            s.put("justification", f.suppression() == null ? "" : text(f.suppression().justification()));
        }

        ArrayNode warnings = root.putArray("warnings");
        for (ScanWarning w : result.warnings()) {
            ObjectNode node = warnings.addObject();
            node.put("path", text(w.path()));
            node.put("message", text(w.message()));
            node.put("skipped", w.skipped());
        }
        return root;
    }

    private static void finding(ObjectNode node, Finding f) {
        Location l = f.location();
        node.put("ruleId", f.rule().id());
        node.put("ruleName", f.rule().name());
        node.put("tier", f.rule().tier().label());
        node.put("detector", f.detector());
        node.put("severity", f.severity().sarifLevel());
        node.put("message", text(f.message()));
        node.put("path", text(l.path()));
        node.put("startLine", l.startLine());
        node.put("startColumn", l.startColumn());
        node.put("endLine", l.endLine());
        node.put("endColumn", l.endColumn());
        node.put("snippet", text(f.snippet()));
        node.put("preview", text(f.preview()));
        node.put("fingerprint", text(f.fingerprint()));
        if (!f.related().isEmpty()) {
            ArrayNode related = node.putArray("related");
            for (Finding.Related r : f.related()) {
                related.addObject().put("path", text(r.location().path())).put("startLine", r.location().startLine())
                        .put("message", text(r.message()));
            }
        }

        Remediation r = f.remediation();
        ObjectNode rem = node.putObject("remediation");
        rem.put("service", text(r.service()));
        rem.put("target", text(r.target()));
        rem.put("summary", text(r.summary()));
        rem.put("language", text(r.language()));
        rem.put("replacement", text(r.replacement()));
        rem.put("dependency", text(r.dependency()));
        ArrayNode roles = rem.putArray("roles");
        for (Role role : r.roles()) {
            roles.addObject().put("name", text(role.name())).put("id", text(role.id()));
        }
        rem.put("scope", text(r.scope()));
        ArrayNode commands = rem.putArray("commands");
        r.commands().forEach(c -> commands.add(text(c)));
        rem.put("access", text(r.access()));
        rem.put("fixable", r.fix() != null);
        if (r.fix() != null && !r.fix().changes().isEmpty()) {
            ArrayNode also = rem.putArray("fixAlsoChanges");
            r.fix().changes().stream().map(c -> c.path()).distinct().forEach(also::add);
        }

        Provenance p = f.provenance();
        if (p != null) {
            ObjectNode commit = node.putObject("commit");
            commit.put("id", text(p.commit()));
            commit.put("author", text(p.author()));
            commit.put("email", text(p.email()));
            commit.put("date", p.date() == null ? "" : p.date().toString());
            commit.put("presentAtHead", p.presentAtHead());
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
