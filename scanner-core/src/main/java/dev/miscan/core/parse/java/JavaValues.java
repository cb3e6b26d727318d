package dev.miscan.core.parse.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.miscan.core.parse.java.ConstantIndex;
import dev.miscan.core.parse.java.TracedString.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the string a Java expression evaluates to, as far as the source says, with where each
 * character is written ({@link TracedString}): literals and text blocks, {@code +} concatenation,
 * {@code concat}, {@code String.join}, {@code formatted}/{@code String.format}, {@code toCharArray},
 * {@code char[]} initialisers, {@code new String(…)}, {@code StringBuilder} chains, local
 * final/effectively-final variables, fields and constants of this unit, and constants of other files
 * through the scan's {@link ConstantIndex} (imports, static imports, inherited interface constants,
 * enum constants). Anything else becomes a {@linkplain TracedString.Hole hole} that says where the value
 * comes from: an environment variable, a Spring {@code @Value} without default, a parameter, a field.
 * {@code ${name:default}} and {@code getProperty(name, default)} defaults are literals.
 */
public final class JavaValues {
    private static final int MAX_DEPTH = 12;
    private static final Set<String> STRING_IDENTITY = Set.of("toCharArray", "trim", "strip", "intern", "stripLeading",
            "stripTrailing", "toString", "chars");
    private static final Set<String> CONFIG_LOOKUPS = Set.of("getProperty", "getRequiredProperty", "getValue",
            "getString", "getOptionalValue", "getConfigValue", "getenv", "getSecret");

    /** What a name stands for. */
    public enum Kind { LOCAL, PARAMETER, FIELD, CONSTANT, ENUM_CONSTANT }

    /** The declaration of a name: where it is written and what it is. */
    public record Declaration(JavaView view, Node node, Kind kind, String name, String qualifiedName) {
        /** The declared type as written, e.g. {@code BlobServiceClientBuilder}, or "" when unknown. */
        public String type() {
            if (node instanceof VariableDeclarator v) {
                return v.getType().asString();
            }
            if (node instanceof Parameter p) {
                return p.getType().asString();
            }
            return "";
        }

        /** The initializer of a variable or constant, when it has one. */
        public Optional<Expression> initializer() {
            return node instanceof VariableDeclarator v ? v.getInitializer() : Optional.empty();
        }
    }

    private final JavaView view;
    private final ConstantIndex index;

    public JavaValues(JavaView view, ConstantIndex index) {
        this.view = view;
        this.index = index;
    }

    public JavaView view() {
        return view;
    }

    /** The value of {@code e}, an expression of this view's unit. */
    public TracedString resolve(Expression e) {
        return resolve(view, e, 0);
    }

    /** The value of {@code e}, an expression written in {@code in} (this file or a file of the index). */
    public TracedString resolve(JavaView in, Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return TracedString.hole(Origin.UNKNOWN, "");
        }
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr || e instanceof CharLiteralExpr) {
            TracedString t = JavaLiterals.decode(in.text(), in.begin(e), in.end(e), in.path());
            return t != null ? t : TracedString.synthetic(((LiteralExpr) e).toString());
        }
        if (e instanceof NullLiteralExpr) {
            return TracedString.EMPTY;
        }
        if (e instanceof LiteralExpr) { // numbers and booleans, written as is
            int b = in.begin(e);
            String s = in.source(e);
            int[] o = new int[s.length()];
            for (int i = 0; i < o.length; i++) {
                o[i] = b < 0 ? -1 : b + i;
            }
            return b < 0 ? TracedString.synthetic(s) : TracedString.of(s, o, in.path());
        }
        if (e instanceof EnclosedExpr en) {
            return resolve(in, en.getInner(), depth + 1);
        }
        if (e instanceof CastExpr c) {
            return resolve(in, c.getExpression(), depth + 1);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return resolve(in, b.getLeft(), depth + 1).concat(resolve(in, b.getRight(), depth + 1));
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            Optional<Declaration> d = declaration(in, e, depth);
            if (d.isPresent()) {
                return valueOf(d.get(), depth + 1);
            }
            if (e instanceof FieldAccessExpr f) { // a field of an enum constant: Keys.STORAGE.value (a Kotlin property)
                Optional<Declaration> constant = declaration(in, f.getScope(), depth);
                if (constant.isPresent() && constant.get().kind() == Kind.ENUM_CONSTANT) {
                    return enumValue(constant.get(), f.getNameAsString(), true, depth);
                }
            }
            return TracedString.hole(e instanceof FieldAccessExpr ? Origin.FIELD : Origin.UNKNOWN, e.toString());
        }
        if (e instanceof MethodCallExpr m) {
            return call(in, m, depth);
        }
        if (e instanceof ObjectCreationExpr o) {
            String type = JavaNames.simpleName(o.getType().getNameAsString());
            if ((type.equals("String") || type.equals("StringBuilder") || type.equals("StringBuffer"))
                    && !o.getArguments().isEmpty()) {
                return resolve(in, o.getArguments().get(0), depth + 1);
            }
            if (type.equals("StringBuilder") || type.equals("StringBuffer")) {
                return TracedString.EMPTY;
            }
            return TracedString.hole(Origin.UNKNOWN, "new " + type + "(…)");
        }
        if (e instanceof ArrayCreationExpr a && a.getInitializer().isPresent()) {
            return resolve(in, a.getInitializer().get(), depth + 1);
        }
        if (e instanceof ArrayInitializerExpr a) {
            TracedString t = TracedString.EMPTY;
            for (Expression v : a.getValues()) {
                t = t.concat(resolve(in, v, depth + 1));
            }
            return t;
        }
        return TracedString.hole(Origin.UNKNOWN, "");
    }

    /** The value a declaration gives its name. */
    private TracedString valueOf(Declaration d, int depth) {
        switch (d.kind()) {
            case PARAMETER -> {
                if (!(d.node() instanceof Parameter p)) {
                    return TracedString.hole(Origin.PARAMETER, d.name());
                }
                Optional<TracedString> injected = injected(d.view(), p, depth);
                return injected.orElse(TracedString.hole(Origin.PARAMETER, d.name()));
            }
            case LOCAL -> {
                if (!(d.node() instanceof VariableDeclarator v)) {
                    return TracedString.hole(Origin.LOCAL, d.name());
                }
                if (v.getInitializer().isPresent() && !isReassigned(v)) {
                    return resolve(d.view(), v.getInitializer().get(), depth + 1);
                }
                return TracedString.hole(Origin.LOCAL, d.name());
            }
            case FIELD, CONSTANT -> {
                if (!(d.node() instanceof VariableDeclarator v)) {
                    return TracedString.hole(Origin.UNKNOWN, d.name());
                }
                Optional<FieldDeclaration> field = JavaNames.ancestor(v, FieldDeclaration.class);
                if (field.isPresent()) {
                    Optional<TracedString> injected = injected(d.view(), field.get(), depth);
                    if (injected.isPresent()) {
                        return injected.get();
                    }
                }
                if (v.getInitializer().isPresent() && (d.kind() == Kind.CONSTANT
                        || field.map(FieldDeclaration::isFinal).orElse(false) || !isFieldAssigned(v))) {
                    return resolve(d.view(), v.getInitializer().get(), depth + 1);
                }
                return TracedString.hole(Origin.FIELD, d.name());
            }
            default -> {
                return TracedString.hole(Origin.UNKNOWN, d.name());
            }
        }
    }

    /**
     * The value of a Spring {@code @Value} or MicroProfile {@code @ConfigProperty} on a field or parameter:
     * the literal default of {@code ${name:default}}, or a configuration hole.
     */
    public Optional<TracedString> injected(JavaView in, NodeWithAnnotations<?> annotated, int depth) {
        for (AnnotationExpr a : annotated.getAnnotations()) {
            String name = JavaNames.simpleName(a.getNameAsString());
            if (name.equals("Value")) {
                Optional<Expression> value = memberValue(a, "value");
                if (value.isPresent()) {
                    return Optional.of(placeholder(resolve(in, value.get(), depth + 1)));
                }
            } else if (name.equals("ConfigProperty")) {
                Optional<Expression> dflt = memberValue(a, "defaultValue");
                String key = memberValue(a, "name").map(Expression::toString).orElse("");
                if (dflt.isPresent()) {
                    TracedString t = resolve(in, dflt.get(), depth + 1);
                    if (!t.isEmpty() && !t.hasHoles()) {
                        return Optional.of(t);
                    }
                }
                return Optional.of(TracedString.hole(Origin.CONFIGURATION, unquote(key)));
            }
        }
        return Optional.empty();
    }

    /** An annotation's member ({@code value} is also the single-member form). */
    public static Optional<Expression> memberValue(AnnotationExpr a, String member) {
        if (a instanceof SingleMemberAnnotationExpr s && member.equals("value")) {
            return Optional.of(s.getMemberValue());
        }
        if (a instanceof NormalAnnotationExpr n) {
            return n.getPairs().stream().filter(p -> p.getNameAsString().equals(member)).map(p -> p.getValue())
                    .findFirst();
        }
        return Optional.empty();
    }

    /** {@code ${name}} and {@code ${name:}} are configuration holes, {@code ${name:default}} is its default. */
    public static TracedString placeholder(TracedString s) {
        String t = s.text();
        if (t.startsWith("#{")) {
            return TracedString.hole(Origin.CONFIGURATION, t);
        }
        if (!t.startsWith("${") || !t.endsWith("}")) {
            return s;
        }
        int depth = 0;
        int colon = -1;
        for (int i = 2; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return TracedString.hole(Origin.CONFIGURATION, t.substring(2, t.length() - 1));
        }
        TracedString dflt = s.substring(colon + 1, t.length() - 1);
        if (dflt.isEmpty()) {
            return TracedString.hole(Origin.CONFIGURATION, t.substring(2, colon));
        }
        return placeholder(dflt);
    }

    private TracedString call(JavaView in, MethodCallExpr m, int depth) {
        String name = m.getNameAsString();
        NodeList<Expression> args = m.getArguments();
        Optional<Expression> scope = m.getScope();
        String scopeText = scope.map(Object::toString).orElse("");
        if (scopeText.equals("System") || scopeText.equals("java.lang.System")) {
            if (name.equals("getenv") && args.size() == 1) {
                return TracedString.hole(Origin.ENVIRONMENT, literalText(in, args.get(0), depth));
            }
            if ((name.equals("getProperty") || name.equals("getenv")) && !args.isEmpty()) {
                return withDefault(in, args, Origin.SYSTEM_PROPERTY, depth);
            }
        }
        if (scope.isPresent() && scope.get() instanceof MethodCallExpr inner && inner.getNameAsString().equals("getenv")
                && inner.getArguments().isEmpty() && !args.isEmpty()) { // System.getenv().get("X")
            return withDefault(in, args, Origin.ENVIRONMENT, depth);
        }
        if (scopeText.equals("String")) {
            switch (name) {
                case "valueOf", "copyValueOf" -> {
                    return args.isEmpty() ? TracedString.EMPTY : resolve(in, args.get(0), depth + 1);
                }
                case "join" -> {
                    return join(in, args, depth);
                }
                case "format" -> {
                    return args.isEmpty() ? TracedString.EMPTY
                            : format(resolve(in, args.get(0), depth + 1), args.subList(1, args.size()), in, depth);
                }
                default -> {
                    return TracedString.hole(Origin.METHOD, name);
                }
            }
        }
        if (scope.isPresent()) {
            Expression s = scope.get();
            if (STRING_IDENTITY.contains(name) && args.isEmpty()) {
                return resolve(in, s, depth + 1);
            }
            if (name.equals("concat") && args.size() == 1) {
                return resolve(in, s, depth + 1).concat(resolve(in, args.get(0), depth + 1));
            }
            if (name.equals("formatted")) {
                return format(resolve(in, s, depth + 1), args, in, depth);
            }
            if (name.equals("append") && args.size() == 1) {
                return resolve(in, s, depth + 1).concat(resolve(in, args.get(0), depth + 1));
            }
            if ((name.equals("orElse") || name.equals("orElseGet")) && args.size() == 1) {
                TracedString primary = resolve(in, s, depth + 1);
                TracedString fallback = resolve(in, args.get(0), depth + 1);
                return primary.hasHoles() && !fallback.isEmpty() && !fallback.hasHoles() ? fallback : primary;
            }
            if ((name.equals("ofNullable") || name.equals("of")) && scopeText.equals("Optional") && args.size() == 1) {
                return resolve(in, args.get(0), depth + 1);
            }
            if (name.equals("requireNonNullElse") && scopeText.equals("Objects") && args.size() == 2) {
                TracedString primary = resolve(in, args.get(0), depth + 1);
                TracedString fallback = resolve(in, args.get(1), depth + 1);
                return primary.hasHoles() && !fallback.isEmpty() && !fallback.hasHoles() ? fallback : primary;
            }
            if (CONFIG_LOOKUPS.contains(name) || name.equals("get") || name.equals("getOrDefault")) {
                Optional<Declaration> enumConstant = declaration(in, s, depth);
                if (enumConstant.isEmpty() && !args.isEmpty()
                        && (args.get(0) instanceof StringLiteralExpr || CONFIG_LOOKUPS.contains(name))) {
                    return withDefault(in, args, Origin.CONFIGURATION, depth);
                }
            }
            if (args.isEmpty()) { // a getter of an enum constant: Keys.STORAGE.value()
                Optional<Declaration> d = declaration(in, s, depth);
                if (d.isPresent() && d.get().kind() == Kind.ENUM_CONSTANT) {
                    return enumValue(d.get(), name, false, depth);
                }
            }
        }
        if ((scope.isEmpty() || scope.get() instanceof ThisExpr) && args.isEmpty()) {
            Optional<Expression> returned = returnedBy(m, name);
            if (returned.isPresent()) {
                return resolve(in, returned.get(), depth + 1);
            }
        }
        return TracedString.hole(Origin.METHOD, name + "()");
    }

    /** A lookup {@code (key[, default])}: the default when it is a literal, else a hole named by the key. */
    private TracedString withDefault(JavaView in, NodeList<Expression> args, Origin origin, int depth) {
        String key = literalText(in, args.get(0), depth);
        if (args.size() == 2 && !(args.get(1) instanceof ClassExpr)) {
            TracedString dflt = resolve(in, args.get(1), depth + 1);
            if (!dflt.isEmpty() && !dflt.hasHoles()) {
                return dflt;
            }
        }
        return TracedString.hole(origin, key);
    }

    private String literalText(JavaView in, Expression e, int depth) {
        TracedString t = resolve(in, e, depth + 1);
        return t.hasHoles() ? e.toString() : t.text();
    }

    private TracedString join(JavaView in, NodeList<Expression> args, int depth) {
        if (args.isEmpty()) {
            return TracedString.EMPTY;
        }
        TracedString sep = resolve(in, args.get(0), depth + 1);
        List<Expression> parts = new ArrayList<>(args.subList(1, args.size()));
        if (parts.size() == 1) {
            Expression only = parts.get(0);
            if (only instanceof MethodCallExpr list && (list.getNameAsString().equals("of")
                    || list.getNameAsString().equals("asList"))) {
                parts = new ArrayList<>(list.getArguments());
            } else if (only instanceof ArrayCreationExpr a && a.getInitializer().isPresent()) {
                parts = new ArrayList<>(a.getInitializer().get().getValues());
            }
        }
        TracedString out = TracedString.EMPTY;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out = out.concat(sep);
            }
            out = out.concat(resolve(in, parts.get(i), depth + 1));
        }
        return out;
    }

    private TracedString format(TracedString fmt, List<Expression> args, JavaView in, int depth) {
        String f = fmt.text();
        TracedString out = TracedString.EMPTY;
        int next = 0;
        int copyFrom = 0;
        for (int i = 0; i + 1 < f.length(); i++) {
            if (f.charAt(i) != '%') {
                continue;
            }
            char spec = f.charAt(i + 1);
            out = out.concat(fmt.substring(copyFrom, i));
            if (spec == 's' || spec == 'd' || spec == 'S') {
                out = out.concat(next < args.size() ? resolve(in, args.get(next), depth + 1)
                        : TracedString.hole(Origin.UNKNOWN, ""));
                next++;
            } else if (spec == '%') {
                out = out.concat(fmt.substring(i, i + 1));
            } else if (spec == 'n') {
                out = out.concat(TracedString.synthetic("\n"));
            } else {
                out = out.concat(TracedString.hole(Origin.UNKNOWN, ""));
            }
            i++;
            copyFrom = i + 1;
        }
        return out.concat(fmt.substring(Math.min(copyFrom, f.length()), f.length()));
    }

    /**
     * The argument of an enum constant that its getter returns ({@code Keys.STORAGE.value()}), or that sets the field
     * of that name ({@code Keys.STORAGE.value}).
     */
    private TracedString enumValue(Declaration d, String getter, boolean fieldRead, int depth) {
        EnumConstantDeclaration c = (EnumConstantDeclaration) d.node();
        NodeList<Expression> args = c.getArguments();
        if (args.isEmpty()) {
            return TracedString.hole(Origin.METHOD, getter + "()");
        }
        int chosen = -1;
        if (c.getParentNode().orElse(null) instanceof EnumDeclaration e) {
            String field = fieldRead ? getter : null; // a field read directly (a Kotlin property)
            for (MethodDeclaration md : e.getMethodsByName(getter)) {
                if (md.getParameters().isEmpty() && md.getBody().isPresent()) {
                    for (ReturnStmt r : md.getBody().get().findAll(ReturnStmt.class)) {
                        field = r.getExpression().map(x -> x instanceof FieldAccessExpr fa ? fa.getNameAsString()
                                : x instanceof NameExpr n ? n.getNameAsString() : null).orElse(null);
                    }
                }
            }
            for (ConstructorDeclaration ctor : e.getConstructors()) {
                if (field == null || ctor.getParameters().size() != args.size()) {
                    continue;
                }
                for (AssignExpr a : ctor.findAll(AssignExpr.class)) {
                    String target = a.getTarget() instanceof FieldAccessExpr fa ? fa.getNameAsString()
                            : a.getTarget() instanceof NameExpr n ? n.getNameAsString() : null;
                    if (field.equals(target) && a.getValue() instanceof NameExpr p) {
                        for (int i = 0; i < ctor.getParameters().size(); i++) {
                            if (ctor.getParameter(i).getNameAsString().equals(p.getNameAsString())) {
                                chosen = i;
                            }
                        }
                    }
                }
            }
        }
        if (chosen < 0) {
            List<Integer> strings = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof StringLiteralExpr || args.get(i) instanceof TextBlockLiteralExpr
                        || args.get(i) instanceof BinaryExpr || args.get(i) instanceof NameExpr
                        || args.get(i) instanceof FieldAccessExpr) {
                    strings.add(i);
                }
            }
            if (strings.size() != 1) {
                return TracedString.hole(Origin.METHOD, getter + "()");
            }
            chosen = strings.get(0);
        }
        return resolve(d.view(), args.get(chosen), depth + 1);
    }

    /** The expression a no-argument method of the enclosing type returns, when its body is one return. */
    private static Optional<Expression> returnedBy(Node at, String method) {
        Optional<TypeDeclaration<?>> type = enclosingType(at);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (MethodDeclaration md : type.get().getMethodsByName(method)) {
            if (md.getParameters().isEmpty() && md.getBody().isPresent()
                    && md.getBody().get().getStatements().size() == 1
                    && md.getBody().get().getStatement(0) instanceof ReturnStmt r) {
                return r.getExpression();
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<TypeDeclaration<?>> enclosingType(Node n) {
        return JavaNames.ancestor(n, TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    }

    /** The declaration a name or field access of this view's unit refers to. */
    public Optional<Declaration> declaration(Expression e) {
        return declaration(view, e, 0);
    }

    /** The declaration a name or field access written in {@code in} refers to. */
    public Optional<Declaration> declaration(JavaView in, Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (e instanceof NameExpr n) {
            return lookup(in, n, n.getNameAsString(), depth);
        }
        if (e instanceof FieldAccessExpr f) {
            String name = f.getNameAsString();
            Expression scope = f.getScope();
            if (scope instanceof ThisExpr) {
                return enclosingType(f).flatMap(t -> member(in, t, name, false));
            }
            String qualifier = scope.toString();
            if (!isTypeName(in, scope, depth)) {
                return Optional.empty(); // a field of an object: config.key
            }
            if (!isConstantName(name) && in.unit().flatMap(cu -> JavaNames.declaredType(cu,
                    JavaNames.simpleName(qualifier))).isEmpty()) {
                return Optional.empty(); // other files are searched for constant names only (STORAGE_KEY)
            }
            return constantOf(in, qualifier, name);
        }
        return Optional.empty();
    }

    /** True when {@code scope} names a type rather than a variable: {@code Keys}, {@code Outer.Inner}, {@code a.b.C}. */
    private boolean isTypeName(JavaView in, Expression scope, int depth) {
        if (scope instanceof NameExpr n) {
            Optional<Declaration> d = lookup(in, n, n.getNameAsString(), depth + 1);
            return d.isEmpty() && !n.getNameAsString().isEmpty() && Character.isUpperCase(n.getNameAsString().charAt(0));
        }
        if (scope instanceof FieldAccessExpr f) {
            String last = f.getNameAsString();
            return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && declaration(in, f, depth + 1).isEmpty();
        }
        return false;
    }

    /** The constant {@code name} of the type written {@code typeName} in {@code in}: this unit first, then the index. */
    private Optional<Declaration> constantOf(JavaView in, String typeName, String name) {
        CompilationUnit cu = in.unit().orElse(null);
        if (cu == null) {
            return Optional.empty();
        }
        for (String fqn : JavaNames.typeCandidates(cu, typeName)) {
            for (TypeDeclaration<?> local : JavaNames.typesByQualifiedName(cu, fqn)) {
                Optional<Declaration> d = member(in, local, name, true);
                if (d.isPresent()) {
                    return d;
                }
            }
            Optional<ConstantIndex.Constant> c = index.constant(fqn, name);
            if (c.isPresent()) {
                return Optional.of(fromConstant(c.get()));
            }
        }
        return Optional.empty();
    }

    private static Declaration fromConstant(ConstantIndex.Constant c) {
        Kind kind = c.declaration() instanceof EnumConstantDeclaration ? Kind.ENUM_CONSTANT : Kind.CONSTANT;
        String name = c.qualifiedName().substring(c.qualifiedName().lastIndexOf('.') + 1);
        return new Declaration(c.view(), c.declaration(), kind, name, c.qualifiedName());
    }

    /** A field or enum constant of {@code type}; {@code constantsOnly} for access from outside the instance. */
    private static Optional<Declaration> member(JavaView in, TypeDeclaration<?> type, String name,
            boolean constantsOnly) {
        boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        // the unit's fields of that name (a class of thousands of fields is not walked per name it is asked about)
        UnitNodes nodes = UnitNodes.of(type);
        for (FieldDeclaration f : nodes == null ? type.getFields() : nodes.fields(name)) {
            if (f.getParentNode().orElse(null) != type) {
                continue; // a field of another type of the unit
            }
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    boolean constant = isInterface || f.isStatic() && f.isFinal();
                    if (constantsOnly && !f.isStatic() && !isInterface) {
                        return Optional.empty();
                    }
                    return Optional.of(new Declaration(in, v, constant ? Kind.CONSTANT : Kind.FIELD, name,
                            JavaNames.qualifiedName(type) + "." + name));
                }
            }
        }
        if (type instanceof EnumDeclaration e) {
            for (EnumConstantDeclaration c : e.getEntries()) {
                if (c.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(in, c, Kind.ENUM_CONSTANT, name,
                            JavaNames.qualifiedName(type) + "." + name));
                }
            }
        }
        return Optional.empty();
    }

    /** Local variables, parameters, fields of enclosing types, static imports and inherited constants. */
    private Optional<Declaration> lookup(JavaView in, Node at, String name, int depth) {
        Node child = at;
        Node parent = at.getParentNode().orElse(null);
        while (parent != null) {
            Optional<Declaration> found = inScope(in, parent, child, name);
            if (found.isPresent()) {
                return found;
            }
            if (parent instanceof TypeDeclaration<?> type) {
                Optional<Declaration> m = member(in, type, name, false);
                if (m.isPresent()) {
                    return m;
                }
                if (isConstantName(name) && type instanceof ClassOrInterfaceDeclaration c) {
                    List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
                    supers.addAll(c.getImplementedTypes());
                    for (ClassOrInterfaceType s : supers) {
                        Optional<Declaration> inherited = constantOf(in, s.getNameWithScope(), name);
                        if (inherited.isPresent()) {
                            return inherited;
                        }
                    }
                }
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        CompilationUnit cu = in.unit().orElse(null);
        if (cu != null) {
            for (String owner : JavaNames.staticImportOwners(cu, name)) {
                if (!isConstantName(name) && !JavaNames.simpleName(owner).equals(name)
                        && cu.getImports().stream().noneMatch(i -> i.isStatic() && !i.isAsterisk()
                                && i.getNameAsString().equals(owner + "." + name))) {
                    continue; // on-demand static imports are consulted for constant names only
                }
                Optional<Declaration> d = constantOf(in, owner, name);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** A declaration of {@code name} that {@code node} introduces for {@code child} and what follows it. */
    private Optional<Declaration> inScope(JavaView in, Node node, Node child, String name) {
        if (node instanceof CallableDeclaration<?> c) {
            for (Parameter p : c.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(in, p, Kind.PARAMETER, name, name));
                }
            }
        } else if (node instanceof LambdaExpr l) {
            for (Parameter p : l.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(in, p, Kind.PARAMETER, name, name));
                }
            }
        } else if (node instanceof CatchClause c && c.getParameter().getNameAsString().equals(name)) {
            return Optional.of(new Declaration(in, c.getParameter(), Kind.PARAMETER, name, name));
        } else if (node instanceof BlockStmt b) {
            return declaredBefore(in, b.getStatements(), child, name);
        } else if (node instanceof SwitchEntry s) {
            return declaredBefore(in, s.getStatements(), child, name);
        } else if (node instanceof ForStmt f) {
            for (Expression init : f.getInitialization()) {
                Optional<Declaration> d = declarator(in, init, name);
                if (d.isPresent()) {
                    return Optional.of(new Declaration(in, d.get().node(), Kind.PARAMETER, name, name));
                }
            }
        } else if (node instanceof ForEachStmt f) {
            for (VariableDeclarator v : f.getVariable().getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(in, v, Kind.PARAMETER, name, name)); // changes each turn
                }
            }
        } else if (node instanceof TryStmt t) {
            for (Expression r : t.getResources()) {
                Optional<Declaration> d = declarator(in, r, name);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    /** A block's statements longer than this are indexed for {@link #declaredBefore} (a generated method). */
    private static final int INDEXED_BLOCK = 64;

    /** The local declarations of a long block, by name, with each statement's position (identity). */
    private record BlockIndex(java.util.Map<Statement, Integer> positions,
            java.util.Map<String, List<java.util.Map.Entry<Integer, VariableDeclarator>>> declarations) {
    }

    private final java.util.Map<NodeList<Statement>, BlockIndex> blocks = new java.util.IdentityHashMap<>();

    /** The last declaration of {@code name} among the statements before {@code child} (all of them if it is not one). */
    private Optional<Declaration> declaredBefore(JavaView in, NodeList<Statement> statements, Node child,
            String name) {
        if (statements.size() > INDEXED_BLOCK) {
            // each lookup would walk the block: a method of thousands of statements costs their square
            BlockIndex index = blocks.computeIfAbsent(statements, JavaValues::index);
            Integer end = index.positions().get(child);
            int limit = end == null ? statements.size() : end;
            List<java.util.Map.Entry<Integer, VariableDeclarator>> found = index.declarations().getOrDefault(name, List.of());
            for (int i = found.size() - 1; i >= 0; i--) {
                if (found.get(i).getKey() < limit) {
                    return Optional.of(new Declaration(in, found.get(i).getValue(), Kind.LOCAL, name, name));
                }
            }
            return Optional.empty();
        }
        Optional<Declaration> last = Optional.empty();
        for (Statement s : statements) {
            if (s == child) {
                break;
            }
            if (s instanceof ExpressionStmt es) {
                Optional<Declaration> d = declarator(in, es.getExpression(), name);
                if (d.isPresent()) {
                    last = d;
                }
            }
        }
        return last;
    }

    private static BlockIndex index(NodeList<Statement> statements) {
        java.util.Map<Statement, Integer> positions = new java.util.IdentityHashMap<>();
        java.util.Map<String, List<java.util.Map.Entry<Integer, VariableDeclarator>>> declarations = new java.util.HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            positions.putIfAbsent(s, i);
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (VariableDeclarator d : v.getVariables()) {
                    // as declarator(): the first variable of that name in the statement
                    if (seen.add(d.getNameAsString())) {
                        declarations.computeIfAbsent(d.getNameAsString(), k -> new ArrayList<>())
                                .add(java.util.Map.entry(i, d));
                    }
                }
            }
        }
        return new BlockIndex(positions, declarations);
    }

    private static Optional<Declaration> declarator(JavaView in, Expression e, String name) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                if (d.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(in, d, Kind.LOCAL, name, name));
                }
            }
        }
        return Optional.empty();
    }

    /** Names assigned within a node ({@code x = …}, {@code this.x = …}, {@code x++}), computed once per node. */
    private final java.util.Map<Node, Set<String>> assigned = new java.util.IdentityHashMap<>();

    private Set<String> assignedNames(Node within) {
        return assigned.computeIfAbsent(within, w -> {
            Set<String> names = new java.util.HashSet<>();
            for (AssignExpr a : w.findAll(AssignExpr.class)) {
                target(a.getTarget(), names);
            }
            for (UnaryExpr u : w.findAll(UnaryExpr.class)) {
                if (u.getOperator().isPostfix() || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                        || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
                    target(u.getExpression(), names);
                }
            }
            return names;
        });
    }

    private static void target(Expression t, Set<String> names) {
        if (t instanceof NameExpr n) {
            names.add(n.getNameAsString());
        } else if (t instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            names.add("this." + f.getNameAsString());
        }
    }

    /** True when a local variable is assigned after its declaration (it is not effectively final). */
    private boolean isReassigned(VariableDeclarator v) {
        if (v.getParentNode().orElse(null) instanceof VariableDeclarationExpr decl && decl.isFinal()) {
            return false;
        }
        Node body = JavaNames.ancestor(v, CallableDeclaration.class).map(n -> (Node) n)
                .or(() -> JavaNames.ancestor(v, LambdaExpr.class).map(n -> (Node) n))
                .or(() -> JavaNames.ancestor(v, InitializerDeclaration.class).map(n -> (Node) n))
                .orElse(v.findRootNode());
        return assignedNames(body).contains(v.getNameAsString());
    }

    /** True when a non-final field is assigned anywhere in its unit, besides its initializer. */
    private boolean isFieldAssigned(VariableDeclarator v) {
        Set<String> names = assignedNames(v.findRootNode());
        return names.contains(v.getNameAsString()) || names.contains("this." + v.getNameAsString());
    }

    /**
     * True for names written like constants ({@code STORAGE_KEY}, {@code KEY2}): only those are looked up in
     * other files, so resolving ordinary names never parses the rest of the project.
     */
    static boolean isConstantName(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
