package dev.miscan.rules.iac;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.iac.IacProperty;
import dev.miscan.core.parse.iac.IacTemplate;
import dev.miscan.core.parse.iac.IacValue;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@DetectorInfo(
        rules = "MI-IAC-SECRET-PROPERTY",
        keywords = {"password", "secret", "key"},
        precedence = 70,
        kind = "iac")
public final class SecretPropertyRule extends Detector {
    /**
     * A secure property: resource type (ARM types match child types too), path below the body ({@code *} for
     * every array item), and what it is.
     */
    private record Slot(Pattern type, List<String> path, String what) {
        static Slot of(String typeRegex, String path, String what) {
            return new Slot(Pattern.compile("(?i)" + typeRegex), List.of(path.split("\\.")), what);
        }
    }

    /**
     * How a message names a resource type: {@code Microsoft.KeyVault/vaults/secrets} is a "secret",
     * {@code Microsoft.Compute/virtualMachines} a "virtual machine", {@code azurerm_mssql_server} an "mssql server".
     */
    static String noun(String type) {
        String last = type.contains("/") ? type.substring(type.lastIndexOf('/') + 1)
                : type.replaceFirst("^(azurerm|azuread)_", "").replace('_', ' ');
        String words = last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return type.contains("/") && words.endsWith("s") && !words.endsWith("ss") ? words.substring(0, words.length() - 1)
                : words;
    }

    private static final List<Slot> SLOTS = List.of(
            Slot.of("Microsoft\\.(Sql/servers|Sql/managedInstances|DBforPostgreSQL/\\w+|DBforMySQL/\\w+|DBforMariaDB/\\w+)",
                    "properties.administratorLoginPassword", "administrator password"),
            Slot.of("Microsoft\\.Compute/virtualMachines", "properties.osProfile.adminPassword", "VM admin password"),
            Slot.of("Microsoft\\.Compute/virtualMachineScaleSets", "properties.virtualMachineProfile.osProfile.adminPassword",
                    "VM admin password"),
            Slot.of("Microsoft\\.ContainerService/managedClusters", "properties.servicePrincipalProfile.secret",
                    "service principal secret"),
            Slot.of("Microsoft\\.ContainerService/managedClusters", "properties.windowsProfile.adminPassword",
                    "Windows admin password"),
            Slot.of("Microsoft\\.Synapse/workspaces", "properties.sqlAdministratorLoginPassword", "SQL administrator password"),
            Slot.of("Microsoft\\.KeyVault/vaults/secrets", "properties.value", "Key Vault secret value"),
            Slot.of("Microsoft\\.ContainerInstance/containerGroups", "properties.imageRegistryCredentials.*.password",
                    "registry password"),
            Slot.of("Microsoft\\.Automation/automationAccounts/credentials", "properties.password", "credential password"),
            Slot.of("azurerm_(mssql_server|sql_server|mssql_managed_instance|postgresql_flexible_server|postgresql_server"
                    + "|mysql_flexible_server|mysql_server|mariadb_server|synapse_workspace)",
                    "administrator_login_password", "administrator password"),
            Slot.of("azurerm_(mysql_flexible_server|postgresql_flexible_server)", "administrator_password",
                    "administrator password"),
            Slot.of("azurerm_synapse_workspace", "sql_administrator_login_password", "SQL administrator password"),
            Slot.of("azurerm_(linux_|windows_)?virtual_machine(_scale_set)?", "admin_password", "VM admin password"),
            Slot.of("azurerm_virtual_machine(_scale_set)?", "os_profile.admin_password", "VM admin password"),
            Slot.of("azurerm_kubernetes_cluster", "service_principal.client_secret", "service principal secret"),
            Slot.of("azurerm_kubernetes_cluster", "windows_profile.admin_password", "Windows admin password"),
            Slot.of("azurerm_key_vault_secret", "value", "Key Vault secret value"),
            Slot.of("azurerm_container_group", "image_registry_credential.password", "registry password"),
            Slot.of("azurerm_automation_credential", "password", "credential password"),
            Slot.of("azurerm_.*function_app.*|azurerm_logic_app_standard", "storage_account_access_key",
                    "storage account key"),
            Slot.of("Microsoft\\.(MachineLearningServices/workspaces|CognitiveServices/accounts(/projects)?)/connections",
                    "properties.credentials.key", "connection key"),
            Slot.of("azuread_user", "password", "Microsoft Entra ID user password"),
            Slot.of("azuread_(application|service_principal)_password", "value", "client secret"));
    private static final int MAX_DEPTH = 12;

    @Override
    public Remediation exampleRemediation() {
        return SqlPasswordAuthRule.remediation(IacRemedies.EXAMPLE, null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        IacTemplate root = IacFindings.template(doc);
        if (root.format().isParametersFile()) {
            return;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (IacTemplate t : root.allTemplates()) {
            for (IacTemplate.Resource r : t.resources()) {
                if (!IacFindings.deployed(r)) {
                    continue;
                }
                for (Slot slot : SLOTS) {
                    if (slot.type().matcher(r.type()).matches()) {
                        walk(doc, sink, t, r, slot, r.body(), 0, seen);
                    }
                }
                clientSecrets(doc, sink, t, r, r.body(), 0, seen);
            }
        }
    }

    private void walk(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r, Slot slot, IacValue v,
            int step, java.util.Set<Integer> seen) {
        if (v == null) {
            return;
        }
        if (step == slot.path().size()) {
            check(doc, sink, t, r, slot.what(), slot.path().get(slot.path().size() - 1), v, seen);
            return;
        }
        String name = slot.path().get(step);
        if (name.equals("*")) {
            if (v.isArray()) {
                for (IacValue item : v.items()) {
                    walk(doc, sink, t, r, slot, item, step + 1, seen);
                }
            }
            return;
        }
        if (v.isObject()) {
            for (IacProperty p : v.all(name)) { // Terraform repeats blocks
                walk(doc, sink, t, r, slot, p.value(), step + 1, seen);
            }
        }
    }

    /** {@code clientSecret} / {@code client_secret} at any depth (auth settings, identity providers). */
    private void clientSecrets(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r, IacValue v,
            int depth, java.util.Set<Integer> seen) {
        if (v == null || depth > MAX_DEPTH) {
            return;
        }
        for (IacProperty p : v.properties()) {
            String n = p.name().toLowerCase(Locale.ROOT);
            if (n.equals("clientsecret") || n.equals("client_secret")) {
                check(doc, sink, t, r, "client secret", p.name(), p.value(), seen);
            } else {
                clientSecrets(doc, sink, t, r, p.value(), depth + 1, seen);
            }
        }
        for (IacValue item : v.items()) {
            clientSecrets(doc, sink, t, r, item, depth + 1, seen);
        }
    }

    private void check(Document doc, FindingSink sink, IacTemplate t, IacTemplate.Resource r, String what,
            String property, IacValue v, java.util.Set<Integer> seen) {
        if (v.isExpression() && isChoice(v)) {
            // !empty(p) ? p : 'literal', p ?? 'literal', coalesce(var.p, "literal"): the literal is used whenever
            // the other branch is empty, so it is written in the template like any other
            for (IacValue part : v.items()) {
                if (part != null && part.isString()) {
                    check(doc, sink, t, r, what, property, part, seen);
                }
            }
            return;
        }
        if (!v.isString() || !CredentialNames.isSecretLiteral(v.text()) || !seen.add(v.start())) {
            return;
        }
        String resource = IacFindings.label(t, r, noun(r.type()));
        report(doc, sink, v.start(), IacFindings.raw(doc, v), "Secret literal as the " + what + " of " + resource + ".",
                remediation(t, r, property));
    }

    /** Whether a secret slot's value is, or falls back to, a literal secret (reported here as the secret). */
    static boolean writesLiteralSecret(IacValue v) {
        if (v == null) {
            return false;
        }
        if (v.isString()) {
            return CredentialNames.isSecretLiteral(v.text());
        }
        return v.isExpression() && isChoice(v) && v.items().stream()
                .anyMatch(p -> p != null && p.isString() && CredentialNames.isSecretLiteral(p.text()));
    }

    /** A conditional or fallback: a ternary, {@code ??}, {@code coalesce()} or {@code if()} that picks one of its parts. */
    private static boolean isChoice(IacValue v) {
        String src = v.text() == null ? "" : v.text().strip();
        String lower = src.toLowerCase(Locale.ROOT);
        return src.contains("??") || src.contains("?") && src.contains(":") && !src.startsWith("'") && !src.startsWith("\"")
                || lower.startsWith("coalesce(") || lower.startsWith("if(") || lower.startsWith("[if(");
    }

    private static Remediation remediation(IacTemplate t, IacTemplate.Resource r, String property) {
        if (r.isType("Microsoft.Sql/servers", "Microsoft.Sql/managedInstances", "azurerm_mssql_server",
                "azurerm_sql_server", "azurerm_mssql_managed_instance")) {
            return SqlPasswordAuthRule.remediation(t, r);
        }
        if (property.equals("storage_account_access_key")) {
            return KeyInjectionRule.settingRemediation(t, property, r, null);
        }
        return SecretRemedies.parameter(t, property.equalsIgnoreCase("value") ? "secretValue" : property);
    }
}
