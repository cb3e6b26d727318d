package dev.miscan.core.api;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.secrets.Redaction;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds credentials in a document and reports them under the rules it names in its {@link DetectorInfo}
 * (value shapes, configuration slots, Java sinks, IaC tables). Registered with
 * {@link java.util.ServiceLoader}; the registry binds it to the rules before the first scan. Detectors are
 * stateless and called concurrently for different documents. Findings are only created through
 * {@link #report}, which redacts and hashes the secret; their level is the rule's tier's.
 */
public abstract class Detector {
    private final DetectorInfo info;
    private volatile Map<String, RuleDescriptor> rules;

    protected Detector() {
        info = getClass().getAnnotation(DetectorInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " has no @DetectorInfo");
        }
    }

    /**
     * The ids of the rules this detector reports under, its own rule first: those of its {@link DetectorInfo}; a
     * detector driven by data adds the rules the data names.
     */
    public List<String> ruleIds() {
        return List.of(info.rules());
    }

    /** The id of this detector's own rule, the first it names. */
    public final String ruleId() {
        return ruleIds().get(0);
    }

    /**
     * Lower-case literals of which at least one must occur in a file for this detector to run: those of its
     * {@link DetectorInfo}; a detector driven by data derives them from the data.
     */
    public List<String> keywords() {
        return List.of(info.keywords());
    }

    public final int precedence() {
        return info.precedence();
    }

    /** Called once by the registry: the rules this detector reports under, by id. */
    public final void bind(Map<String, RuleDescriptor> byId) {
        rules = Map.copyOf(byId);
    }

    /** The rule {@code id}, which this detector must name in its {@link DetectorInfo}. */
    protected final RuleDescriptor rule(String id) {
        Map<String, RuleDescriptor> bound = rules;
        if (bound == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not registered: load it with RuleRegistry");
        }
        return Objects.requireNonNull(bound.get(id), () -> getClass().getSimpleName() + " does not report " + id);
    }

    /** The id of the key-based-authentication rule of secret rule {@code id}, or "" when it has none. */
    protected final String keyAuthOf(String id) {
        return rule(id).keyAuth();
    }

    /**
     * The remediation rule {@code ruleId} attaches, with placeholders where a finding would fill in the
     * resource: used by {@code explain}, the rule documentation and the test that compiles every Java snippet.
     */
    public Remediation exampleRemediation(String ruleId) {
        return exampleRemediation();
    }

    /** The remediation of this detector's findings, with placeholders for the resource. */
    public abstract Remediation exampleRemediation();

    /** Reports every finding of this detector in {@code doc}. Called only when one of its keywords occurs. */
    public abstract void scan(Document doc, FindingSink sink);

    /**
     * Reports credential material {@code secret} that starts at {@code offset} in the document's text under
     * this detector's own rule. The message must not contain the secret.
     */
    protected final void report(Document doc, FindingSink sink, int offset, String secret, String message,
            Remediation remediation) {
        report(doc, sink, ruleId(), offset, secret, message, remediation);
    }

    /** As above, under rule {@code ruleId}, one of the rules this detector names. */
    protected final void report(Document doc, FindingSink sink, String ruleId, int offset, String secret,
            String message, Remediation remediation) {
        report(doc, sink, ruleId, info.kind(), offset, secret, message, remediation);
    }

    /** As above, found by a detector of kind {@code kind} (a value detector reading a configuration slot). */
    protected final void report(Document doc, FindingSink sink, String ruleId, String kind, int offset,
            String secret, String message, Remediation remediation) {
        report(doc, sink, ruleId, kind, offset, secret, message, remediation, List.of());
    }

    /** As above, with other places the result involves (in this file or another). */
    protected final void report(Document doc, FindingSink sink, String ruleId, String kind, int offset,
            String secret, String message, Remediation remediation, List<Finding.Related> related) {
        RuleDescriptor rule = rule(ruleId);
        LineIndex lines = doc.lines();
        int line = lines.lineOf(offset);
        int end = offset + secret.length();
        int endLine = lines.lineOf(Math.max(offset, end - 1));
        int first = doc.fragment().firstLine();
        Location location = new Location(doc.path(), first + line, offset - lines.lineStart(line) + 1,
                first + endLine, end - lines.lineStart(endLine) + 1);
        String redacted = Redaction.redact(message, secret);
        // a finding without a mechanical fix says why a person is needed; the front ends only print it
        Remediation withReason = remediation.fix() != null || !remediation.manual().isEmpty() ? remediation
                : remediation.withManual(Remediation.whyManual(rule, doc.path(), redacted));
        sink.accept(new Finding(rule, rule.defaultSeverity(), redacted, location, null,
                Redaction.preview(secret), Redaction.sha256(secret), null, withReason, null, null, kind, related), secret);
    }
}
