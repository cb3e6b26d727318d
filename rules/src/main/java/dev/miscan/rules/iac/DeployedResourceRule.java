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
import dev.miscan.core.parse.iac.IacValue;
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
     * @param unsetKeepsKeys whether Azure's default, when the setting is not written, keeps keys working
     */
    record Switch(String type, List<String> path, boolean safe, String label, String effect, String prefix,
            boolean unsetKeepsKeys) {
        Switch(String type, List<String> path, boolean safe, String label, String effect, String prefix) {
            this(type, path, safe, label, effect, prefix, true);
        }
    }

    private final List<Switch> switches;
    private final java.util.function.BiFunction<IacTemplate, IacTemplate.Resource, Remediation> switchRemediation;

    /** A rule without key switches. */
    DeployedResourceRule() {
        this(List.of(), null);
    }

    /**
     * A rule whose resources have key switches, and what replaces the keys of such a resource (of a template, a
     * module's included).
     */
    DeployedResourceRule(List<Switch> switches,
            java.util.function.BiFunction<IacTemplate, IacTemplate.Resource, Remediation> switchRemediation) {
        this.switches = switches;
        this.switchRemediation = switchRemediation;
    }

    @Override
    public final void scan(Document doc, FindingSink sink) {
        for (IacTemplate t : IacFindings.template(doc).allTemplates()) {
            for (IacTemplate.Resource r : t.resources()) {
                if (!IacFindings.deployed(r)) {
                    continue;
                }
                if (r.type().startsWith(IacTemplate.AZAPI)) {
                    azapi(doc, sink, t, r);
                } else {
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

    /** The key switches of this rule's resources. */
    final List<Switch> switches() {
        return switches;
    }

    /** What replaces the keys of {@code r}, a resource of a module's template {@code t}. */
    final Remediation switchRemediation(IacTemplate t, IacTemplate.Resource r) {
        return switchRemediation == null ? exampleRemediation() : switchRemediation.apply(t, r);
    }

    /**
     * An {@code azapi_resource} of a type with a key switch: judged on the ARM body it deploys, as the ARM template
     * would be (a switch it does not set has Azure's default, which keeps keys working).
     */
    private void azapi(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r) {
        IacTemplate.Resource typed = withArmType(r, List.of(t));
        for (Switch s : switches()) {
            String[] path = s.path().toArray(String[]::new);
            if (isType(typed, s) && (s.unsetKeepsKeys() || typed.body().propertyAt(path) != null)) {
                IacFindings.keySwitch(doc, t, r, path, s.safe(), s.prefix(),
                        IacFindings.label(t, r, s.label()), s.effect(), azapiRemediation(t, r, s),
                        (offset, text, message, remediation) -> report(doc, sink, offset, text, message, remediation));
            }
        }
    }

    /**
     * An {@code azapi_resource} whose type is read from a variable ({@code type = var.resource_types.storage_account})
     * with that type when a variable default of {@code templates} (a module folder's files) gives it; {@code r}
     * otherwise.
     */
    static IacTemplate.Resource withArmType(IacTemplate.Resource r, List<IacTemplate> templates) {
        String prefix = IacTemplate.AZAPI + "?";
        if (!r.type().startsWith(prefix)) {
            return r;
        }
        String[] ref = r.type().substring(prefix.length()).split("\\.");
        if (ref.length < 2 || !ref[0].equals("var")) {
            return r;
        }
        for (IacTemplate t : templates) {
            IacTemplate.Parameter p = t.parameter(ref[1]);
            IacValue v = p == null ? null : p.defaultValue();
            for (int i = 2; v != null && i < ref.length; i++) {
                v = v.isObject() ? v.get(ref[i]) : null;
            }
            String written = v != null && v.isString() ? v.text() : null;
            if (written == null && p != null && ref.length == 3 && p.type().contains(ref[2])) {
                // an attribute of an object type with its default in the type: optional(string, "Microsoft.X/y@v")
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])"
                        + java.util.regex.Pattern.quote(ref[2]) + "\\s*+=\\s*+optional\\(\\s*+string\\s*+,\\s*+\"([^\"]{1,200})\"")
                        .matcher(p.type());
                written = m.find() ? m.group(1) : null;
            }
            if (written != null && written.indexOf('/') > 0) {
                String[] typeAndVersion = written.split("@", 2);
                return new IacTemplate.Resource(r.symbol(), IacTemplate.AZAPI + typeAndVersion[0],
                        typeAndVersion.length > 1 ? typeAndVersion[1] : "", r.offset(), r.declEnd(), r.body(),
                        r.existing(), r.parent(), r.data());
            }
        }
        return r;
    }

    /** Whether {@code r} is of the switch's type: written so, or an {@code azapi_resource} of that ARM type. */
    private static boolean isType(IacTemplate.Resource r, Switch s) {
        return r.isType(s.type()) || s.type().indexOf('/') > 0 && r.isType(IacTemplate.AZAPI + s.type());
    }

    /**
     * The rule's remediation for an {@code azapi_resource}: the setting goes in its {@code body}, in the ARM names
     * (the azurerm attributes of the rule's own Terraform advice do not apply).
     */
    private Remediation azapiRemediation(IacTemplate t, IacTemplate.Resource r, Switch s) {
        IacTemplate.Resource arm = new IacTemplate.Resource(r.symbol(), r.type().substring(IacTemplate.AZAPI.length()),
                r.apiVersion(), r.offset(), r.declEnd(), r.body(), r.existing(), r.parent(), r.data());
        Remediation base = switchRemediation(t, arm);
        StringBuilder body = new StringBuilder("body = {\n");
        String indent = "  ";
        for (int i = 0; i < s.path().size() - 1; i++) {
            body.append(indent).append(s.path().get(i)).append(" = {\n");
            indent += "  ";
        }
        body.append(indent).append(s.path().get(s.path().size() - 1)).append(" = ").append(s.safe()).append('\n');
        for (int i = s.path().size() - 2; i >= 0; i--) {
            indent = indent.substring(2);
            body.append(indent).append("}\n");
        }
        body.append("}\n");
        return new Remediation(base.service(), base.target(), base.summary(), "terraform",
                "# in azapi_resource \"" + r.symbol() + "\"\n" + body, base.dependency(), base.roles(), base.scope(),
                base.commands(), base.fix(), base.access(), base.manual());
    }

    private void moduleArguments(Document doc, FindingSink sink, IacTemplate t) {
        IacModules modules = doc.view(IacModules.VIEW);
        for (IacTemplate.Module m : t.modules()) {
            List<IacModules.Source> folder = modules.sources(doc.path(), m.source());
            if (folder.isEmpty() && isRegistry(t, m.source())) {
                registryArguments(doc, sink, t, m);
                continue;
            }
            List<IacTemplate> templates = folder.stream().map(IacModules.Source::template).toList();
            for (IacModules.Source callee : folder) {
                IacTemplate ct = callee.template();
                for (IacTemplate.Resource declared : ct.resources()) {
                    if (!IacFindings.deployed(declared)) {
                        continue;
                    }
                    IacTemplate.Resource r = withArmType(declared, templates);
                    for (Switch s : switches()) {
                        if (isType(r, s)) {
                            moduleArgument(doc, sink, t, m, callee, r, s);
                        }
                    }
                }
            }
        }
    }

    /** A module from a registry ({@code br:}, {@code br/public:}, {@code ts:}, the Terraform registry): not in the tree. */
    private static boolean isRegistry(IacTemplate t, String source) {
        String src = source == null ? "" : source.strip();
        if (t.format().language().equals("terraform")) {
            return !src.isEmpty() && !src.startsWith("./") && !src.startsWith("../") && !src.startsWith("/")
                    && !src.contains("::") && !src.startsWith("git") && !src.startsWith("http");
        }
        return src.startsWith("br:") || src.startsWith("br/") || src.startsWith("ts:") || src.startsWith("ts/");
    }

    /**
     * A registry module's source is not in the scan, but an argument named as the setting it feeds on the resource
     * (Azure Verified Modules name their parameters so: {@code disableLocalAuth}, {@code allowSharedKeyAccess},
     * {@code shared_access_key_enabled}) with the value that keeps keys working says what it does.
     */
    private void registryArguments(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Module m) {
        boolean terraform = t.format().language().equals("terraform");
        IacValue args = m.body() == null || !m.body().isObject() ? null : terraform ? m.body() : m.body().get("params");
        if (args == null || !args.isObject()) {
            return;
        }
        for (IacProperty arg : args.properties()) {
            for (Switch s : switches()) {
                String setting = s.path().get(s.path().size() - 1);
                if (s.type().startsWith("azurerm_") != terraform || !namesSetting(arg.name(), setting, terraform)
                        || !Boolean.valueOf(!s.safe()).equals(t.resolveBool(arg.value()))) {
                    continue;
                }
                IacFindings.Origin o = IacFindings.origin(doc, t, arg);
                String value = String.valueOf(!s.safe());
                String message = capitalised(s.prefix() + (o.parameter() == null
                        ? "module '" + m.symbol() + "' sets " + arg.name() + " to " + value
                        : "parameter '" + o.parameter() + "' defaults to " + value + ", which module '" + m.symbol()
                                + "' passes as " + arg.name())
                        + " (" + m.source().strip() + ", a registry module): by its name it sets the " + setting
                        + " of the module's " + s.label() + ", so " + s.effect() + ".");
                Remediation remediation = new Remediation("Azure", "", "Pass " + arg.name() + " = " + s.safe()
                        + " to the module; the apps then connect with their managed identities and a data role on"
                        + " the resource.", t.format().language(), IacRemedies.property(t, arg.name(),
                        String.valueOf(s.safe()), arg.name(), String.valueOf(s.safe())) + "\n", "", List.of(), "",
                        List.of());
                report(doc, sink, ruleId(), "iac", o.offset(), o.text(), message, IacFindings.withBooleanFix(doc,
                        o.value(), s.safe(), remediation, "Set " + (o.parameter() == null ? arg.name() : o.parameter())
                                + " to " + s.safe() + "."), List.of());
                break;
            }
        }
    }

    /**
     * Whether a module argument is named as a resource setting: the same name, or the name after a prefix that
     * says which resource ({@code acrAdminUserEnabled} for {@code adminUserEnabled}, {@code sb_local_auth_enabled}).
     */
    private static boolean namesSetting(String argument, String setting, boolean terraform) {
        if (argument.equals(setting)) {
            return true;
        }
        String suffix = terraform ? "_" + setting : Character.toUpperCase(setting.charAt(0)) + setting.substring(1);
        return argument.endsWith(suffix) && argument.length() > suffix.length();
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
        String caller = t.format().isParametersFile() ? "the parameters file" : "module '" + m.symbol() + "'";
        String message = o.parameter() == null
                ? s.prefix() + caller + " sets " + (ct.format().language().equals("terraform")
                        ? "the module's variable " : file + "'s parameter ") + parameter + " to " + value
                        + ", which sets " + setting + " of " + what + ", so " + s.effect() + "."
                : s.prefix() + "parameter '" + o.parameter() + "' defaults to " + value + ", which " + caller
                        + " passes as " + parameter + " to " + file + " to set " + setting + " of " + what
                        + ", so " + s.effect() + " for every caller that passes no other value.";
        Remediation base = r.type().startsWith(IacTemplate.AZAPI) ? azapiRemediation(ct, r, s) : switchRemediation(ct, r);
        Remediation remediation = SwitchFixes.ofModule(doc, callee, r, o.value(), s.safe(), base,
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
