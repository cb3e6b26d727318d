package dev.miscan.rules.iac;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;

@RuleInfo(
        id = "MI-IAC-SECRET-PARAMETER-VALUE",
        name = "iac-secret-parameter-value",
        tier = Tier.SECRET,
        summary = "Secret literal in an IaC parameters file",
        description = "A `.bicepparam` file, a Terraform `.tfvars` file or an ARM parameters file"
                + " (`azuredeploy.parameters.json`) that sets a password, secret, key, token or connection-string"
                + " parameter to a literal keeps the secret in the repository (Bicep"
                + " `secure-params-in-parameters-file`). Key Vault references (`az.getSecret()`, ARM `reference`),"
                + " `readEnvironmentVariable()` and placeholders are not reported; connection strings are left to the"
                + " value rules.",
        help = "Reference the secret in Key Vault instead (`param x = az.getSecret(…)`, an ARM `reference` to the"
                + " vault, `TF_VAR_…` from a pipeline secret) or, better, remove it with Managed Identity; rotate it.",
        bad = "param sqlAdminPassword = '<literal>'",
        good = "param sqlAdminPassword = az.getSecret('<subscription-id>', '<resource-group>', '<vault>', 'sql-admin-password')",
        securitySeverity = "7.5",
        tags = {"iac-parameters", "parameters"},
        keywords = {"password", "passwd", "pwd", "secret", "key", "token", "connection", "sas", "credential"},
        precedence = 70)
public final class SecretParameterValueRule extends Rule {

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
