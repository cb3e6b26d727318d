package dev.miscan.rules.monitoring;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.support.Contexts;
import dev.miscan.rules.support.Remedies;
import java.util.regex.Pattern;

@DetectorInfo(
        rules = "MI-APPINSIGHTS-CONNSTR",
        keywords = {"instrumentationkey"},
        precedence = 10)
public final class AppInsightsConnectionStringRule extends Detector {

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
