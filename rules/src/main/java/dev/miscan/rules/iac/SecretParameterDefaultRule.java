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
        id = "MI-IAC-SECRET-PARAMETER-DEFAULT",
        name = "iac-secret-parameter-default",
        tier = Tier.SECRET,
        summary = "Secret literal as the default of an IaC parameter or variable",
        description = "A literal default of a secure parameter (Bicep `@secure()`, ARM `secureString`/`secureObject`,"
                + " Terraform `sensitive = true`), or of a parameter, variable or local whose name says it holds a"
                + " password, secret, key, token or connection string, is in the template for everyone who can read"
                + " the repository, and is deployed wherever the parameter is not given (Bicep"
                + " `secure-parameter-default`, Checkov CKV_AZURE_131). Placeholders, empty defaults and"
                + " `newGuid()` are not reported; connection strings are left to the value rules, which validate the"
                + " key inside them.",
        help = "Remove the default and the secret: where Managed Identity can replace it (a database, a storage or"
                + " messaging key, a client secret) use the identity; otherwise pass it at deploy time from Key Vault"
                + " (`az.getSecret()` in a `.bicepparam`, a Key Vault `reference` in an ARM parameters file,"
                + " `TF_VAR_…` from a pipeline secret) and rotate it.",
        bad = "@secure()\nparam adminPassword string = '<literal>'",
        good = "@secure()\nparam adminPassword string",
        securitySeverity = "7.5",
        tags = {"iac", "parameters"},
        keywords = {"secure", "sensitive", "password", "passwd", "pwd", "secret", "key", "token", "connection", "sas",
            "credential"},
        precedence = 70)
public final class SecretParameterDefaultRule extends Rule {

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
