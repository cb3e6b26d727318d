package dev.miscan.rules.iac;

import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value gets an access key from at deploy time: an ARM/Bicep {@code list*()} function
 * ({@code listKeys}, {@code listConnectionStrings}, {@code listCredentials}, …) or an azurerm key attribute
 * ({@code primary_connection_string}, {@code primary_access_key}, {@code default_primary_key}, …), directly or
 * through variables and locals (Azure/bicep#9314: {@code listKeys} in a {@code var} that is then output).
 */
final class KeySources {
    /** A key flowing into a value. */
    record KeySource(String expression, IacService service, IacTemplate.Resource target) {

        KeySource {
            // a key of a child (an authorization rule, a database) is the key of its top-level resource
            while (target != null && target.parent() != null && target.type().indexOf('/') != target.type().lastIndexOf('/')) {
                target = target.parent();
            }
        }

        String serviceName() {
            return service == null ? "Azure" : service.displayName();
        }
    }

    private static final Pattern LIST_FUNCTION = Pattern.compile("(?i)list[a-z]+");
    private static final Pattern RECEIVER = Pattern.compile(
            "(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]{0,127})(?:\\s{0,8}\\.\\s{0,8}[A-Za-z_][A-Za-z0-9_]{0,127}"
                    + "|\\[[^\\]]{0,64}]){0,16}\\s{0,8}\\.\\s{0,8}(list[A-Za-z]{1,40})\\s{0,8}\\(");
    private static final Pattern LIST_OF_ID = Pattern.compile(
            "(?<![A-Za-z])(list[A-Za-z]{1,40})\\s{0,8}\\(\\s{0,8}([A-Za-z_][A-Za-z0-9_]{0,127})\\s{0,8}\\.\\s{0,8}id\\b");
    private static final Pattern TF_REFERENCE = Pattern.compile(
            "(?:data\\.)?(azurerm_[a-z0-9_]+)\\.([A-Za-z0-9_-]+)(?:\\[[^\\]]*])?\\.(.+)");
    private static final Pattern TF_KEY_ATTRIBUTE = Pattern.compile(
            "(?:primary|secondary)_[a-z_]*(?:key|keys|connection_string|connection_strings)"
                    + "|default_(?:primary|secondary)_[a-z_]+|connection_strings|query_keys");
    private static final Pattern ARM_KEY_MEMBER = Pattern.compile(
            "\\.(?:primary|secondary)[A-Za-z]*(?:Key|Keys|ConnectionString|ConnectionStrings)");
    private static final Pattern SYMBOL_ID = Pattern.compile(
            "(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]{0,127})\\.(id|name)\\b");
    /** A resource provider's type written in a string ({@code Microsoft.EventHub/namespaces}). */
    private static final Pattern TYPE_IN_TEXT = Pattern.compile("(?i)Microsoft\\.[A-Za-z]{2,40}/[A-Za-z]{2,40}");
    /** The output of an azapi action: {@code data.azapi_resource_action.keys.output.primaryKey}. */
    private static final Pattern AZAPI_ACTION = Pattern.compile(
            "(?:data\\.)?azapi_resource_action\\.([A-Za-z0-9_-]{1,128})\\.output(?:\\.[^\\s]{0,200})?");
    private static final int MAX_HOPS = 8;

    private KeySources() {
    }

    /** The key source of a value, or null. */
    static KeySource find(IacTemplate t, IacValue v) {
        return find(t, v, 0, new HashSet<>());
    }

    private static KeySource find(IacTemplate t, IacValue v, int depth, Set<String> visited) {
        if (v == null || depth > MAX_HOPS || !(v.isExpression() || v.isObject() || v.isArray())) {
            return null;
        }
        boolean arm = !t.format().language().equals("terraform");
        if (arm) {
            for (String call : v.calls()) {
                if (LIST_FUNCTION.matcher(call).matches()) {
                    return listSource(t, v, call);
                }
            }
            for (String ref : v.references()) {
                if (ARM_KEY_MEMBER.matcher(ref).matches()) {
                    return new KeySource(ref.substring(1), typeService(t, v), null);
                }
            }
        } else {
            for (String ref : v.references()) {
                KeySource k = terraformSource(t, ref);
                if (k != null) {
                    return k;
                }
            }
        }
        for (String ref : v.references()) {
            IacTemplate.Variable var = t.referencedVariable(ref);
            if (var != null && visited.add(var.name())) {
                KeySource k = find(t, var.value(), depth + 1, visited);
                if (k != null) {
                    return k;
                }
            }
        }
        return null;
    }

    private static KeySource listSource(IacTemplate t, IacValue v, String call) {
        String src = v.text() == null ? "" : v.text();
        Matcher m = RECEIVER.matcher(src);
        if (m.find()) {
            IacTemplate.Resource target = t.resource(m.group(1));
            if (target != null) {
                return new KeySource(m.group(1) + "." + m.group(2) + "()", IacService.of(target.type()), target);
            }
        }
        Matcher id = LIST_OF_ID.matcher(src);
        if (id.find()) {
            IacTemplate.Resource target = t.resource(id.group(2));
            if (target != null) {
                return new KeySource(id.group(1) + "(" + id.group(2) + ".id)", IacService.of(target.type()), target);
            }
        }
        // a resource id written as a string: '${ns.id}/authorizationRules/…', '…/providers/Microsoft.EventHub/…'
        Matcher symbol = SYMBOL_ID.matcher(src);
        while (symbol.find()) {
            IacTemplate.Resource target = t.resource(symbol.group(1));
            if (target != null && IacService.of(target.type()) != null) {
                return new KeySource(call + "(" + symbol.group(1) + "." + symbol.group(2) + "…)",
                        IacService.of(target.type()), target);
            }
        }
        IacService service = typeService(t, v);
        if (service == null) {
            Matcher type = TYPE_IN_TEXT.matcher(src);
            while (service == null && type.find()) {
                service = IacService.of(type.group());
            }
        }
        IacTemplate.Resource target = service == null ? null : firstOf(t).get(service);
        return new KeySource(call + "()", service, target);
    }

    /** The first top-level resource of each service in the file: the likely target of an ARM {@code listKeys(…)}. */
    private static java.util.Map<IacService, IacTemplate.Resource> firstOf(IacTemplate t) {
        return t.derived("iac.firstOfService", x -> {
            java.util.Map<IacService, IacTemplate.Resource> m = new java.util.EnumMap<>(IacService.class);
            for (IacTemplate.Resource r : x.resources()) {
                IacService s = IacService.of(r.type());
                if (s != null && r.type().indexOf('/') == r.type().lastIndexOf('/')) {
                    m.putIfAbsent(s, r);
                }
            }
            return m;
        });
    }

    private static IacService typeService(IacTemplate t, IacValue v) {
        for (String ref : v.references()) {
            if (ref.startsWith("type:")) {
                IacService s = IacService.of(ref.substring(5));
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    private static KeySource terraformSource(IacTemplate t, String ref) {
        Matcher action = AZAPI_ACTION.matcher(ref);
        if (action.matches()) {
            // data "azapi_resource_action" "keys" { type = "Microsoft.EventHub/…", action = "listKeys" }
            IacTemplate.Resource r = t.resource("azapi_resource_action." + action.group(1));
            IacValue name = r == null ? null : r.body().get("action");
            IacValue type = r == null ? null : r.body().get("type");
            if (name != null && name.isString() && LIST_FUNCTION.matcher(name.text()).matches()) {
                String armType = type != null && type.isString() ? type.text().split("@", 2)[0] : null;
                return new KeySource(ref, IacService.of(armType), null);
            }
            return null;
        }
        Matcher m = TF_REFERENCE.matcher(ref);
        if (!m.matches()) {
            return null;
        }
        String type = m.group(1);
        for (String segment : m.group(3).split("\\.")) {
            String attr = segment.replaceAll("\\[.*", "");
            boolean key = TF_KEY_ATTRIBUTE.matcher(attr).matches()
                    || type.equals("azurerm_container_registry") && attr.equals("admin_password")
                    || type.endsWith("_sas") && attr.equals("sas");
            if (key) {
                IacTemplate.Resource target = ref.startsWith("data.") ? null : t.resource(type + "." + m.group(2));
                return new KeySource(ref, IacService.of(type), target);
            }
        }
        return null;
    }

    /** True when the value reads any parameter or variable marked secure/sensitive. */
    static IacTemplate.Parameter secureParameter(IacTemplate t, IacValue v) {
        for (String ref : v.references()) {
            IacTemplate.Parameter p = t.referencedParameter(ref);
            if (p != null && p.secure()) {
                return p;
            }
        }
        return null;
    }
}
