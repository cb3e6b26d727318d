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
        rules = "MI-IAC-SECRET-PARAMETER-VALUE",
        keywords = {"password", "passwd", "pwd", "secret", "key", "token", "connection", "sas", "credential"},
        precedence = 70,
        kind = "iac")
public final class SecretParameterValueRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return SecretRemedies.parameterValue(IacTemplate.empty(IacTemplate.Format.BICEP_PARAMS), "sqlAdminPassword");
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate t = IacFindings.template(doc);
        if (!t.format().isParametersFile()) {
            return;
        }
        for (IacTemplate.Assignment a : t.assignments()) {
            check(doc, sink, t, a.name(), a.name(), a.value(), 0);
        }
    }

    private void check(Document doc, FindingSink sink, IacTemplate t, String parameter, String name, IacValue v,
            int depth) {
        if (v == null || depth > 4) {
            return;
        }
        if (v.isString()) {
            if (CredentialNames.isCredentialName(name) && CredentialNames.isSecretLiteral(v.text())) {
                report(doc, sink, v.start(), IacFindings.raw(doc, v), "Secret literal for parameter '" + parameter
                        + "'" + (name.equals(parameter) ? "" : " ('" + name + "')") + " in a parameters file.",
                        SecretRemedies.parameterValue(t, parameter));
            }
        } else if (v.isObject()) { // tfvars maps and object parameters: { DB_PASSWORD = "…" }
            for (IacProperty p : v.properties()) {
                check(doc, sink, t, parameter, p.name(), p.value(), depth + 1);
            }
        }
    }
}
