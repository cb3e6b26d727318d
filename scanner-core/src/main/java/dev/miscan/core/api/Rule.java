package dev.miscan.core.api;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.secrets.Redaction;

/**
 * A rule: one class, metadata in its {@link RuleInfo}, registered with {@link java.util.ServiceLoader}.
 * Rules are stateless and called concurrently for different documents. Findings are only created
 * through {@link #report}, which redacts and hashes the secret.
 */
public abstract class Rule {
    private final RuleDescriptor descriptor = RuleDescriptor.of(getClass());

    public final RuleDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The remediation this rule attaches, with placeholders where a finding would fill in the resource: used
     * by {@code explain}, the rule documentation and the test that compiles every Java snippet.
     */
    public abstract Remediation exampleRemediation();

    /** Reports every finding of this rule in {@code doc}. Called only when one of its keywords occurs. */
    public abstract void scan(Document doc, FindingSink sink);

    /**
     * Reports credential material {@code secret} that starts at {@code offset} in the document's text.
     * The message must not contain the secret.
     */
    protected final void report(Document doc, FindingSink sink, int offset, String secret, String message,
            Remediation remediation) {
        report(doc, sink, offset, secret, message, remediation, descriptor.defaultSeverity());
    }

    protected final void report(Document doc, FindingSink sink, int offset, String secret, String message,
            Remediation remediation, Severity severity) {
        LineIndex lines = doc.lines();
        int line = lines.lineOf(offset);
        int end = offset + secret.length();
        int endLine = lines.lineOf(Math.max(offset, end - 1));
        int first = doc.fragment().firstLine();
        Location location = new Location(doc.path(), first + line, offset - lines.lineStart(line) + 1,
                first + endLine, end - lines.lineStart(endLine) + 1);
        sink.accept(new Finding(descriptor, severity, Redaction.redact(message, secret), location, null,
                Redaction.preview(secret), Redaction.sha256(secret), null, remediation), secret);
    }
}
