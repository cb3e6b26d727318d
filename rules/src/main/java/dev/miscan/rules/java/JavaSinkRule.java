package dev.miscan.rules.java;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.engine.ConstantIndex;
import dev.miscan.core.parse.Document;

/**
 * A rule over the Java sink analysis ({@link JavaSinks}): it reports the analysis' findings that carry its
 * id. A secret defined in another file of the scan (a constant that reaches a sink here) is reported at
 * its definition, through the scan's {@link ConstantIndex}.
 */
abstract class JavaSinkRule extends Rule {
    private final SinkFamily family;

    JavaSinkRule(SinkFamily family) {
        this.family = family;
    }

    @Override
    public Remediation exampleRemediation() {
        JavaSinks.Target t = new JavaSinks.Target();
        if (descriptor().id().equals(SinkFamily.KEY_VAULT_SECRET_RULE)) {
            return JavaRemedies.keyVault(t);
        }
        return JavaRemedies.of(family, t);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        if (doc.derived() || !doc.extension().equals("java")) {
            return;
        }
        String id = descriptor().id();
        for (JavaSinks.Found f : doc.view(JavaSinks.VIEW)) {
            if (!f.ruleId().equals(id)) {
                continue;
            }
            if (f.path().equals(doc.path())) {
                report(doc, sink, f.offset(), f.secret(), f.message(), f.remediation());
            } else {
                ConstantIndex index = doc.view(ConstantIndex.VIEW);
                index.document(f.path()).ifPresent(definition -> report(definition,
                        index.definitionSink(f.path()), f.offset(), f.secret(), f.message(), f.remediation()));
            }
        }
    }
}
