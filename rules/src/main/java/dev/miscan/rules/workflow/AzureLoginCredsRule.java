package dev.miscan.rules.workflow;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.rules.support.Remedies;
import java.util.List;
import java.util.Locale;

@DetectorInfo(
        rules = "MI-WORKFLOW-AZURE-LOGIN-CREDS",
        keywords = {"azure/login"},
        precedence = 40,
        kind = "script")
public final class AzureLoginCredsRule extends Detector {

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
