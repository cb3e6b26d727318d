package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Role;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import dev.miscan.rules.support.AzureRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@DetectorInfo(
        rules = {"MI-IAC-KEY-INJECTION", "MI-IAC-SECURE-KEY-OUTPUT"},
        keywords = {"list", "primary", "secondary", "connection", "password", "passwd", "pwd", "secret", "key", "token", "sas", "credential", "secure", "sensitive"},
        kind = "iac")
public final class KeyInjectionRule extends Detector {
    /** A credential field of a connection string followed by a hole: {@code AccountKey=${…}}, {@code Password=', …}. */
    private static final Pattern CREDENTIAL_HOLE = Pattern.compile(
            "(?i)\\b(accountkey|sharedaccesskey|accesskey|password|pwd|sharedaccesssignature|sig)\\s{0,8}=\\s{0,8}"
                    + "(?:\\$\\{|'\\s{0,8},|\\{\\d{1,3}}|'\\s{0,8}\\)\\s{0,8},)");

    /** Why a setting holds a credential. */
    private record Source(String description, KeySources.KeySource key) {
    }

    @Override
    public Remediation exampleRemediation() {
        return settingRemediation(IacRemedies.EXAMPLE, "AzureWebJobsStorage", null,
                new KeySources.KeySource("stg.listKeys()", IacService.STORAGE, null));
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate root = IacFindings.template(doc);
        if (root.format().isParametersFile()) {
            return;
        }
        for (IacTemplate t : root.allTemplates()) {
            for (Hosts.Setting s : Hosts.settings(t)) {
                Source source = source(t, s);
                if (source == null) {
                    continue;
                }
                List<dev.miscan.core.api.Finding.Related> related = List.of();
                if (source.key() == null) {
                    // a parameter of a module: what the calls of the scan pass it (a key output of another module)
                    Passed passed = passedKey(doc, t, s.value());
                    if (passed != null) {
                        source = new Source(passed.description(), passed.key());
                        related = List.of(passed.related());
                    }
                }
                IacProperty p = s.property();
                String where = s.slot() == Hosts.Slot.STORAGE_KEY ? "storage_account_access_key"
                        : describe(s.slot()) + " '" + s.name() + "'";
                report(doc, sink, ruleId(), "iac", p.nameOffset(), IacFindings.slice(doc, p), "Key-based authentication: "
                        + where + (s.host() != null ? " of " + IacFindings.label(t, s.host(), "the app") : "")
                        + " gets " + source.description() + " at deploy time; use the app's managed identity instead.",
                        withHostStorageFix(doc, t, s, source.key(), settingRemediation(t, s.name(), s.host(),
                                source.key())), related);
            }
            for (IacTemplate.Output o : t.outputs()) {
                KeySources.KeySource k = KeySources.find(t, o.value());
                if (k == null) {
                    continue;
                }
                if (o.secure()) {
                    // a reusable module's interface: the caller decides what to do with it, and is reported there
                    report(doc, sink, "MI-IAC-SECURE-KEY-OUTPUT", o.offset(),
                            IacFindings.slice(doc, o.offset(), o.value().end()), "Output '" + o.name() + "' exposes the "
                                    + k.serviceName() + " key from " + k.expression() + " (marked "
                                    + (IacRemedies.terraform(t) ? "sensitive" : "secure") + "): a caller that"
                                    + " wires it into an app uses the key.", outputRemediation(t, k));
                    continue;
                }
                report(doc, sink, o.offset(), IacFindings.slice(doc, o.offset(), o.value().end()),
                        "Key-based authentication: output '" + o.name() + "' returns the " + k.serviceName()
                                + " key from " + k.expression() + "; whoever reads it connects with the key.",
                        outputRemediation(t, k));
            }
            connections(doc, sink, t);
        }
    }

    /** The remediation with the fix that moves a Functions app's host storage to its identity, when it is that. */
    private static Remediation withHostStorageFix(Document doc, IacTemplate t, Hosts.Setting s,
            KeySources.KeySource key, Remediation remediation) {
        dev.miscan.core.api.Fix fix = SwitchFixes.hostStorage(doc, t, s, key);
        return fix == null ? remediation : remediation.withFix(fix);
    }

    /** The connections of an AI Foundry / Azure Machine Learning hub or project: each may hold a key to its target. */
    private static final String[] CONNECTIONS = {"Microsoft.MachineLearningServices/workspaces/connections",
        "Microsoft.CognitiveServices/accounts/connections", "Microsoft.CognitiveServices/accounts/projects/connections"};

    /**
     * A hub connection whose credentials are a key read at deploy time ({@code authType: 'ApiKey'},
     * {@code credentials: { key: search.listAdminKeys().primaryKey }}): the hub then reaches the service with the key;
     * with {@code authType: 'AAD'} it uses its managed identity and a data role on the service.
     */
    private void connections(Document doc, FindingSink sink, IacTemplate t) {
        for (IacTemplate.Resource r : t.resources()) {
            if (!IacFindings.deployed(r) || !r.isType(CONNECTIONS)) {
                continue;
            }
            IacValue credentials = r.body().at("properties", "credentials");
            if (credentials == null || !credentials.isObject()) {
                continue;
            }
            IacValue authType = r.body().at("properties", "authType");
            String auth = authType != null && authType.isString() ? " (authType '" + authType.text() + "')" : "";
            for (IacProperty c : credentials.properties()) {
                KeySources.KeySource k = KeySources.find(t, c.value());
                if (k == null) {
                    continue;
                }
                report(doc, sink, c.nameOffset(), IacFindings.slice(doc, c), "Key-based authentication: "
                        + IacFindings.label(t, r, "connection") + " stores the " + k.serviceName() + " key from "
                        + k.expression() + auth + "; with authType 'AAD' the hub connects with its managed identity.",
                        connectionRemediation(t, r, k));
            }
        }
    }

    private static Remediation connectionRemediation(IacTemplate t, IacTemplate.Resource connection,
            KeySources.KeySource key) {
        IacService service = key.service();
        Role role = service == null ? null : service.assignedRole();
        String scope = IacRemedies.scope(t, service, key.target());
        String replacement = IacRemedies.property(t, "authType", "'AAD'", "authType", "\"AAD\"")
                + (IacRemedies.terraform(t) ? "  # and no credentials" : IacRemedies.language(t).equals("json")
                        ? "  (and no \"credentials\")" : "  // and no credentials")
                + "\n\n" + (role == null ? "" : IacRemedies.roleAssignment(t, service, role, key.target(),
                        connection.parent()));
        return IacRemedies.remediation(service, key.target(),
                "Set the connection's authType to 'AAD' and remove its credentials; give the hub's (or project's)"
                        + " managed identity a data role on the target, then rotate the key.",
                t, replacement, role == null ? List.of() : List.of(role), scope,
                IacRemedies.roleCommands(null, role, scope));
    }

    /** A key a module call passes to a parameter: where it comes from, and the argument that passes it. */
    private record Passed(String description, KeySources.KeySource key, dev.miscan.core.api.Finding.Related related) {
    }

    /**
     * The key that the calls of this module (in the scan) pass to the parameter {@code value} reads: a key source in
     * the argument itself, or another module's output that returns one ({@code storage.outputs.connectionString},
     * Terraform {@code module.storage.connection_string}). Null when no call passes a known key.
     */
    private static Passed passedKey(Document doc, IacTemplate t, IacValue value) {
        String parameter = IacFindings.parameterRead(t, value);
        if (parameter == null) {
            return null;
        }
        dev.miscan.core.parse.iac.IacModules modules = doc.view(dev.miscan.core.parse.iac.IacModules.VIEW);
        for (dev.miscan.core.parse.iac.IacModules.Call call : modules.callers(doc.path())) {
            IacTemplate ct = call.caller().template();
            IacProperty arg = IacFindings.moduleArgument(ct, call.module(), parameter);
            if (arg == null) {
                continue;
            }
            int line = call.caller().line(arg.nameOffset());
            dev.miscan.core.api.Finding.Related related = new dev.miscan.core.api.Finding.Related(
                    new dev.miscan.core.api.Location(call.caller().path(), line, 1, line, 1),
                    "the module call that passes the key as " + parameter);
            KeySources.KeySource direct = KeySources.find(ct, arg.value());
            if (direct != null) {
                return new Passed("the " + direct.serviceName() + " key from " + direct.expression() + ", passed as "
                        + parameter + " by " + fileName(call.caller().path()), direct, related);
            }
            String[] output = moduleOutput(arg.value());
            if (output == null) {
                continue;
            }
            for (IacTemplate.Module producer : ct.modules()) {
                if (!producer.symbol().equals(output[0])) {
                    continue;
                }
                for (var source : modules.sources(call.caller().path(), producer.source())) {
                    for (IacTemplate.Output o : source.template().outputs()) {
                        KeySources.KeySource k = o.name().equals(output[1]) ? KeySources.find(source.template(), o.value())
                                : null;
                        if (k != null) {
                            return new Passed("the " + k.serviceName() + " key from " + k.expression() + " in "
                                    + fileName(source.path()) + ", passed as " + parameter + " by "
                                    + fileName(call.caller().path()), k, related);
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * The module and output a value reads: Bicep {@code storage.outputs.x}, Terraform {@code module.storage.x}; null
     * for anything else.
     */
    private static String[] moduleOutput(IacValue v) {
        if (!v.isExpression() || v.text() == null || v.text().length() > 300) {
            return null;
        }
        String[] parts = v.text().strip().split("\\.", -1);
        if (parts.length == 3 && parts[0].equals("module")) {
            return new String[] {parts[1], parts[2]};
        }
        if (parts.length == 3 && parts[1].equals("outputs")) {
            return new String[] {parts[0], parts[2]};
        }
        return null;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String describe(Hosts.Slot slot) {
        return switch (slot) {
            case CONNECTION_STRING -> "connection string";
            case ENV -> "environment variable";
            case SECRET -> "container app secret";
            default -> "app setting";
        };
    }

    /** What fills the setting with a credential, or null when it holds none (or a literal: other rules). */
    private static Source source(IacTemplate t, Hosts.Setting s) {
        IacValue v = s.value();
        if (CredentialNames.isIdentityBasedSetting(s.name())) {
            return null;
        }
        if (CredentialNames.isKeyVaultReference(v.text())) {
            // the interim this scanner's own fixes write for a literal: the secret is out of the template
            return null;
        }
        if (v.isString() || !(v.isExpression() || v.isObject() || v.isArray())) {
            return null;
        }
        KeySources.KeySource k = KeySources.find(t, v);
        if (k != null) {
            return new Source("the " + k.serviceName() + " key from " + k.expression(), k);
        }
        if (s.slot() == Hosts.Slot.STORAGE_KEY) {
            return new Source("the storage account key from " + shorten(v.text()), null);
        }
        return elsewhere(t, s, v, 0);
    }

    /** A credential from a parameter, a variable, a Key Vault secret read at deploy time, or a connection-string hole. */
    private static Source elsewhere(IacTemplate t, Hosts.Setting s, IacValue v, int depth) {
        if (depth > 4 || v == null || !v.isExpression()) {
            return null;
        }
        boolean namedCredential = CredentialNames.isCredentialName(s.name()) || s.slot() == Hosts.Slot.SECRET;
        String ref = t.singleReference(v);
        if (ref != null) {
            IacTemplate.Variable var = t.referencedVariable(ref);
            if (var != null) {
                return var.value().isString() ? null : elsewhere(t, s, var.value(), depth + 1);
            }
            IacTemplate.Parameter p = t.referencedParameter(ref);
            if (p != null && (p.secure() || CredentialNames.isCredentialName(p.name()) || namedCredential)) {
                return new Source("a credential from " + (p.secure() ? "secure " : "") + "parameter '" + p.name() + "'",
                        null);
            }
            if (p == null && ref.startsWith("var.") && (namedCredential
                    || CredentialNames.isCredentialName(ref.substring(4)))) {
                return new Source("a credential from variable '" + ref.substring(4) + "'", null);
            }
            return null;
        }
        Matcher hole = CREDENTIAL_HOLE.matcher(v.text());
        if (hole.find()) {
            return new Source("the " + hole.group(1) + " of its connection string from elsewhere", null);
        }
        IacTemplate.Parameter secure = KeySources.secureParameter(t, v);
        if (secure != null) {
            return new Source("a credential from secure parameter '" + secure.name() + "'", null);
        }
        for (String r : v.references()) {
            if (r.startsWith("random_password.") && namedCredential) {
                return new Source("a password generated by " + r.replaceAll("\\.result$", ""), null);
            }
            if (r.matches("(data\\.)?azurerm_key_vault_secret\\..+\\.value") && namedCredential) {
                return new Source("the value of a Key Vault secret (copied, not referenced)", null);
            }
        }
        return null;
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }

    // ---- remediation ----

    static Remediation settingRemediation(IacTemplate t, String setting, IacTemplate.Resource host,
            KeySources.KeySource key) {
        IacService service = key == null ? null : key.service();
        IacTemplate.Resource target = key == null ? null : key.target();
        boolean functionsStorage = setting.equalsIgnoreCase("AzureWebJobsStorage")
                || setting.equals("storage_account_access_key");
        Role role = functionsStorage ? AzureRoles.STORAGE_BLOB_DATA_OWNER
                : service == null ? null : service.assignedRole();
        if (functionsStorage) {
            service = IacService.STORAGE;
        }
        List<String> parts = new ArrayList<>();
        if (host == null || !Hosts.hasIdentity(host)) {
            parts.add(IacRemedies.identityBlock(t));
        }
        if (setting.equals("storage_account_access_key")) {
            parts.add("storage_uses_managed_identity = true  # instead of storage_account_access_key");
        } else if (service != null && !service.identitySetting().isEmpty()) {
            parts.add(IacRemedies.setting(t, connectionName(setting) + "__" + service.identitySetting(),
                    identityValue(t, service, target)));
        } else if (service == null) {
            parts.add(IacRemedies.keyVaultReference(t, setting));
            role = AzureRoles.KEY_VAULT_SECRETS_USER;
            service = IacService.KEY_VAULT;
            target = null;
        }
        if (role != null) {
            parts.add(IacRemedies.roleAssignment(t, service, role, target, host));
        }
        String scope = IacRemedies.scope(t, service, target);
        List<String> commands = IacRemedies.roleCommands(host == null ? null : Hosts.kindOf(host), role, scope);
        String summary = service == IacService.KEY_VAULT
                ? "Take the credential out of the setting: for an Azure service, connect with the app's managed"
                        + " identity and a data role; for a secret that must stay, use a Key Vault reference read with"
                        + " the app's identity (Key Vault Secrets User)."
                : "Remove the key from the setting: give the app a managed identity, grant it "
                        + (role == null ? "the service's data role" : role.name()) + " on "
                        + (target == null ? "the resource" : "'" + IacRemedies.literalName(t, target, "resource") + "'")
                        + " and use the identity-based setting; then disable key access on the resource.";
        return IacRemedies.remediation(service, target, summary, t, String.join("\n\n", parts),
                role == null ? List.of() : List.of(role), scope, commands);
    }

    private static Remediation outputRemediation(IacTemplate t, KeySources.KeySource key) {
        IacService service = key.service();
        Role role = service == null ? null : service.assignedRole();
        String scope = IacRemedies.scope(t, service, key.target());
        String replacement = (IacRemedies.terraform(t) ? "# remove the output; " : "// remove the output; ")
                + "each consumer connects with its own managed identity:\n\n"
                + (role == null ? "" : IacRemedies.roleAssignment(t, service, role, key.target(), null));
        return IacRemedies.remediation(service, key.target(),
                "Remove the key output: whoever consumes this deployment connects with its own managed identity and"
                        + " a data role on the resource; a key that must be handed over belongs in Key Vault.",
                t, replacement, role == null ? List.of() : List.of(role), scope,
                IacRemedies.roleCommands(null, role, scope));
    }

    /** The connection a setting names, without its credential suffix: {@code COSMOS_KEY} is {@code COSMOS}. */
    private static String connectionName(String setting) {
        String base = setting.replaceAll("(?i)[_-]*(connection[_-]?string|connstr|access[_-]?key|account[_-]?key"
                + "|primary[_-]?key|key|password|secret|sas)$", "");
        return base.isEmpty() ? setting : base;
    }

    /** The value of an identity-based setting: the account name or the endpoint, in the file's language. */
    private static String identityValue(IacTemplate t, IacService service, IacTemplate.Resource target) {
        String r = IacRemedies.ref(t, target, service.placeholder());
        boolean known = target != null;
        return switch (IacRemedies.language(t)) {
            case "bicep" -> switch (service) {
                case STORAGE -> r + ".name";
                case SERVICE_BUS, EVENT_HUBS -> "'${" + r + ".name}.servicebus.windows.net'";
                case COSMOS -> r + ".properties.documentEndpoint";
                case SIGNALR -> "'https://${" + r + ".properties.hostName}'";
                case KEY_VAULT -> r + ".properties.vaultUri";
                default -> r + ".properties.endpoint";
            };
            case "json" -> switch (service) {
                case STORAGE -> known ? "[" + r + "]" : r;
                case SERVICE_BUS, EVENT_HUBS -> "[format('{0}.servicebus.windows.net', " + r + ")]";
                default -> "[reference(resourceId('" + (known ? target.type() : service.armType()) + "', " + r
                        + ")).endpoint]";
            };
            default -> switch (service) {
                case STORAGE -> r + ".name";
                case SERVICE_BUS, EVENT_HUBS -> "\"${" + r + ".name}.servicebus.windows.net\"";
                default -> r + ".endpoint";
            };
        };
    }
}
