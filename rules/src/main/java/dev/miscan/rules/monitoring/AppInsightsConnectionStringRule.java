package dev.miscan.rules.monitoring;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Severity;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.util.regex.Pattern;

@RuleInfo(
        id = "MI-APPINSIGHTS-CONNSTR",
        name = "application-insights-local-auth",
        tier = Tier.KEY_BASED_AUTH,
        severity = Severity.NOTE,
        summary = "Application Insights ingestion without Microsoft Entra authentication",
        description = "An Application Insights connection string or instrumentation key is not a secret (Microsoft:"
                + " \"not considered a security token or key\"), but without Entra-authenticated ingestion anyone who"
                + " has it can send telemetry to the resource. Reported as a note.",
        help = "Turn on Entra authentication in the Java agent (`applicationinsights.json`:"
                + " `\"authentication\": {\"enabled\": true, \"type\": \"SAMI\"}`), grant the identity **Monitoring"
                + " Metrics Publisher** on the Application Insights resource, then disable local authentication.",
        bad = "APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=<guid>;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        good = "\"authentication\": { \"enabled\": true, \"type\": \"SAMI\" }",
        securitySeverity = "3.1",
        tags = {"application-insights"},
        cwe = "CWE-306",
        keywords = {"instrumentationkey"},
        precedence = 10)
public final class AppInsightsConnectionStringRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.appInsights();
    }
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void scan(Document doc, FindingSink sink) {
        String text = doc.text();
        for (int at : doc.occurrences("instrumentationkey")) {
            int v = Contexts.valueStart(text, at + "instrumentationkey".length());
            if (v + 36 > text.length()) {
                continue;
            }
            String value = text.substring(v, v + 36);
            if (!GUID.matcher(value).matches() || value.startsWith("00000000-")
                    || v + 36 < text.length() && Character.isLetterOrDigit(text.charAt(v + 36))) {
                continue;
            }
            report(doc, sink, v, value, "Application Insights instrumentation key: telemetry ingestion is not"
                    + " authenticated with Microsoft Entra ID.", Remedies.appInsights());
        }
    }
}
