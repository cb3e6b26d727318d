package dev.miscan.rules.iac;

import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacModules;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.core.parse.iac.IacView;
import java.util.List;

/** What the IaC rules share: the template of a document and the text a finding spans. */
final class IacFindings {
    private IacFindings() {
    }

    /** The document's IaC template; empty for other files. */
    static IacTemplate template(Document doc) {
        return IacView.isIacFile(doc) ? doc.view(IacView.TEMPLATE) : IacTemplate.EMPTY;
    }

    /** The text from {@code start} to {@code end}, cut at the end of the first line (never empty). */
    static String slice(Document doc, int start, int end) {
        String text = doc.text();
        int s = Math.max(0, Math.min(start, text.length() - 1));
        int lineEnd = doc.lines().lineEnd(doc.lines().lineOf(s));
        int e = Math.max(s + 1, Math.min(Math.min(end, lineEnd), text.length()));
        return text.substring(s, Math.min(e, text.length()));
    }

    /** A property as written, on its first line: {@code disableLocalAuth: false}. */
    static String slice(Document doc, IacProperty p) {
        return slice(doc, p.nameOffset(), p.value().end() + (p.value().isString() ? 1 : 0));
    }

    /** A resource's declaration head: {@code resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview'}. */
    static String slice(Document doc, IacTemplate.Resource r) {
        return slice(doc, r.offset(), r.declEnd());
    }

    /** The literal exactly as written (escapes included), for the finding's region and redaction. */
    static String raw(Document doc, IacValue literal) {
        return doc.text().substring(literal.start(), Math.max(literal.start(), literal.end()));
    }

    /** How a message names a resource: {@code Service Bus namespace 'orders-bus'} or its symbol. */
    static String label(IacTemplate t, IacTemplate.Resource r, String what) {
        String name = t.resolveString(r.name());
        if (name != null && !name.isBlank()) {
            return what + " '" + name + "'";
        }
        return r.symbol().isEmpty() ? what : what + " '" + r.symbol() + "'";
    }

    /**
     * The mechanical fix of a boolean written as a literal ({@code disableLocalAuth: false} to {@code true}), or
     * {@code remediation} unchanged when the value is computed (a parameter, an expression).
     */
    static dev.miscan.core.api.Remediation withBooleanFix(Document doc, IacValue value, boolean good,
            dev.miscan.core.api.Remediation remediation, String description) {
        if (value == null || value.kind() != IacValue.Kind.BOOL) {
            return remediation;
        }
        var edit = doc.edit(value.start(), value.end(), String.valueOf(good));
        return remediation.withFix(new dev.miscan.core.api.Fix(description, java.util.List.of(edit)));
    }

    /**
     * Where a switch's value is decided: the property, or, when the property only reads a parameter that has a
     * default ({@code allowSharedKeyAccess: allowShared} with {@code param allowShared bool = true}), that default:
     * a reusable module's callers get it unless they pass another value.
     *
     * @param offset    where the finding goes
     * @param text      the text it spans
     * @param value     the literal a fix edits
     * @param parameter the parameter whose default decides, or null
     */
    record Origin(int offset, String text, IacValue value, String parameter) {
    }

    static Origin origin(Document doc, IacTemplate t, IacProperty p) {
        IacTemplate.Parameter param = t.referencedParameter(t.singleReference(p.value()));
        IacValue d = param == null ? null : param.defaultValue();
        if (d != null && (d.kind() == IacValue.Kind.BOOL || d.isString())) {
            // the line as written from its first word ("param allowShared bool = true", "defaultValue": true):
            // the value alone ("true") would be taken for the finding's secret and hidden from its message
            String text = doc.text();
            int s = doc.lines().lineStart(doc.lines().lineOf(d.start()));
            int key = text.lastIndexOf("\"defaultValue\"", d.start());
            if (key >= s) {
                s = key;
            }
            while (s < d.start() && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            return new Origin(s, slice(doc, s, d.end() + (d.isString() ? 1 : 0)), d, param.name());
        }
        return new Origin(p.nameOffset(), slice(doc, p), p.value(), null);
    }

    /**
     * The parameter of {@code t} that {@code v} only reads ({@code disableLocalAuth}, Terraform {@code var.x}), or null.
     * A Terraform variable may be declared in another file of its module folder: its name is enough.
     */
    static String parameterRead(IacTemplate t, IacValue v) {
        String ref = t.singleReference(v);
        if (ref == null) {
            return null;
        }
        if (t.format().language().equals("terraform")) {
            return ref.startsWith("var.") && ref.indexOf('.', 4) < 0 ? ref.substring(4) : null;
        }
        IacTemplate.Parameter p = t.referencedParameter(ref);
        return p == null ? null : p.name();
    }

    /** The argument a module call passes for the module's parameter {@code name}, or null when it passes none. */
    static IacProperty moduleArgument(IacTemplate t, IacTemplate.Module m, String name) {
        if (m.body() == null || !m.body().isObject()) {
            return null;
        }
        if (t.format().language().equals("terraform")) {
            return m.body().property(name);
        }
        IacValue params = m.body().get("params");
        return params == null || !params.isObject() ? null : params.property(name);
    }

    /**
     * Whether a parameter's default never applies in this scan: the module is called from other files of the scan,
     * and every call passes the parameter (each call's value is judged where it is written).
     */
    static boolean overriddenByEveryCaller(Document doc, String parameter) {
        List<IacModules.Call> calls = doc.view(IacModules.VIEW).callers(doc.path());
        if (calls.isEmpty()) {
            return false;
        }
        for (IacModules.Call c : calls) {
            if (moduleArgument(c.caller().template(), c.module(), parameter) == null) {
                return false;
            }
        }
        return true;
    }

    /** The message of a switch decided at {@code o}: by the property itself, or by a parameter's default. */
    static String switchMessage(Origin o, String subject, String setting, String value, String effect) {
        return o.parameter() == null
                ? "Key-based authentication: " + subject + " sets " + setting + " to " + value + ", so " + effect + "."
                : "Key-based authentication: parameter '" + o.parameter() + "' defaults to " + value + ", which sets "
                        + setting + " of " + subject + ", so " + effect + " for every caller that passes no other value.";
    }

    /** Receives a finding of {@link #keySwitch}: a detector passes its {@code report}. */
    @FunctionalInterface
    interface SwitchReporter {
        void report(int offset, String text, String message, dev.miscan.core.api.Remediation remediation);
    }

    /**
     * A resource's switch that keeps keys working unless it is {@code safe} ({@code allowSharedKeyAccess},
     * {@code disableLocalAuth}): reported on the resource when it is not set (unless a computed part may set it),
     * and where it is decided when it is set to the other value (the property, or the parameter default it reads),
     * with the fix that flips the literal.
     *
     * @param path    the property's path in the resource body ({@code properties}, {@code allowSharedKeyAccess})
     * @param prefix  the message's opening ({@code "Key-based authentication: "}, or "" for hardening)
     * @param subject how the message names the resource
     * @param effect  what the unsafe value allows ("its account keys work")
     */
    static void keySwitch(Document doc, IacTemplate t, IacTemplate.Resource r, String[] path, boolean safe,
            String prefix, String subject, String effect, dev.miscan.core.api.Remediation remediation,
            SwitchReporter out) {
        String name = path[path.length - 1];
        IacProperty p = r.body().propertyAt(path);
        if (p == null) {
            if (!r.body().unknownAt(path)) {
                out.report(r.offset(), slice(doc, r), prefix + subject + " does not set " + name + ", so " + effect + ".",
                        remediation);
            }
            return;
        }
        if (Boolean.valueOf(!safe).equals(t.resolveBool(p.value()))) {
            Origin o = origin(doc, t, p);
            if (o.parameter() != null && overriddenByEveryCaller(doc, o.parameter())) {
                return;
            }
            String message = switchMessage(o, subject, name, String.valueOf(!safe), effect);
            out.report(o.offset(), o.text(), prefix.isEmpty() ? message.replace("Key-based authentication: ", "")
                    : message, SwitchFixes.of(doc, t, r, o.value(), safe, remediation,
                    "Set " + (o.parameter() == null ? name : o.parameter()) + " to " + safe + "."));
        }
    }

    /** Deployed here: not an {@code existing} reference, not a Terraform data source. */
    static boolean deployed(IacTemplate.Resource r) {
        return !r.existing() && !r.data() && r.body() != null && r.body().isObject();
    }
}
