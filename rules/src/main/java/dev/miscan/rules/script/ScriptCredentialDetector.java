package dev.miscan.rules.script;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.script.ShellWords.Command;
import dev.miscan.rules.script.ShellWords.Word;
import dev.miscan.rules.support.CredentialValues;
import dev.miscan.rules.support.Remedies;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials on command lines: the flags and environment variables through which the Azure CLI, database
 * clients, registry logins and Terraform take a key, a password or a client secret, in shell and PowerShell
 * scripts, Dockerfiles, Jenkinsfiles and the script steps of GitHub and Azure Pipelines workflows.
 *
 * <p>A literal value is a leaked credential (the rule of the service); a variable, a secret reference or a
 * command's output is key-based authentication (the rule's key-auth twin): the script still signs in with the
 * key, only the key lives elsewhere. An Entra access token used as a password ({@code $(az account
 * get-access-token …)}) is the passwordless pattern itself and is never reported. A database password counts only
 * when the server the command connects to is an Azure database (written on the command line or in a variable of
 * the same file); other databases are not this scanner's business.
 */
@DetectorInfo(
        rules = {"MI-STORAGE-SHAREDKEY", "MI-STORAGE-KEY-AUTH", "MI-ID-CLIENT-SECRET", "MI-ID-CLIENT-SECRET-AUTH",
                "MI-ID-USERNAME-PASSWORD", "MI-ID-USERNAME-PASSWORD-AUTH", "MI-SQL-JDBC-PASSWORD",
                "MI-POSTGRES-JDBC-PASSWORD", "MI-MYSQL-JDBC-PASSWORD", "MI-DATABASE-PASSWORD-AUTH",
                "MI-ACR-ADMIN-CREDS", "MI-ACR-KEY-AUTH", "MI-API-KEY-HEADER", "MI-FUNCTIONS-KEY-AUTH", "MI-APIM-KEY-AUTH",
                "MI-EVENTGRID-KEY-AUTH", "MI-OPENAI-KEY-AUTH", "MI-SEARCH-KEY-AUTH"},
        keywords = {"--account-key", "--connection-string", "--sas-token", "az login", "sqlcmd", "bcp ", "psql",
                "pg_dump", "pg_restore", "pgpassword", "mysql ", "mysqldump", "mysqladmin", " login ",
                "arm_client_secret", "azure_client_secret", "arm_access_key", "azure_storage_key",
                "azure_storage_access_key", "azcopy_spa_client_secret", "convertto-securestring", "storageaccountkey",
                "sqlcmdpassword", "mysql_pwd", "curl ", "wget ", "invoke-restmethod", "invoke-webrequest", "http ",
                "appsettings set", "azurewebapp@", "azurefunctionapp@", "azurermwebappdeployment@", "env-vars",
                "environment-variables"},
        precedence = 35,
        kind = "script")
public final class ScriptCredentialDetector extends Detector {
    private static final Set<String> SHELL_EXTENSIONS = Set.of("sh", "bash", "zsh", "ksh", "ps1", "psm1", "cmd",
            "bat", "yml", "yaml", "tf", "bicep", "mk");
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{\\{\\s*(?:env|vars|secrets)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}"
                    + "|\\$\\(([A-Za-z_][A-Za-z0-9_.]*)\\)|\\$env:([A-Za-z_][A-Za-z0-9_]*)|\\$([A-Za-z_][A-Za-z0-9_]*)"
                    + "|%([A-Za-z_][A-Za-z0-9_]*)%");
    /**
     * The Azure databases that command-line clients reach with a password: the catalogue service, the clients,
     * the variables that carry the password and the host, the rule and the replacement.
     */
    private enum Database {
        SQL("sql", "Azure SQL server", "sqlcmd|bcp", "SQLCMDPASSWORD", null, "MI-SQL-JDBC-PASSWORD"),
        POSTGRES("postgres", "Azure Database for PostgreSQL server", "psql|pg_dump|pg_restore|pg_dumpall|pgbench",
                "PGPASSWORD", "PGHOST", "MI-POSTGRES-JDBC-PASSWORD"),
        MYSQL("mysql", "Azure Database for MySQL server", "mysql|mysqldump|mysqladmin|mysqlimport", "MYSQL_PWD",
                "MYSQL_HOST", "MI-MYSQL-JDBC-PASSWORD");

        final String service;
        final String label;
        /** A client's name, as a command. */
        final Pattern client;
        /** A client's name anywhere in a file. */
        final Pattern clientInText;
        final String passwordVariable;
        final String hostVariable;
        final String rule;

        Database(String service, String label, String clients, String passwordVariable, String hostVariable,
                String rule) {
            this.service = service;
            this.label = label;
            this.client = Pattern.compile(clients);
            this.clientInText = Pattern.compile("(?i)(?<![A-Za-z0-9_-])(?:" + clients + ")(?![A-Za-z0-9_-])");
            this.passwordVariable = passwordVariable;
            this.hostVariable = hostVariable;
            this.rule = rule;
        }

        Remediation remedy(String host) {
            return switch (this) {
                case SQL -> ScriptRemedies.sqlServer(host);
                case POSTGRES -> ScriptRemedies.postgres(host);
                case MYSQL -> ScriptRemedies.mysql(host);
            };
        }

        static Database ofPasswordVariable(String name) {
            for (Database d : values()) {
                if (d.passwordVariable.equals(name)) {
                    return d;
                }
            }
            return null;
        }

        static boolean isClient(String tool) {
            for (Database d : values()) {
                if (d.client.matcher(tool).matches()) {
                    return true;
                }
            }
            return false;
        }
    }
    /** The script pushes images (docker/podman/helm/oras push, az acr build, Jib): its identity needs AcrPush. */
    private static final Pattern PUSH = Pattern.compile("(?i)\\b(?:docker|podman|buildah|helm|oras|nerdctl) push\\b"
            + "|\\baz acr (?:build|import)\\b|jib:build|\\bbuildx build\\b[^\\n]{0,200}--push");
    private static final Pattern GUID_ZERO = Pattern.compile("0{8}-0{4}-0{4}-0{4}-0{12}");
    /** Environment variables that hand a credential to the Azure CLI, azcopy, Terraform or the Azure SDKs. */
    private static final Map<String, String> CREDENTIAL_VARIABLES = Map.of(
            "ARM_CLIENT_SECRET", "MI-ID-CLIENT-SECRET",
            "AZURE_CLIENT_SECRET", "MI-ID-CLIENT-SECRET",
            "AZCOPY_SPA_CLIENT_SECRET", "MI-ID-CLIENT-SECRET",
            "ARM_ACCESS_KEY", "MI-STORAGE-SHAREDKEY",
            "AZURE_STORAGE_KEY", "MI-STORAGE-SHAREDKEY",
            "AZURE_STORAGE_ACCESS_KEY", "MI-STORAGE-SHAREDKEY");

    /** The rules named above, and the key-based-auth rules of the credential settings an app may be given. */
    private final List<String> rules;
    /** The key-based-auth rule of each secret rule a setting may have. */
    private final Map<String, String> settingKeyAuth;

    public ScriptCredentialDetector() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(super.ruleIds());
        Map<String, String> keyAuth = new HashMap<>();
        List<dev.miscan.core.api.RuleDescriptor> descriptors = dev.miscan.core.engine.RuleRegistry
                .readRules(ScriptCredentialDetector.class.getClassLoader());
        for (String secret : dev.miscan.rules.config.ConfigSlots.settingRules()) {
            descriptors.stream().filter(d -> d.id().equals(secret) && !d.keyAuth().isEmpty()).findFirst()
                    .ifPresent(d -> {
                        all.add(d.keyAuth());
                        keyAuth.put(d.id(), d.keyAuth());
                    });
        }
        rules = List.copyOf(all);
        settingKeyAuth = Map.copyOf(keyAuth);
    }

    @Override
    public List<String> ruleIds() {
        return rules;
    }

    @Override
    public Remediation exampleRemediation() {
        return ScriptRemedies.storage(null, null);
    }

    @Override
    public Remediation exampleRemediation(String ruleId) {
        return switch (ruleId) {
            case "MI-ID-CLIENT-SECRET", "MI-ID-CLIENT-SECRET-AUTH", "MI-ID-USERNAME-PASSWORD",
                    "MI-ID-USERNAME-PASSWORD-AUTH" -> ScriptRemedies.signIn("", false);
            case "MI-SQL-JDBC-PASSWORD" -> ScriptRemedies.sqlServer(null);
            case "MI-POSTGRES-JDBC-PASSWORD", "MI-DATABASE-PASSWORD-AUTH" -> ScriptRemedies.postgres(null);
            case "MI-MYSQL-JDBC-PASSWORD" -> ScriptRemedies.mysql(null);
            case "MI-ACR-ADMIN-CREDS", "MI-ACR-KEY-AUTH" -> Remedies.containerRegistry(null);
            default -> exampleRemediation();
        };
    }

    /** Whether the document is read as commands: scripts, Dockerfiles, Jenkinsfiles, pipelines and IaC scripts. */
    static boolean isScript(Document doc) {
        if (doc.derived()) {
            return false;
        }
        String name = doc.fileName().toLowerCase(Locale.ROOT);
        return SHELL_EXTENSIONS.contains(doc.extension()) || name.equals("dockerfile") || name.startsWith("dockerfile.")
                || name.endsWith(".dockerfile") || name.equals("jenkinsfile") || name.equals("makefile")
                || doc.text().startsWith("#!");
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        if (!isScript(doc)) {
            return;
        }
        String ext = doc.extension();
        List<Command> commands = ShellWords.read(doc.text(), ext.startsWith("ps"), ext.equals("cmd") || ext.equals("bat"));
        Map<String, String> vars = variables(commands);
        includedVariables(doc, vars);
        Scope scope = new Scope(doc, sink, vars);
        boolean appSettingsTask = doc.text().contains("appSettings:") || doc.text().contains("AppSettings:");
        for (Command c : commands) {
            List<Word> w = c.words();
            for (int i = 0; i < w.size(); i++) {
                String t = tool(w.get(i));
                switch (t) {
                    case "az" -> az(scope, c, w.subList(i + 1, w.size()));
                    case "sqlcmd", "bcp", "invoke-sqlcmd" -> sqlcmd(scope, c, w.subList(i + 1, w.size()));
                    case "psql", "pg_dump", "pg_restore", "pg_dumpall", "pgbench" -> psql(scope, c, w, i);
                    case "mysql", "mysqldump", "mysqladmin", "mysqlimport" -> mysql(scope, c, w, i);
                    case "docker", "podman", "buildah", "nerdctl", "helm", "oras" -> registryLogin(scope, c,
                            w.subList(i + 1, w.size()));
                    case "new-azstoragecontext" -> storageContext(scope, c, w.subList(i + 1, w.size()));
                    case "convertto-securestring" -> secureString(scope, c, w.subList(i + 1, w.size()));
                    case "curl", "wget", "http", "https", "invoke-restmethod", "invoke-webrequest", "irm", "iwr" ->
                            headers(scope, c, w.subList(i + 1, w.size()));
                    default -> {
                        continue;
                    }
                }
                break;
            }
            credentialVariables(scope, c);
            if (appSettingsTask) {
                taskAppSettings(scope, c);
            }
        }
    }

    /**
     * The {@code appSettings} input of the Azure Pipelines web and function app tasks: {@code -NAME value} pairs.
     */
    private void taskAppSettings(Scope s, Command c) {
        List<Word> w = c.words();
        for (int i = 0; i + 1 < w.size(); i++) {
            String t = w.get(i).text();
            if (t.length() > 2 && t.charAt(0) == '-' && t.charAt(1) != '-' && assignedName(t.substring(1) + "=") != null) {
                setting(s, c, t.substring(1), w.get(i + 1));
            }
        }
    }

    /** What one scan needs to hand around: the document, the sink and the file's variables. */
    private record Scope(Document doc, FindingSink sink, Map<String, String> vars) {
    }

    private static String tool(Word w) {
        String t = w.lower();
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
        t = slash >= 0 ? t.substring(slash + 1) : t;
        return t.endsWith(".exe") ? t.substring(0, t.length() - 4) : t;
    }

    // ---------------------------------------------------------------------------------------------- az

    private void az(Scope s, Command c, List<Word> args) {
        if (args.isEmpty()) {
            return;
        }
        String group = args.get(0).lower();
        if (group.equals("login")) {
            if (has(args, "--identity") || has(args, "--federated-token") || has(args, "--certificate")) {
                return;
            }
            Word pw = option(args, "-p", "--password", "--client-secret", "--secret");
            if (pw == null || isFile(pw.text())) {
                return;
            }
            boolean sp = has(args, "--service-principal");
            credential(s, c, pw, sp ? "MI-ID-CLIENT-SECRET" : "MI-ID-USERNAME-PASSWORD", Kind.SECRET,
                    (sp ? "Client secret of a service principal" : "User password") + " on the az login command line",
                    ScriptRemedies.signIn(s.doc().path(), false));
            return;
        }
        if (group.equals("acr") && args.size() > 1 && args.get(1).lower().equals("login")) {
            Word pw = option(args, "-p", "--password");
            if (pw != null) {
                Word name = option(args, "-n", "--name");
                String registry = name == null ? null : name.text() + ".azurecr.io";
                credential(s, c, pw, "MI-ACR-ADMIN-CREDS", Kind.SECRET, "Registry password on the az acr login command"
                        + " line", Remedies.containerRegistry(name == null ? null : name.text()));
            }
            return;
        }
        if ((group.equals("webapp") || group.equals("functionapp") || group.equals("logicapp")
                || group.equals("containerapp") || group.equals("container") || group.equals("staticwebapp"))) {
            settings(s, c, args, "--settings", "--set-env-vars", "--env-vars", "--environment-variables",
                    "--secure-environment-variables", "--replace-env-vars");
        }
        Word account = option(args, "--account-name");
        String accountName = account == null || CredentialValues.isReference(account.text()) ? null : account.text();
        String command = commandName(args);
        Word key = option(args, "--account-key");
        if (key != null) {
            credential(s, c, key, "MI-STORAGE-SHAREDKEY", Kind.KEY, "Storage account key on the az " + command
                    + " command line", ScriptRemedies.storage(accountName, "az " + command));
        }
        if (group.equals("storage")) {
            for (String flag : new String[] {"--connection-string", "--sas-token"}) {
                Word v = option(args, flag);
                if (v != null && isElsewhere(v.text())) {
                    // a literal connection string or SAS is the value detectors' (they know its parts)
                    credential(s, c, v, "MI-STORAGE-SHAREDKEY", Kind.KEY, (flag.equals("--sas-token") ? "SAS token"
                            : "Connection string") + " on the az " + command + " command line",
                            ScriptRemedies.storage(accountName, "az " + command));
                }
            }
        }
    }

    /**
     * {@code --settings A=1 B=$X}: app settings and environment variables set on a deployed app. A credential
     * setting (a standard name, or a connection string that names its service) filled from a variable is
     * key-based authentication of that service; a literal is the value rules' to judge.
     */
    private void settings(Scope s, Command c, List<Word> args, String... flags) {
        boolean in = false;
        for (Word w : args) {
            String t = w.text();
            if (t.startsWith("--")) {
                in = java.util.Arrays.stream(flags).anyMatch(f -> f.equalsIgnoreCase(t));
                continue;
            }
            String name = in ? assignedName(t) : null;
            if (name != null) {
                setting(s, c, name, w.from(name.length() + 1));
            }
        }
    }

    private void setting(Scope s, Command c, String name, Word value) {
        String v = value.text().strip();
        dev.miscan.rules.config.ConfigSlots.Slot slot = dev.miscan.rules.config.ConfigSlots.slotOfSetting(name);
        if (slot == null || v.isEmpty() || value.offset() < 0 || c.commented() || !isElsewhere(v)
                || CredentialValues.isEntraToken(v)) {
            return;
        }
        String rule = settingKeyAuth.get(slot.rule());
        if (rule == null) {
            return;
        }
        Remediation r = new Remediation(rule(rule).service(), "", "Replace the setting with its identity-based form,"
                + " give the app's managed identity the service's data role, and remove the key.", "properties",
                slot.passwordless().replace("\\n", "\n"), "", List.of(), "", List.of());
        report(s.doc(), s.sink(), rule, value.offset(), v, "Key-based authentication: the app setting " + name
                + " gets a credential from " + CredentialValues.referenceName(v) + "; with a managed identity the app"
                + " needs no such setting.", r);
    }

    /** "storage blob upload": the command words before the first option. */
    private static String commandName(List<Word> args) {
        StringBuilder sb = new StringBuilder();
        for (Word w : args) {
            if (w.text().startsWith("-") || sb.length() > 60) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(w.text());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ databases

    private void sqlcmd(Scope s, Command c, List<Word> args) {
        Word pw = option(args, "-P", "-Password");
        Word server = option(args, "-S", "-ServerInstance", "--server");
        if (pw == null || server == null) {
            return;
        }
        String host = azureDatabaseHost(s, server.text(), Database.SQL.service);
        if (host != null) {
            credential(s, c, pw, Database.SQL.rule, Kind.PASSWORD, "Password for the " + Database.SQL.label + " '"
                    + host + "' on the command line", Database.SQL.remedy(host));
        }
    }

    private void psql(Scope s, Command c, List<Word> all, int at) {
        List<Word> args = all.subList(at + 1, all.size());
        String host = null;
        Word password = null;
        Word h = option(args, "-h", "--host");
        if (h != null) {
            host = azureDatabaseHost(s, h.text(), Database.POSTGRES.service);
        }
        boolean hasHost = false;
        for (Word w : args) {
            // a conninfo string or URL: host=… password=…, postgresql://user:password@host/db
            String lower = w.lower();
            if (lower.contains("host=") || lower.startsWith("postgres")) {
                hasHost = true;
                String found = azureDatabaseHost(s, w.text(), Database.POSTGRES.service);
                host = host != null ? host : found;
                int p = lower.indexOf("password=");
                if (p >= 0 && found != null) {
                    int from = p + "password=".length();
                    int end = w.text().startsWith("$(", from) ? closingParen(w.text(), from + 1) : w.text().indexOf(' ', from);
                    password = w.slice(from, end < 0 ? w.text().length() : end);
                }
            }
        }
        connect(s, c, all, at, Database.POSTGRES, host, h != null || hasHost, password);
    }

    private void mysql(Scope s, Command c, List<Word> all, int at) {
        List<Word> args = all.subList(at + 1, all.size());
        String host = null;
        Word password = null;
        boolean hasHost = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String t = w.text();
            hasHost |= t.startsWith("-h") || t.startsWith("--host");
            if (t.equals("-h") || t.equals("--host")) {
                if (i + 1 < args.size()) {
                    host = azureDatabaseHost(s, args.get(i + 1).text(), Database.MYSQL.service);
                }
            } else if (t.startsWith("-h") && !t.startsWith("--") && t.length() > 2) {
                host = azureDatabaseHost(s, t.substring(2), Database.MYSQL.service);
            } else if (t.startsWith("--host=")) {
                host = azureDatabaseHost(s, t.substring(7), Database.MYSQL.service);
            } else if (t.startsWith("--password=") && t.length() > 11) {
                password = w.from(11);
            } else if (t.startsWith("-p") && !t.startsWith("--") && t.length() > 2) {
                // -pSECRET: attached; "-p SECRET" prompts and names a database
                password = w.from(2);
            }
        }
        connect(s, c, all, at, Database.MYSQL, host, hasHost, password);
    }

    /**
     * A database client's connection: the host written on the command line ({@code hostWritten}) or set in the
     * client's host variable; the password on the line or in the client's password variable before the command.
     */
    private void connect(Scope s, Command c, List<Word> all, int at, Database db, String host, boolean hostWritten,
            Word password) {
        String server = host == null && !hostWritten ? variableHost(s, all, at, db.hostVariable, db.service) : host;
        if (server == null) {
            return;
        }
        Word pw = password != null ? password : prefixAssignment(all, at, db.passwordVariable);
        if (pw != null) {
            credential(s, c, pw, db.rule, Kind.PASSWORD, "Password for the " + db.label + " '" + server + "'",
                    db.remedy(server));
        }
    }

    /** The Azure database host in {@code value}, after the file's variables are put in, or null. */
    private static String azureDatabaseHost(Scope s, String value, String service) {
        return azureDatabaseHostIn(resolve(s.vars(), value), service);
    }

    /** The first host name of {@code service} in {@code text}, or null: found by its suffix, read backwards. */
    private static String azureDatabaseHostIn(String text, String service) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String suffix : AzureCatalogue.get().service(service).hostSuffixes()) {
            int i = lower.indexOf(suffix);
            if (i >= 0) {
                int start = i;
                while (start > 0 && i - start < 253 && isHostChar(lower.charAt(start - 1))) {
                    start--;
                }
                return lower.substring(start, i + suffix.length());
            }
        }
        return null;
    }

    /** A character of a host name, or of a variable standing for part of one ({@code ${NAME}.database…}). */
    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '$' || c == '{' || c == '}';
    }

    private static int closingParen(String t, int open) {
        int depth = 0;
        for (int j = open; j < t.length(); j++) {
            if (t.charAt(j) == '(') {
                depth++;
            } else if (t.charAt(j) == ')' && --depth == 0) {
                return j + 1;
            }
        }
        return -1;
    }

    /** The host in an environment variable set before the command or in the file (PGHOST, MYSQL_HOST). */
    private static String variableHost(Scope s, List<Word> all, int at, String name, String service) {
        Word prefix = prefixAssignment(all, at, name);
        if (prefix != null) {
            return azureDatabaseHost(s, prefix.text(), service);
        }
        String v = s.vars().get(name);
        return v == null ? null : azureDatabaseHost(s, v, service);
    }

    /** {@code NAME=value} before the command on its line, or the file's own assignment of NAME. */
    private static Word prefixAssignment(List<Word> all, int at, String name) {
        for (int i = 0; i < at; i++) {
            String t = all.get(i).text();
            if (t.startsWith(name + "=")) {
                return all.get(i).from(name.length() + 1);
            }
        }
        return null;
    }

    // --------------------------------------------------------------------------------------- registries

    private void registryLogin(Scope s, Command c, List<Word> args) {
        int login = -1;
        for (int i = 0; i < Math.min(3, args.size()); i++) {
            if (args.get(i).lower().equals("login")) {
                login = i;
                break;
            }
        }
        if (login < 0) {
            return;
        }
        List<Word> rest = args.subList(login + 1, args.size());
        String registry = null;
        for (Word w : rest) {
            String resolved = resolve(s.vars(), w.text());
            if (resolved.toLowerCase(Locale.ROOT).indexOf(".azurecr.") > 0 && !w.text().startsWith("-")) {
                registry = resolved;
            }
        }
        if (registry == null) {
            return;
        }
        Word user = option(rest, "-u", "--username");
        if (user != null && GUID_ZERO.matcher(user.text()).matches()) {
            return; // the user of an Entra token from az acr login --expose-token: passwordless
        }
        Word pw = option(rest, "-p", "--password");
        String name = registry.replaceAll("(?i)\\.azurecr\\..*$", "").replaceAll("^.*[/:]", "");
        if (pw == null && has(rest, "--password-stdin") && c.pipedFrom() != null) {
            List<Word> from = c.pipedFrom().words();
            int echo = -1;
            for (int i = 0; i < from.size(); i++) {
                String t = tool(from.get(i));
                if (t.equals("echo") || t.equals("printf") || t.equals("write-output")) {
                    echo = i;
                    break;
                }
            }
            if (echo >= 0 && echo + 1 < from.size()) {
                pw = from.get(from.size() - 1);
                if (pw.text().startsWith("-")) {
                    pw = null;
                }
            } else if (!from.isEmpty()) {
                // cat file | docker login: the password is kept in a file, not written here
                pw = null;
            }
        }
        if (pw != null) {
            boolean push = PUSH.matcher(s.doc().text()).find();
            credential(s, c, pw, "MI-ACR-ADMIN-CREDS", Kind.SECRET, "Password for the container registry '" + name
                    + ".azurecr.io' on the login command line", Remedies.containerRegistry(name, push));
        }
    }

    // ------------------------------------------------------------------------------------------ HTTP

    /**
     * An Azure key header on a curl, wget, HTTPie or Invoke-RestMethod command: {@code -H "x-functions-key: …"},
     * {@code x-functions-key:…} (HTTPie), {@code -Headers @{ 'x-functions-key' = … }}.
     */
    private void headers(Scope s, Command c, List<Word> args) {
        String context = resolve(s.vars(), String.join(" ", args.stream().map(Word::text).toList()))
                .toLowerCase(Locale.ROOT);
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String t = w.text();
            int colon = t.indexOf(':');
            if (colon > 0 && dev.miscan.rules.http.HeaderKeys.isKeyHeader(t.substring(0, colon).strip())) {
                int from = colon + 1;
                while (from < t.length() && t.charAt(from) == ' ') {
                    from++;
                }
                header(s, c, t.substring(0, colon).strip(), w.slice(from, t.length()), context);
            } else if (dev.miscan.rules.http.HeaderKeys.isKeyHeader(t.replaceFirst("^@\\{", "")) && i + 2 < args.size()
                    && args.get(i + 1).text().equals("=")) {
                Word v = args.get(i + 2);
                int end = v.text().length();
                while (end > 0 && (v.text().charAt(end - 1) == '}' || v.text().charAt(end - 1) == ';')) {
                    end--;
                }
                header(s, c, t.replaceFirst("^@\\{", ""), v.slice(0, end), context);
            }
        }
    }

    private void header(Scope s, Command c, String header, Word value, String context) {
        String v = value.text().strip();
        if (v.isEmpty() || value.offset() < 0) {
            return;
        }
        if (isElsewhere(v)) {
            String rule = dev.miscan.rules.http.HeaderKeys.keyAuthRule(header, context);
            if (rule != null && !c.commented()) {
                Remediation r = switch (rule) {
                    case "MI-FUNCTIONS-KEY-AUTH" -> Remedies.catalogue("functions", null);
                    case "MI-APIM-KEY-AUTH" -> Remedies.catalogue("apim", null);
                    default -> Remedies.apiKeyHeader(header, rule.equals("MI-SEARCH-KEY-AUTH") ? "search" : header);
                };
                report(s.doc(), s.sink(), rule, value.offset(), v, "Key-based authentication: the " + header
                        + " header sends a key from " + CredentialValues.referenceName(v) + "; a Microsoft Entra token"
                        + " replaces it.", r);
            }
            return;
        }
        if (v.length() >= 20 && v.indexOf(' ') < 0 && !Placeholders.isPlaceholder(v) && KeyShapes.looksRandom(v)) {
            report(s.doc(), s.sink(), "MI-API-KEY-HEADER", value.offset(), value.text(), (c.commented()
                    ? "Commented-out: the " : "The ") + header + " header sends a key written in the script: anyone"
                    + " who reads it can call the API.", Remedies.apiKeyHeader(header, header.toLowerCase(Locale.ROOT)));
        }
    }

    // ------------------------------------------------------------------------------------------ PowerShell

    private void storageContext(Scope s, Command c, List<Word> args) {
        Word account = option(args, "-StorageAccountName");
        String name = account == null || CredentialValues.isReference(account.text()) ? null : account.text();
        Word key = option(args, "-StorageAccountKey");
        if (key != null) {
            credential(s, c, key, "MI-STORAGE-SHAREDKEY", Kind.KEY, "Storage account key passed to"
                    + " New-AzStorageContext", ScriptRemedies.storage(name, null));
        }
        for (String flag : new String[] {"-ConnectionString", "-SasToken"}) {
            Word v = option(args, flag);
            if (v != null && isElsewhere(v.text())) {
                credential(s, c, v, "MI-STORAGE-SHAREDKEY", Kind.KEY, flag.substring(1) + " passed to"
                        + " New-AzStorageContext", ScriptRemedies.storage(name, null));
            }
        }
    }

    /**
     * {@code ConvertTo-SecureString "…" -AsPlainText}: a plain-text secret turned into a credential. It is a
     * client secret when the same file signs in with {@code Connect-AzAccount -ServicePrincipal}, a user
     * password when it signs in a user, and nothing this scanner judges otherwise.
     */
    private void secureString(Scope s, Command c, List<Word> args) {
        if (!has(args, "-AsPlainText")) {
            return;
        }
        String text = s.doc().text().toLowerCase(Locale.ROOT);
        int connect = text.indexOf("connect-azaccount");
        if (connect < 0) {
            return;
        }
        boolean sp = text.indexOf("-serviceprincipal", connect) > 0;
        Word v = option(args, "-String");
        if (v == null) {
            for (Word w : args) {
                if (!w.text().startsWith("-")) {
                    v = w;
                    break;
                }
            }
        }
        if (v == null && c.pipedFrom() != null && !c.pipedFrom().words().isEmpty()) {
            List<Word> from = c.pipedFrom().words();
            v = from.get(from.size() - 1);
        }
        if (v != null) {
            credential(s, c, v, sp ? "MI-ID-CLIENT-SECRET" : "MI-ID-USERNAME-PASSWORD", Kind.SECRET,
                    (sp ? "Client secret" : "Password") + " turned into the credential of Connect-AzAccount",
                    ScriptRemedies.signIn(s.doc().path(), false));
        }
    }

    // ------------------------------------------------------------------------------------ environment

    /**
     * {@code export ARM_CLIENT_SECRET=…}, {@code $env:AZURE_CLIENT_SECRET = …}, {@code set ARM_ACCESS_KEY=…} and
     * the database clients' password variables when the file connects to an Azure database. A YAML mapping
     * ({@code env: ARM_CLIENT_SECRET: …}) is a setting: the configuration detector reads it.
     */
    private void credentialVariables(Scope s, Command c) {
        List<Word> w = c.words();
        for (int i = 0; i < w.size(); i++) {
            String t = w.get(i).text();
            String name;
            Word value;
            String assigned = assignedName(t);
            if (assigned != null && (i == 0 || isAssignmentLead(w.get(i - 1).lower()) || isAssignmentWord(w, i))) {
                name = assigned;
                value = w.get(i).from(name.length() + 1);
            } else if (t.regionMatches(true, 0, "$env:", 0, 5) && i + 2 < w.size() && w.get(i + 1).text().equals("=")) {
                name = t.substring(5);
                value = w.get(i + 2);
            } else if (i == 0 && t.endsWith(":") && i + 1 < w.size() && Database.ofPasswordVariable(t.substring(0, t.length() - 1)) != null) {
                // a workflow step's env: SQLCMDPASSWORD: ${{ secrets.X }} (the configuration detector has no slot for it)
                name = t.substring(0, t.length() - 1);
                value = w.get(i + 1);
            } else {
                continue;
            }
            String upper = name.toUpperCase(Locale.ROOT);
            String rule = CREDENTIAL_VARIABLES.get(upper);
            if (rule != null && isSetting(s.doc(), w, i)) {
                continue; // a .env line, a Dockerfile ENV, a compose list item: the configuration detector reads it
            }
            if (rule != null) {
                Remediation r = rule.startsWith("MI-ID") ? ScriptRemedies.signIn(s.doc().path(), upper.startsWith("ARM_"))
                        : ScriptRemedies.storage(null, null);
                credential(s, c, value, rule, rule.startsWith("MI-ID") ? Kind.SECRET : Kind.KEY, "The environment"
                        + " variable " + upper + " hands " + (rule.startsWith("MI-ID") ? "a client secret"
                        : "a storage account key") + " to the tools this script runs", r);
            } else if (Database.ofPasswordVariable(upper) != null) {
                Database db = Database.ofPasswordVariable(upper);
                String host = fileDatabaseHost(s, db);
                if (host != null && !isCommandPrefix(w, i)) {
                    credential(s, c, value, db.rule, Kind.PASSWORD, "Password for the " + db.label + " '" + host
                            + "' in " + upper, db.remedy(host));
                }
            }
        }
    }

    /** Whether the assignment at word {@code i} is a setting the configuration reader also reads. */
    private static boolean isSetting(Document doc, List<Word> w, int i) {
        dev.miscan.core.parse.config.ConfigView.Format format = dev.miscan.core.parse.config.ConfigView.formatOf(doc);
        String previous = i == 0 ? "" : w.get(i - 1).text();
        return switch (format) {
            case ENV -> i == 0 || i == 1 && previous.equals("export") || isAssignmentWord(w, i);
            case YAML -> i == 0 || previous.equals("-");
            default -> false;
        };
    }

    private static boolean isAssignmentLead(String previous) {
        return previous.equals("export") || previous.equals("set") || previous.equals("env")
                || previous.equals("local") || previous.equals("declare") || previous.equals("-x")
                || previous.equals("readonly") || previous.equals("run") || previous.equals("-")
                || previous.endsWith(":");
    }

    /** Dockerfile {@code ENV A=1 B=2}: every word of an ENV/ARG instruction is an assignment. */
    private static boolean isAssignmentWord(List<Word> w, int i) {
        String first = w.get(0).text();
        return first.equals("ENV") || first.equals("ARG");
    }

    /** {@code PGPASSWORD=… psql …}: the psql reader reports it with the host of that very command. */
    private static boolean isCommandPrefix(List<Word> w, int i) {
        for (int j = i + 1; j < w.size(); j++) {
            if (assignedName(w.get(j).text()) == null) {
                return Database.isClient(tool(w.get(j)));
            }
        }
        return false;
    }

    /** The Azure database host a database client of this file connects to, for a password variable. */
    private static String fileDatabaseHost(Scope s, Database db) {
        String text = s.doc().text();
        if (!db.clientInText.matcher(text).find()) {
            return null;
        }
        return azureDatabaseHostIn(resolve(s.vars(), text), db.service);
    }


    // ------------------------------------------------------------------------------------------ values

    private enum Kind { KEY, SECRET, PASSWORD }

    /** Reports {@code value} under {@code rule} when it is a literal, under its key-auth twin when it is kept elsewhere. */
    private void credential(Scope s, Command c, Word value, String rule, Kind kind, String what, Remediation r) {
        String v = value.text().strip();
        if (v.isEmpty() || value.offset() < 0 || CredentialValues.isEntraToken(v)) {
            return;
        }
        if (isElsewhere(v)) {
            if (c.commented()) {
                return;
            }
            String keyAuth = rule.equals("MI-ACR-ADMIN-CREDS") ? "MI-ACR-KEY-AUTH" : keyAuthOf(rule);
            report(s.doc(), s.sink(), keyAuth, value.offset(), v, "Key-based authentication: " + lowerFirst(what)
                    + " comes from " + CredentialValues.referenceName(v) + "; with an identity the script needs no credential.", r);
            return;
        }
        if (!isPlausible(v, kind)) {
            return;
        }
        report(s.doc(), s.sink(), rule, value.offset(), value.text(), (c.commented() ? "Commented-out: " : "") + what
                + ": anyone who reads the script has it.", r);
    }

    /** A value kept elsewhere: a variable, a command's output, a pipeline or template reference. */
    private static boolean isElsewhere(String v) {
        return CredentialValues.isReference(v) || v.startsWith("$") || v.startsWith("%") && v.endsWith("%")
                || v.startsWith("(") && v.contains("$");
    }

    private static boolean isPlausible(String v, Kind kind) {
        if (Placeholders.isPlaceholder(v) || KnownNonSecrets.isKnownNonSecret(v)) {
            return false;
        }
        return switch (kind) {
            case KEY -> KeyShapes.is64ByteKey(v) || KeyShapes.is32ByteKey(v);
            case SECRET, PASSWORD -> CredentialValues.isPlausiblePassword(v)
                    && !v.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        };
    }

    private static boolean isFile(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.endsWith(".pem") || l.endsWith(".pfx") || l.endsWith(".crt") || l.endsWith(".cer")
                || l.endsWith(".p12");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------------------------------ options

    private static boolean has(List<Word> args, String flag) {
        for (Word w : args) {
            if (w.text().equalsIgnoreCase(flag)) {
                return true;
            }
        }
        return false;
    }

    /** The value of the first of {@code flags} present: {@code --flag value} or {@code --flag=value}. */
    private static Word option(List<Word> args, String... flags) {
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            for (String f : flags) {
                // short options are case-sensitive (sqlcmd -P is the password, -p prints statistics)
                boolean same = f.startsWith("--") || f.length() > 2 ? t.equalsIgnoreCase(f) : t.equals(f);
                if (same && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
                if (f.startsWith("--") && t.regionMatches(true, 0, f + "=", 0, f.length() + 1)) {
                    return args.get(i).from(f.length() + 1);
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ variables

    /** The file's own variables: {@code NAME=value}, {@code $NAME = "value"}, {@code NAME: value}. */
    private static Map<String, String> variables(List<Command> commands) {
        Map<String, String> vars = new HashMap<>();
        for (Command c : commands) {
            List<Word> w = c.words();
            for (int i = 0; i < w.size(); i++) {
                String t = w.get(i).text();
                String name = assignedName(t);
                if (name != null) {
                    vars.putIfAbsent(name, t.substring(name.length() + 1));
                } else if (t.startsWith("$") && i + 2 < w.size() && w.get(i + 1).text().equals("=")) {
                    String psName = t.startsWith("$env:") ? t.substring(5) : t.substring(1);
                    vars.putIfAbsent(psName, w.get(i + 2).text());
                } else if (t.endsWith(":") && t.length() > 1 && i + 1 < w.size()
                        && assignedName(t.substring(0, t.length() - 1) + "=") != null) {
                    vars.putIfAbsent(t.substring(0, t.length() - 1), w.get(i + 1).text());
                }
            }
        }
        return vars;
    }

    /** NAME of a word {@code NAME=value}, or null. */
    static String assignedName(String word) {
        int eq = word.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        for (int i = 0; i < eq; i++) {
            char c = word.charAt(i);
            if (!(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9')) {
                return null;
            }
        }
        return word.substring(0, eq);
    }

    private static final Pattern TEMPLATE = Pattern.compile("(?m)^[ \\t]*+(?:-[ \\t]*+)?template:[ \\t]*+['\"]?([^\\s'\"#@]{1,300}\\.ya?ml)");

    /**
     * The variables of the templates an Azure Pipelines file includes ({@code - template: vars/prod.yml}), where
     * the scan has them: {@code $(sqlServer)} may be set there.
     */
    private static void includedVariables(Document doc, Map<String, String> vars) {
        if (!doc.extension().startsWith("y") || doc.text().indexOf("template:") < 0) {
            return;
        }
        dev.miscan.core.parse.config.SettingsIndex index = doc.view(dev.miscan.core.parse.config.SettingsIndex.VIEW);
        Matcher m = TEMPLATE.matcher(doc.text());
        int count = 0;
        while (m.find() && count++ < 16) {
            for (dev.miscan.core.parse.config.ConfigEntry e : index.included(doc.path(), m.group(1))) {
                String key = e.key();
                String name = key.substring(key.lastIndexOf('.') + 1);
                if (e.value() != null && !e.reference() && assignedName(name + "=") != null) {
                    vars.putIfAbsent(name, e.value());
                }
            }
        }
    }

    /** {@code value} with the file's variables put in, one level deep (enough for a host name). */
    static String resolve(Map<String, String> vars, String value) {
        if (value.indexOf('$') < 0 && value.indexOf('%') < 0) {
            return value;
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = null;
            for (int g = 1; g <= m.groupCount() && name == null; g++) {
                name = m.group(g);
            }
            String v = Optional.ofNullable(vars.get(name)).orElse(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
