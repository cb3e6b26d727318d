package dev.miscan.rules.workflow;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.config.ConfigEntry;
import dev.miscan.core.parse.config.ConfigView;
import dev.miscan.rules.support.Remedies;
import dev.miscan.rules.support.CredentialValues;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;

@DetectorInfo(
        rules = {"MI-WORKFLOW-AZURE-LOGIN-CREDS", "MI-ID-CLIENT-SECRET"},
        keywords = {"azure/login"},
        precedence = 40,
        kind = "script")
public final class AzureLoginCredsRule extends Detector {
    private static final Pattern CLIENT_SECRET = Pattern.compile("\"clientSecret\"\\s*:\\s*\"([^\"]{1,200})\"");

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
                    Matcher secret = CLIENT_SECRET.matcher(e.value());
                    if (secret.find() && !CredentialValues.isReference(secret.group(1))
                            && CredentialValues.isPlausiblePassword(secret.group(1)) && e.valueOffset() >= 0) {
                        int at = doc.text().indexOf(secret.group(1), e.valueOffset());
                        if (at >= 0) {
                            // the secret itself is written here: a leaked credential, not only key-based auth
                            report(doc, sink, "MI-ID-CLIENT-SECRET", at, secret.group(1), "Client secret of the"
                                    + " service principal in azure/login's creds: anyone who reads the workflow has it.",
                                    exampleRemediation());
                            continue;
                        }
                    }
                    report(doc, sink, e.keyOffset(), e.value().strip(), "azure/login signs in with a"
                            + " service-principal secret ('creds'); use OpenID Connect federation instead.",
                            exampleRemediation());
                }
            }
        }
    }
}
