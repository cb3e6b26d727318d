package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;

@DetectorInfo(
        rules = "MI-IAC-SECRET-PARAMETER-DEFAULT",
        keywords = {"secure", "sensitive", "password", "passwd", "pwd", "secret", "key", "token", "connection", "sas", "credential"},
        precedence = 70,
        kind = "iac")
public final class SecretParameterDefaultRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return SecretRemedies.parameter(IacRemedies.EXAMPLE, "adminPassword");
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate root = IacFindings.template(doc);
        if (root.format().isParametersFile()) {
            return;
        }
        for (IacTemplate t : root.allTemplates()) {
            for (IacTemplate.Parameter p : t.parameters()) {
                boolean credential = p.secure() || CredentialNames.isCredentialName(p.name());
                check(doc, sink, t, p.defaultValue(), p.name(), credential,
                        (p.secure() ? "secure parameter '" : "parameter '") + p.name() + "'");
            }
            for (IacTemplate.Variable v : t.variables()) {
                check(doc, sink, t, v.value(), v.name(), CredentialNames.isCredentialName(v.name()),
                        (IacRemedies.terraform(t) ? "local '" : "variable '") + v.name() + "'");
            }
        }
    }

    private void check(Document doc, FindingSink sink, IacTemplate t, IacValue value, String name, boolean credential,
            String what) {
        if (value == null) {
            return;
        }
        if (value.isString()) {
            if (credential && CredentialNames.isSecretLiteral(value.text())) {
                report(doc, sink, value.start(), IacFindings.raw(doc, value), "Secret literal as the default of "
                        + what + ": everyone who can read the template has it.", SecretRemedies.parameter(t, name));
            }
            return;
        }
        if (value.isObject()) { // secureObject / object defaults: { password: '…' }
            for (IacProperty member : value.properties()) {
                IacValue v = member.value();
                if (v.isString() && CredentialNames.isCredentialName(member.name())
                        && CredentialNames.isSecretLiteral(v.text())) {
                    report(doc, sink, v.start(), IacFindings.raw(doc, v), "Secret literal in '" + member.name()
                            + "' of the default of " + what + ": everyone who can read the template has it.",
                            SecretRemedies.parameter(t, name));
                }
            }
        }
    }
}
