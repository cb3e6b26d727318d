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
        keywords = {"password", "passwd", "pwd", "secret", "key", "token", "connection", "sas", "credential", "module"},
        precedence = 70,
        kind = "iac")
public final class SecretParameterValueRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return SecretRemedies.parameterValue(IacTemplate.empty(IacTemplate.Format.BICEP_PARAMS), "sqlAdminPassword");
    }

    /** Arguments of a Terraform module block that are not parameters of the module. */
    private static final java.util.Set<String> MODULE_META = java.util.Set.of("source", "version", "providers", "count",
            "for_each", "depends_on");

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate root = IacFindings.template(doc);
        if (root.format().isParametersFile()) {
            for (IacTemplate.Assignment a : root.assignments()) {
                check(doc, sink, root, a.name(), a.name(), a.value(), 0, false);
            }
            return;
        }
        // a module call passes parameter values too: params: { adminPassword: '…' }, module "x" { admin_password = "…" }
        for (IacTemplate t : root.allTemplates()) {
            for (IacTemplate.Module m : t.modules()) {
                if (m.body() == null || !m.body().isObject()) {
                    continue;
                }
                // a parameter the module (when it is in the scan) declares secure or sensitive holds a secret, whatever
                // its name
                java.util.Set<String> secure = new java.util.HashSet<>();
                for (var callee : doc.view(dev.miscan.core.parse.iac.IacModules.VIEW).sources(doc.path(), m.source())) {
                    callee.template().parameters().stream().filter(IacTemplate.Parameter::secure)
                            .forEach(p -> secure.add(p.name()));
                }
                IacValue params = m.body().get("params");
                if (params != null && params.isObject()) {
                    for (IacProperty p : params.properties()) {
                        check(doc, sink, t, p.name(), p.name(), p.value(), 0, secure.contains(p.name()));
                    }
                } else if (t.format().language().equals("terraform")) {
                    for (IacProperty p : m.body().properties()) {
                        if (!MODULE_META.contains(p.name())) {
                            check(doc, sink, t, p.name(), p.name(), p.value(), 0, secure.contains(p.name()));
                        }
                    }
                }
            }
        }
    }

    private void check(Document doc, FindingSink sink, IacTemplate t, String parameter, String name, IacValue v,
            int depth, boolean secure) {
        if (v == null || depth > 4) {
            return;
        }
        if (v.isString()) {
            if ((secure || CredentialNames.isCredentialName(name)) && CredentialNames.isSecretLiteral(v.text())) {
                report(doc, sink, v.start(), IacFindings.raw(doc, v), "Secret literal for "
                        + (secure ? "secure " : "") + "parameter '" + parameter
                        + "'" + (name.equals(parameter) ? "" : " ('" + name + "')")
                        + (t.format().isParametersFile() ? " in a parameters file." : " passed to a module."),
                        SecretRemedies.parameterValue(t, parameter));
            }
        } else if (v.isObject()) { // tfvars maps and object parameters: { DB_PASSWORD = "…" }
            for (IacProperty p : v.properties()) {
                check(doc, sink, t, parameter, p.name(), p.value(), depth + 1, false);
            }
        }
    }
}
