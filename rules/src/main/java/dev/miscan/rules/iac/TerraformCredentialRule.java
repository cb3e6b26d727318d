package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.script.ScriptRemedies;
import dev.miscan.rules.support.Remedies;
import java.util.List;

/**
 * How Terraform itself signs in: {@code provider "azurerm" { client_secret = … }}, and the azurerm state backend's
 * {@code access_key}/{@code client_secret}, in a {@code backend "azurerm"} block or a backend configuration file
 * ({@code -backend-config=…tfbackend|.hcl}, recognised by its {@code storage_account_name}). A literal is a leaked
 * credential; a variable is key-based authentication that OpenID Connect or a managed identity removes.
 */
@DetectorInfo(
        rules = {"MI-ID-CLIENT-SECRET", "MI-ID-CLIENT-SECRET-AUTH", "MI-STORAGE-SHAREDKEY", "MI-STORAGE-KEY-AUTH"},
        keywords = {"client_secret", "access_key"},
        precedence = 30,
        kind = "iac")
public final class TerraformCredentialRule extends Detector {

    @Override
    public Remediation exampleRemediation() {
        return ScriptRemedies.signIn("", true);
    }

    @Override
    public Remediation exampleRemediation(String ruleId) {
        return ruleId.startsWith("MI-STORAGE") ? backendRemediation(null) : exampleRemediation();
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate t = IacFindings.template(doc);
        if (t.format() == IacTemplate.Format.TFVARS) {
            // a backend configuration file: storage_account_name says it configures the azurerm backend
            if (t.assignments().stream().anyMatch(a -> a.name().equals("storage_account_name"))) {
                for (IacTemplate.Assignment a : t.assignments()) {
                    backendAttribute(doc, sink, t, a.name(), a.offset(), a.value(), nameOf(t));
                }
            }
            return;
        }
        for (IacTemplate.Resource r : t.resources()) {
            if (r.isType("provider:azurerm") && r.body() != null) {
                IacProperty p = r.body().property("client_secret");
                if (p != null) {
                    clientSecret(doc, sink, t, p.nameOffset(), p.value(), "provider \"azurerm\"");
                }
            } else if (r.isType("backend:azurerm") && r.body() != null) {
                IacValue account = r.body().get("storage_account_name");
                for (IacProperty p : r.body().properties()) {
                    backendAttribute(doc, sink, t, p.name(), p.nameOffset(), p.value(),
                            account != null && account.isString() ? account.text() : null);
                }
            }
        }
    }

    private static String nameOf(IacTemplate t) {
        for (IacTemplate.Assignment a : t.assignments()) {
            if (a.name().equals("storage_account_name") && a.value() != null && a.value().isString()) {
                return a.value().text();
            }
        }
        return null;
    }

    private void backendAttribute(Document doc, FindingSink sink, IacTemplate t, String name, int nameOffset,
            IacValue v, String account) {
        switch (name) {
            case "client_secret" -> clientSecret(doc, sink, t, nameOffset, v, "the azurerm state backend");
            case "access_key" -> {
                if (v == null) {
                    return;
                }
                if (v.isString()) {
                    if (KeyShapes.is64ByteKey(v.text()) && !KnownNonSecrets.isKnownNonSecret(v.text())) {
                        report(doc, sink, "MI-STORAGE-SHAREDKEY", v.start(), v.text(), "Storage account key of the"
                                + " Terraform state" + (account == null ? "" : " account '" + account + "'")
                                + ": it opens the state, with every secret Terraform wrote into it.",
                                backendRemediation(account));
                    }
                } else if (v.isExpression()) {
                    report(doc, sink, "MI-STORAGE-KEY-AUTH", nameOffset, IacFindings.raw(doc, v), "Key-based"
                            + " authentication: the Terraform state backend signs in with the account key.",
                            backendRemediation(account));
                }
            }
            default -> {
            }
        }
    }

    private void clientSecret(Document doc, FindingSink sink, IacTemplate t, int nameOffset, IacValue v, String where) {
        if (v == null) {
            return;
        }
        if (v.isString()) {
            if (CredentialNames.isSecretLiteral(v.text())) {
                report(doc, sink, "MI-ID-CLIENT-SECRET", v.start(), v.text(), "Client secret of the service principal"
                        + " " + where + " signs in with: anyone who reads the file has it.",
                        ScriptRemedies.signIn(doc.path(), true));
            }
        } else if (v.isExpression()) {
            report(doc, sink, "MI-ID-CLIENT-SECRET-AUTH", nameOffset, IacFindings.raw(doc, v), "Key-based"
                    + " authentication: " + where + " signs in with a service principal's client secret.",
                    ScriptRemedies.signIn(doc.path(), true));
        }
    }

    private static Remediation backendRemediation(String account) {
        Remediation base = Remedies.storage("storage-blob", account, null);
        return new Remediation(base.service(), base.target(), "Let the backend sign in with Microsoft Entra ID:"
                + " use_azuread_auth = true (with use_oidc = true in CI or use_msi = true on Azure), give that identity"
                + " Storage Blob Data Contributor on the state account, remove access_key and disallow Shared Key"
                + " access on the account.", "terraform", """
                terraform {
                  backend "azurerm" {
                    resource_group_name  = "<resource-group>"
                    storage_account_name = "%s"
                    container_name       = "tfstate"
                    key                  = "<state>.tfstate"
                    use_azuread_auth     = true
                    use_oidc             = true # in CI; use_msi = true on an Azure VM or agent
                  }
                }""".formatted(account == null ? "<account>" : account), "",
                List.of(dev.miscan.rules.support.AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR), base.scope(),
                base.commands());
    }
}
