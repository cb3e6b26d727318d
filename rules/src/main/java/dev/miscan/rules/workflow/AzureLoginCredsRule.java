package dev.miscan.rules.workflow;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.rules.support.Remedies;
import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "MI-WORKFLOW-AZURE-LOGIN-CREDS",
        name = "github-azure-login-client-secret",
        tier = Tier.KEY_BASED_AUTH,
        summary = "GitHub Actions azure/login with a service-principal secret",
        description = "`azure/login` with `creds:` signs in with a service principal's client secret stored in the"
                + " repository's secrets: a long-lived credential that anyone who can change a workflow can read."
                + " GitHub's OpenID Connect token lets the workflow sign in without any secret.",
        help = "Add a federated credential for the repository to the app registration (or a user-assigned"
                + " managed identity), give the job `permissions: id-token: write`, replace `creds:` with"
                + " `client-id`, `tenant-id` and `subscription-id`, then delete the client secret.",
        bad = "- uses: azure/login@v2\n  with:\n    creds: ${{ secrets.AZURE_CREDENTIALS }}",
        good = "- uses: azure/login@v2\n  with:\n    client-id: ${{ secrets.AZURE_CLIENT_ID }}\n    tenant-id: ${{ secrets.AZURE_TENANT_ID }}\n    subscription-id: ${{ secrets.AZURE_SUBSCRIPTION_ID }}",
        securitySeverity = "6.5",
        tags = {"github-actions", "entra-id", "config"},
        keywords = {"azure/login"},
        precedence = 40)
public final class AzureLoginCredsRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.githubOidc();
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        if (ConfigView.formatOf(doc) != ConfigView.Format.YAML) {
            return;
        }
        List<ConfigEntry> entries = doc.view(ConfigView.ENTRIES);
        for (ConfigEntry uses : entries) {
            if (!uses.key().endsWith(".uses") || uses.value() == null
                    || !uses.value().toLowerCase(Locale.ROOT).startsWith("azure/login@")) {
                continue;
            }
            String step = uses.key().substring(0, uses.key().length() - ".uses".length());
            for (ConfigEntry e : entries) {
                if (e.key().equals(step + ".with.creds") && e.value() != null && !e.value().isBlank()) {
                    report(doc, sink, e.keyOffset(), e.value().strip(), "azure/login signs in with a"
                            + " service-principal secret ('creds'); use OpenID Connect federation instead.",
                            exampleRemediation());
                }
            }
        }
    }
}
