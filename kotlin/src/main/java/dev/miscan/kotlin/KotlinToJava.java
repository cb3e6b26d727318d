package dev.miscan.kotlin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jetbrains.kotlin.com.intellij.lang.ASTNode;
import org.jetbrains.kotlin.com.intellij.psi.PsiComment;
import org.jetbrains.kotlin.com.intellij.psi.PsiElement;
import org.jetbrains.kotlin.com.intellij.psi.PsiErrorElement;
import org.jetbrains.kotlin.com.intellij.psi.PsiWhiteSpace;
import org.jetbrains.kotlin.lexer.KtTokens;
import org.jetbrains.kotlin.name.FqName;
import org.jetbrains.kotlin.psi.KtAnnotated;
import org.jetbrains.kotlin.psi.KtAnnotatedExpression;
import org.jetbrains.kotlin.psi.KtAnnotationEntry;
import org.jetbrains.kotlin.psi.KtAnonymousInitializer;
import org.jetbrains.kotlin.psi.KtArrayAccessExpression;
import org.jetbrains.kotlin.psi.KtBinaryExpression;
import org.jetbrains.kotlin.psi.KtBinaryExpressionWithTypeRHS;
import org.jetbrains.kotlin.psi.KtBlockExpression;
import org.jetbrains.kotlin.psi.KtBreakExpression;
import org.jetbrains.kotlin.psi.KtCallExpression;
import org.jetbrains.kotlin.psi.KtCallableReferenceExpression;
import org.jetbrains.kotlin.psi.KtCatchClause;
import org.jetbrains.kotlin.psi.KtClass;
import org.jetbrains.kotlin.psi.KtClassLiteralExpression;
import org.jetbrains.kotlin.psi.KtClassOrObject;
import org.jetbrains.kotlin.psi.KtCollectionLiteralExpression;
import org.jetbrains.kotlin.psi.KtConstantExpression;
import org.jetbrains.kotlin.psi.KtConstructorDelegationCall;
import org.jetbrains.kotlin.psi.KtContinueExpression;
import org.jetbrains.kotlin.psi.KtDeclaration;
import org.jetbrains.kotlin.psi.KtDestructuringDeclaration;
import org.jetbrains.kotlin.psi.KtDoWhileExpression;
import org.jetbrains.kotlin.psi.KtEnumEntry;
import org.jetbrains.kotlin.psi.KtEscapeStringTemplateEntry;
import org.jetbrains.kotlin.psi.KtExpression;
import org.jetbrains.kotlin.psi.KtFile;
import org.jetbrains.kotlin.psi.KtForExpression;
import org.jetbrains.kotlin.psi.KtFunctionType;
import org.jetbrains.kotlin.psi.KtIfExpression;
import org.jetbrains.kotlin.psi.KtImportDirective;
import org.jetbrains.kotlin.psi.KtIsExpression;
import org.jetbrains.kotlin.psi.KtLabeledExpression;
import org.jetbrains.kotlin.psi.KtLambdaExpression;
import org.jetbrains.kotlin.psi.KtLiteralStringTemplateEntry;
import org.jetbrains.kotlin.psi.KtNameReferenceExpression;
import org.jetbrains.kotlin.psi.KtNamedFunction;
import org.jetbrains.kotlin.psi.KtNullableType;
import org.jetbrains.kotlin.psi.KtObjectDeclaration;
import org.jetbrains.kotlin.psi.KtObjectLiteralExpression;
import org.jetbrains.kotlin.psi.KtOperationReferenceExpression;
import org.jetbrains.kotlin.psi.KtParameter;
import org.jetbrains.kotlin.psi.KtParenthesizedExpression;
import org.jetbrains.kotlin.psi.KtPostfixExpression;
import org.jetbrains.kotlin.psi.KtPrefixExpression;
import org.jetbrains.kotlin.psi.KtProperty;
import org.jetbrains.kotlin.psi.KtPropertyAccessor;
import org.jetbrains.kotlin.psi.KtQualifiedExpression;
import org.jetbrains.kotlin.psi.KtReturnExpression;
import org.jetbrains.kotlin.psi.KtScript;
import org.jetbrains.kotlin.psi.KtSecondaryConstructor;
import org.jetbrains.kotlin.psi.KtStringTemplateEntry;
import org.jetbrains.kotlin.psi.KtStringTemplateEntryWithExpression;
import org.jetbrains.kotlin.psi.KtStringTemplateExpression;
import org.jetbrains.kotlin.psi.KtSuperExpression;
import org.jetbrains.kotlin.psi.KtSuperTypeCallEntry;
import org.jetbrains.kotlin.psi.KtSuperTypeListEntry;
import org.jetbrains.kotlin.psi.KtThisExpression;
import org.jetbrains.kotlin.psi.KtThrowExpression;
import org.jetbrains.kotlin.psi.KtTryExpression;
import org.jetbrains.kotlin.psi.KtTypeElement;
import org.jetbrains.kotlin.psi.KtTypeProjection;
import org.jetbrains.kotlin.psi.KtTypeReference;
import org.jetbrains.kotlin.psi.KtUserType;
import org.jetbrains.kotlin.psi.KtValueArgument;
import org.jetbrains.kotlin.psi.KtWhenCondition;
import org.jetbrains.kotlin.psi.KtWhenConditionWithExpression;
import org.jetbrains.kotlin.psi.KtWhenEntry;
import org.jetbrains.kotlin.psi.KtWhenExpression;
import org.jetbrains.kotlin.psi.KtWhileExpression;
import org.jetbrains.kotlin.psi.ValueArgument;

/**
 * One Kotlin file's PSI written as Java, for the Java rules: each construct on the line it has in the source, string
 * literals at their source columns where the Java before them is not longer than the Kotlin. What the rules need is
 * kept: classes, objects (static members), companion objects (static members of their class), top-level declarations
 * (static members of the file's facade class, {@code ConfigKt}, as Kotlin compiles them), properties with their
 * initialisers and annotations, functions and their statements, constructor calls ({@code new}), call chains,
 * string templates (concatenations), {@code ?:} ({@code Objects.requireNonNullElse}), {@code map["k"]} ({@code
 * get}). What has no Java form becomes the neutral call {@code $kt(...)} over its parts, so that a literal inside is
 * still seen and nothing is invented; comments are kept (suppression markers).
 */
final class KotlinToJava {
    /** The neutral call: what a Java rule reads as an unknown method's result. */
    private static final String NEUTRAL = "$kt";
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "_");
    private static final Map<String, String> PRIMITIVES = Map.of("Int", "int", "Long", "long", "Short", "short",
            "Byte", "byte", "Double", "double", "Float", "float", "Boolean", "boolean", "Char", "char");
    private static final Map<String, String> BOXED = Map.of("Int", "Integer", "Long", "Long", "Short", "Short",
            "Byte", "Byte", "Double", "Double", "Float", "Float", "Boolean", "Boolean", "Char", "Character");
    private static final Map<String, String> ARRAYS = Map.of("CharArray", "char[]", "ByteArray", "byte[]",
            "IntArray", "int[]", "LongArray", "long[]", "BooleanArray", "boolean[]", "ShortArray", "short[]",
            "DoubleArray", "double[]", "FloatArray", "float[]");

    private final KtFile file;
    private final String fileName;
    private final int[] lineStarts;
    private final StringBuilder out = new StringBuilder();
    private int outLine;
    private int outColumn;
    private final List<PsiComment> comments = new ArrayList<>();
    private int nextComment;
    private int errors;
    private int firstError;
    private final Map<String, String> aliases = new HashMap<>();
    private final String facade;
    private boolean facadeOpen;

    KotlinToJava(KtFile file, String text, String fileName) {
        this.file = file;
        this.fileName = fileName;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        List<PsiComment> all = new ArrayList<>();
        walk(file, all);
        all.sort((a, b) -> Integer.compare(a.getTextRange().getStartOffset(), b.getTextRange().getStartOffset()));
        for (PsiComment c : all) {
            if (comments.isEmpty() || c.getTextRange().getStartOffset() >= comments.get(comments.size() - 1)
                    .getTextRange().getEndOffset()) {
                comments.add(c); // not one inside another (a KDoc's parts)
            }
        }
        this.facade = facadeOf(file, fileName);
    }

    /**
     * One walk over the whole tree, without recursion (a deep expression must not exhaust the stack): every comment
     * outside a comment into {@code comments}, and every syntax error, KDoc's included, counted ({@link #errors()}).
     * Walking the tree also parses the parts the parser leaves for later (function bodies, lambdas, KDoc).
     */
    private void walk(PsiElement root, List<PsiComment> comments) {
        // the tree's nodes, not their PSI: a comment, a KDoc and an error are their own PSI (leaf, lazily parsed and
        // composite PSI elements), and the PSI of the other nodes is made when the translation asks for it
        java.util.ArrayDeque<ASTNode> todo = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<ASTNode> inComment = new java.util.ArrayDeque<>();
        todo.push(root.getNode());
        while (!todo.isEmpty()) {
            ASTNode n = todo.pop();
            if (n instanceof PsiComment c) {
                comments.add(c);
                inComment.push(n); // a KDoc's parts: its errors count, its parts are not comments of their own
                while (!inComment.isEmpty()) {
                    ASTNode part = inComment.pop();
                    error(part);
                    for (ASTNode child = part.getFirstChildNode(); child != null; child = child.getTreeNext()) {
                        inComment.push(child);
                    }
                }
                continue;
            }
            error(n);
            for (ASTNode child = n.getFirstChildNode(); child != null; child = child.getTreeNext()) {
                todo.push(child);
            }
        }
    }

    private void error(ASTNode n) {
        if (n instanceof PsiErrorElement) {
            int offset = n.getStartOffset();
            firstError = errors == 0 ? offset : Math.min(firstError, offset);
            errors++;
        }
    }

    /** How many syntax errors the file has (0: it parses). */
    int errors() {
        return errors;
    }

    /** The line (from 1) of the file's first syntax error; 0 when it has none. */
    int firstErrorLine() {
        return errors == 0 ? 0 : line(firstError) + 1;
    }

    /** The class Kotlin compiles a file's top-level declarations into: {@code Config.kt} → {@code ConfigKt}. */
    static String facadeName(String fileName) {
        boolean script = fileName.toLowerCase(Locale.ROOT).endsWith(".kts");
        String base = fileName.substring(0, fileName.lastIndexOf('.'));
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) {
            b.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) {
            b.insert(0, '_');
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return script ? b.toString() : b + "Kt";
    }

    private static String facadeOf(KtFile file, String fileName) {
        for (KtAnnotationEntry a : file.getAnnotationEntries()) {
            if (a.getShortName() != null && a.getShortName().asString().equals("JvmName")
                    && a.getValueArguments().size() == 1
                    && a.getValueArguments().get(0).getArgumentExpression() instanceof KtStringTemplateExpression s
                    && s.getEntries().length == 1 && s.getEntries()[0] instanceof KtLiteralStringTemplateEntry l) {
                return identifier(l.getText());
            }
        }
        return facadeName(fileName);
    }

    String translate() {
        String pkg = sanitisePackage(file.getPackageFqName());
        List<String> topLevel = new ArrayList<>();
        for (KtDeclaration d : declarations()) {
            if (d instanceof KtProperty p && p.getName() != null) {
                topLevel.add(identifier(p.getName()));
            }
        }
        StringBuilder head = new StringBuilder();
        String owner = pkg.isEmpty() ? facade : pkg + "." + facade;
        for (String name : topLevel) {
            head.append(" import static ").append(owner).append('.').append(name).append(';');
        }
        if (pkg.contains(".")) {
            head.append(" import static ").append(pkg).append(".*;"); // top-level constants of the package's files
        }
        if (file.getPackageDirective() != null && !pkg.isEmpty()) {
            at(file.getPackageDirective().getTextRange().getStartOffset());
            emit("package " + pkg + ";" + head);
        } else if (head.length() > 0) {
            emit(head.toString().strip());
        }
        for (KtImportDirective i : file.getImportDirectives()) {
            importDirective(i);
        }
        KtScript script = file.getScript();
        if (script != null) {
            openFacade(script.getBlockExpression());
            for (KtExpression s : script.getBlockExpression().getStatements()) {
                if (s instanceof KtDeclaration d) {
                    declaration(d, Scope.STATIC);
                } else {
                    at(start(s));
                    emit("static {");
                    statement(s);
                    emit("}");
                }
            }
        } else {
            for (KtDeclaration d : file.getDeclarations()) {
                if (d instanceof KtClassOrObject) {
                    closeFacade();
                    declaration(d, Scope.TOP);
                } else if (d instanceof KtProperty || d instanceof KtNamedFunction) {
                    openFacade(d);
                    declaration(d, Scope.STATIC);
                }
            }
        }
        flushComments(Integer.MAX_VALUE);
        if (facadeOpen) {
            emit("\n}");
        }
        return out.toString();
    }

    private List<KtDeclaration> declarations() {
        KtScript script = file.getScript();
        return script != null ? script.getDeclarations() : file.getDeclarations();
    }

    private void openFacade(PsiElement at) {
        if (!facadeOpen) {
            at(start(at));
            emit("final class " + facade + " { ");
            facadeOpen = true;
        }
    }

    private void closeFacade() {
        if (facadeOpen) {
            emit(" }");
            facadeOpen = false;
        }
    }

    private void importDirective(KtImportDirective i) {
        FqName fq = i.getImportedFqName();
        if (fq == null || fq.isRoot()) {
            return;
        }
        at(i.getTextRange().getStartOffset());
        String name = sanitisePackage(fq);
        String last = fq.shortName().asString();
        if (i.isAllUnder()) {
            emit("import " + name + ".*; import static " + name + ".*;");
            return;
        }
        if (i.getAliasName() != null) {
            aliases.put(i.getAliasName(), identifier(last));
        }
        boolean upper = !last.isEmpty() && Character.isUpperCase(last.charAt(0));
        boolean allCaps = upper && last.equals(last.toUpperCase(Locale.ROOT));
        if (!upper || allCaps) {
            emit("import static " + name + ";"); // a top-level or object member (STORAGE_KEY, runApplication)
        }
        if (upper && name.contains(".")) {
            emit((allCaps ? " " : "") + "import " + name + ";");
        }
    }

    // ---- declarations -------------------------------------------------------------------------------------------

    /** Where a member is declared: at the top of the file, static (object, companion, facade), instance, local. */
    private enum Scope { TOP, STATIC, INSTANCE, INTERFACE, LOCAL }

    private void declaration(KtDeclaration d, Scope scope) {
        if (d instanceof KtEnumEntry) {
            return; // written with its enum
        }
        if (d instanceof KtObjectDeclaration o && o.isCompanion()) {
            for (KtDeclaration m : o.getDeclarations()) {
                declaration(m, scope == Scope.INTERFACE ? Scope.INTERFACE : Scope.STATIC);
            }
            return;
        }
        if (d instanceof KtClassOrObject c) {
            classOrObject(c, scope);
        } else if (d instanceof KtProperty p) {
            property(p, scope);
        } else if (d instanceof KtNamedFunction f) {
            if (scope == Scope.LOCAL) {
                KtExpression body = f.getBodyExpression();
                if (body != null) {
                    at(start(f));
                    emit("{");
                    if (body instanceof KtBlockExpression b) {
                        statements(b);
                    } else {
                        statement(body);
                    }
                    emit("}");
                }
            } else {
                function(f, scope);
            }
        } else if (d instanceof KtAnonymousInitializer init && init.getBody() != null) {
            at(start(init));
            emit(scope == Scope.STATIC ? "static {" : "{");
            body(init.getBody());
            emit("}");
        } else if (d instanceof KtSecondaryConstructor c) {
            constructor(c);
        }
    }

    private void classOrObject(KtClassOrObject c, Scope scope) {
        annotations(c);
        at(c.getDeclarationKeyword() != null ? c.getDeclarationKeyword().getTextRange().getStartOffset() : start(c));
        boolean object = c instanceof KtObjectDeclaration;
        boolean isInterface = c instanceof KtClass k && k.isInterface();
        boolean isEnum = c instanceof KtClass k && k.isEnum();
        boolean isAnnotation = c.isAnnotation();
        String name = identifier(c.getName() == null ? "Anonymous" : c.getName());
        StringBuilder header = new StringBuilder();
        if (scope == Scope.STATIC || scope == Scope.INSTANCE) {
            boolean inner = c.hasModifier(KtTokens.INNER_KEYWORD);
            header.append(inner ? "" : "static ");
        }
        header.append(isAnnotation ? "@interface " : isInterface ? "interface " : isEnum ? "enum " : "class ")
                .append(name);
        List<String> extended = new ArrayList<>();
        List<String> implemented = new ArrayList<>();
        for (KtSuperTypeListEntry e : c.getSuperTypeListEntries()) {
            String t = type(e.getTypeReference(), false, "Object");
            if (isInterface || isAnnotation) {
                extended.add(t);
            } else if (e instanceof KtSuperTypeCallEntry && extended.isEmpty() && !isEnum) {
                extended.add(t);
            } else {
                implemented.add(t);
            }
        }
        if (!isAnnotation && !extended.isEmpty()) {
            header.append(" extends ").append(String.join(", ", extended));
        }
        if (!isAnnotation && !implemented.isEmpty()) {
            header.append(isInterface ? (extended.isEmpty() ? " extends " : ", ") : " implements ")
                    .append(String.join(", ", implemented));
        }
        emit(header + " {");
        if (isAnnotation) {
            emit("}");
            return;
        }
        Scope members = object ? Scope.STATIC : isInterface ? Scope.INTERFACE : Scope.INSTANCE;
        if (isEnum) {
            enumEntries((KtClass) c);
        } else {
            for (KtParameter p : c.getPrimaryConstructorParameters()) {
                constructorProperty(p);
            }
        }
        for (KtDeclaration d : c.getDeclarations()) {
            declaration(d, members);
        }
        if (c.getBody() != null && c.getBody().getRBrace() != null) {
            at(c.getBody().getRBrace().getTextRange().getStartOffset());
        }
        emit("}");
    }

    private void enumEntries(KtClass c) {
        boolean first = true;
        for (KtDeclaration d : c.getDeclarations()) {
            if (d instanceof KtEnumEntry e) {
                if (!first) {
                    emit(",");
                }
                first = false;
                at(start(e));
                emit(identifier(e.getName() == null ? "ENTRY" : e.getName()));
                if (e.getInitializerList() != null && !e.getInitializerList().getInitializers().isEmpty()
                        && e.getInitializerList().getInitializers().get(0) instanceof KtSuperTypeCallEntry call) {
                    arguments(call.getValueArguments(), List.of());
                }
                if (e.getBody() != null) {
                    emit(" {");
                    for (KtDeclaration m : e.getDeclarations()) {
                        declaration(m, Scope.INSTANCE);
                    }
                    emit("}");
                }
            }
        }
        emit(";");
        // the primary constructor's properties after the entries, as Java wants them, and the constructor that sets them
        StringBuilder ctor = new StringBuilder(" " + identifier(c.getName()) + "(");
        StringBuilder assignments = new StringBuilder();
        for (KtParameter p : c.getPrimaryConstructorParameters()) {
            String name = identifier(p.getName());
            String type = type(p.getTypeReference(), false, "Object");
            emit(" " + type + " " + name + ";");
            ctor.append(assignments.length() == 0 ? "" : ", ").append(type).append(' ').append(name);
            assignments.append(" this.").append(name).append(" = ").append(name).append(';');
        }
        if (!c.getPrimaryConstructorParameters().isEmpty()) {
            emit(ctor + ") {" + assignments + " }");
        }
    }

    /** A primary-constructor parameter: a field (final for {@code val}), with its annotations ({@code @Value}). */
    private void constructorProperty(KtParameter p) {
        annotations(p);
        at(p.getNameIdentifier() != null ? p.getNameIdentifier().getTextRange().getStartOffset() : start(p));
        emit((p.hasValOrVar() && !p.isMutable() ? "final " : "") + type(p.getTypeReference(), false, "Object")
                + (p.isVarArg() ? "[] " : " ") + identifier(p.getName()));
        if (p.getDefaultValue() != null) {
            emit(" = ");
            expression(p.getDefaultValue());
        }
        emit(";");
    }

    private void property(KtProperty p, Scope scope) {
        if (p.getName() == null) {
            return;
        }
        annotations(p);
        at(p.getValOrVarKeyword() != null ? p.getValOrVarKeyword().getTextRange().getStartOffset() : start(p));
        KtExpression init = initializer(p);
        String modifiers = (scope == Scope.STATIC ? "static " : "") + (p.isVar() ? "" : "final ");
        if (scope == Scope.INTERFACE) {
            modifiers = "";
        }
        String fallback = scope == Scope.LOCAL ? "var" : "Object";
        String type = p.getTypeReference() != null ? type(p.getTypeReference(), false, fallback)
                : init != null ? inferred(init, fallback) : fallback;
        if (scope == Scope.LOCAL && type.equals("var") && init == null) {
            type = "Object";
        }
        emit(modifiers + type + " " + identifier(p.getName()));
        if (init != null) {
            emit(" = ");
            expression(init);
        } else if (scope == Scope.INTERFACE) {
            emit(" = null");
        }
        emit(";");
    }

    /** What a property holds: its initialiser, the value of {@code by lazy { v }}, or of a getter's expression body. */
    private static KtExpression initializer(KtProperty p) {
        if (p.getInitializer() != null) {
            return p.getInitializer();
        }
        if (p.getDelegateExpression() instanceof KtCallExpression call && call.getLambdaArguments().size() == 1) {
            KtLambdaExpression lambda = call.getLambdaArguments().get(0).getLambdaExpression();
            KtBlockExpression body = lambda == null ? null : lambda.getBodyExpression();
            if (body != null && body.getStatements().size() == 1) {
                return body.getStatements().get(0);
            }
        }
        if (p.getDelegateExpression() != null) {
            return p.getDelegateExpression();
        }
        KtPropertyAccessor getter = p.getGetter();
        if (getter != null && getter.getBodyExpression() != null && !getter.hasBlockBody()) {
            return getter.getBodyExpression();
        }
        return null;
    }

    private void function(KtNamedFunction f, Scope scope) {
        if (f.getName() == null) {
            return;
        }
        annotations(f);
        at(f.getFunKeyword() != null ? f.getFunKeyword().getTextRange().getStartOffset() : start(f));
        String ret = f.getTypeReference() != null ? type(f.getTypeReference(), false, "Object")
                : f.hasBlockBody() || !f.hasBody() ? "void" : "Object";
        String modifiers = scope == Scope.STATIC ? "static " : scope == Scope.INTERFACE && f.hasBody() ? "default " : "";
        emit(modifiers + ret + " " + identifier(f.getName()) + "(");
        parameters(f.getValueParameters());
        emit(")");
        KtExpression body = f.getBodyExpression();
        if (body == null) {
            emit(";");
        } else if (body instanceof KtBlockExpression b) {
            emit(" {");
            statements(b);
            at(b.getRBrace() != null ? b.getRBrace().getTextRange().getStartOffset() : b.getTextRange().getEndOffset());
            emit("}");
        } else {
            emit(" { return ");
            expression(body);
            emit("; }");
        }
    }

    private void constructor(KtSecondaryConstructor c) {
        annotations(c);
        at(start(c));
        KtClassOrObject owner = c.getContainingClassOrObject();
        emit(identifier(owner.getName() == null ? "Anonymous" : owner.getName()) + "(");
        parameters(c.getValueParameters());
        emit(") {");
        KtConstructorDelegationCall delegation = c.getDelegationCallOrNull();
        if (delegation != null && !delegation.isImplicit()) {
            at(start(delegation));
            emit(delegation.isCallToThis() ? "this" : "super");
            arguments(delegation.getValueArguments(), List.of());
            emit(";");
        }
        if (c.getBodyExpression() != null) {
            statements(c.getBodyExpression());
        }
        emit("}");
    }

    private void parameters(List<KtParameter> params) {
        boolean first = true;
        for (KtParameter p : params) {
            if (!first) {
                emit(", ");
            }
            first = false;
            annotations(p);
            if (p.getDefaultValue() != null) {
                emit("@" + NEUTRAL + "(");
                expression(p.getDefaultValue()); // a default value: kept where the value rules see it
                emit(") ");
            }
            emit(type(p.getTypeReference(), false, "Object") + (p.isVarArg() ? "... " : " ") + identifier(p.getName()));
        }
    }

    private void annotations(KtAnnotated owner) {
        for (KtAnnotationEntry a : owner.getAnnotationEntries()) {
            if (a.getTypeReference() == null) {
                continue;
            }
            at(a.getTextRange().getStartOffset());
            emit("@" + type(a.getTypeReference(), false, "Object"));
            List<? extends ValueArgument> args = a.getValueArguments();
            if (args.isEmpty()) {
                emit(" ");
                continue;
            }
            emit("(");
            boolean named = args.stream().allMatch(ValueArgument::isNamed);
            boolean several = !named && args.size() > 1;
            if (several) {
                emit("{");
            }
            boolean first = true;
            for (ValueArgument arg : args) {
                if (!first) {
                    emit(", ");
                }
                first = false;
                if (named && arg.getArgumentName() != null) {
                    emit(identifier(arg.getArgumentName().getAsName().asString()) + " = ");
                }
                if (arg.getArgumentExpression() != null) {
                    expression(arg.getArgumentExpression());
                } else {
                    emit("null");
                }
            }
            emit(several ? "}) " : ") ");
        }
    }

    // ---- statements ---------------------------------------------------------------------------------------------

    private void body(KtExpression e) {
        if (e instanceof KtBlockExpression b) {
            statements(b);
        } else if (e != null) {
            statement(e);
        }
    }

    private void statements(KtBlockExpression b) {
        for (KtExpression s : b.getStatements()) {
            statement(s);
        }
    }

    private void block(KtExpression e) {
        emit("{");
        body(e);
        emit("}");
    }

    private void statement(KtExpression s) {
        at(start(s));
        if (s instanceof KtDeclaration d && !(s instanceof KtDestructuringDeclaration)) {
            declaration(d, Scope.LOCAL);
        } else if (s instanceof KtIfExpression i) {
            emit("if (");
            expression(i.getCondition());
            emit(") ");
            block(i.getThen());
            if (i.getElse() != null) {
                emit(" else ");
                block(i.getElse());
            }
        } else if (s instanceof KtWhenExpression w) {
            whenStatement(w);
        } else if (s instanceof KtTryExpression t) {
            emit("try ");
            block(t.getTryBlock());
            for (KtCatchClause c : t.getCatchClauses()) {
                KtParameter p = c.getCatchParameter();
                at(start(c));
                emit(" catch (" + (p == null ? "Exception e" : type(p.getTypeReference(), false, "Exception") + " "
                        + identifier(p.getName())) + ") ");
                block(c.getCatchBody());
            }
            if (t.getFinallyBlock() != null) {
                at(start(t.getFinallyBlock()));
                emit(" finally ");
                block(t.getFinallyBlock().getFinalExpression());
            }
        } else if (s instanceof KtForExpression f) {
            String var = f.getLoopParameter() != null && f.getLoopParameter().getName() != null
                    ? identifier(f.getLoopParameter().getName()) : "$it";
            emit("for (var " + var + " : ");
            expression(f.getLoopRange());
            emit(") ");
            block(f.getBody());
        } else if (s instanceof KtWhileExpression w) {
            emit("while (");
            expression(w.getCondition());
            emit(") ");
            block(w.getBody());
        } else if (s instanceof KtDoWhileExpression w) {
            emit("do ");
            block(w.getBody());
            emit(" while (");
            expression(w.getCondition());
            emit(");");
        } else if (s instanceof KtReturnExpression r) {
            emit("return");
            if (r.getReturnedExpression() != null) {
                emit(" ");
                expression(r.getReturnedExpression());
            }
            emit(";");
        } else if (s instanceof KtThrowExpression t) {
            emit("throw ");
            expression(t.getThrownExpression());
            emit(";");
        } else if (s instanceof KtBreakExpression) {
            emit("break;");
        } else if (s instanceof KtContinueExpression) {
            emit("continue;");
        } else if (s instanceof KtBlockExpression b) {
            block(b);
        } else if (s instanceof KtLabeledExpression l) {
            statement(l.getBaseExpression());
        } else if (isStatementExpression(s)) {
            expression(s);
            emit(";");
        } else {
            emit(NEUTRAL + "("); // a value as a statement (a branch's result): Java wants a call
            expression(s);
            emit(");");
        }
    }

    private void whenStatement(KtWhenExpression w) {
        boolean first = true;
        if (w.getSubjectExpression() != null) {
            emit(NEUTRAL + "(");
            expression(w.getSubjectExpression());
            emit("); ");
        }
        for (KtWhenEntry e : w.getEntries()) {
            at(start(e));
            emit(first ? "" : " else ");
            first = false;
            if (!e.isElse()) {
                emit("if (" + NEUTRAL + "(");
                boolean firstCondition = true;
                for (KtWhenCondition c : e.getConditions()) {
                    if (c instanceof KtWhenConditionWithExpression ce && ce.getExpression() != null) {
                        if (!firstCondition) {
                            emit(", ");
                        }
                        firstCondition = false;
                        expression(ce.getExpression());
                    }
                }
                emit(")) ");
            }
            block(e.getExpression());
        }
    }

    private static boolean isStatementExpression(KtExpression e) {
        if (e instanceof KtCallExpression) {
            return true;
        }
        if (e instanceof KtQualifiedExpression q) {
            return q.getSelectorExpression() instanceof KtCallExpression;
        }
        if (e instanceof KtBinaryExpression b) {
            return KtTokens.ALL_ASSIGNMENTS.contains(b.getOperationToken());
        }
        if (e instanceof KtPrefixExpression p) {
            return p.getOperationToken() == KtTokens.PLUSPLUS || p.getOperationToken() == KtTokens.MINUSMINUS;
        }
        if (e instanceof KtPostfixExpression p) {
            return p.getOperationToken() == KtTokens.PLUSPLUS || p.getOperationToken() == KtTokens.MINUSMINUS;
        }
        return false;
    }

    // ---- expressions --------------------------------------------------------------------------------------------

    private void expression(KtExpression e) {
        if (e == null) {
            emit("null");
            return;
        }
        at(start(e));
        if (e instanceof KtStringTemplateExpression t) {
            template(t);
        } else if (e instanceof KtConstantExpression c) {
            emit(constant(c.getText()));
        } else if (e instanceof KtNameReferenceExpression n) {
            emit(name(n.getReferencedName()));
        } else if (e instanceof KtCallExpression c) {
            call(c, null);
        } else if (e instanceof KtQualifiedExpression q) {
            qualified(q);
        } else if (e instanceof KtBinaryExpression b) {
            binary(b);
        } else if (e instanceof KtParenthesizedExpression p) {
            emit("(");
            expression(p.getExpression());
            emit(")");
        } else if (e instanceof KtPrefixExpression p) {
            String op = p.getOperationReference().getReferencedName();
            emit(Set.of("!", "-", "+", "++", "--").contains(op) ? op : "");
            expression(p.getBaseExpression());
        } else if (e instanceof KtPostfixExpression p) {
            expression(p.getBaseExpression());
            String op = p.getOperationReference().getReferencedName();
            emit(op.equals("++") || op.equals("--") ? op : "");
        } else if (e instanceof KtLabeledExpression l) {
            expression(l.getBaseExpression());
        } else if (e instanceof KtAnnotatedExpression a) {
            expression(a.getBaseExpression());
        } else if (e instanceof KtBinaryExpressionWithTypeRHS as) {
            emit("((" + type(as.getRight(), true, "Object") + ") ");
            expression(as.getLeft());
            emit(")");
        } else if (e instanceof KtIsExpression is) {
            emit(is.isNegated() ? "!(" : "(");
            expression(is.getLeftHandSide());
            emit(" instanceof " + type(is.getTypeReference(), true, "Object") + ")");
        } else if (e instanceof KtThisExpression) {
            emit("this");
        } else if (e instanceof KtSuperExpression) {
            emit("super");
        } else if (e instanceof KtArrayAccessExpression a) {
            expression(a.getArrayExpression());
            emit(".get(");
            list(a.getIndexExpressions());
            emit(")");
        } else if (e instanceof KtClassLiteralExpression c) {
            classLiteral(c);
        } else if (e instanceof KtCallableReferenceExpression r) {
            if (r.getReceiverExpression() != null) {
                expression(r.getReceiverExpression());
            } else {
                emit("this");
            }
            emit("::" + name(r.getCallableReference().getReferencedName()));
        } else if (e instanceof KtCollectionLiteralExpression c) {
            emit("{");
            list(c.getInnerExpressions());
            emit("}");
        } else if (e instanceof KtLambdaExpression l) {
            lambda(l);
        } else if (e instanceof KtObjectLiteralExpression o) {
            objectLiteral(o);
        } else if (e instanceof KtIfExpression i && i.getElse() != null && single(i.getThen()) != null
                && single(i.getElse()) != null) {
            emit("(");
            expression(i.getCondition());
            emit(" ? ");
            expression(single(i.getThen()));
            emit(" : ");
            expression(single(i.getElse()));
            emit(")");
        } else {
            neutral(e);
        }
    }

    /** The one expression a branch holds ({@code x} or {@code { x }}), or null. */
    private static KtExpression single(KtExpression branch) {
        if (branch instanceof KtBlockExpression b) {
            return b.getStatements().size() == 1 && !(b.getStatements().get(0) instanceof KtDeclaration)
                    ? single(b.getStatements().get(0)) : null;
        }
        return branch == null || branch instanceof KtReturnExpression || branch instanceof KtThrowExpression
                || branch instanceof KtBreakExpression || branch instanceof KtContinueExpression ? null : branch;
    }

    /** An expression with no Java form: {@code $kt(parts)}, its statements in a lambda, its literals kept. */
    private void neutral(KtExpression e) {
        emit(NEUTRAL + "(");
        if (e instanceof KtBlockExpression || e instanceof KtTryExpression || e instanceof KtWhenExpression
                || e instanceof KtIfExpression || e instanceof KtForExpression || e instanceof KtWhileExpression
                || e instanceof KtDoWhileExpression) {
            emit("() -> {");
            statement(e);
            emit("}");
        } else {
            boolean first = true;
            for (PsiElement child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof KtExpression x && !(x instanceof KtOperationReferenceExpression)) {
                    if (!first) {
                        emit(", ");
                    }
                    first = false;
                    if (x instanceof KtDeclaration || x instanceof KtBlockExpression) {
                        emit("() -> {");
                        statement(x);
                        emit("}");
                    } else if (x instanceof KtReturnExpression r) {
                        expression(r.getReturnedExpression());
                    } else if (x instanceof KtThrowExpression t) {
                        expression(t.getThrownExpression());
                    } else {
                        expression(x);
                    }
                }
            }
        }
        emit(")");
    }

    private void list(List<? extends KtExpression> items) {
        boolean first = true;
        for (KtExpression x : items) {
            if (!first) {
                emit(", ");
            }
            first = false;
            expression(x);
        }
    }

    private void classLiteral(KtClassLiteralExpression c) {
        KtExpression receiver = c.getReceiverExpression();
        emit(receiver == null ? "Object" : typeLikeText(receiver) != null ? typeLikeText(receiver) : "Object");
        emit(".class");
    }

    private void lambda(KtLambdaExpression l) {
        List<KtParameter> params = l.getValueParameters();
        if (params.isEmpty()) {
            emit("(it) -> {");
        } else {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < params.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(params.get(i).getName() == null ? "$p" + i
                        : identifier(params.get(i).getName()));
            }
            emit(b + ") -> {");
        }
        if (l.getBodyExpression() != null) {
            statements(l.getBodyExpression());
        }
        emit("}");
    }

    private void objectLiteral(KtObjectLiteralExpression o) {
        KtObjectDeclaration d = o.getObjectDeclaration();
        String superType = "Object";
        List<? extends ValueArgument> args = List.of();
        for (KtSuperTypeListEntry e : d.getSuperTypeListEntries()) {
            superType = type(e.getTypeReference(), false, "Object");
            if (e instanceof KtSuperTypeCallEntry call) {
                args = call.getValueArguments();
            }
            break;
        }
        emit("new " + superType);
        arguments(args, List.of());
        emit(" {");
        for (KtDeclaration m : d.getDeclarations()) {
            declaration(m, Scope.INSTANCE);
        }
        emit("}");
    }

    private void binary(KtBinaryExpression b) {
        String op = b.getOperationReference().getReferencedName();
        if (b.getOperationToken() == KtTokens.ELVIS) {
            KtExpression right = b.getRight();
            if (right instanceof KtReturnExpression || right instanceof KtThrowExpression
                    || right instanceof KtBreakExpression || right instanceof KtContinueExpression) {
                expression(b.getLeft()); // x ?: return: the value is x
                return;
            }
            emit("Objects.requireNonNullElse(");
            expression(b.getLeft());
            emit(", ");
            expression(right);
            emit(")");
            return;
        }
        Set<String> java = Set.of("+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "=", "+=",
                "-=", "*=", "/=", "%=");
        if (op.equals("===") || op.equals("!==")) {
            op = op.substring(0, 2);
        }
        if (java.contains(op)) {
            expression(b.getLeft());
            emit(" " + op + " ");
            expression(b.getRight());
        } else if (b.getOperationToken() == null || b.getOperationToken() == KtTokens.IDENTIFIER
                || Character.isJavaIdentifierStart(op.isEmpty() ? '.' : op.charAt(0))) {
            expression(b.getLeft()); // an infix call: a to b, a shl b
            emit("." + identifier(op) + "(");
            expression(b.getRight());
            emit(")");
        } else {
            neutral(b);
        }
    }

    private void qualified(KtQualifiedExpression q) {
        KtExpression receiver = q.getReceiverExpression();
        KtExpression selector = q.getSelectorExpression();
        if (selector == null) {
            expression(receiver);
            return;
        }
        if (receiver instanceof KtClassLiteralExpression c && selector instanceof KtNameReferenceExpression n
                && (n.getReferencedName().equals("java") || n.getReferencedName().equals("javaObjectType"))) {
            classLiteral(c); // Foo::class.java
            return;
        }
        if (selector instanceof KtCallExpression call && call.getCalleeExpression() instanceof KtNameReferenceExpression n) {
            String callee = n.getReferencedName();
            if ((callee.equals("trimIndent") || callee.equals("trimMargin"))
                    && receiver instanceof KtStringTemplateExpression) {
                expression(receiver); // whitespace only: the literal is what matters
                return;
            }
            String typeName = packageOrType(receiver);
            if (typeName != null && isClassName(callee)) { // com.azure.Foo(), Outer.Inner()
                emit("new " + typeName + ".");
                call(call, "");
                return;
            }
            if (callee.equals("apply") && call.getValueArguments().size() == 1 && call.getLambdaArguments().size() == 1
                    && applyChain(receiver, call)) {
                return;
            }
        }
        if (receiver instanceof KtNameReferenceExpression r && r.getReferencedName().equals("Companion")) {
            expression(selector);
            return;
        }
        expression(receiver);
        if (selector instanceof KtNameReferenceExpression n && n.getReferencedName().equals("Companion")) {
            return;
        }
        at(q.getOperationTokenNode().getStartOffset()); // the dot on the selector's line, as written: .key(
        emit(".");
        if (selector instanceof KtCallExpression call) {
            call(call, "");
        } else {
            expression(selector);
        }
    }

    /**
     * {@code Builder().apply { connectionString(x); endpoint(y) }} as the chain it stands for, {@code new
     * Builder().connectionString(x).endpoint(y)}, when every statement of the block is a call without a receiver.
     */
    private boolean applyChain(KtExpression receiver, KtCallExpression apply) {
        KtLambdaExpression l = apply.getLambdaArguments().get(0).getLambdaExpression();
        if (l == null || l.getBodyExpression() == null || !l.getValueParameters().isEmpty()) {
            return false;
        }
        List<KtExpression> statements = l.getBodyExpression().getStatements();
        for (KtExpression s : statements) {
            if (!(s instanceof KtCallExpression c && c.getCalleeExpression() instanceof KtNameReferenceExpression n
                    && !isClassName(n.getReferencedName()))) {
                return false;
            }
        }
        expression(receiver);
        for (KtExpression s : statements) {
            at(start(s));
            emit(".");
            call((KtCallExpression) s, "");
        }
        return true;
    }

    /**
     * A call: {@code new T(...)} when the callee is a class (a capitalised name); {@code prefix} is null for a call
     * without a receiver, else the text before it (the receiver was written).
     */
    private void call(KtCallExpression c, String prefix) {
        KtExpression callee = c.getCalleeExpression();
        if (!(callee instanceof KtNameReferenceExpression n)) {
            neutral(c);
            return;
        }
        String name = n.getReferencedName();
        if (prefix == null && (name.equals("charArrayOf") || name.equals("byteArrayOf"))) {
            emit("new " + name.substring(0, 4) + "[] {");
            arguments(c.getValueArguments(), List.of(), false);
            emit("}");
            return;
        }
        if (prefix == null && isClassName(name)) {
            emit("new ");
        }
        emit(name(name));
        arguments(c.getValueArguments(), c.getLambdaArguments());
    }

    private void arguments(List<? extends ValueArgument> args, List<? extends ValueArgument> lambdas) {
        emit("(");
        arguments(args, lambdas, true);
        emit(")");
    }

    /** Arguments in the order written (Java has no names), trailing lambdas last. */
    private void arguments(List<? extends ValueArgument> args, List<? extends ValueArgument> lambdas, boolean all) {
        boolean first = true;
        List<ValueArgument> every = new ArrayList<>(args);
        if (all) {
            for (ValueArgument l : lambdas) {
                if (!every.contains(l)) {
                    every.add(l);
                }
            }
        }
        for (ValueArgument a : every) {
            if (!first) {
                emit(", ");
            }
            first = false;
            expression(a.getArgumentExpression());
        }
    }

    /** The text of {@code e} when it names a type ({@code Foo}, {@code com.azure.Foo}, {@code Outer.Inner}), or null. */
    private String typeLikeText(KtExpression e) {
        if (e instanceof KtNameReferenceExpression n) {
            String name = n.getReferencedName();
            return isClassName(name) && !isConstantLike(name) ? name(name) : null;
        }
        if (e instanceof KtQualifiedExpression q && q.getSelectorExpression() instanceof KtNameReferenceExpression s
                && isClassName(s.getReferencedName())) {
            String left = packageOrType(q.getReceiverExpression());
            return left == null ? null : left + "." + identifier(s.getReferencedName());
        }
        return null;
    }

    private String packageOrType(KtExpression e) {
        if (e instanceof KtNameReferenceExpression n) {
            return name(n.getReferencedName());
        }
        if (e instanceof KtQualifiedExpression q && q.getSelectorExpression() instanceof KtNameReferenceExpression s) {
            String left = packageOrType(q.getReceiverExpression());
            return left == null ? null : left + "." + identifier(s.getReferencedName());
        }
        return null;
    }

    private static boolean isClassName(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    private static boolean isConstantLike(String name) {
        return name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT)) && name.contains("_");
    }

    // ---- strings and constants ----------------------------------------------------------------------------------

    /**
     * A string template as Java: literal parts as string literals (the content at its source column, {@code \$} as
     * {@code $}), expressions concatenated; a raw string's lines each on their own line.
     */
    private void template(KtStringTemplateExpression t) {
        List<int[]> starts = new ArrayList<>();
        List<Object> parts = new ArrayList<>(); // String (literal text) or KtExpression
        StringBuilder literal = null;
        int literalStart = -1;
        for (KtStringTemplateEntry entry : t.getEntries()) {
            int offset = entry.getTextRange().getStartOffset();
            if (entry instanceof KtLiteralStringTemplateEntry || entry instanceof KtEscapeStringTemplateEntry) {
                String value = entry instanceof KtEscapeStringTemplateEntry esc ? esc.getUnescapedValue() : entry.getText();
                for (int i = 0; i < value.length(); i++) {
                    if (literal == null) {
                        literal = new StringBuilder();
                        literalStart = offset + (entry instanceof KtLiteralStringTemplateEntry ? i : 0);
                    }
                    char ch = value.charAt(i);
                    literal.append(ch);
                    if (ch == '\n' && entry instanceof KtLiteralStringTemplateEntry) {
                        parts.add(literal.toString()); // a raw string's line: the next starts on the next line
                        starts.add(new int[] {literalStart});
                        literal = null;
                    }
                }
            } else if (entry instanceof KtStringTemplateEntryWithExpression withExpression) {
                if (literal != null) {
                    parts.add(literal.toString());
                    starts.add(new int[] {literalStart});
                    literal = null;
                }
                if (withExpression.getExpression() != null) {
                    parts.add(withExpression.getExpression());
                    starts.add(new int[] {offset});
                }
            }
        }
        if (literal != null) {
            parts.add(literal.toString());
            starts.add(new int[] {literalStart});
        }
        if (parts.isEmpty() || !(parts.get(0) instanceof String)) {
            emit("\"\"");
            if (parts.isEmpty()) {
                return;
            }
            emit(" + ");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                emit(" + ");
            }
            if (parts.get(i) instanceof String s) {
                int at = starts.get(i)[0];
                int lineStart = lineStarts[line(at)];
                at(Math.max(lineStart, at - 1));
                emit(javaString(s));
            } else {
                emit("(");
                expression((KtExpression) parts.get(i));
                emit(")");
            }
        }
    }

    static String javaString(String s) {
        return dev.miscan.core.parse.java.JavaLiterals.quote(s);
    }

    /** A Kotlin literal as Java: unsigned suffixes dropped, {@code '\$'} as {@code '$'}. */
    private static String constant(String text) {
        if (text.startsWith("'")) {
            return text.equals("'\\$'") ? "'$'" : text;
        }
        return text.replaceAll("[uU]([lL]?)$", "$1");
    }

    // ---- types and names ----------------------------------------------------------------------------------------

    /** The Java type of a Kotlin type reference; {@code boxed} inside generics and casts. */
    private String type(KtTypeReference ref, boolean boxed, String fallback) {
        if (ref == null) {
            return fallback;
        }
        return type(ref.getTypeElement(), boxed, fallback);
    }

    private String type(KtTypeElement element, boolean boxed, String fallback) {
        if (element instanceof KtNullableType n) {
            return type(n.getInnerType(), true, fallback);
        }
        if (element instanceof KtFunctionType) {
            return "Object";
        }
        if (element instanceof KtUserType u) {
            String simple = u.getReferencedName();
            if (simple == null) {
                return fallback;
            }
            if (u.getQualifier() == null) {
                if (PRIMITIVES.containsKey(simple)) {
                    return boxed ? BOXED.get(simple) : PRIMITIVES.get(simple);
                }
                if (ARRAYS.containsKey(simple)) {
                    return ARRAYS.get(simple);
                }
                switch (simple) {
                    case "Any" -> {
                        return "Object";
                    }
                    case "Unit", "Nothing" -> {
                        return boxed ? "Void" : "void";
                    }
                    case "Array" -> {
                        List<KtTypeProjection> args = u.getTypeArguments();
                        return (args.isEmpty() ? "Object" : type(args.get(0).getTypeReference(), true, "Object")) + "[]";
                    }
                    default -> {
                    }
                }
            }
            StringBuilder b = new StringBuilder();
            if (u.getQualifier() != null) {
                b.append(type(u.getQualifier(), true, "Object")).append('.');
            }
            b.append(name(simple));
            List<KtTypeProjection> args = u.getTypeArguments();
            if (!args.isEmpty()) {
                b.append('<');
                for (int i = 0; i < args.size(); i++) {
                    KtTypeReference r = args.get(i).getTypeReference();
                    b.append(i == 0 ? "" : ", ").append(r == null ? "?" : type(r, true, "Object"));
                }
                b.append('>');
            }
            return b.toString();
        }
        return fallback;
    }

    /** The declared type Java needs for an untyped property, from its initialiser. */
    private String inferred(KtExpression init, String fallback) {
        KtExpression e = init;
        while (e instanceof KtParenthesizedExpression p) {
            e = p.getExpression();
        }
        if (e instanceof KtStringTemplateExpression) {
            return "String";
        }
        if (e instanceof KtQualifiedExpression q && q.getReceiverExpression() instanceof KtStringTemplateExpression
                && q.getSelectorExpression() instanceof KtCallExpression c
                && c.getCalleeExpression() instanceof KtNameReferenceExpression n
                && (n.getReferencedName().equals("trimIndent") || n.getReferencedName().equals("trimMargin"))) {
            return "String";
        }
        if (e instanceof KtBinaryExpression b && b.getOperationReference().getReferencedName().equals("+")
                && (inferred(b.getLeft(), "").equals("String") || inferred(b.getRight(), "").equals("String"))) {
            return "String";
        }
        if (e instanceof KtConstantExpression c) {
            String t = c.getText();
            if (t.equals("true") || t.equals("false")) {
                return "boolean";
            }
            if (t.startsWith("'")) {
                return "char";
            }
            if (t.equals("null")) {
                return fallback.equals("var") ? "Object" : fallback;
            }
            if (t.endsWith("L") || t.endsWith("l")) {
                return "long";
            }
            if (t.endsWith("f") || t.endsWith("F")) {
                return "float";
            }
            return t.contains(".") || (t.contains("e") && !t.startsWith("0x")) ? "double" : "int";
        }
        if (e instanceof KtCallExpression c && c.getCalleeExpression() instanceof KtNameReferenceExpression n) {
            if (n.getReferencedName().equals("charArrayOf")) {
                return "char[]";
            }
            if (n.getReferencedName().equals("byteArrayOf")) {
                return "byte[]";
            }
            if (isClassName(n.getReferencedName())) {
                return name(n.getReferencedName());
            }
        }
        if (e instanceof KtQualifiedExpression q && q.getSelectorExpression() instanceof KtCallExpression c
                && c.getCalleeExpression() instanceof KtNameReferenceExpression n && isClassName(n.getReferencedName())) {
            String owner = typeLikeText(q.getReceiverExpression());
            if (owner != null) {
                return owner + "." + name(n.getReferencedName());
            }
        }
        return fallback;
    }

    /** A name as written in Java: an import alias resolved, a Java keyword or odd character made an identifier. */
    private String name(String kotlin) {
        String n = aliases.getOrDefault(kotlin, kotlin);
        return identifier(n);
    }

    static String identifier(String kotlin) {
        if (kotlin == null || kotlin.isEmpty()) {
            return "$unnamed";
        }
        StringBuilder b = new StringBuilder();
        for (char c : kotlin.toCharArray()) {
            b.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        if (!Character.isJavaIdentifierStart(b.charAt(0))) {
            b.insert(0, '_');
        }
        String s = b.toString();
        return JAVA_KEYWORDS.contains(s) ? s + "_" : s;
    }

    private static String sanitisePackage(FqName fq) {
        if (fq == null || fq.isRoot()) {
            return "";
        }
        List<String> segments = new ArrayList<>();
        for (var segment : fq.pathSegments()) {
            segments.add(identifier(segment.asString()));
        }
        return String.join(".", segments);
    }

    // ---- positions ----------------------------------------------------------------------------------------------

    /** Where an element's own text starts: after its comments and white space (KDoc belongs to a declaration). */
    private static int start(PsiElement e) {
        PsiElement child = e.getFirstChild();
        while (child != null && (child instanceof PsiComment || child instanceof PsiWhiteSpace)) {
            child = child.getNextSibling();
        }
        return child != null ? child.getTextRange().getStartOffset() : e.getTextRange().getStartOffset();
    }

    private int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Moves the output to the source position {@code offset} (its line; its column when not already past it). */
    private void at(int offset) {
        flushComments(offset);
        move(offset);
    }

    private void move(int offset) {
        int line = line(offset);
        int column = offset - lineStarts[line];
        while (outLine < line) {
            out.append('\n');
            outLine++;
            outColumn = 0;
        }
        if (outLine == line) {
            while (outColumn < column) {
                out.append(' ');
                outColumn++;
            }
        }
    }

    /** Writes the comments before {@code offset}: suppression markers and the fixtures' own markers stay on their line. */
    private void flushComments(int offset) {
        while (nextComment < comments.size() && comments.get(nextComment).getTextRange().getStartOffset() < offset) {
            PsiComment c = comments.get(nextComment++);
            move(c.getTextRange().getStartOffset());
            String text = c.getText();
            if (text.startsWith("/*")) {
                String inner = text.substring(2, Math.max(2, text.length() - 2)).replace("/*", "/ *").replace("*/", "* /");
                text = "/*" + inner + (text.endsWith("*/") && text.length() >= 4 ? "*/" : " */");
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append('\n');
                    outLine++;
                    outColumn = 0;
                }
                out.append(lines[i]);
                outColumn += lines[i].length();
            }
            if (!text.startsWith("/*")) {
                out.append('\n'); // a line comment ends its line: what follows is on the next one
                outLine++;
                outColumn = 0;
            }
        }
    }

    private void emit(String s) {
        out.append(s);
        int nl = s.lastIndexOf('\n');
        if (nl >= 0) {
            outLine += (int) s.chars().filter(ch -> ch == '\n').count();
            outColumn = s.length() - nl - 1;
        } else {
            outColumn += s.length();
        }
    }
}
