package dev.miscan.rules.iac;

import dev.miscan.core.api.Fix;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacModules;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.rules.support.AzureRoles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fix of a key switch ({@code allowSharedKeyAccess}, {@code disableLocalAuth}, {@code adminUserEnabled}, …) that
 * keeps the deployed apps working: the literal is flipped only when nothing in the same deployment still uses the
 * resource's keys ({@link KeyUses}). When something does, the fix first converts the uses it knows to be
 * equivalent — a Functions app's host storage ({@code AzureWebJobsStorage} built from the account's keys, azurerm
 * {@code storage_account_access_key}) becomes {@code AzureWebJobsStorage__accountName} (azurerm
 * {@code storage_uses_managed_identity}), with the app's system-assigned identity and role assignments of Storage
 * Blob Data Owner and Storage Queue Data Contributor on the account, the roles the Functions host needs for its
 * storage with an identity (https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).
 * Any other use (a setting the app's own code reads, an output, a use in another file) is left to a person: the
 * fix is then refused, and the reason names each use with its file and line.
 */
final class SwitchFixes {
    /** The host setting a Functions app keeps its own state in, and its identity-based form. */
    private static final String HOST_STORAGE = "AzureWebJobsStorage";
    private static final String HOST_STORAGE_IDENTITY = HOST_STORAGE + "__accountName";
    private static final List<Role> HOST_STORAGE_ROLES = List.of(AzureRoles.STORAGE_BLOB_DATA_OWNER,
            AzureRoles.STORAGE_QUEUE_DATA_CONTRIBUTOR);
    private static final int NAMED_USES = 3;

    private SwitchFixes() {
    }

    /**
     * The remediation of a switch of {@code r} (a resource of {@code t}, a template of {@code doc}) decided at the
     * literal {@code value} of {@code doc}: with the fix that sets it to {@code good}, after converting the key uses
     * of the deployment, or without a fix and with the uses that stop it.
     */
    static Remediation of(Document doc, IacTemplate t, IacTemplate.Resource r, IacValue value, boolean good,
            Remediation remediation, String description) {
        if (value == null || value.kind() != IacValue.Kind.BOOL) {
            return remediation;
        }
        List<KeyUses.Use> uses = KeyUses.of(doc, t, r);
        if (uses.isEmpty()) {
            return IacFindings.withBooleanFix(doc, value, good, remediation, description);
        }
        List<Fix.Edit> conversion = convert(doc, t, r, uses);
        if (conversion == null) {
            return remediation.withManual(refusal(t, r, uses));
        }
        List<Fix.Edit> edits = new ArrayList<>(conversion);
        edits.add(doc.edit(value.start(), value.end(), String.valueOf(good)));
        return remediation.withFix(new Fix(description.replaceAll("\\.$", "") + ", after moving the Functions host"
                + " storage of " + hostNames(t, uses) + " to the app's managed identity (" + HOST_STORAGE_IDENTITY
                + ", a system-assigned identity, " + HOST_STORAGE_ROLES.stream().map(Role::name)
                        .reduce((a, b) -> a + " and " + b).orElse("") + " on the account).", edits));
    }

    /**
     * The remediation of a switch of {@code r}, a resource of the module {@code callee}, that a module call in
     * {@code doc} decides at {@code value}: flipped only when the module's deployment does not use the keys (the
     * uses are in another file, which a fix of this one cannot convert).
     */
    static Remediation ofModule(Document doc, IacModules.Source callee, IacTemplate.Resource r, IacValue value,
            boolean good, Remediation remediation, String description) {
        if (value == null || value.kind() != IacValue.Kind.BOOL) {
            return remediation;
        }
        IacTemplate ct = callee.template();
        List<KeyUses.Use> uses = KeyUses.of(doc, callee.path(), ct, callee.lines(), ct, r);
        return uses.isEmpty() ? IacFindings.withBooleanFix(doc, value, good, remediation, description)
                : remediation.withManual(refusal(ct, r, uses));
    }

    /**
     * The fix of a key injection that is the Functions host storage of an app ({@code AzureWebJobsStorage} from the
     * account's keys, azurerm {@code storage_account_access_key}): the same conversion the switch's fix makes first,
     * on its own (the keys keep working until the switch is turned off); null when the setting is not one.
     */
    static Fix hostStorage(Document doc, IacTemplate t, Hosts.Setting s, KeySources.KeySource key) {
        if (key == null || key.target() == null || key.service() != IacService.STORAGE
                || GUESSED_TARGET.matcher(key.expression()).matches()) {
            return null;
        }
        int offset = s.property().nameOffset();
        List<Fix.Edit> edits = convert(doc, t, key.target(), List.of(new KeyUses.Use(doc.path(), offset,
                doc.lines().lineOf(offset) + 1, s.name(), key.expression(), s, t)));
        return edits == null ? null : new Fix("Move the Functions host storage of " + KeyUses.hostLabel(t, s.host())
                + " to the app's managed identity (" + HOST_STORAGE_IDENTITY + ", a system-assigned identity, "
                + HOST_STORAGE_ROLES.stream().map(Role::name).reduce((a, b) -> a + " and " + b).orElse("")
                + " on the account).", edits);
    }

    /** An ARM {@code listKeys(…)} whose account the template does not tell apart: not converted. */
    private static final java.util.regex.Pattern GUESSED_TARGET = java.util.regex.Pattern.compile(
            "(?i)list[a-z]{1,40}+\\(\\)");

    /** Why the switch is not flipped: the uses of the keys that would break, with their file and line. */
    private static String refusal(IacTemplate t, IacTemplate.Resource r, List<KeyUses.Use> uses) {
        String name = t.resolveString(r.name());
        StringBuilder b = new StringBuilder("not flipped: the deployment still uses the keys of '")
                .append(name == null || name.isBlank() ? r.symbol() : name).append("' (");
        for (int i = 0; i < Math.min(NAMED_USES, uses.size()); i++) {
            KeyUses.Use u = uses.get(i);
            b.append(i == 0 ? "" : "; ").append(u.what()).append(" from ").append(u.expression()).append(" at ")
                    .append(u.at());
        }
        if (uses.size() > NAMED_USES) {
            b.append("; ").append(uses.size() - NAMED_USES).append(" more");
        }
        return b.append("), which would stop working at the next deployment: move them to the apps' managed"
                + " identities first, then turn key access off").toString();
    }

    private static String hostNames(IacTemplate t, List<KeyUses.Use> uses) {
        return String.join(", ", uses.stream().map(u -> KeyUses.hostLabel(t, u.setting().host()))
                .distinct().toList());
    }

    // ---- conversion of the Functions host storage ----

    /** The edits that move every use to the app's identity, or null when one of them is not a known conversion. */
    private static List<Fix.Edit> convert(Document doc, IacTemplate t, IacTemplate.Resource account,
            List<KeyUses.Use> uses) {
        if (IacService.of(account.type()) != IacService.STORAGE || account.symbol().isEmpty()
                && !IacRemedies.language(t).equals("json")) {
            return null;
        }
        List<Fix.Edit> edits = new ArrayList<>();
        Map<IacTemplate.Resource, Boolean> hosts = new LinkedHashMap<>();
        for (KeyUses.Use u : uses) {
            Hosts.Setting s = u.setting();
            if (s == null || u.template() != t || !u.path().equals(doc.path()) || s.host() == null
                    || Hosts.kindOf(s.host()) != Hosts.Kind.FUNCTION_APP || !isResourceOf(t, s.host())) {
                return null;
            }
            List<Fix.Edit> e = s.slot() == Hosts.Slot.STORAGE_KEY ? accessKey(doc, s)
                    : s.slot() == Hosts.Slot.APP_SETTING && s.name().equalsIgnoreCase(HOST_STORAGE)
                            ? hostStorage(doc, t, account, s) : null;
            if (e == null) {
                return null;
            }
            edits.addAll(e);
            hosts.put(s.host(), Boolean.TRUE);
        }
        for (IacTemplate.Resource host : hosts.keySet()) {
            List<Fix.Edit> e = identityAndRoles(doc, t, account, host);
            if (e == null) {
                return null;
            }
            edits.addAll(e);
        }
        return edits;
    }

    /** azurerm {@code storage_account_access_key = …} becomes {@code storage_uses_managed_identity = true}. */
    private static List<Fix.Edit> accessKey(Document doc, Hosts.Setting s) {
        IacProperty p = s.property();
        if (s.host().body().property("storage_uses_managed_identity") != null) {
            return null;
        }
        return List.of(doc.edit(p.nameOffset(), p.value().end(), "storage_uses_managed_identity = true"));
    }

    /** {@code AzureWebJobsStorage = <connection string with the key>} becomes {@code AzureWebJobsStorage__accountName}. */
    private static List<Fix.Edit> hostStorage(Document doc, IacTemplate t, IacTemplate.Resource account,
            Hosts.Setting s) {
        // the hosts that already set the identity-based form, found once per template
        java.util.Set<IacTemplate.Resource> both = t.derived("iac.hostStorageIdentity", x -> {
            java.util.Set<IacTemplate.Resource> hosts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Hosts.Setting other : Hosts.settings(x)) {
                if (other.name().equalsIgnoreCase(HOST_STORAGE_IDENTITY)) {
                    hosts.add(other.host());
                }
            }
            return hosts;
        });
        if (both.contains(s.host())) {
            return null; // both forms: a person decides which one stays
        }
        String text = doc.text();
        IacProperty p = s.property();
        List<Fix.Edit> edits = new ArrayList<>();
        if (p.name().equals(s.name())) {
            // the name is the property's: appsettings config resource, Terraform app_settings map
            int at = p.nameOffset() + (text.charAt(p.nameOffset()) == '"' || text.charAt(p.nameOffset()) == '\'' ? 1 : 0);
            if (!text.startsWith(s.name(), at)) {
                return null;
            }
            edits.add(doc.edit(at, at + s.name().length(), HOST_STORAGE_IDENTITY));
        } else {
            IacValue item = itemOf(s.host().body(), p, 0);
            IacValue name = item == null ? null : item.get("name");
            if (name == null || !name.isString() || !name.text().equals(s.name())) {
                return null;
            }
            edits.add(doc.edit(name.start(), name.end(), HOST_STORAGE_IDENTITY));
        }
        IacValue v = p.value();
        edits.add(doc.edit(v.start(), v.end(), accountName(t, account)));
        return edits;
    }

    /** The account's name as the setting's value, in the file's language. */
    private static String accountName(IacTemplate t, IacTemplate.Resource account) {
        return switch (IacRemedies.language(t)) {
            case "json" -> {
                String n = IacRemedies.armName(account);
                yield n.startsWith("'") && n.endsWith("'") && n.indexOf('\'', 1) == n.length() - 1
                        ? n.substring(1, n.length() - 1) : "[" + n + "]";
            }
            case "bicep" -> account.symbol() + ".name";
            default -> account.type() + "." + account.symbol() + ".name";
        };
    }

    /** The array item (an object) of {@code v} whose property is {@code p}, or null. */
    private static IacValue itemOf(IacValue v, IacProperty p, int depth) {
        if (v == null || depth > 16) {
            return null;
        }
        if (v.isObject()) {
            for (IacProperty q : v.properties()) {
                if (q.nameOffset() == p.nameOffset()) {
                    return v;
                }
                IacValue found = itemOf(q.value(), p, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (v.isArray()) {
            for (IacValue i : v.items()) {
                IacValue found = itemOf(i, p, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The host's system-assigned identity (the same edit as the missing-identity fix, so that both apply once) and
     * its role assignments on the account, inserted after the host; null when the host has another kind of identity
     * or its text does not take the insertions safely (a one-line body, a loop).
     */
    private static List<Fix.Edit> identityAndRoles(Document doc, IacTemplate t, IacTemplate.Resource account,
            IacTemplate.Resource host) {
        List<Fix.Edit> edits = new ArrayList<>();
        if (!Hosts.hasIdentity(host)) {
            Fix identity = MissingIdentityRule.identityFix(doc, t, host);
            if (identity == null) {
                return null;
            }
            edits.addAll(identity.edits());
        } else if (!systemAssigned(host)) {
            return null; // AzureWebJobsStorage__accountName uses the system-assigned identity
        }
        IacValue body = host.body();
        String text = doc.text();
        if (IacRemedies.language(t).equals("bicep") && host.declEnd() <= body.start()
                && !text.substring(host.declEnd(), body.start()).matches("\\s*+=\\s*+")
                || body.get("count") != null || body.get("for_each") != null || body.get("condition") != null) {
            return null; // a conditional or repeated app: its role assignments would need the same condition or loop
        }
        int end = body.end();
        if (end <= 0 || end > text.length() || text.charAt(end - 1) != '}'
                || IacRemedies.language(t).equals("json") && body.get("copy") != null) {
            return null;
        }
        boolean json = IacRemedies.language(t).equals("json");
        int lineEnd = doc.lines().lineEnd(doc.lines().lineOf(end - 1));
        if (!json && !text.substring(end, lineEnd).isBlank()) {
            return null; // a loop's closing bracket or a condition follows
        }
        StringBuilder insert = new StringBuilder();
        String indent = json ? indentOf(doc, body.start()) : "";
        for (Role role : HOST_STORAGE_ROLES) {
            if (assigned(t, host, role)) {
                continue;
            }
            String block = IacRemedies.roleAssignment(t, IacService.STORAGE, role, account, host);
            if (json) {
                block = block.replaceFirst("\"apiVersion\": \"2022-04-01\",", "\"apiVersion\": \"2022-04-01\",\n"
                        + "  \"dependsOn\": [\n    \"" + armId(host) + "\"" + (IacFindings.deployed(account)
                                ? ",\n    \"" + armId(account) + "\"" : "") + "\n  ],");
                insert.append(",\n");
            } else {
                insert.append("\n\n");
            }
            insert.append(block.lines().map(l -> l.isEmpty() ? l : indent + l)
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        if (!insert.isEmpty()) {
            edits.add(doc.edit(end, end, insert.toString()));
        }
        return edits;
    }

    private static boolean systemAssigned(IacTemplate.Resource host) {
        IacValue identity = host.body().get("identity");
        IacValue type = identity == null || !identity.isObject() ? null : identity.get("type");
        return type != null && type.isString() && type.text().toLowerCase(Locale.ROOT).contains("systemassigned");
    }

    /**
     * Whether {@code r} is one of the template's resources: by identity first (a host found in the template is one of
     * its resources), else by equality as a list would tell; a template of many hosts is not compared with each.
     */
    private static boolean isResourceOf(IacTemplate t, IacTemplate.Resource r) {
        java.util.Set<IacTemplate.Resource> own = t.derived("iac.resourceIdentities", x -> {
            java.util.Set<IacTemplate.Resource> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            set.addAll(x.resources());
            return set;
        });
        return own.contains(r) || t.resources().contains(r);
    }

    /** The template's role assignments, in order: what {@link #assigned} looks at, found once per template. */
    private static List<IacTemplate.Resource> roleAssignments(IacTemplate t) {
        return t.derived("iac.roleAssignments", x -> x.resources().stream()
                .filter(r -> r.isType("Microsoft.Authorization/roleAssignments", "azurerm_role_assignment")).toList());
    }

    /** Whether the template already has this role assignment for the host (a fix applied before, written alike). */
    private static boolean assigned(IacTemplate t, IacTemplate.Resource host, Role role) {
        String roleSymbol = role.name().replaceAll("[^A-Za-z0-9]", "");
        for (IacTemplate.Resource r : roleAssignments(t)) {
            String body = r.body() == null ? "" : String.valueOf(r.body().references()) + r.symbol();
            IacValue def = r.body() == null ? null : r.body().get("role_definition_name");
            boolean sameRole = r.symbol().toLowerCase(Locale.ROOT).replace("_", "")
                    .endsWith(roleSymbol.toLowerCase(Locale.ROOT))
                    || def != null && def.isString() && def.text().equals(role.name());
            if (sameRole && (body.contains(host.symbol()) || IacRemedies.language(t).equals("json"))) {
                return true;
            }
        }
        return false;
    }

    private static String armId(IacTemplate.Resource r) {
        return "[resourceId('" + r.type() + "', " + IacRemedies.armName(r) + ")]";
    }

    private static String indentOf(Document doc, int offset) {
        String line = doc.lines().line(doc.lines().lineOf(offset));
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
