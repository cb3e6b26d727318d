package dev.miscan.rules.iac;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import java.util.List;

/**
 * An Application Insights component that accepts telemetry sent with its instrumentation key. The key is not a
 * secret (it is in every page that sends telemetry), so this is hardening, at the level of the connection-string
 * rule: with local authentication off, only Microsoft Entra-authenticated ingestion is accepted.
 */
@DetectorInfo(
        rules = "MI-IAC-APPINSIGHTS-LOCAL-AUTH",
        keywords = {"microsoft.insights/components", "azurerm_application_insights", "module", "using"},
        kind = "iac")
public final class AppInsightsLocalAuthRule extends DeployedResourceRule {

    @Override
    public Remediation exampleRemediation() {
        return remediation(IacRemedies.EXAMPLE, null);
    }

    private static final String EFFECT = "it accepts telemetry sent with its instrumentation key alone";
    private static final List<Switch> SWITCHES = List.of(
            new Switch("Microsoft.Insights/components", List.of("properties", "DisableLocalAuth"), true,
                    "Application Insights component", EFFECT, ""),
            new Switch("azurerm_application_insights", List.of("local_authentication_disabled"), true,
                    "Application Insights component", EFFECT, ""),
            new Switch("azurerm_application_insights", List.of("local_authentication_enabled"), false,
                    "Application Insights component", EFFECT, ""));

    public AppInsightsLocalAuthRule() {
        super(SWITCHES, AppInsightsLocalAuthRule::remediation);
    }

    @Override
    void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        boolean arm = r.isType("Microsoft.Insights/components");
        if (!arm && !r.isType("azurerm_application_insights")) {
            return;
        }
        String what = IacFindings.label(t, r, "Application Insights component");
        if (arm) {
            IacFindings.keySwitch(doc, t, r, new String[] {"properties", "DisableLocalAuth"}, true, "", what,
                    "it accepts telemetry sent with its instrumentation key alone", remediation(t, r),
                    (offset, text, message, remediation) -> report(doc, sink, offset, text, message, remediation));
            return;
        }
        IacProperty disabled = r.body().property("local_authentication_disabled");
        IacProperty enabled = r.body().property("local_authentication_enabled");
        if (disabled != null && Boolean.FALSE.equals(t.resolveBool(disabled.value()))) {
            IacFindings.Origin o = IacFindings.origin(doc, t, disabled);
            if (o.parameter() != null && IacFindings.overriddenByEveryCaller(doc, o.parameter())) {
                return;
            }
            report(doc, sink, o.offset(), o.text(), what + " accepts telemetry sent with its instrumentation key alone"
                    + " (local_authentication_disabled is false).", SwitchFixes.of(doc, t, r, o.value(), true,
                    remediation(t, r), "Set local_authentication_disabled to true."));
        } else if (enabled != null && Boolean.TRUE.equals(t.resolveBool(enabled.value()))) {
            IacFindings.Origin o = IacFindings.origin(doc, t, enabled);
            if (o.parameter() != null && IacFindings.overriddenByEveryCaller(doc, o.parameter())) {
                return;
            }
            report(doc, sink, o.offset(), o.text(), what + " accepts telemetry sent with its instrumentation key alone"
                    + " (local_authentication_enabled is true).", SwitchFixes.of(doc, t, r, o.value(), false,
                    remediation(t, r), "Set local_authentication_enabled to false."));
        } else if (disabled == null && enabled == null && !r.body().unknownAt("local_authentication_disabled")) {
            report(doc, sink, r.offset(), IacFindings.slice(doc, r), what + " does not turn local authentication off,"
                    + " so it accepts telemetry sent with its instrumentation key alone.", remediation(t, r));
        }
    }

    private static Remediation remediation(IacTemplate t, IacTemplate.Resource r) {
        String fix = IacRemedies.terraform(t)
                ? "local_authentication_disabled = true   # azurerm v5: local_authentication_enabled = false"
                : IacRemedies.property(t, "DisableLocalAuth", "true", "", "");
        String scope = IacRemedies.scope(t, IacService.APP_INSIGHTS, r);
        return IacRemedies.remediation(IacService.APP_INSIGHTS, r,
                "Turn local authentication off and give the app's managed identity Monitoring Metrics Publisher on"
                        + " the component; the Application Insights agent or SDK then sends telemetry with an Entra"
                        + " token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING=Authorization=AAD).",
                t, fix, List.of(dev.miscan.rules.support.AzureRoles.MONITORING_METRICS_PUBLISHER), scope,
                IacRemedies.roleCommands(null, dev.miscan.rules.support.AzureRoles.MONITORING_METRICS_PUBLISHER, scope));
    }
}
