package dev.miscan.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

    /**
     * Jackson's streaming generator, not its data binding: the report is written field by field in the order above
     * (a tree of nodes and an object mapper cost a new JVM some 15 ms of class initialisation, after the scan).
     */
    private static final JsonFactory FACTORY = new JsonFactory().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET,
            false);

    private final String toolVersion;

    /** @param toolVersion the mi-scan version, written as {@code "version"} */
    public JsonWriter(String toolVersion) {
        this.toolVersion = toolVersion == null ? "" : toolVersion;
    }

    public void write(ScanResult result, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(ReportJson.prettyPrinter());
            write(result, g);
        }
        out.write('\n');
        out.flush();
    }

    private void write(ScanResult result, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("tool", "mi-scan");
        g.writeStringField("version", toolVersion);
        g.writeNumberField("formatVersion", FORMAT_VERSION);
        g.writeStringField("baseDir", result.baseDir() == null ? "" : result.baseDir().toString());

        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        result.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        g.writeObjectFieldStart("summary");
        g.writeNumberField("filesScanned", result.filesScanned());
        g.writeNumberField("filesSkipped", result.filesSkipped());
        g.writeNumberField("filesBinary", result.filesBinary());
        g.writeNumberField("findings", result.findings().size());
        g.writeObjectFieldStart("bySeverity");
        for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
            g.writeNumberField(e.getKey().sarifLevel(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("suppressed", result.suppressed());
        g.writeObjectFieldStart("suppressedBy");
        for (Suppression.Origin origin : Suppression.Origin.values()) {
            g.writeNumberField(origin.label(), result.suppressedFindings().stream()
                    .filter(f -> f.suppression() != null && f.suppression().origin() == origin).count());
        }
        g.writeEndObject();
        g.writeEndObject();

        g.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            g.writeStartObject();
            finding(g, f);
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("suppressedFindings");
        for (Finding f : result.suppressedFindings()) {
            g.writeStartObject();
            finding(g, f);
            g.writeObjectFieldStart("suppression");
            g.writeStringField("origin", f.suppression() == null ? "" : f.suppression().origin().label());
            g.writeStringField("kind", f.suppression() == null ? "" : f.suppression().origin().sarifKind());
            g.writeStringField("justification", f.suppression() == null ? "" : text(f.suppression().justification()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("warnings");
        for (ScanWarning w : result.warnings()) {
            g.writeStartObject();
            g.writeStringField("path", text(w.path()));
            g.writeStringField("message", text(w.message()));
            g.writeBooleanField("skipped", w.skipped());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        Location l = f.location();
        g.writeStringField("ruleId", f.rule().id());
        g.writeStringField("ruleName", f.rule().name());
        g.writeStringField("tier", f.rule().tier().label());
        g.writeStringField("detector", f.detector());
        g.writeStringField("severity", f.severity().sarifLevel());
        g.writeStringField("message", text(f.message()));
        g.writeStringField("path", text(l.path()));
        g.writeNumberField("startLine", l.startLine());
        g.writeNumberField("startColumn", l.startColumn());
        g.writeNumberField("endLine", l.endLine());
        g.writeNumberField("endColumn", l.endColumn());
        g.writeStringField("snippet", text(f.snippet()));
        g.writeStringField("preview", text(f.preview()));
        g.writeStringField("fingerprint", text(f.fingerprint()));
        if (!f.related().isEmpty()) {
            g.writeArrayFieldStart("related");
            for (Finding.Related r : f.related()) {
                g.writeStartObject();
                g.writeStringField("path", text(r.location().path()));
                g.writeNumberField("startLine", r.location().startLine());
                g.writeStringField("message", text(r.message()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        Remediation r = f.remediation();
        g.writeObjectFieldStart("remediation");
        g.writeStringField("service", text(r.service()));
        g.writeStringField("target", text(r.target()));
        g.writeStringField("summary", text(r.summary()));
        g.writeStringField("language", text(r.language()));
        g.writeStringField("replacement", text(r.replacement()));
        g.writeStringField("dependency", text(r.dependency()));
        g.writeArrayFieldStart("roles");
        for (Role role : r.roles()) {
            g.writeStartObject();
            g.writeStringField("name", text(role.name()));
            g.writeStringField("id", text(role.id()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("scope", text(r.scope()));
        g.writeArrayFieldStart("commands");
        for (String c : r.commands()) {
            g.writeString(text(c));
        }
        g.writeEndArray();
        g.writeStringField("access", text(r.access()));
        g.writeBooleanField("fixable", r.fix() != null);
        if (r.fix() != null && !r.fix().changes().isEmpty()) {
            g.writeArrayFieldStart("fixAlsoChanges");
            for (String path : r.fix().changes().stream().map(c -> c.path()).distinct().toList()) {
                g.writeString(path);
            }
            g.writeEndArray();
        }
        g.writeEndObject();

        Provenance p = f.provenance();
        if (p != null) {
            g.writeObjectFieldStart("commit");
            g.writeStringField("id", text(p.commit()));
            g.writeStringField("author", text(p.author()));
            g.writeStringField("email", text(p.email()));
            g.writeStringField("date", p.date() == null ? "" : p.date().toString());
            g.writeBooleanField("presentAtHead", p.presentAtHead());
            g.writeEndObject();
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
