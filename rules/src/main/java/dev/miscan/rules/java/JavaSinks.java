package dev.miscan.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.KeywordIndex;
import dev.miscan.core.parse.java.ConstantIndex;
import dev.miscan.core.parse.java.JavaNames;
import dev.miscan.core.parse.java.JavaValues;
import dev.miscan.core.parse.java.JavaView;
import dev.miscan.core.parse.java.TracedString;
import dev.miscan.core.parse.java.UnitNodes;
import dev.miscan.core.secrets.JdbcUrl;
import dev.miscan.core.secrets.KnownNonSecrets;
import dev.miscan.rules.config.CatalogueRules;
import dev.miscan.rules.java.Credentials.Slot;
import dev.miscan.rules.java.Credentials.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the credential sinks of a Java file (Azure SDK builders and constructors that take a key,
 * connection string, SAS or password; JDBC and Redis passwords; API-key headers; Spring {@code @Value}
 * defaults), resolves what reaches each through {@link JavaValues}, and decides the findings of every
 * Java sink rule at once. The rules share the result through the document's view cache, so a file is
 * parsed and analysed once however many of them run.
 *
 * <p>Types are matched by the name the code writes (constructor, declared type of a variable or field,
 * static factory) checked against the unit's imports; a builder whose type cannot be told is matched by
 * its method name when the chain or the imports say which service it is.
 */
final class JavaSinks {
    /** One finding for one rule. {@code path} is this document's, or the file that defines a constant. */
    record Found(String ruleId, String path, int offset, String secret, String message, Remediation remediation) {
    }

    static final Document.View<List<Found>> VIEW = JavaSinks::analyze;

    private static final Map<String, SinkFamily> BUILDERS = new HashMap<>();

    /** The builders of {@code family}, sorted. */
    static List<String> clientsOf(SinkFamily family) {
        return BUILDERS.entrySet().stream().filter(e -> e.getValue() == family).map(Map.Entry::getKey).sorted().toList();
    }
    private static final Set<String> KEY_VAULT_BUILDERS = Set.copyOf(AzureCatalogue.get().service("keyvault").javaBuilders());
    private static final Set<String> KEY_CREDENTIAL_TYPES = Set.of("StorageSharedKeyCredential",
            "AzureNamedKeyCredential", "AzureKeyCredential", "AzureSasCredential", "KeyCredential");
    private static final Set<String> SINK_METHODS = Set.of("connectionString", "sasToken", "key", "resourceToken",
            "withMasterKeyOrResourceToken", "clientSecret", "password", "clientCertificatePassword", "pfxCertificate",
            "apiKey", "credential", "getConnection", "setPassword", "auth", "withPassword", "withAuthentication", "of",
            "setSasKey", "parse", "fromConnectionString", "createFromSecret", "createFromConnectionString",
            "createFromConnectionStringSync", "createSync", "create", "setProperty", "put");
    /** Sink methods recognised without resolving the receiver's type. */
    private static final Set<String> CHEAP_ONLY = Set.of("getConnection", "of", "parse", "fromConnectionString",
            "createFromSecret", "createFromConnectionString", "createFromConnectionStringSync", "createSync", "create",
            "setProperty", "put", "setHeader", "addHeader", "header", "set", "add", "setRequestProperty",
            "addRequestProperty", "putHeader", "headers");
    private static final Set<String> CONSTRUCTORS = Set.of("StorageSharedKeyCredential", "StorageCredentialsAccountAndKey",
            "SharedKeyCredentials", "StorageCredentialsSharedAccessSignature", "AzureNamedKeyCredential",
            "AzureKeyCredential", "KeyCredential", "AzureSasCredential", "ConnectionStringBuilder", "DocumentClient",
            "ClientCredential", "ApplicationTokenCredentials", "JedisPool", "JedisPooled");
    private static final Set<String> HEADER_METHODS = Set.of("setHeader", "addHeader", "header", "set", "add", "put",
            "setRequestProperty", "addRequestProperty", "putHeader", "headers");
    private static final Set<String> KEY_HEADERS = Set.of("api-key", "ocp-apim-subscription-key", "x-functions-key",
            "aeg-sas-key", "aeg-sas-token");
    private static final List<String> AZURE_DB_SUFFIXES = AzureCatalogue.get().hostSuffixes("sql", "postgres", "mysql");
    private static final List<String> AZURE_REDIS_SUFFIXES = AzureCatalogue.get().hostSuffixes("redis");
    private static final List<String> CREDENTIAL_PROPERTY_ENDINGS = List.of("password", "passwd", "pwd", "secret",
            "credential", "connectionstring", "accountkey", "accesskey", "apikey", "sastoken", "sharedkey", "token", "key");

    static {
        // the Azure SDK clients of each service are the catalogue's; the family says how a sink of them is read
        for (AzureCatalogue.Service service : AzureCatalogue.get().services()) {
            SinkFamily family = SinkFamily.ofCatalogueService(service.key());
            if (family != null) {
                service.javaBuilders().forEach(b -> BUILDERS.put(b, family));
            }
        }
        // other Azure SDK clients whose key credential has no service rule of its own
        for (String b : List.of("MetricsAdvisorClientBuilder", "PersonalizerClientBuilder")) {
            BUILDERS.put(b, SinkFamily.KEY_CREDENTIAL);
        }
        for (String b : List.of("ClientSecretCredentialBuilder", "OnBehalfOfCredentialBuilder")) {
            BUILDERS.put(b, SinkFamily.CLIENT_SECRET);
        }
        BUILDERS.put("UsernamePasswordCredentialBuilder", SinkFamily.USERNAME_PASSWORD);
        BUILDERS.put("ClientCertificateCredentialBuilder", SinkFamily.CERTIFICATE_PASSWORD);
        for (String b : List.of("DefaultJedisClientConfig", "Jedis", "JedisPooled", "UnifiedJedis", "JedisCluster",
                "JedisShardInfo", "RedisURI", "RedisURI.Builder", "RedisStandaloneConfiguration",
                "RedisSentinelConfiguration", "RedisClusterConfiguration", "SingleServerConfig",
                "ClusterServersConfig", "RedisPassword")) {
            BUILDERS.put(b, SinkFamily.REDIS);
        }
        for (String b : List.of("DataSourceBuilder", "SQLServerDataSource", "SQLServerConnectionPoolDataSource",
                "SQLServerXADataSource", "PGSimpleDataSource", "PGPoolingDataSource", "PGConnectionPoolDataSource",
                "PGXADataSource", "BaseDataSource", "MysqlDataSource", "MysqlConnectionPoolDataSource",
                "MysqlXADataSource", "HikariDataSource", "HikariConfig", "BasicDataSource", "ComboPooledDataSource",
                "DriverManagerDataSource", "SimpleDriverDataSource", "DataSourceProperties", "PoolProperties",
                "DruidDataSource", "DriverManager")) {
            BUILDERS.put(b, SinkFamily.JDBC);
        }
    }

    private JavaSinks() {
    }

    private static List<Found> analyze(Document doc) {
        if (doc.derived() || !doc.extension().equals("java")) {
            return List.of();
        }
        if (!worthParsing(doc.text())) {
            return List.of();
        }
        JavaView view = doc.view(JavaView.VIEW);
        if (view.unit().isEmpty()) {
            return List.of();
        }
        ConstantIndex index = doc.view(ConstantIndex.VIEW);
        Analysis a = new Analysis(doc, view, new JavaValues(view, index));
        a.run();
        return a.found;
    }

    /** Call shapes of which one must occur before a file is parsed (the rules' keywords only say a file may matter). */
    private static final List<String> CALLS = List.of(".connectionstring(", "fromconnectionstring(",
            "eventhubclient.createsync(", ".sastoken(", ".resourcetoken(", ".withmasterkeyorresourcetoken(",
            ".clientsecret(", ".clientcertificatepassword(", ".pfxcertificate(", ".setsaskey(",
            "cloudstorageaccount.parse(", ".createfromsecret(", "azureapikeycredential.create(",
            "new storagesharedkeycredential(", "new storagecredentials", "new sharedkeycredentials(",
            "new azurenamedkeycredential(", "new azurekeycredential(", "new keycredential(", "new azuresascredential(",
            "new connectionstringbuilder(", "new documentclient(", "new clientcredential(",
            "new applicationtokencredentials(", "\"api-key\"", "\"ocp-apim-subscription-key\"", "\"x-functions-key\"",
            "\"aeg-sas-key\"", "\"aeg-sas-token\"");

    /**
     * True when a file has a call shape some sink needs, or a {@code @Value} default of a credential property:
     * the cheap test (lower-case {@code indexOf}) that decides which files are parsed at all.
     */
    /** Every token {@link #worthParsing} looks for, found in one pass (the engine's Aho–Corasick matcher). */
    private static final List<String> TOKENS = tokens();
    private static final KeywordIndex TOKEN_INDEX = new KeywordIndex(TOKENS);

    private static List<String> tokens() {
        List<String> t = new ArrayList<>(CALLS);
        t.addAll(AZURE_REDIS_SUFFIXES);
        t.addAll(AZURE_DB_SUFFIXES);
        t.addAll(List.of(".credential(", "keycredential",
                "sascredential", ".key(", "cosmos", ".apikey(", "azureopenai", ".openai.azure.com",
                "drivermanager.getconnection(", ".setpassword(", "datasource", ".password(", "usernamepasswordcredential",
                "datasourcebuilder", ".auth(", "withpassword(", "withauthentication(", "new jedispool",
                "setproperty(\"password\"", ".put(\"password\"", "@value("));
        return List.copyOf(new java.util.LinkedHashSet<>(t));
    }

    static boolean worthParsing(String text) {
        int[][] hits = TOKEN_INDEX.scan(text);
        java.util.function.Predicate<String> has = k -> hits[TOKEN_INDEX.id(k)] != null;
        for (String call : CALLS) {
            if (has.test(call)) {
                return true;
            }
        }
        boolean redisHost = AZURE_REDIS_SUFFIXES.stream().anyMatch(has);
        boolean azureDatabase = AZURE_DB_SUFFIXES.stream().anyMatch(has);
        if (has.test(".credential(") && (has.test("keycredential") || has.test("sascredential"))
                || has.test(".key(") && has.test("cosmos")
                || has.test(".apikey(") && (has.test("azureopenai") || has.test(".openai.azure.com"))
                || has.test("drivermanager.getconnection(")
                || has.test(".setpassword(") && (has.test("datasource") || redisHost)
                || has.test(".password(") && (has.test("usernamepasswordcredential") || has.test("datasourcebuilder")
                        || redisHost)
                || redisHost && (has.test(".auth(") || has.test("withpassword(") || has.test("withauthentication(")
                        || has.test("new jedispool"))
                || azureDatabase && (has.test("setproperty(\"password\"") || has.test(".put(\"password\""))) {
            return true;
        }
        int[] values = hits[TOKEN_INDEX.id("@value(")];
        if (values == null) {
            return false;
        }
        for (int at : values) {
            int i = at + 7;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (!text.startsWith("\"${", i)) {
                continue;
            }
            int end = i + 3;
            while (end < text.length() && end - i < 200 && ":}\"".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end + 1 < text.length() && text.charAt(end) == ':' && "}\"".indexOf(text.charAt(end + 1)) < 0
                    && isCredentialProperty(text.substring(i + 3, end))) {
                return true;
            }
        }
        return false;
    }

    /** A property whose name says it holds a credential: {@code db.password}, {@code storage.account-key}. */
    static boolean isCredentialProperty(String property) {
        String p = property.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return CREDENTIAL_PROPERTY_ENDINGS.stream().anyMatch(p::endsWith);
    }

    /**
     * The first host in {@code text} that ends with one of {@code suffixes} ({@code lower} is the text in lower
     * case): found from the suffix backwards, so the search stays linear on any input.
     */
    static String host(String lower, List<String> suffixes) {
        for (String suffix : suffixes) {
            for (int at = lower.indexOf(suffix); at >= 0; at = lower.indexOf(suffix, at + 1)) {
                int start = at;
                while (start > 0 && at - start < 253 && isHostChar(lower.charAt(start - 1))) {
                    start--;
                }
                while (start < at && (lower.charAt(start) == '.' || lower.charAt(start) == '-')) {
                    start++;
                }
                int end = at + suffix.length();
                if (start < at && (end == lower.length() || !isHostChar(lower.charAt(end)) || lower.charAt(end) == '.')) {
                    return lower.substring(start, end);
                }
            }
        }
        return null;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    static boolean isAzureDatabaseHost(String host) {
        return host != null && AZURE_DB_SUFFIXES.stream().anyMatch(s -> host.endsWith(s) && host.length() > s.length());
    }

    /** What the scanned code tells about the resource a sink connects to, for the remediation. */
    static final class Target {
        final Map<String, String> values = new LinkedHashMap<>();
        String builder = "";

        String get(String key) {
            return values.get(key);
        }

        void putIfLiteral(String key, TracedString v) {
            if (v != null && !v.isEmpty() && !v.hasHoles() && !values.containsKey(key)) {
                values.put(key, v.text());
            }
        }
    }

    /** The analysis of one document. */
    private static final class Analysis {
        final Document doc;
        final JavaView view;
        final JavaValues values;
        final CompilationUnit cu;
        final String path;
        final String lower;
        final List<Found> found = new ArrayList<>();
        final boolean azureDatabase;
        final JavaFixes fixes;

        Analysis(Document doc, JavaView view, JavaValues values) {
            this.doc = doc;
            this.view = view;
            this.values = values;
            this.cu = view.unit().orElseThrow();
            this.path = doc.path();
            this.lower = doc.text().toLowerCase(Locale.ROOT);
            this.azureDatabase = host(lower, AZURE_DB_SUFFIXES) != null;
            this.fixes = new JavaFixes(doc, view, cu, this::rootType, this::chainCalls);
        }

        void run() {
            // one walk of the tree for the three kinds, in the order findAll gives (pre-order), then each kind in turn
            List<MethodCallExpr> calls = new ArrayList<>();
            List<ObjectCreationExpr> creations = new ArrayList<>();
            List<AnnotationExpr> annotations = new ArrayList<>();
            java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
            stack.push(cu);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (n instanceof MethodCallExpr m) {
                    calls.add(m);
                } else if (n instanceof ObjectCreationExpr o) {
                    creations.add(o);
                } else if (n instanceof AnnotationExpr a) {
                    annotations.add(a);
                }
                List<Node> children = n.getChildNodes();
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
            calls.forEach(this::method);
            creations.forEach(this::constructor);
            annotations.forEach(this::valueDefault);
        }

        // ---- method sinks -------------------------------------------------------------------------------

        void method(MethodCallExpr m) {
            String name = m.getNameAsString();
            NodeList<Expression> args = m.getArguments();
            if (args.isEmpty() || !SINK_METHODS.contains(name) && !HEADER_METHODS.contains(name)
                    && !(name.startsWith("createMessage") && name.endsWith("FromConnectionString"))) {
                return;
            }
            String staticScope = m.getScope().filter(s -> s instanceof NameExpr || s instanceof FieldAccessExpr)
                    .map(s -> JavaNames.simpleName(s.toString())).filter(s -> !s.isEmpty()
                            && Character.isUpperCase(s.charAt(0))).orElse("");
            if (CHEAP_ONLY.contains(name) || name.startsWith("createMessage")) {
                cheap(m, name, args, staticScope);
                return;
            }
            String scopeType = m.getScope().flatMap(this::rootType).orElse("");
            SinkFamily receiver = family(scopeType);
            switch (name) {
                case "connectionString" -> {
                    SinkFamily f = receiver != null ? receiver : fromContext(m, EnumSet.of(SinkFamily.STORAGE,
                            SinkFamily.SERVICE_BUS, SinkFamily.EVENT_HUBS, SinkFamily.APP_CONFIGURATION,
                            SinkFamily.WEB_PUBSUB));
                    if (f != null && args.size() <= 2 && EnumSet.of(SinkFamily.STORAGE, SinkFamily.SERVICE_BUS,
                            SinkFamily.EVENT_HUBS, SinkFamily.APP_CONFIGURATION, SinkFamily.WEB_PUBSUB,
                            SinkFamily.KEY_CREDENTIAL).contains(f)) {
                        check(f, Slot.CONNECTION_STRING, args.get(0), m, label(scopeType, name), target(m, f));
                    }
                }
                case "sasToken" -> {
                    SinkFamily f = receiver != null ? receiver : fromContext(m, EnumSet.of(SinkFamily.STORAGE));
                    if (f == SinkFamily.STORAGE) {
                        check(f, Slot.SAS, args.get(0), m, label(scopeType, name), target(m, f));
                    }
                }
                case "key", "resourceToken", "withMasterKeyOrResourceToken" -> {
                    SinkFamily f = receiver != null ? receiver : name.equals("withMasterKeyOrResourceToken")
                            ? SinkFamily.COSMOS : fromContext(m, EnumSet.of(SinkFamily.COSMOS));
                    if (f == SinkFamily.COSMOS && args.size() == 1) {
                        check(f, Slot.KEY, args.get(0), m, label(scopeType, name), target(m, f));
                    }
                }
                case "clientSecret" -> {
                    SinkFamily f = receiver != null ? receiver : fromContext(m, EnumSet.of(SinkFamily.CLIENT_SECRET));
                    if (f == SinkFamily.CLIENT_SECRET && args.size() == 1) {
                        check(f, Slot.SECRET, args.get(0), m, label(scopeType, name), target(m, f));
                    }
                }
                case "password" -> {
                    if (args.size() != 1) {
                        return;
                    }
                    if (receiver == SinkFamily.USERNAME_PASSWORD) {
                        check(receiver, Slot.PASSWORD, args.get(0), m, label(scopeType, name), target(m, receiver));
                    } else if (receiver == SinkFamily.JDBC) {
                        jdbc(args.get(0), chainArgument(m, "url"), m, label(scopeType, name));
                    } else if (receiver == SinkFamily.REDIS) {
                        redis(args.get(0), m, label(scopeType, name));
                    }
                }
                case "clientCertificatePassword" -> {
                    if (receiver == SinkFamily.CERTIFICATE_PASSWORD && args.size() == 1) {
                        check(receiver, Slot.PASSWORD, args.get(0), m, label(scopeType, name), target(m, receiver));
                    }
                }
                case "pfxCertificate" -> {
                    if (receiver == SinkFamily.CERTIFICATE_PASSWORD && args.size() == 2) {
                        check(receiver, Slot.PASSWORD, args.get(1), m, label(scopeType, name), target(m, receiver));
                    }
                }
                case "apiKey" -> {
                    boolean azure = receiver == SinkFamily.OPENAI
                            || scopeType.startsWith("OpenAIOkHttpClient") && lower.contains(".openai.azure.com");
                    if (azure && args.size() == 1) {
                        check(SinkFamily.OPENAI, Slot.KEY, args.get(0), m, label(scopeType, name),
                                target(m, SinkFamily.OPENAI));
                    }
                }
                case "credential" -> typedCredential(m, receiver, scopeType);
                case "setPassword" -> {
                    if (args.size() != 1) {
                        return;
                    }
                    if (receiver == SinkFamily.JDBC) {
                        jdbc(args.get(0), dataSourceUrl(m), m, label(scopeType, name));
                    } else if (receiver == SinkFamily.REDIS) {
                        redis(args.get(0), m, label(scopeType, name));
                    }
                }
                case "auth", "withPassword", "withAuthentication" -> {
                    boolean jedis = receiver == SinkFamily.REDIS
                            || receiver == null && name.equals("auth") && JavaNames.importsFrom(cu, "redis.clients.");
                    if (jedis && args.size() <= 2) {
                        redis(args.get(args.size() - 1), m, label(scopeType, name));
                    }
                }
                case "setSasKey" -> {
                    if (scopeType.endsWith("ConnectionStringBuilder") && args.size() == 1) {
                        check(SinkFamily.EVENT_HUBS, Slot.KEY, args.get(0), m, "ConnectionStringBuilder.setSasKey(…)",
                                target(m, SinkFamily.EVENT_HUBS));
                    }
                }
                default -> {
                }
            }
        }

        /** Sinks recognised by a static scope or literal arguments: no type resolution needed. */
        void cheap(MethodCallExpr m, String name, NodeList<Expression> args, String staticScope) {
            switch (name) {
                case "getConnection" -> {
                    if (staticScope.equals("DriverManager")) {
                        if (args.size() == 3) {
                            jdbc(args.get(2), Optional.of(args.get(0)), m, "DriverManager.getConnection(…)");
                        } else if (args.size() == 1) {
                            jdbcUrl(args.get(0), m, "DriverManager.getConnection(…)");
                        }
                    }
                }
                case "of" -> {
                    if (staticScope.equals("RedisPassword") && args.size() == 1) {
                        redis(args.get(0), m, "RedisPassword.of(…)");
                    }
                }
                case "parse" -> {
                    if (staticScope.equals("CloudStorageAccount") && args.size() == 1) {
                        check(SinkFamily.STORAGE, Slot.CONNECTION_STRING, args.get(0), m, "CloudStorageAccount.parse(…)",
                                target(m, SinkFamily.STORAGE));
                    }
                }
                case "fromConnectionString" -> {
                    if (staticScope.equals("StorageSharedKeyCredential")) {
                        check(SinkFamily.STORAGE, Slot.CONNECTION_STRING, args.get(0), m,
                                "StorageSharedKeyCredential.fromConnectionString(…)", target(m, SinkFamily.STORAGE));
                    }
                }
                case "createFromSecret" -> {
                    if (staticScope.equals("ClientCredentialFactory")) {
                        check(SinkFamily.CLIENT_SECRET, Slot.SECRET, args.get(0), m,
                                "ClientCredentialFactory.createFromSecret(…)", target(m, SinkFamily.CLIENT_SECRET));
                    }
                }
                case "createFromConnectionString", "createFromConnectionStringSync", "createSync" -> {
                    if (staticScope.equals("EventHubClient")) {
                        check(SinkFamily.EVENT_HUBS, Slot.CONNECTION_STRING, args.get(0), m,
                                "EventHubClient." + name + "(…)", target(m, SinkFamily.EVENT_HUBS));
                    }
                }
                case "create" -> {
                    if (staticScope.equals("AzureApiKeyCredential") && args.size() == 1) {
                        check(SinkFamily.OPENAI, Slot.KEY, args.get(0), m, "AzureApiKeyCredential.create(…)",
                                target(m, SinkFamily.OPENAI));
                    }
                }
                case "setProperty" -> {
                    if (args.size() == 2 && azureDatabase && "password".equalsIgnoreCase(literal(args.get(0)))) {
                        jdbc(args.get(1), Optional.empty(), m, "Properties.setProperty(\"password\", …)");
                    }
                }
                default -> {
                    if (name.startsWith("createMessage") && name.endsWith("FromConnectionString")
                            && staticScope.equals("ClientFactory")) {
                        check(SinkFamily.SERVICE_BUS, Slot.CONNECTION_STRING, args.get(0), m,
                                "ClientFactory." + name + "(…)", target(m, SinkFamily.SERVICE_BUS));
                    }
                }
            }
            if (HEADER_METHODS.contains(name) && args.size() == 2) {
                header(m, args.get(0), args.get(1));
            }
            if (name.equals("put") && args.size() == 2 && azureDatabase && "password".equalsIgnoreCase(literal(args.get(0)))) {
                jdbc(args.get(1), Optional.empty(), m, "Properties.put(\"password\", …)");
            }
        }

        /** {@code builder.credential(sharedKeyCredential)} with a key credential built elsewhere. */
        void typedCredential(MethodCallExpr m, SinkFamily receiver, String scopeType) {
            Expression arg = m.getArguments().get(m.getArguments().size() - 1);
            if (!(arg instanceof NameExpr) && !(arg instanceof FieldAccessExpr)) {
                return;
            }
            Optional<JavaValues.Declaration> d = values.declaration(arg);
            if (d.isEmpty() || !KEY_CREDENTIAL_TYPES.contains(JavaNames.simpleName(d.get().type()))) {
                return;
            }
            if (d.get().initializer().filter(i -> i instanceof ObjectCreationExpr).isPresent()) {
                return; // the constructor is the sink and is reported there
            }
            String type = JavaNames.simpleName(d.get().type());
            SinkFamily f = receiver != null ? receiver
                    : type.equals("StorageSharedKeyCredential") ? SinkFamily.STORAGE : SinkFamily.KEY_CREDENTIAL;
            Target t = target(m, f);
            Remediation remediation = remedy(f, t);
            dev.miscan.core.api.Fix fix = fixes.typedCredential(m);
            String why = fix == null ? fixes.whyNoFix(m) : null;
            remediation = fix != null ? remediation.withFix(fix) : why != null ? remediation.withManual(why) : remediation;
            keyAuth(f, m, label(scopeType, "credential") + " authenticates with " + article(what(f, Slot.KEY))
                    + " (" + type + " from " + d.get().kind().name().toLowerCase(Locale.ROOT) + " '" + d.get().name()
                    + "'): Managed Identity removes the key.", remediation, t);
        }

        // ---- constructor sinks ---------------------------------------------------------------------------

        void constructor(ObjectCreationExpr o) {
            String type = o.getType().getNameWithScope();
            String simple = JavaNames.simpleName(type);
            if (!CONSTRUCTORS.contains(simple)) {
                return;
            }
            NodeList<Expression> args = o.getArguments();
            String label = "new " + simple + "(…)";
            switch (simple) {
                case "StorageSharedKeyCredential", "StorageCredentialsAccountAndKey", "SharedKeyCredentials" -> {
                    if (args.size() == 2 && imported(simple, SinkFamily.STORAGE)) {
                        Target t = target(o, SinkFamily.STORAGE);
                        t.putIfLiteral("account", values.resolve(args.get(0)));
                        check(SinkFamily.STORAGE, Slot.KEY, args.get(1), o, label, t);
                    }
                }
                case "StorageCredentialsSharedAccessSignature" -> {
                    if (args.size() == 1) {
                        check(SinkFamily.STORAGE, Slot.SAS, args.get(0), o, label, target(o, SinkFamily.STORAGE));
                    }
                }
                case "AzureNamedKeyCredential", "AzureKeyCredential", "KeyCredential", "AzureSasCredential" -> {
                    if (!imported(simple, SinkFamily.KEY_CREDENTIAL) || args.isEmpty()) {
                        return;
                    }
                    Optional<MethodCallExpr> use = credentialUse(o);
                    SinkFamily f = use.map(u -> family(u.getScope().flatMap(this::rootType).orElse("")))
                            .orElse(null);
                    if (f == null) {
                        f = use.map(u -> fromContext(u, EnumSet.allOf(SinkFamily.class))).orElse(null);
                    }
                    if (f == null || !EnumSet.of(SinkFamily.STORAGE, SinkFamily.SERVICE_BUS, SinkFamily.EVENT_HUBS,
                            SinkFamily.COSMOS, SinkFamily.EVENT_GRID, SinkFamily.WEB_PUBSUB, SinkFamily.SEARCH,
                            SinkFamily.OPENAI, SinkFamily.APP_CONFIGURATION).contains(f)) {
                        f = SinkFamily.KEY_CREDENTIAL;
                    }
                    Slot slot = simple.equals("AzureSasCredential") ? Slot.SAS : Slot.KEY;
                    Expression key = simple.equals("AzureNamedKeyCredential") && args.size() == 2 ? args.get(1)
                            : args.get(0);
                    Target t = use.map(u -> target(u, null)).orElse(new Target());
                    String via = use.map(u -> label(u.getScope().flatMap(this::rootType).orElse(""), "credential"))
                            .map(s -> label + " for " + s).orElse(label);
                    check(f, slot, key, o, via, t);
                }
                case "ConnectionStringBuilder" -> {
                    SinkFamily f = importOwner(simple, SinkFamily.EVENT_HUBS) ? SinkFamily.EVENT_HUBS
                            : importOwner(simple, SinkFamily.SERVICE_BUS) ? SinkFamily.SERVICE_BUS
                            : lower.contains("eventhub") ? SinkFamily.EVENT_HUBS
                            : JavaNames.importsFrom(cu, "com.microsoft.azure.servicebus") ? SinkFamily.SERVICE_BUS : null;
                    if (f == null) {
                        return;
                    }
                    if (args.size() == 1 || args.size() == 2) {
                        check(f, Slot.CONNECTION_STRING, args.get(0), o, label, target(o, f));
                    } else if (args.size() == 4) {
                        check(f, Slot.KEY, args.get(3), o, label, target(o, f));
                    }
                }
                case "DocumentClient" -> {
                    if (args.size() >= 2 && imported(simple, SinkFamily.COSMOS)) {
                        Target t = target(o, SinkFamily.COSMOS);
                        t.putIfLiteral("endpoint", values.resolve(args.get(0)));
                        check(SinkFamily.COSMOS, Slot.KEY, args.get(1), o, label, t);
                    }
                }
                case "ClientCredential" -> {
                    if (args.size() == 2 && JavaNames.importsFrom(cu, "com.microsoft.aad.")) {
                        check(SinkFamily.CLIENT_SECRET, Slot.SECRET, args.get(1), o, label,
                                target(o, SinkFamily.CLIENT_SECRET));
                    }
                }
                case "ApplicationTokenCredentials" -> {
                    if (args.size() == 4) {
                        check(SinkFamily.CLIENT_SECRET, Slot.SECRET, args.get(2), o, label,
                                target(o, SinkFamily.CLIENT_SECRET));
                    }
                }
                case "JedisPool" -> {
                    if (args.size() >= 5 && args.size() <= 7) {
                        redis(args.get(4), o, label);
                    }
                }
                case "JedisPooled" -> {
                    if (args.size() == 4) {
                        redis(args.get(3), o, label);
                    }
                }
                default -> {
                }
            }
        }

        /** The {@code credential(…)} call a key credential object is passed to, directly or through a variable. */
        Optional<MethodCallExpr> credentialUse(ObjectCreationExpr o) {
            Node parent = o.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr mc && mc.getNameAsString().equals("credential")
                    && mc.getArguments().contains(o)) {
                return Optional.of(mc);
            }
            String variable = parent instanceof VariableDeclarator v ? v.getNameAsString()
                    : parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr n ? n.getNameAsString() : null;
            if (variable == null) {
                return Optional.empty();
            }
            Node scope = JavaNames.ancestor(o, CallableDeclaration.class).map(n -> (Node) n)
                    .or(() -> JavaNames.ancestor(o, TypeDeclaration.class).map(n -> (Node) n)).orElse(cu);
            return UnitNodes.in(scope).callsPassing("credential", variable).stream().findFirst();
        }

        // ---- JDBC and Redis ---------------------------------------------------------------------------------

        /** A database password; reported when the URL is an Azure database, or unknown and the password a literal. */
        void jdbc(Expression password, Optional<Expression> urlExpr, Node sink, String label) {
            TracedString url = urlExpr.map(values::resolve).orElse(null);
            Database db = database(url);
            if (db.local || db.other || db.passwordless) {
                return;
            }
            if (!db.azure) {
                if (localDatabaseContext()) {
                    return;
                }
                TracedString v = values.resolve(password);
                Verdict verdict = Credentials.judge(v, Slot.PASSWORD, path);
                if (verdict.kind() != Verdict.Kind.LITERAL) {
                    return; // a password from configuration for a database we cannot tell is Azure
                }
            }
            Target t = new Target();
            t.values.putAll(db.target);
            check(SinkFamily.JDBC, Slot.PASSWORD, password, sink, label, t);
        }

        /** {@code DriverManager.getConnection(url)} with the password in the URL. */
        void jdbcUrl(Expression urlExpr, Node sink, String label) {
            TracedString url = values.resolve(urlExpr);
            Database db = database(url);
            if (!db.azure || db.passwordless) {
                return;
            }
            Target t = new Target();
            t.values.putAll(db.target);
            check(SinkFamily.JDBC, Slot.JDBC_URL, urlExpr, sink, label, t);
        }

        /** What a JDBC URL (or server name) says about the database. */
        static final class Database {
            boolean azure;
            boolean local;
            boolean other;
            boolean passwordless;
            final Map<String, String> target = new HashMap<>();
        }

        Database database(TracedString url) {
            Database db = new Database();
            if (url == null || url.isOnlyHole()) {
                String server = host(lower, AZURE_DB_SUFFIXES); // a URL constant elsewhere in the file
                if (server != null) {
                    db.azure = true;
                    db.target.put("server", server);
                }
                return db;
            }
            String t = url.text();
            String lowerUrl = t.toLowerCase(Locale.ROOT);
            if (lowerUrl.matches("(?s).*jdbc:(?:h2|hsqldb|derby|sqlite|tc):.*")) {
                db.local = true;
                return db;
            }
            if (lowerUrl.contains("authentication=activedirectorymsi")
                    || lowerUrl.contains("authentication=activedirectorymanagedidentity")
                    || lowerUrl.contains("authentication=activedirectorydefault")
                    || lowerUrl.contains("authenticationpluginclassname=com.azure")
                    || lowerUrl.contains("defaultauthenticationplugin=com.azure")) {
                db.passwordless = true;
            }
            int at = lowerUrl.indexOf("jdbc:");
            String host = null;
            if (at >= 0) {
                var parsed = JdbcUrl.at(t, at);
                if (parsed.isPresent()) {
                    host = parsed.get().host();
                    db.target.put("subprotocol", parsed.get().subprotocol());
                    parsed.get().property("database").or(() -> parsed.get().property("databasename"))
                            .ifPresent(v -> db.target.put("database", v.value()));
                    int slash = t.indexOf('/', at + 5 + parsed.get().subprotocol().length() + 3);
                    if (slash > 0 && !parsed.get().subprotocol().equals("sqlserver")) {
                        String rest = t.substring(slash + 1).split("[?;]")[0];
                        if (!rest.isEmpty() && rest.indexOf(TracedString.HOLE_CHAR) < 0) {
                            db.target.put("database", rest);
                        }
                    }
                }
            } else if (!url.hasHoles()) {
                host = lowerUrl.strip(); // setServerName("contoso.database.windows.net")
            }
            if (host == null || host.isEmpty() || host.indexOf(TracedString.HOLE_CHAR) >= 0) {
                return db;
            }
            if (KnownNonSecrets.isLocalHost(host)) {
                db.local = true;
            } else if (isAzureDatabaseHost(host)) {
                db.azure = true;
                db.target.put("server", host);
            } else {
                db.other = true;
            }
            return db;
        }

        /**
         * A credential that comes from an emulator or a test container: the file uses Testcontainers, or the
         * expression names the emulator ({@code azurite.getConnectionString()}, {@code EMULATOR_KEY}).
         */
        boolean emulatorContext(Expression arg) {
            String text = arg.toString().toLowerCase(java.util.Locale.ROOT);
            return JavaNames.importsFrom(cu, "org.testcontainers") || text.contains("azurite")
                    || text.contains("emulator") || text.contains("testcontainer");
        }

        /** Testcontainers, embedded or local databases: their passwords are not Azure credentials. */
        boolean localDatabaseContext() {
            return JavaNames.importsFrom(cu, "org.testcontainers") || lower.contains("jdbc:h2:")
                    || lower.contains("jdbc:hsqldb:") || lower.contains("jdbc:derby:") || lower.contains("localhost")
                    || lower.contains("127.0.0.1") || lower.contains("jdbc:tc:");
        }

        private static final List<String> DATA_SOURCE_URL_SETTERS = List.of("setURL", "setUrl", "setJdbcUrl", "setServerName");

        /** The URL set on the same data source: {@code ds.setURL(…)}, {@code setUrl}, {@code setJdbcUrl}, {@code setServerName}. */
        Optional<Expression> dataSourceUrl(MethodCallExpr setPassword) {
            String receiver = setPassword.getScope().map(Object::toString).orElse("");
            Node scope = JavaNames.ancestor(setPassword, CallableDeclaration.class).map(n -> (Node) n).orElse(cu);
            // a data source in a variable (the usual case): only the calls on that name, not every setter's receiver printed
            List<MethodCallExpr> candidates = setPassword.getScope().orElse(null) instanceof NameExpr n
                    ? UnitNodes.in(scope).callsOn(n.getNameAsString()).stream()
                            .filter(c -> DATA_SOURCE_URL_SETTERS.contains(c.getNameAsString())).toList()
                    : UnitNodes.in(scope).calls(DATA_SOURCE_URL_SETTERS);
            for (MethodCallExpr mc : candidates) {
                if (mc.getArguments().size() == 1 && mc.getScope().map(Object::toString).orElse("").equals(receiver)) {
                    return Optional.of(mc.getArguments().get(0));
                }
            }
            return Optional.empty();
        }

        /** Redis passwords count only in files that connect to an Azure cache. */
        void redis(Expression password, Node sink, String label) {
            String cache = host(lower, AZURE_REDIS_SUFFIXES);
            if (cache == null) {
                return;
            }
            TracedString v = values.resolve(password);
            for (TracedString.Hole h : v.holes()) {
                String n = h.name() == null ? "" : h.name().toLowerCase(Locale.ROOT);
                if (h.origin() == TracedString.Origin.METHOD && (n.startsWith("gettoken") || n.startsWith("token"))) {
                    return; // an Entra access token used as the password: the passwordless pattern
                }
            }
            Target t = new Target();
            t.values.put("host", cache);
            check(SinkFamily.REDIS, Slot.PASSWORD, password, sink, label, t);
        }

        // ---- headers and @Value ------------------------------------------------------------------------------

        void header(MethodCallExpr m, Expression name, Expression value) {
            if (!(name instanceof com.github.javaparser.ast.expr.StringLiteralExpr)
                    && !(name instanceof NameExpr || name instanceof FieldAccessExpr)) {
                return;
            }
            String header = literal(name);
            if (header == null || !KEY_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                return;
            }
            TracedString v = values.resolve(value);
            Verdict verdict = Credentials.judge(v, Slot.KEY, path);
            Target t = new Target();
            t.values.put("header", header);
            String service = header.equalsIgnoreCase("api-key") && lower.contains(".search.windows.net")
                    ? "search" : header.toLowerCase(Locale.ROOT);
            t.values.put("service", service);
            if (verdict.kind() == Verdict.Kind.ELSEWHERE && verdict.hole() != null) {
                // the header still carries a key, read from elsewhere: key-based auth of the header's service
                String rule = dev.miscan.rules.http.HeaderKeys.keyAuthRule(header, lower);
                int begin = view.begin(m.getName());
                int end = view.end(m);
                if (rule != null && begin >= 0 && end > begin) {
                    found.add(new Found(rule, path, begin, doc.text().substring(begin, end), "The " + header
                            + " header sends a key read from elsewhere: a Microsoft Entra token replaces it.",
                            remedy(SinkFamily.API_KEY_HEADER, t)));
                }
                return;
            }
            if (verdict.kind() != Verdict.Kind.LITERAL) {
                return;
            }
            secret(SinkFamily.API_KEY_HEADER, v, verdict, m, "the " + header + " header (" + m.getNameAsString() + ")",
                    "API key", remedy(SinkFamily.API_KEY_HEADER, t), value, false, t);
        }

        void valueDefault(AnnotationExpr a) {
            String n = JavaNames.simpleName(a.getNameAsString());
            if (!n.equals("Value")) {
                return;
            }
            Optional<Expression> member = JavaValues.memberValue(a, "value");
            if (member.isEmpty()) {
                return;
            }
            TracedString raw = values.resolve(member.get());
            String text = raw.text();
            if (!text.startsWith("${") || !text.contains(":")) {
                return;
            }
            String property = text.substring(2, text.indexOf(':'));
            if (!isCredentialProperty(property)) {
                return;
            }
            TracedString dflt = JavaValues.placeholder(raw);
            if (dflt.isEmpty() || dflt.hasHoles()) {
                return;
            }
            String p = property.toLowerCase(Locale.ROOT);
            Slot slot = p.contains("connection") ? Slot.CONNECTION_STRING : p.contains("sas") ? Slot.SAS
                    : p.contains("password") || p.contains("pwd") ? Slot.PASSWORD : Slot.KEY;
            Verdict verdict = Credentials.judge(dflt, slot, path);
            if (verdict.kind() != Verdict.Kind.LITERAL) {
                return;
            }
            Target t = new Target();
            t.values.put("property", property);
            Remediation remediation = remedy(SinkFamily.VALUE_DEFAULT, t);
            dev.miscan.core.api.Fix fix = fixes.valueDefault(a);
            secret(SinkFamily.VALUE_DEFAULT, dflt, verdict, a, "the default of @Value(\"${" + property + ":…}\")",
                    "credential", fix == null ? remediation : remediation.withFix(fix), null, false, t);
        }

        // ---- reporting -------------------------------------------------------------------------------------

        /** Resolves {@code arg} and reports a secret or key-based authentication for the sink. */
        void check(SinkFamily family, Slot slot, Expression arg, Node sink, String label, Target target) {
            TracedString v = values.resolve(arg);
            Verdict verdict = Credentials.judge(v, slot, path);
            if (verdict.kind() == Verdict.Kind.NONE) {
                return;
            }
            fill(target, family, v);
            if (family == SinkFamily.CLIENT_SECRET) {
                keyVaultUse(sink).ifPresent(use -> {
                    target.values.put("keyVault", "true");
                    Expression url = chainCalls(use).get("vaultUrl");
                    if (url != null) {
                        target.putIfLiteral("vaultUrl", values.resolve(url));
                    }
                });
            }
            String what = what(family, slot);
            Remediation remediation = remedy(family, target);
            Node client = sink instanceof ObjectCreationExpr o ? credentialUse(o).map(u -> (Node) u).orElse(null) : sink;
            ClientAccess.Access access = client instanceof MethodCallExpr cm
                    ? ClientAccess.of(target.builder, cm, chainCalls(cm), cu, path, doc.view(ConstantIndex.VIEW)) : null;
            if (access != null) {
                remediation = remediation.withAccess(access.roles(), access.seen());
            }
            dev.miscan.core.api.Fix fix = fixes.sink(sink, target);
            if (fix != null) {
                remediation = remediation.withFix(fix);
            } else if (fixes.whyNoFix(sink) != null) {
                remediation = remediation.withManual(fixes.whyNoFix(sink));
            }
            if (label.startsWith("CloudStorageAccount.")) {
                remediation = JavaRemedies.legacyStorage(remediation, target);
            }
            if (verdict.kind() == Verdict.Kind.ELSEWHERE) {
                if (emulatorContext(arg)) {
                    return; // no identity exists for an emulator or a test container: nothing to replace
                }
                String origin = verdict.hole() != null ? verdict.hole().describe()
                        : verdict.detail().isEmpty() ? "outside the code" : verdict.detail();
                if (verdict.hole() != null && verdict.hole().origin() == TracedString.Origin.UNKNOWN
                        && verdict.hole().name().isEmpty()) {
                    origin = "a value computed at run time";
                }
                keyAuth(family, sink, label + " authenticates with " + article(what) + " from " + origin
                        + ": Managed Identity removes the " + noun(slot) + ".", remediation, target);
                return;
            }
            secret(family, v, verdict, sink, label, what, remediation, arg, target.get("keyVault") != null, target);
        }

        void secret(SinkFamily family, TracedString v, Verdict verdict, Node sink, String label, String what,
                Remediation remediation, Expression arg, boolean keyVault, Target target) {
            String secret = v.text().substring(verdict.begin(), verdict.end());
            int first = v.firstWritten(verdict.begin(), verdict.end());
            String rule = keyVault ? SinkFamily.KEY_VAULT_SECRET_RULE
                    : family == SinkFamily.VALUE_DEFAULT ? valueDefaultRule(target.get("property"))
                    : catalogueRules(family, target).map(CatalogueRules.Rules::secret)
                            .orElseGet(() -> family.secretRule(v.text(), target.get("server")));
            String constant = arg == null ? null : constantName(arg);
            if (family == SinkFamily.VALUE_DEFAULT && first >= 0 && v.pathAt(first).equals(path)) {
                found.add(new Found(rule, path, v.offsetAt(first), secret, "Credential written as " + label
                        + ": it is used whenever the property is not set.", remediation));
                return;
            }
            if (first < 0 || v.pathAt(first).equals(path)) {
                int offset = first < 0 ? view.begin(sink) : v.offsetAt(first);
                found.add(new Found(rule, path, offset, secret, capitalize(what)
                        + (constant != null ? " in " + constant : "") + " passed to " + label + " on line "
                        + line(sink) + ".", remediation));
                return;
            }
            String definedIn = v.pathAt(first);
            // the fix edits this file, where the constant is used: it belongs to the key-based-auth finding here
            found.add(new Found(rule, definedIn, v.offsetAt(first), secret, capitalize(what) + " in "
                    + (constant != null ? "constant " + constant : "a constant") + ", passed to " + label + " in "
                    + path + " on line " + line(sink) + ".", remediation.withFix(null)));
            if (family.keyAuthRule != null) {
                keyAuth(family, sink, label + " authenticates with " + article(what) + " from "
                        + (constant != null ? "constant " + constant : "a constant") + " defined in " + definedIn
                        + " (reported there as a secret): Managed Identity removes it.", remediation, target);
            }
        }

        /**
         * The service a generic key credential is for when the Azure catalogue names its builder (a service the
         * catalogue alone describes, such as Azure Maps).
         */
        static Optional<CatalogueRules.Rules> catalogueRules(SinkFamily family, Target target) {
            return family != SinkFamily.KEY_CREDENTIAL || target == null || target.builder.isEmpty() ? Optional.empty()
                    : AzureCatalogue.get().serviceOfJavaBuilder(target.builder)
                            .flatMap(s -> CatalogueRules.of(s.key()));
        }

        /** The rule of a {@code @Value} default: the secret rule of the setting it stands for, when it is one. */
        static String valueDefaultRule(String property) {
            dev.miscan.rules.config.ConfigSlots.Slot slot = property == null ? null
                    : dev.miscan.rules.config.ConfigSlots.slotOf(property);
            return slot == null || slot.rule().equals("DB") ? SinkFamily.VALUE_DEFAULT.secretRule : slot.rule();
        }

        void keyAuth(SinkFamily family, Node sink, String message, Remediation remediation, Target target) {
            if (family.keyAuthRule == null) {
                return;
            }
            String rule = catalogueRules(family, target).map(CatalogueRules.Rules::keyAuth).orElse(family.keyAuthRule);
            int begin = sink instanceof MethodCallExpr m ? view.begin(m.getName()) : view.begin(sink);
            int end = view.end(sink);
            if (begin < 0 || end <= begin) {
                return;
            }
            found.add(new Found(rule, path, begin, doc.text().substring(begin, end), message, remediation));
        }

        /** The Key Vault client builder's {@code credential(…)} call a client-secret credential built at {@code sink} goes to. */
        Optional<MethodCallExpr> keyVaultUse(Node sink) {
            Node n = sink;
            while (n.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == n) {
                n = p;
            }
            Node parent = n.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr use && use.getNameAsString().equals("credential")
                    && KEY_VAULT_BUILDERS.contains(JavaNames.simpleName(use.getScope().flatMap(this::rootType).orElse("")))) {
                return Optional.of(use);
            }
            if (parent instanceof VariableDeclarator v) {
                Node scope = JavaNames.ancestor(v, CallableDeclaration.class).map(x -> (Node) x).orElse(cu);
                for (MethodCallExpr mc : UnitNodes.in(scope).callsPassing("credential", v.getNameAsString())) {
                    if (KEY_VAULT_BUILDERS.contains(JavaNames.simpleName(mc.getScope().flatMap(this::rootType).orElse("")))) {
                        return Optional.of(mc);
                    }
                }
            }
            return Optional.empty();
        }

        // ---- types and context -----------------------------------------------------------------------------

        /** The type at the root of a call chain, as written: constructor, declared type, static factory's type. */
        Optional<String> rootType(Expression e) {
            return rootType(e, 0);
        }

        private Optional<String> rootType(Expression e, int depth) {
            Expression x = e;
            for (int guard = 0; guard < 64 && depth < 6; guard++) {
                if (x instanceof MethodCallExpr mc) {
                    if (mc.getScope().isEmpty()) {
                        return Optional.empty();
                    }
                    x = mc.getScope().get();
                } else if (x instanceof ObjectCreationExpr oc) {
                    return Optional.of(oc.getType().getNameWithScope());
                } else if (x instanceof EnclosedExpr en) {
                    x = en.getInner();
                } else if (x instanceof CastExpr c) {
                    return Optional.of(c.getType().asString());
                } else if (x instanceof ThisExpr) {
                    return JavaNames.ancestor(x, TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t).getNameAsString());
                } else if (x instanceof NameExpr || x instanceof FieldAccessExpr) {
                    Optional<JavaValues.Declaration> d = values.declaration(x);
                    if (d.isPresent()) {
                        String type = d.get().type();
                        if (!type.isEmpty() && !type.equals("var")) {
                            return Optional.of(type);
                        }
                        Optional<Expression> init = d.get().initializer();
                        return init.isPresent() ? rootType(init.get(), depth + 1) : Optional.empty();
                    }
                    String written = x.toString();
                    String last = JavaNames.simpleName(written);
                    return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) ? Optional.of(written)
                            : Optional.empty();
                } else {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        /** The family of a builder type as written, unless the unit imports that name from another library. */
        SinkFamily family(String written) {
            if (written.isEmpty()) {
                return null;
            }
            String key = written.endsWith(".Builder") ? JavaNames.simpleName(written.substring(0,
                    written.length() - ".Builder".length())) + ".Builder" : JavaNames.simpleName(written);
            SinkFamily f = BUILDERS.get(key);
            if (f == null) {
                return null;
            }
            String simple = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            Optional<String> imported = JavaNames.importOf(cu, simple);
            if (written.contains(".") && Character.isLowerCase(written.charAt(0))) {
                imported = Optional.of(written);
            }
            if (imported.isPresent() && !f.owns(imported.get()) && f != SinkFamily.JDBC) {
                return null;
            }
            return f;
        }

        boolean imported(String simple, SinkFamily f) {
            Optional<String> i = JavaNames.importOf(cu, simple);
            return i.isEmpty() || f.owns(i.get()) || SinkFamily.KEY_CREDENTIAL.owns(i.get());
        }

        boolean importOwner(String simple, SinkFamily f) {
            return JavaNames.importOf(cu, simple).map(f::owns).orElse(false);
        }

        /**
         * The family of a builder whose type is unknown, from the calls around it ({@code .sender()},
         * {@code .eventHubName(…)}, {@code .containerName(…)}) or, failing that, the one Azure service the
         * unit imports.
         */
        SinkFamily fromContext(MethodCallExpr m, Set<SinkFamily> allowed) {
            if (JavaNames.importsFrom(cu, "com.azure.monitor") || JavaNames.importsFrom(cu, "com.microsoft.applicationinsights")) {
                return null; // Application Insights connection strings are not credentials
            }
            Set<String> calls = chainCalls(m).keySet();
            SinkFamily byChain = null;
            if (calls.contains("sender") || calls.contains("receiver") || calls.contains("processor")
                    || calls.contains("topicName") || calls.contains("sessionReceiver")) {
                byChain = SinkFamily.SERVICE_BUS;
            } else if (calls.contains("eventHubName") || calls.contains("consumerGroup")
                    || calls.contains("buildProducerClient") || calls.contains("buildAsyncProducerClient")
                    || calls.contains("buildConsumerClient")) {
                byChain = SinkFamily.EVENT_HUBS;
            } else if (calls.contains("containerName") || calls.contains("blobName") || calls.contains("shareName")
                    || calls.contains("fileSystemName") || calls.contains("tableName") || calls.contains("queueName")) {
                byChain = SinkFamily.STORAGE;
            } else if (calls.contains("hub")) {
                byChain = SinkFamily.WEB_PUBSUB;
            } else if (calls.contains("indexName")) {
                byChain = SinkFamily.SEARCH;
            } else if (calls.contains("tenantId") && calls.contains("clientId")) {
                byChain = SinkFamily.CLIENT_SECRET;
            }
            if (byChain != null) {
                return allowed.contains(byChain) ? byChain : null;
            }
            SinkFamily only = null;
            for (SinkFamily f : allowed) {
                if (f == SinkFamily.KEY_CREDENTIAL || f == SinkFamily.JDBC || f == SinkFamily.REDIS) {
                    continue;
                }
                boolean imports = f.packages.stream().anyMatch(p -> JavaNames.importsFrom(cu, p));
                if (imports) {
                    if (only != null) {
                        return null; // two services imported: cannot tell
                    }
                    only = f;
                }
            }
            return only;
        }

        /** The calls of the chain {@code m} belongs to (before and after it), by name, with their first argument. */
        Map<String, Expression> chainCalls(MethodCallExpr m) {
            Node top = m;
            while (top.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == top) {
                top = p;
            }
            Map<String, Expression> calls = new LinkedHashMap<>();
            Expression x = (Expression) top;
            for (int guard = 0; guard < 64 && x != null; guard++) {
                if (x instanceof MethodCallExpr mc) {
                    calls.putIfAbsent(mc.getNameAsString(), mc.getArguments().isEmpty() ? null : mc.getArguments().get(0));
                    x = mc.getScope().orElse(null);
                } else if (x instanceof NameExpr n) {
                    // a builder variable: its other calls in the same method
                    Node scope = JavaNames.ancestor(m, CallableDeclaration.class).map(c -> (Node) c).orElse(cu);
                    for (MethodCallExpr other : UnitNodes.in(scope).callsOn(n.getNameAsString())) {
                        calls.putIfAbsent(other.getNameAsString(),
                                other.getArguments().isEmpty() ? null : other.getArguments().get(0));
                    }
                    values.declaration(n).flatMap(JavaValues.Declaration::initializer).ifPresent(init -> {
                        if (init instanceof MethodCallExpr mi) {
                            calls.putAll(chainCalls(mi));
                        }
                    });
                    x = null;
                } else {
                    x = null;
                }
            }
            return calls;
        }

        Optional<Expression> chainArgument(MethodCallExpr m, String call) {
            return Optional.ofNullable(chainCalls(m).get(call));
        }

        /** What the chain says about the target resource. */
        Target target(Node sink, SinkFamily family) {
            Target t = new Target();
            if (sink instanceof MethodCallExpr m) {
                t.builder = JavaNames.simpleName(m.getScope().flatMap(this::rootType).orElse(""));
                Map<String, Expression> calls = chainCalls(m);
                for (String key : new String[] {"endpoint", "vaultUrl", "eventHubName", "queueName", "topicName",
                        "hub", "indexName", "containerName", "url"}) {
                    Expression e = calls.get(key);
                    if (e != null) {
                        t.putIfLiteral(key, values.resolve(e));
                    }
                }
            } else if (sink instanceof ObjectCreationExpr o) {
                t.builder = JavaNames.simpleName(o.getType().getNameAsString());
            }
            return t;
        }

        /** Target details from the value itself (a connection string's account, namespace, endpoint). */
        void fill(Target t, SinkFamily family, TracedString v) {
            String text = v.text();
            for (String part : text.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0 || part.indexOf(TracedString.HOLE_CHAR) >= 0) {
                    continue;
                }
                String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = part.substring(eq + 1).strip();
                switch (key) {
                    case "accountname" -> t.values.putIfAbsent("account", value);
                    case "endpointsuffix" -> t.values.putIfAbsent("suffix", value);
                    case "blobendpoint", "endpoint", "accountendpoint" -> t.values.putIfAbsent("endpoint", value);
                    case "entitypath" -> t.values.putIfAbsent("entity", value);
                    default -> {
                    }
                }
            }
        }

        // ---- wording -----------------------------------------------------------------------------------

        String label(String receiverType, String method) {
            String type = JavaNames.simpleName(receiverType);
            return (type.isEmpty() ? "" : type) + "." + method + "(…)";
        }

        String line(Node n) {
            Node at = n instanceof MethodCallExpr m ? m.getName() : n;
            return String.valueOf(view.line(at) + doc.fragment().firstLine() - 1);
        }

        /** The constant or field a sink argument names, e.g. {@code Keys.STORAGE_CONNECTION}. */
        String constantName(Expression arg) {
            Expression e = arg;
            while (e instanceof MethodCallExpr mc && mc.getScope().isPresent()
                    && (mc.getNameAsString().equals("toCharArray") || mc.getNameAsString().equals("trim"))) {
                e = mc.getScope().get();
            }
            if (!(e instanceof NameExpr) && !(e instanceof FieldAccessExpr)) {
                return null;
            }
            Optional<JavaValues.Declaration> d = values.declaration(e);
            if (d.isEmpty()) {
                return null;
            }
            if (d.get().kind() == JavaValues.Kind.CONSTANT || d.get().kind() == JavaValues.Kind.FIELD
                    || d.get().kind() == JavaValues.Kind.ENUM_CONSTANT) {
                String q = d.get().qualifiedName();
                String[] parts = q.split("\\.");
                return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : q;
            }
            return null;
        }

        String literal(Expression e) {
            TracedString t = values.resolve(e);
            return t.hasHoles() ? null : t.text();
        }

        Remediation remedy(SinkFamily family, Target target) {
            return JavaRemedies.of(family, target);
        }
    }

    static String what(SinkFamily family, Slot slot) {
        return switch (family) {
            case STORAGE -> slot == Slot.SAS ? "storage SAS token" : slot == Slot.CONNECTION_STRING
                    ? "storage account key (connection string)" : "storage account key";
            case SERVICE_BUS -> slot == Slot.CONNECTION_STRING ? "Service Bus SAS key (connection string)"
                    : slot == Slot.SAS ? "Service Bus SAS token" : "Service Bus SAS key";
            case EVENT_HUBS -> slot == Slot.CONNECTION_STRING ? "Event Hubs SAS key (connection string)"
                    : slot == Slot.SAS ? "Event Hubs SAS token" : "Event Hubs SAS key";
            case COSMOS -> "Cosmos DB key";
            case APP_CONFIGURATION -> "App Configuration access key";
            case EVENT_GRID -> slot == Slot.SAS ? "Event Grid SAS token" : "Event Grid access key";
            case WEB_PUBSUB -> "Web PubSub access key";
            case SEARCH -> "AI Search API key";
            case OPENAI -> "Azure OpenAI / AI services API key";
            case KEY_CREDENTIAL -> slot == Slot.SAS ? "SAS token" : slot == Slot.CONNECTION_STRING
                    ? "access key (connection string)" : "Azure service key";
            case CLIENT_SECRET -> "service principal client secret";
            case USERNAME_PASSWORD -> "Entra ID user password";
            case CERTIFICATE_PASSWORD -> "client certificate password";
            case REDIS -> "Azure Cache for Redis access key";
            case JDBC -> "database password";
            case API_KEY_HEADER -> "API key";
            case VALUE_DEFAULT -> "credential";
        };
    }

    static String noun(Slot slot) {
        return switch (slot) {
            case PASSWORD, JDBC_URL -> "password";
            case SECRET -> "secret";
            case SAS -> "SAS token";
            default -> "key";
        };
    }

    static String article(String what) {
        return ("aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
