package dev.miscan.rules.iac;

import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compute that runs code and can have a managed identity (App Service and Functions apps, Container Apps,
 * container instances, VMs, AKS), whether it has one, and the settings it gets at deploy time: app settings,
 * connection strings, container environment variables and Container Apps secrets, in ARM/Bicep
 * ({@code siteConfig.appSettings}, {@code Microsoft.Web/sites/config} {@code appsettings}) and azurerm
 * ({@code app_settings}, {@code connection_string}, {@code env}, {@code secret}) form.
 */
final class Hosts {
    enum Kind {
        WEB_APP("web app"), FUNCTION_APP("function app"), CONTAINER_APP("container app"),
        CONTAINER_INSTANCE("container group"), VM("virtual machine"), AKS("AKS cluster");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Where a setting lives, which decides what its name means. */
    enum Slot { APP_SETTING, CONNECTION_STRING, ENV, SECRET, STORAGE_KEY }

    /**
     * A setting of a host.
     *
     * @param host     the app (for a {@code config} child: its parent when known)
     * @param name     the setting's name as written (an expression's source when computed)
     * @param property the property holding the value ({@code value}, {@code connectionString}, the map entry)
     */
    record Setting(IacTemplate.Resource host, String name, IacProperty property, Slot slot) {
        IacValue value() {
            return property.value();
        }
    }

    private static final java.util.regex.Pattern WEB_APP = java.util.regex.Pattern.compile(
            "azurerm_(linux_|windows_)?web_app(_slot)?|azurerm_app_service(_slot)?");
    private static final java.util.regex.Pattern VIRTUAL_MACHINE = java.util.regex.Pattern.compile(
            "azurerm_(linux_|windows_|orchestrated_)?virtual_machine(_scale_set)?");

    private Hosts() {
    }

    /** The kind of compute a resource is, or null. */
    static Kind kindOf(IacTemplate.Resource r) {
        String t = r.type().toLowerCase(Locale.ROOT);
        switch (t) {
            case "microsoft.web/sites", "microsoft.web/sites/slots" -> {
                IacValue kind = r.body() == null ? null : r.body().get("kind");
                String k = kind != null && kind.isString() ? kind.text().toLowerCase(Locale.ROOT) : "";
                return k.contains("functionapp") || k.contains("workflowapp") ? Kind.FUNCTION_APP : Kind.WEB_APP;
            }
            case "microsoft.app/containerapps", "microsoft.app/jobs" -> {
                return Kind.CONTAINER_APP;
            }
            case "microsoft.containerinstance/containergroups" -> {
                return Kind.CONTAINER_INSTANCE;
            }
            case "microsoft.compute/virtualmachines", "microsoft.compute/virtualmachinescalesets" -> {
                return Kind.VM;
            }
            case "microsoft.containerservice/managedclusters" -> {
                return Kind.AKS;
            }
            default -> {
            }
        }
        if (!t.startsWith("azurerm_")) {
            return null;
        }
        if (t.contains("function_app") || t.equals("azurerm_logic_app_standard")) {
            return Kind.FUNCTION_APP;
        }
        if (WEB_APP.matcher(t).matches()) {
            return Kind.WEB_APP;
        }
        if (t.equals("azurerm_container_app") || t.equals("azurerm_container_app_job")) {
            return Kind.CONTAINER_APP;
        }
        if (t.equals("azurerm_container_group")) {
            return Kind.CONTAINER_INSTANCE;
        }
        if (VIRTUAL_MACHINE.matcher(t).matches()) {
            return Kind.VM;
        }
        return t.equals("azurerm_kubernetes_cluster") ? Kind.AKS : null;
    }

    /** True when the resource declares an identity other than {@code None}. */
    static boolean hasIdentity(IacTemplate.Resource r) {
        IacValue identity = r.body() == null ? null : r.body().get("identity");
        if (identity == null) {
            return false;
        }
        if (identity.isObject()) {
            IacValue type = identity.get("type");
            return type == null || !(type.isString() && type.text().strip().equalsIgnoreCase("none"));
        }
        return identity.kind() != IacValue.Kind.NULL;
    }

    /** The hosts of a template that deploy here (not {@code existing}, not data sources). */
    static List<IacTemplate.Resource> hosts(IacTemplate t) {
        return t.derived("iac.hosts", Hosts::findHosts);
    }

    private static List<IacTemplate.Resource> findHosts(IacTemplate t) {
        List<IacTemplate.Resource> out = new ArrayList<>();
        for (IacTemplate.Resource r : t.resources()) {
            if (!r.existing() && !r.data() && kindOf(r) != null) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** Every setting of every host of the template. */
    static List<Setting> settings(IacTemplate t) {
        return t.derived("iac.settings", Hosts::findSettings);
    }

    private static List<Setting> findSettings(IacTemplate t) {
        List<Setting> out = new ArrayList<>();
        for (IacTemplate.Resource r : t.resources()) {
            if (r.existing() || r.data() || r.body() == null || !r.body().isObject()) {
                continue;
            }
            settings(t, r, out);
        }
        return List.copyOf(out);
    }

    private static void settings(IacTemplate t, IacTemplate.Resource r, List<Setting> out) {
        IacValue body = r.body();
        String type = r.type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "microsoft.web/sites", "microsoft.web/sites/slots" -> {
                named(r, body.at("properties", "siteConfig", "appSettings"),
                        body.propertyAt("properties", "siteConfig", "appSettings"), "value", Slot.APP_SETTING, out);
                named(r, body.at("properties", "siteConfig", "connectionStrings"),
                        body.propertyAt("properties", "siteConfig", "connectionStrings"), "connectionString",
                        Slot.CONNECTION_STRING, out);
            }
            case "microsoft.web/sites/config", "microsoft.web/sites/slots/config" -> {
                String name = nameText(r).toLowerCase(Locale.ROOT).replaceAll("[^a-z/]", "");
                IacTemplate.Resource host = r.parent() != null ? r.parent() : onlySite(t, r);
                IacValue props = body.get("properties");
                if (props == null || !props.isObject()) {
                    return;
                }
                if (name.endsWith("appsettings")) {
                    for (IacProperty p : props.properties()) {
                        out.add(new Setting(host, p.name(), p, Slot.APP_SETTING));
                    }
                } else if (name.endsWith("connectionstrings")) {
                    for (IacProperty p : props.properties()) {
                        IacProperty value = p.value().isObject() ? p.value().property("value") : p;
                        if (value != null) {
                            out.add(new Setting(host, p.name(), value, Slot.CONNECTION_STRING));
                        }
                    }
                }
            }
            case "microsoft.app/containerapps", "microsoft.app/jobs" -> {
                named(r, body.at("properties", "configuration", "secrets"), null, "value", Slot.SECRET, out);
                IacValue containers = body.at("properties", "template", "containers");
                if (containers != null && containers.isArray()) {
                    for (IacValue c : containers.items()) {
                        named(r, c.isObject() ? c.get("env") : null, null, "value", Slot.ENV, out);
                    }
                }
            }
            case "microsoft.containerinstance/containergroups" -> {
                IacValue containers = body.at("properties", "containers");
                if (containers != null && containers.isArray()) {
                    for (IacValue c : containers.items()) {
                        IacValue env = c.isObject() ? c.at("properties", "environmentVariables") : null;
                        named(r, env, null, "value", Slot.ENV, out);
                        named(r, env, null, "secureValue", Slot.ENV, out);
                    }
                }
            }
            default -> terraformSettings(r, type, body, out);
        }
    }

    private static void terraformSettings(IacTemplate.Resource r, String type, IacValue body, List<Setting> out) {
        Kind kind = kindOf(r);
        if (kind == Kind.WEB_APP || kind == Kind.FUNCTION_APP) {
            map(r, body.property("app_settings"), Slot.APP_SETTING, out);
            for (IacProperty cs : body.all("connection_string")) {
                IacProperty value = cs.value().isObject() ? cs.value().property("value") : null;
                if (value != null) {
                    out.add(new Setting(r, textOf(cs.value().get("name"), "connection_string"), value,
                            Slot.CONNECTION_STRING));
                }
            }
            IacProperty key = body.property("storage_account_access_key");
            if (key != null) {
                out.add(new Setting(r, key.name(), key, Slot.STORAGE_KEY));
            }
        } else if (type.equals("azurerm_container_app") || type.equals("azurerm_container_app_job")) {
            for (IacProperty secret : body.all("secret")) {
                blockSetting(r, secret, "value", Slot.SECRET, out);
            }
            IacValue template = body.get("template");
            for (IacProperty c : template == null || !template.isObject() ? List.<IacProperty>of()
                    : template.all("container")) {
                for (IacProperty env : c.value().isObject() ? c.value().all("env") : List.<IacProperty>of()) {
                    blockSetting(r, env, "value", Slot.ENV, out);
                }
            }
        } else if (type.equals("azurerm_container_group")) {
            for (IacProperty c : body.all("container")) {
                if (c.value().isObject()) {
                    map(r, c.value().property("environment_variables"), Slot.ENV, out);
                    map(r, c.value().property("secure_environment_variables"), Slot.ENV, out);
                }
            }
        }
    }

    private static void blockSetting(IacTemplate.Resource r, IacProperty block, String valueName, Slot slot,
            List<Setting> out) {
        if (!block.value().isObject()) {
            return;
        }
        IacProperty value = block.value().property(valueName);
        if (value != null) {
            out.add(new Setting(r, textOf(block.value().get("name"), block.name()), value, slot));
        }
    }

    /** A map of settings ({@code app_settings = { … }}); a computed map ({@code merge(…)}) is one setting. */
    private static void map(IacTemplate.Resource r, IacProperty settings, Slot slot, List<Setting> out) {
        if (settings == null) {
            return;
        }
        if (settings.value().isObject()) {
            for (IacProperty p : settings.value().properties()) {
                out.add(new Setting(r, p.name(), p, slot));
            }
        } else if (settings.value().isExpression()) {
            out.add(new Setting(r, settings.name(), settings, slot));
        }
    }

    /**
     * An array of {@code {name, value}} objects (ARM {@code appSettings}, Container Apps {@code env}); a
     * computed array ({@code [for …]}, {@code union(…)}) is one setting named after its property.
     */
    private static void named(IacTemplate.Resource r, IacValue list, IacProperty listProperty, String valueName,
            Slot slot, List<Setting> out) {
        if (list == null) {
            return;
        }
        if (list.isExpression() && listProperty != null) {
            out.add(new Setting(r, listProperty.name(), listProperty, slot));
            return;
        }
        if (!list.isArray()) {
            return;
        }
        for (IacValue item : list.items()) {
            if (!item.isObject()) {
                continue;
            }
            IacProperty value = item.property(valueName);
            if (value != null) {
                out.add(new Setting(r, textOf(item.get("name"), valueName), value, slot));
            }
        }
    }

    static String textOf(IacValue v, String fallback) {
        return v == null || v.text() == null ? fallback : v.text();
    }

    static String nameText(IacTemplate.Resource r) {
        IacValue name = r.name();
        return name == null || name.text() == null ? "" : name.text();
    }

    /** For an ARM {@code Microsoft.Web/sites/config} at the top level: the template's only site, if it has one. */
    private static IacTemplate.Resource onlySite(IacTemplate t, IacTemplate.Resource config) {
        IacTemplate.Resource site = t.derived("iac.onlySite", Hosts::onlySite);
        return site == NO_SITE ? config : site;
    }

    private static final IacTemplate.Resource NO_SITE = new IacTemplate.Resource("", "", "", 0, 0, null, true, null,
            false);

    private static IacTemplate.Resource onlySite(IacTemplate t) {
        IacTemplate.Resource site = null;
        for (IacTemplate.Resource r : t.resources()) {
            if (r.isType("Microsoft.Web/sites", "Microsoft.Web/sites/slots")) {
                if (site != null) {
                    return NO_SITE;
                }
                site = r;
            }
        }
        return site == null ? NO_SITE : site;
    }
}
