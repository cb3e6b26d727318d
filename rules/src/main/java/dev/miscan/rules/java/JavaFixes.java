package dev.miscan.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.miscan.core.api.Fix;
import dev.miscan.core.parse.Document;
import dev.miscan.core.parse.LineIndex;
import dev.miscan.core.parse.java.JavaNames;
import dev.miscan.core.parse.java.JavaView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The mechanical fixes of Java sinks: precise text edits that keep the file's formatting. A client builder
 * that authenticates with a key, connection string or SAS gets {@code .credential(new
 * DefaultAzureCredentialBuilder().build())} instead (with the endpoint or namespace the connection string
 * named), and the import; a Spring {@code @Value} loses its credential default.
 *
 * <p>A fix is offered only where the result is known to compile and to reach the same resource: the builder
 * is one of the Azure SDK types below (each has the {@code TokenCredential} overload used; the fix tests
 * compile the results against the SDK), and the endpoint is written in the code. Everything else (a
 * connection string from the environment, JDBC, Redis, credentials of the identity library) needs a person:
 * the endpoint, the database user or the identity's roles are not in the code.
 */
final class JavaFixes {
    static final String CREDENTIAL = "new DefaultAzureCredentialBuilder().build()";
    private static final String IMPORT = "com.azure.identity.DefaultAzureCredentialBuilder";
    /** The Maven artifact of {@link #IMPORT}. */
    static final String IDENTITY_ARTIFACT = "com.azure:azure-identity";

    /** Builders that accept a {@code TokenCredential}, with the kind of endpoint they need. */
    private static final Map<String, String> BUILDERS = Map.ofEntries(
            Map.entry("com.azure.storage.blob.BlobServiceClientBuilder", "blob"),
            Map.entry("com.azure.storage.blob.BlobContainerClientBuilder", "blob"),
            Map.entry("com.azure.storage.blob.BlobClientBuilder", "blob"),
            Map.entry("com.azure.storage.blob.specialized.SpecializedBlobClientBuilder", "blob"),
            Map.entry("com.azure.storage.queue.QueueServiceClientBuilder", "queue"),
            Map.entry("com.azure.storage.queue.QueueClientBuilder", "queue"),
            Map.entry("com.azure.storage.file.datalake.DataLakeServiceClientBuilder", "dfs"),
            Map.entry("com.azure.storage.file.datalake.DataLakeFileSystemClientBuilder", "dfs"),
            Map.entry("com.azure.storage.file.datalake.DataLakePathClientBuilder", "dfs"),
            Map.entry("com.azure.data.tables.TableServiceClientBuilder", "table"),
            Map.entry("com.azure.data.tables.TableClientBuilder", "table"),
            Map.entry("com.azure.messaging.servicebus.ServiceBusClientBuilder", "servicebus"),
            Map.entry("com.azure.messaging.eventhubs.EventHubClientBuilder", "eventhubs"),
            Map.entry("com.azure.messaging.eventhubs.EventProcessorClientBuilder", "eventhubs"),
            Map.entry("com.azure.cosmos.CosmosClientBuilder", "endpoint"),
            Map.entry("com.azure.data.appconfiguration.ConfigurationClientBuilder", "endpoint"),
            Map.entry("com.azure.messaging.eventgrid.EventGridPublisherClientBuilder", "endpoint"),
            Map.entry("com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder", "endpoint"),
            Map.entry("com.azure.search.documents.SearchClientBuilder", "endpoint"),
            Map.entry("com.azure.search.documents.indexes.SearchIndexClientBuilder", "endpoint"),
            Map.entry("com.azure.search.documents.indexes.SearchIndexerClientBuilder", "endpoint"),
            Map.entry("com.azure.ai.openai.OpenAIClientBuilder", "endpoint"));
    /** What a fix may write inside a string literal: host names and URLs, nothing that needs escaping. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/-]{1,300}");

    private final Document doc;
    private final JavaView view;
    private final CompilationUnit cu;
    private final Function<Expression, Optional<String>> rootType;
    private final Function<MethodCallExpr, Map<String, Expression>> chainCalls;

    JavaFixes(Document doc, JavaView view, CompilationUnit cu, Function<Expression, Optional<String>> rootType,
            Function<MethodCallExpr, Map<String, Expression>> chainCalls) {
        this.doc = doc;
        this.view = view;
        this.cu = cu;
        this.rootType = rootType;
        this.chainCalls = chainCalls;
    }

    /** The fix of a builder call or key-credential constructor that authenticates with a key, or null. */
    Fix sink(Node sink, JavaSinks.Target target) {
        if (sink instanceof MethodCallExpr m) {
            return builderCall(m, target);
        }
        if (sink instanceof ObjectCreationExpr o && o.getParentNode().orElse(null) instanceof MethodCallExpr use
                && use.getNameAsString().equals("credential") && !use.getArguments().isEmpty()
                && use.getArguments().get(use.getArguments().size() - 1) == o) {
            return keyCredentialObject(o, use);
        }
        if (sink instanceof ObjectCreationExpr o && o.getParentNode().orElse(null) instanceof VariableDeclarator v
                && KEY_CREDENTIALS.contains(o.getType().getNameAsString())) {
            return keyCredentialVariable(o, v);
        }
        return null;
    }

    /** The key credentials a builder's {@code credential(…)} takes, which DefaultAzureCredential replaces. */
    private static final java.util.Set<String> KEY_CREDENTIALS = java.util.Set.of("StorageSharedKeyCredential",
            "AzureSasCredential", "AzureKeyCredential", "AzureNamedKeyCredential");

    /**
     * Why a key credential at {@code sink} has no fix, when it is one of the shapes above and something precise is
     * missing (the endpoint, the builder); null otherwise (the rule's general reason applies).
     */
    String whyNoFix(Node sink) {
        MethodCallExpr use = null;
        if (sink instanceof MethodCallExpr m && m.getNameAsString().equals("credential")) {
            use = m;
        } else if (sink instanceof ObjectCreationExpr o && KEY_CREDENTIALS.contains(o.getType().getNameAsString())) {
            Node parent = o.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr mc && mc.getNameAsString().equals("credential")) {
                use = mc;
            } else if (parent instanceof VariableDeclarator v) {
                List<NameExpr> uses = usesIn(v);
                if (uses.size() != 1) {
                    return uses.isEmpty() ? "the credential is not passed to a client builder in this method: replace"
                            + " it with DefaultAzureCredential where the client is built"
                            : "the credential variable '" + v.getNameAsString() + "' is used " + uses.size()
                                    + " times: replace each use with DefaultAzureCredential, then delete it";
                }
                use = credentialCall(uses.get(0)).orElse(null);
                if (use == null) {
                    return "the credential variable '" + v.getNameAsString() + "' is not passed to a builder's"
                            + " credential(…) in this method";
                }
            } else {
                return null;
            }
        } else {
            return null;
        }
        if (builderKind(use) == null) {
            return "the credential goes to a builder mi-scan does not rewrite ("
                    + (builderType(use).isEmpty() ? "its type is not imported" : JavaNames.simpleName(builderType(use)))
                    + "): pass new DefaultAzureCredentialBuilder().build() to it instead";
        }
        if (!located(use)) {
            String kind = builderKind(use);
            return "the endpoint is not set on the builder in the code, so the client would not know which resource to"
                    + " reach without the credential: set " + (kind.equals("servicebus") || kind.equals("eventhubs")
                            ? ".fullyQualifiedNamespace(\"<namespace>.servicebus.windows.net\")"
                            : isStorage(kind) ? ".endpoint(\"https://<account>." + kind + ".core.windows.net\")"
                            : ".endpoint(\"https://<resource-endpoint>\")")
                    + " and pass new DefaultAzureCredentialBuilder().build() as its credential";
        }
        return null;
    }

    /** Whether the resource a builder reaches is written in the code: its endpoint, or its namespace. */
    private boolean located(MethodCallExpr use) {
        String kind = builderKind(use);
        if (use.getArguments().size() > 1) {
            return true; // credential(namespace, [hub,] credential)
        }
        Map<String, Expression> chain = chainCalls.apply(use);
        return kind.equals("servicebus") || kind.equals("eventhubs") ? chain.containsKey("fullyQualifiedNamespace")
                : chain.containsKey("endpoint");
    }

    /**
     * {@code builder.credential(sharedKeyCredential)} with a key credential from a parameter or field (its type
     * checked by the caller): the argument becomes DefaultAzureCredential where the builder's endpoint is written.
     */
    Fix typedCredential(MethodCallExpr use) {
        if (use.getArguments().isEmpty() || builderKind(use) == null || !located(use)) {
            return null;
        }
        Expression arg = use.getArguments().get(use.getArguments().size() - 1);
        if (!(arg instanceof NameExpr) && !(arg instanceof com.github.javaparser.ast.expr.FieldAccessExpr)) {
            return null;
        }
        return fix("Authenticate " + JavaNames.simpleName(builderType(use)) + " with DefaultAzureCredential instead of"
                + " the key credential it was given", view.begin(arg), view.end(arg), CREDENTIAL, null);
    }

    /**
     * {@code StorageSharedKeyCredential cred = new StorageSharedKeyCredential(name, key);} whose only use is a located
     * builder's {@code .credential(cred)}: the use becomes DefaultAzureCredential and the declaration goes, with the
     * local variable (or private constant) that held the key when nothing else reads it and reading it does nothing
     * else.
     */
    private Fix keyCredentialVariable(ObjectCreationExpr o, VariableDeclarator v) {
        List<NameExpr> uses = usesIn(v);
        MethodCallExpr use = uses.size() == 1 ? credentialCall(uses.get(0)).orElse(null) : null;
        if (use == null || builderKind(use) == null || !located(use)) {
            return null;
        }
        Optional<int[]> declaration = statementLines(v);
        if (declaration.isEmpty()) {
            return null;
        }
        NameExpr arg = uses.get(0);
        int begin = view.begin(arg);
        int end = view.end(arg);
        if (begin < 0 || end <= begin) {
            return null;
        }
        List<Fix.Edit> edits = new ArrayList<>();
        importEdit().ifPresent(edits::add);
        edits.add(doc.edit(begin, end, CREDENTIAL));
        edits.add(doc.edit(declaration.get()[0], declaration.get()[1], ""));
        String removed = "";
        Expression key = o.getArguments().isEmpty() ? null : o.getArguments().get(o.getArguments().size() - 1);
        if (key instanceof NameExpr keyName) {
            Optional<int[]> keyLines = localKeyLines(keyName, o);
            if (keyLines.isPresent() && (keyLines.get()[1] <= declaration.get()[0]
                    || keyLines.get()[0] >= declaration.get()[1])) {
                edits.add(doc.edit(keyLines.get()[0], keyLines.get()[1], ""));
                removed = " and the variable that held the key";
            } else {
                Optional<Fix.Edit> constant = unusedConstant(keyName, declaration.get()[0], declaration.get()[1]);
                if (constant.isPresent()) {
                    edits.add(constant.get());
                    removed = " and the constant that held the key";
                }
            }
        }
        return new Fix("Authenticate " + JavaNames.simpleName(builderType(use)) + " with DefaultAzureCredential instead"
                + " of " + o.getType().getNameAsString() + " '" + v.getNameAsString() + "', and delete the credential"
                + removed, edits).requiring(IDENTITY_ARTIFACT);
    }

    /** The uses of a local variable in its method (or class). */
    private List<NameExpr> usesIn(VariableDeclarator v) {
        Node scope = JavaNames.ancestor(v, com.github.javaparser.ast.body.CallableDeclaration.class).map(n -> (Node) n)
                .or(() -> JavaNames.ancestor(v, com.github.javaparser.ast.body.TypeDeclaration.class).map(n -> (Node) n))
                .orElse(cu);
        dev.miscan.core.parse.java.UnitNodes nodes = dev.miscan.core.parse.java.UnitNodes.in(scope);
        String name = v.getNameAsString();
        return nodes == null ? scope.findAll(NameExpr.class).stream().filter(n -> n.getNameAsString().equals(name)).toList()
                : List.copyOf(nodes.names(name));
    }

    /** The builder's {@code credential(…)} call that takes {@code arg} as its last argument. */
    private static Optional<MethodCallExpr> credentialCall(NameExpr arg) {
        return arg.getParentNode().filter(p -> p instanceof MethodCallExpr).map(p -> (MethodCallExpr) p)
                .filter(m -> m.getNameAsString().equals("credential") && !m.getArguments().isEmpty()
                        && m.getArguments().get(m.getArguments().size() - 1) == arg);
    }

    /**
     * The lines of the statement that declares {@code v} alone ({@code Type v = …;} on lines of its own, with its
     * comment), as the offsets of their start and of the line after; empty when the statement shares a line.
     */
    private Optional<int[]> statementLines(VariableDeclarator v) {
        if (!(v.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr d)
                || d.getVariables().size() != 1
                || !(d.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt stmt)) {
            return Optional.empty();
        }
        return ownLines(stmt).map(l -> new int[] {doc.lines().lineStart(l[0]), doc.lines().lineStart(l[1] + 1)});
    }

    /**
     * The first and last line (0-based) of a node with its comment, when it has them to itself (nothing else before
     * or after it on them) and a line follows them; empty otherwise.
     */
    private Optional<int[]> ownLines(com.github.javaparser.ast.Node node) {
        int from = node.getComment().map(view::begin).filter(b -> b >= 0).orElse(view.begin(node));
        int to = view.end(node);
        if (from < 0 || to <= from) {
            return Optional.empty();
        }
        LineIndex lines = doc.lines();
        int first = lines.lineOf(from);
        int last = lines.lineOf(to - 1);
        String text = doc.text();
        if (!text.substring(lines.lineStart(first), from).isBlank() || !text.substring(to, lines.lineEnd(last)).isBlank()
                || last + 1 >= lines.lineCount()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {first, last});
    }

    /** Initialisers whose evaluation does nothing but produce the key: a literal, the environment, a system property. */
    private static final Pattern SIDE_EFFECT_FREE = Pattern.compile(
            "(?s)\"[^\"\\\\]*+\"|System\\.get(?:env|Property)\\(\"[A-Za-z0-9_.-]{1,128}\"\\)");

    /**
     * The lines of the local variable that holds the key of {@code credential}, when the credential is its only use
     * and its initialiser has no other effect; empty otherwise.
     */
    private Optional<int[]> localKeyLines(NameExpr key, ObjectCreationExpr credential) {
        Node method = JavaNames.ancestor(credential, com.github.javaparser.ast.body.CallableDeclaration.class)
                .map(n -> (Node) n).orElse(null);
        if (method == null) {
            return Optional.empty();
        }
        String name = key.getNameAsString();
        // the unit's nodes of that name, grouped once (a method of many keys is not walked once per key)
        dev.miscan.core.parse.java.UnitNodes nodes = dev.miscan.core.parse.java.UnitNodes.in(method);
        VariableDeclarator declarator = (nodes == null ? method.findAll(VariableDeclarator.class).stream()
                : declaratorsNamed(nodes, name).stream())
                .filter(d -> d.getNameAsString().equals(name)).findFirst().orElse(null);
        if (declarator == null || declarator.getInitializer().isEmpty()
                || !SIDE_EFFECT_FREE.matcher(view.source(declarator.getInitializer().get())).matches()
                || (nodes == null ? method.findAll(NameExpr.class).stream().filter(n -> n.getNameAsString().equals(name))
                        .count() : nodes.names(name).size()) != 1) {
            return Optional.empty();
        }
        return statementLines(declarator);
    }

    /**
     * The variables named {@code name} declared within a scope ({@code nodes}: its grouping), locals and fields (of a
     * local or anonymous class) alike, in the order {@code findAll} meets them: a declarator begins after any
     * declarator that holds it.
     */
    private static List<VariableDeclarator> declaratorsNamed(dev.miscan.core.parse.java.UnitNodes nodes, String name) {
        List<VariableDeclarator> out = new java.util.ArrayList<>(nodes.locals(name));
        for (com.github.javaparser.ast.body.FieldDeclaration f : nodes.fields(name)) {
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    out.add(v);
                }
            }
        }
        out.sort(java.util.Comparator.comparing((VariableDeclarator v) -> v.getBegin().orElseThrow()));
        return out;
    }

    /** {@code .connectionString(…)}, {@code .sasToken(…)} or {@code .key(…)} on a builder. */
    private Fix builderCall(MethodCallExpr m, JavaSinks.Target target) {
        String kind = builderKind(m);
        if (kind == null) {
            return null;
        }
        Map<String, Expression> chain = chainCalls.apply(m);
        String name = m.getNameAsString();
        int args = m.getArguments().size();
        String replacement = switch (name) {
            case "connectionString" -> connectionString(m, kind, chain, target, args);
            case "sasToken" -> isStorage(kind) && args == 1 && chain.containsKey("endpoint")
                    ? "credential(" + CREDENTIAL + ")" : null;
            case "key" -> kind.equals("endpoint") && builderType(m).endsWith(".CosmosClientBuilder") && args == 1
                    && chain.containsKey("endpoint") ? "credential(" + CREDENTIAL + ")" : null;
            default -> null;
        };
        if (replacement == null) {
            return null;
        }
        int begin = view.begin(m.getName());
        int end = view.end(m);
        return fix("Authenticate " + JavaNames.simpleName(builderType(m)) + " with DefaultAzureCredential instead of "
                + (name.equals("connectionString") ? "the connection string" : name.equals("sasToken") ? "the SAS token"
                : "the key"), begin, end, replacement, m.getArguments().get(0));
    }

    private String connectionString(MethodCallExpr m, String kind, Map<String, Expression> chain,
            JavaSinks.Target target, int args) {
        if (isStorage(kind)) {
            String account = target.get("account");
            String suffix = target.get("suffix") == null ? "core.windows.net" : target.get("suffix");
            if (args != 1) {
                return null;
            }
            if (chain.containsKey("endpoint")) {
                return "credential(" + CREDENTIAL + ")";
            }
            String endpoint = account == null ? null : "https://" + account.toLowerCase(Locale.ROOT) + "." + kind + "."
                    + suffix;
            return safe(endpoint) ? "endpoint(\"" + endpoint + "\").credential(" + CREDENTIAL + ")" : null;
        }
        String endpoint = target.get("endpoint");
        String host = endpoint == null ? null : Credentials.host(endpoint);
        switch (kind) {
            case "servicebus" -> {
                String entity = target.get("entity");
                if (args != 1 || !safe(host) || !host.contains(".servicebus.")
                        || entity != null && !chain.containsKey("queueName") && !chain.containsKey("topicName")) {
                    return null;
                }
                return "credential(\"" + host + "\", " + CREDENTIAL + ")";
            }
            case "eventhubs" -> {
                if (!safe(host) || !host.contains(".servicebus.")) {
                    return null;
                }
                String entity = target.get("entity");
                String hub = args == 2 ? view.source(m.getArguments().get(1))
                        : entity != null && safe(entity) ? "\"" + entity + "\"" : null;
                if (hub != null) {
                    return "credential(\"" + host + "\", " + hub + ", " + CREDENTIAL + ")";
                }
                return args == 1 && chain.containsKey("eventHubName")
                        ? "fullyQualifiedNamespace(\"" + host + "\").credential(" + CREDENTIAL + ")" : null;
            }
            case "endpoint" -> {
                String type = builderType(m);
                boolean takesConnectionString = type.endsWith(".ConfigurationClientBuilder")
                        || type.endsWith(".WebPubSubServiceClientBuilder");
                if (!takesConnectionString || args != 1) {
                    return null;
                }
                if (chain.containsKey("endpoint")) {
                    return "credential(" + CREDENTIAL + ")";
                }
                return safe(host) && endpoint.startsWith("https://") && !host.isEmpty()
                        ? "endpoint(\"https://" + host + "\").credential(" + CREDENTIAL + ")" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code .credential(new AzureKeyCredential(…))} and the other key credentials, passed straight to a builder. */
    private Fix keyCredentialObject(ObjectCreationExpr o, MethodCallExpr use) {
        String kind = builderKind(use);
        if (kind == null) {
            return null;
        }
        if (use.getArguments().size() == 1) {
            Map<String, Expression> chain = chainCalls.apply(use);
            boolean located = kind.equals("servicebus") || kind.equals("eventhubs")
                    ? chain.containsKey("fullyQualifiedNamespace") : chain.containsKey("endpoint");
            if (!located) {
                return null;
            }
        }
        Expression key = o.getArguments().isEmpty() ? null : o.getArguments().get(o.getArguments().size() - 1);
        return fix("Authenticate " + JavaNames.simpleName(builderType(use)) + " with DefaultAzureCredential instead of "
                + o.getType().getNameAsString(), view.begin(o), view.end(o), CREDENTIAL, key);
    }

    /**
     * {@code @Value("${orders.password:s3cret}")} becomes {@code @Value("${orders.password}")}: the setting must
     * now come from the environment or Key Vault, and the code holds no credential.
     */
    Fix valueDefault(AnnotationExpr a) {
        Expression member = a instanceof SingleMemberAnnotationExpr s ? s.getMemberValue()
                : a instanceof NormalAnnotationExpr n ? n.getPairs().stream()
                        .filter(p -> p.getNameAsString().equals("value")).map(p -> p.getValue()).findFirst().orElse(null)
                : null;
        if (!(member instanceof StringLiteralExpr literal)) {
            return null;
        }
        String value = literal.getValue();
        int colon = value.indexOf(':');
        if (!value.startsWith("${") || !value.endsWith("}") || colon < 0 || value.indexOf('}') != value.length() - 1
                || value.indexOf("${", 2) >= 0) {
            return null;
        }
        String property = value.substring(2, colon);
        if (!property.matches("[A-Za-z0-9._\\[\\]-]+")) {
            return null;
        }
        int begin = view.begin(literal);
        int end = view.end(literal);
        if (begin < 0 || end <= begin) {
            return null;
        }
        return new Fix("Remove the credential default of @Value(\"${" + property + "}\"): the setting must be provided",
                List.of(doc.edit(begin, end, "\"${" + property + "}\"")));
    }

    private Fix fix(String description, int begin, int end, String replacement, Expression credential) {
        if (begin < 0 || end <= begin) {
            return null;
        }
        List<Fix.Edit> edits = new ArrayList<>();
        importEdit().ifPresent(edits::add);
        edits.add(doc.edit(begin, end, replacement));
        Optional<Fix.Edit> constant = unusedConstant(credential, begin, end);
        constant.ifPresent(edits::add);
        // the new code needs azure-identity: the build step after the scan adds it to the module's build or
        // withdraws the fix (dev.miscan.core.build.BuildFixes)
        return new Fix(description + (constant.isPresent() ? ", and delete the constant that held it" : ""), edits)
                .requiring(IDENTITY_ARTIFACT);
    }

    /**
     * The deletion of the private field that held the credential, when the edit removed its only use: the key
     * then leaves the code with the fix. The field's lines go, with its comment; nothing else on them.
     */
    private Optional<Fix.Edit> unusedConstant(Expression credential, int begin, int end) {
        if (!(credential instanceof NameExpr name)) {
            return Optional.empty();
        }
        String n = name.getNameAsString();
        Node type = JavaNames.ancestor(name, com.github.javaparser.ast.body.TypeDeclaration.class)
                .map(t -> (Node) t).orElse(null);
        dev.miscan.core.parse.java.UnitNodes nodes = dev.miscan.core.parse.java.UnitNodes.of(cu);
        FieldDeclaration field = nodes.fields(n).stream()
                .filter(f -> f.isPrivate() && f.getVariables().size() == 1
                        && f.getVariable(0).getNameAsString().equals(n) && f.getVariable(0).getInitializer().isPresent()
                        && type != null && f.getParentNode().orElse(null) == type)
                .findFirst().orElse(null);
        if (field == null) {
            return Optional.empty();
        }
        for (NameExpr use : nodes.names(n)) {
            int at = view.begin(use);
            if (at < begin || at >= end) {
                return Optional.empty(); // used elsewhere: it stays, and is reported where it is
            }
        }
        if (!nodes.fieldAccesses(n).isEmpty()) {
            return Optional.empty();
        }
        Optional<int[]> own = ownLines(field);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        LineIndex lines = doc.lines();
        int first = own.get()[0];
        int last = own.get()[1];
        int stop = lines.lineStart(last + 1);
        // and the blank line after it, when a blank line or the class's brace is before it: no gap is left
        if (last + 2 < lines.lineCount() && lines.line(last + 1).isBlank() && first > 0
                && (lines.line(first - 1).isBlank() || lines.line(first - 1).strip().endsWith("{"))) {
            stop = lines.lineStart(last + 2);
        }
        return Optional.of(doc.edit(lines.lineStart(first), stop, ""));
    }

    /** The import of DefaultAzureCredentialBuilder, after the last import (or the package), unless present. */
    /** The import of {@code DefaultAzureCredentialBuilder} every fix of this file adds: worked out once. */
    private Optional<Fix.Edit> importEdit;

    private Optional<Fix.Edit> importEdit() {
        if (importEdit == null) {
            importEdit = newImportEdit();
        }
        return importEdit;
    }

    private Optional<Fix.Edit> newImportEdit() {
        for (ImportDeclaration i : cu.getImports()) {
            String n = i.getNameAsString();
            if (!i.isStatic() && (i.isAsterisk() ? n.equals("com.azure.identity") : n.equals(IMPORT))) {
                return Optional.empty();
            }
        }
        // in order among the Azure imports when there are some, else after the last import (or the package)
        Node before = null;
        Node after = cu.getPackageDeclaration().orElse(null);
        for (ImportDeclaration i : cu.getImports()) {
            boolean azure = !i.isStatic() && i.getNameAsString().startsWith("com.azure.");
            if (azure && i.getNameAsString().compareTo(IMPORT) > 0) {
                before = i;
                break;
            }
            if (azure || after == null || !(after instanceof ImportDeclaration a && a.getNameAsString().startsWith("com.azure."))) {
                after = i;
            }
        }
        if (before != null) {
            int at = view.begin(before);
            return at < 0 ? Optional.empty() : Optional.of(doc.edit(at, at, "import " + IMPORT + ";\n"));
        }
        String line = "import " + IMPORT + ";\n";
        if (after == null) {
            return Optional.of(doc.edit(0, 0, line + "\n"));
        }
        int end = view.end(after);
        if (end < 0) {
            return Optional.empty();
        }
        LineIndex lines = doc.lines();
        int l = lines.lineOf(Math.max(0, end - 1));
        if (l + 1 >= lines.lineCount()) {
            return Optional.empty(); // nothing after the imports: not a file a fix should touch
        }
        int at = lines.lineStart(l + 1);
        return Optional.of(doc.edit(at, at, cu.getImports().isNonEmpty() ? line : "\n" + line));
    }


    /** The fully qualified builder type of a call's chain, when it is imported or written in full; else "". */
    private String builderType(MethodCallExpr m) {
        String written = m.getScope().flatMap(rootType).orElse("");
        if (written.isEmpty()) {
            return "";
        }
        if (written.contains(".") && Character.isLowerCase(written.charAt(0))) {
            return written;
        }
        String simple = JavaNames.simpleName(written);
        return JavaNames.importOf(cu, simple).orElseGet(() -> {
            // a single-type import is what the fix can trust; a wildcard import of the SDK package also names it
            for (Map.Entry<String, String> e : BUILDERS.entrySet()) {
                String pkg = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
                if (JavaNames.simpleName(e.getKey()).equals(simple) && cu.getImports().stream()
                        .anyMatch(i -> i.isAsterisk() && !i.isStatic() && i.getNameAsString().equals(pkg))) {
                    return e.getKey();
                }
            }
            return "";
        });
    }

    private String builderKind(MethodCallExpr m) {
        return BUILDERS.get(builderType(m));
    }

    private static boolean isStorage(String kind) {
        return kind.equals("blob") || kind.equals("queue") || kind.equals("dfs") || kind.equals("table");
    }

    private static boolean safe(String s) {
        return s != null && SAFE.matcher(s).matches();
    }
}
