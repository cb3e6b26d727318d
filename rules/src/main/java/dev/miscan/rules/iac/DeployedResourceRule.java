package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.Finding;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Location;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacModules;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import java.util.List;

/**
 * An IaC rule that judges each resource on its own settings. Only the resources a template deploys are
 * judged: an {@code existing} reference or a Terraform data source is configured where it is deployed.
 *
 * <p>A rule whose resources have a key switch ({@link #switches()}) also judges the module calls of the file: an
 * argument that a module of the scan passes on to such a switch ({@code disableLocalAuth: false} in a module call's
 * {@code params}) is where the decision is made, and is reported there, with the module's resource as a related
 * location.
 */
abstract class DeployedResourceRule extends Detector {

    /**
     * A setting of a resource type that keeps keys working unless it has its safe value.
     *
     * @param type   the ARM or azurerm resource type
     * @param path   the setting's path in the resource body
     * @param safe   the value that turns keys off
     * @param label  how a message names the resource ("storage account")
     * @param effect what the other value allows ("its account keys work")
     * @param prefix the message's opening ("Key-based authentication: ", or "" for a hardening note)
     */
    record Switch(String type, List<String> path, boolean safe, String label, String effect, String prefix) {
    }

    @Override
    public final void scan(Document doc, FindingSink sink) {
        for (IacTemplate t : IacFindings.template(doc).allTemplates()) {
            for (IacTemplate.Resource r : t.resources()) {
                if (IacFindings.deployed(r)) {
                    check(doc, sink, t, r);
                }
            }
            if (!t.modules().isEmpty() && !switches().isEmpty()) {
                moduleArguments(doc, sink, t);
            }
        }
    }

    /** Reports what resource {@code r} of template {@code t} enables that it should not. */
    abstract void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r);

    /** The key switches of this rule's resources; none by default. */
    List<Switch> switches() {
        return List.of();
    }

    /** What replaces the keys of {@code r}, a resource of a module's template {@code t}. */
    Remediation switchRemediation(IacTemplate t, IacTemplate.Resource r) {
        return exampleRemediation();
    }

    private void moduleArguments(Document doc, FindingSink sink, IacTemplate t) {
        IacModules modules = doc.view(IacModules.VIEW);
        for (IacTemplate.Module m : t.modules()) {
            for (IacModules.Source callee : modules.sources(doc.path(), m.source())) {
                IacTemplate ct = callee.template();
                for (IacTemplate.Resource r : ct.resources()) {
                    if (!IacFindings.deployed(r)) {
                        continue;
                    }
                    for (Switch s : switches()) {
                        if (r.isType(s.type())) {
                            moduleArgument(doc, sink, t, m, callee, r, s);
                        }
                    }
                }
            }
        }
    }

    private void moduleArgument(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Module m,
            IacModules.Source callee, IacTemplate.Resource r, Switch s) {
        IacTemplate ct = callee.template();
        IacProperty p = r.body().propertyAt(s.path().toArray(String[]::new));
        String parameter = p == null ? null : IacFindings.parameterRead(ct, p.value());
        IacProperty arg = parameter == null ? null : IacFindings.moduleArgument(t, m, parameter);
        if (arg == null || !Boolean.valueOf(!s.safe()).equals(t.resolveBool(arg.value()))) {
            return; // the module's own default decides, where the module is scanned
        }
        IacFindings.Origin o = IacFindings.origin(doc, t, arg);
        String setting = s.path().get(s.path().size() - 1);
        String file = callee.path().substring(callee.path().lastIndexOf('/') + 1);
        String what = IacFindings.label(ct, r, s.label());
        String value = String.valueOf(!s.safe());
        String message = o.parameter() == null
                ? s.prefix() + "module '" + m.symbol() + "' passes " + parameter + " = " + value + " to " + file
                        + ", which sets " + setting + " of " + what + ", so " + s.effect() + "."
                : s.prefix() + "parameter '" + o.parameter() + "' defaults to " + value + ", which module '"
                        + m.symbol() + "' passes as " + parameter + " to " + file + " to set " + setting + " of " + what
                        + ", so " + s.effect() + " for every caller that passes no other value.";
        Remediation remediation = IacFindings.withBooleanFix(doc, o.value(), s.safe(), switchRemediation(ct, r),
                "Set " + (o.parameter() == null ? parameter : o.parameter()) + " to " + s.safe() + ".");
        int line = callee.line(p.nameOffset());
        Finding.Related related = new Finding.Related(new Location(callee.path(), line, 1, line, 1),
                "the " + setting + " of " + what + " that this value sets");
        report(doc, sink, ruleId(), "iac", o.offset(), o.text(), capitalised(message), remediation, List.of(related));
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
