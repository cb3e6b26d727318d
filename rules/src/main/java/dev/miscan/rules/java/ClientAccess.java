package dev.miscan.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.miscan.core.api.Role;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.catalogue.AzureCatalogue.Step;
import dev.miscan.core.parse.java.ConstantIndex;
import dev.miscan.core.parse.java.JavaNames;
import dev.miscan.core.parse.java.UnitNodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles a client needs, decided from what the code does with it. The builder and its chain may say it
 * ({@code .sender()}, {@code buildConsumerClient()}, an administration client); otherwise the client is followed
 * from where it is built through local variables, fields, getters, method parameters and return values, within the
 * file and across the scanned project (through the scan's {@link ConstantIndex}), and the calls made on it (and on
 * the clients it hands out: a container of an account) are read against the operations of the Azure catalogue.
 * A write decides for a write role; reads decide for a read role only when the client never left the analysis'
 * sight (passed to a library, injected elsewhere): otherwise nothing is decided and the remediation keeps the roles
 * any use may need.
 */
final class ClientAccess {
    /** The chosen roles and what in the code chose them. */
    record Access(List<Role> roles, String seen) {
    }

    private static final int MAX_DEPTH = 12;
    private static final int MAX_STEPS = 500;

    private ClientAccess() {
    }

    /**
     * The access of the client that the builder chain of {@code sink} builds; null when nothing decides it.
     *
     * @param builder the builder or client type of the chain (simple name)
     * @param chain   the calls of the chain by name
     * @param path    the file of {@code cu}
     * @param index   the scan's Java files
     */
    static Access of(String builder, MethodCallExpr sink, Map<String, Expression> chain, CompilationUnit cu,
            String path, ConstantIndex index) {
        if (builder == null) {
            return null;
        }
        AzureCatalogue.Service service = AzureCatalogue.get().serviceOfJavaBuilder(builder).orElse(null);
        if (service == null || service.allRoles().isEmpty()) {
            return null;
        }
        // what the builder or its chain builds fixes what the client can do, wherever it goes
        Map<AzureCatalogue.Access, Set<String>> built = new EnumMap<>(AzureCatalogue.Access.class);
        add(built, service.step(builder, false), builder);
        for (String call : chain.keySet()) {
            add(built, service.step(call, false), "." + call + "()");
        }
        if (!built.isEmpty()) {
            return decide(service, built, true);
        }
        Flow flow = new Flow(service, index);
        Node top = sink;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == top) {
            top = p;
        }
        flow.value((Expression) top, path, 0);
        // a builder kept in a variable: the clients its build calls make
        Expression root = (Expression) top;
        while (root instanceof MethodCallExpr mc && mc.getScope().isPresent()) {
            root = mc.getScope().get();
        }
        if (root instanceof NameExpr builderVariable) {
            Node scope = JavaNames.ancestor(sink, CallableDeclaration.class).map(c -> (Node) c).orElse(cu);
            UnitNodes nodes = UnitNodes.in(scope);
            List<MethodCallExpr> onBuilder = nodes == null ? scope.findAll(MethodCallExpr.class,
                    m -> m.getScope().orElse(null) instanceof NameExpr n
                            && n.getNameAsString().equals(builderVariable.getNameAsString()))
                    : nodes.callsOn(builderVariable.getNameAsString());
            for (MethodCallExpr build : onBuilder) {
                if (build.getNameAsString().startsWith("build")) {
                    flow.value(build, path, 0);
                }
            }
        }
        if (flow.calls.containsKey(AzureCatalogue.Access.WRITE) || flow.calls.containsKey(AzureCatalogue.Access.MANAGE)
                || !flow.calls.isEmpty() && !flow.escaped) {
            return decide(service, flow.calls, false);
        }
        return null;
    }

    private static void add(Map<AzureCatalogue.Access, Set<String>> m, Step step, String what) {
        if (step != null && step.access() != null) {
            m.computeIfAbsent(step.access(), k -> new TreeSet<>()).add(what);
        }
    }

    private static Access decide(AzureCatalogue.Service service, Map<AzureCatalogue.Access, Set<String>> seen,
            boolean built) {
        List<Role> roles = service.assign(seen.keySet());
        List<String> parts = new ArrayList<>();
        for (AzureCatalogue.Access a : List.of(AzureCatalogue.Access.MANAGE, AzureCatalogue.Access.WRITE,
                AzureCatalogue.Access.READ)) {
            Set<String> what = seen.get(a);
            if (what == null) {
                continue;
            }
            String verb = switch (a) {
                case MANAGE -> "manages";
                case WRITE -> "writes";
                case READ -> seen.size() == 1 && !built ? "only reads" : "reads";
            };
            parts.add(built ? verb + " (" + String.join(", ", what) + ")" : verb + ": " + String.join(", ", what));
        }
        return new Access(roles, String.join("; ", parts));
    }

    /** Follows one client value through the project and collects the operations called on it. */
    private static final class Flow {
        final AzureCatalogue.Service service;
        final ConstantIndex index;
        final Map<AzureCatalogue.Access, Set<String>> calls = new EnumMap<>(AzureCatalogue.Access.class);
        final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The file each followed node is in (a node of another file than the sink's). */
        final Map<CompilationUnit, String> files = new IdentityHashMap<>();
        boolean escaped;
        String home;
        int steps;

        Flow(AzureCatalogue.Service service, ConstantIndex index) {
            this.service = service;
            this.index = index;
        }

        /** {@code e} (in file {@code path}) evaluates to the client, or to a client it handed out. */
        void value(Expression e, String path, int depth) {
            if (home == null) {
                home = path;
            }
            if (depth > MAX_DEPTH || ++steps > MAX_STEPS) {
                escaped = true;
                return;
            }
            if (!seen.add(e)) {
                return;
            }
            e.findCompilationUnit().ifPresent(cu -> files.putIfAbsent(cu, path));
            Node p = e.getParentNode().orElse(null);
            if (p instanceof EnclosedExpr || p instanceof CastExpr
                    || p instanceof ConditionalExpr c && c.getCondition() != e) {
                value((Expression) p, path, depth + 1);
            } else if (p instanceof MethodCallExpr mc && mc.getScope().orElse(null) == e) {
                String name = mc.getNameAsString();
                Step step = service.step(name, true);
                if (step == Step.NAVIGATE) {
                    value(mc, path, depth + 1);
                } else if (step != null) {
                    String where = path.equals(home) ? "" : " in " + path.substring(path.lastIndexOf('/') + 1);
                    calls.computeIfAbsent(step.access(), k -> new TreeSet<>()).add(name + where);
                }
            } else if (p instanceof MethodCallExpr mc && mc.getArguments().contains(e)) {
                parameter(mc, argumentIndex(mc, e), path, depth);
            } else if (p instanceof ObjectCreationExpr oc && oc.getArguments().contains(e)) {
                parameter(oc, argumentIndex(oc, e), path, depth);
            } else if (p instanceof VariableDeclarator v && v.getInitializer().orElse(null) == e) {
                variable(v.getNameAsString(), v, path, depth);
            } else if (p instanceof AssignExpr a && a.getValue() == e && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                if (a.getTarget() instanceof NameExpr n) {
                    variable(n.getNameAsString(), a, path, depth);
                } else if (a.getTarget() instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
                    field(f.getNameAsString(), a, path, depth);
                } else {
                    escaped = true;
                }
            } else if (p instanceof ReturnStmt) {
                Optional<MethodDeclaration> m = JavaNames.ancestor(p, MethodDeclaration.class);
                if (m.isPresent()) {
                    callers(m.get(), path, depth);
                } else {
                    escaped = true; // a lambda's return
                }
            } else if (!(p instanceof ExpressionStmt)) {
                escaped = true;
            }
        }

        private static int argumentIndex(NodeWithArguments<?> call, Expression e) {
            for (int i = 0; i < call.getArguments().size(); i++) {
                if (call.getArguments().get(i) == e) {
                    return i;
                }
            }
            return -1;
        }

        /** A name assigned at {@code at}: a local variable or parameter of the enclosing callable, else a field. */
        private void variable(String name, Node at, String path, int depth) {
            Optional<CallableDeclaration> callable = JavaNames.ancestor(at, CallableDeclaration.class);
            boolean field = at instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof FieldDeclaration;
            if (!field && callable.isPresent() && declaresLocal(callable.get(), name)) {
                uses(callable.get(), name, false, path, depth);
            } else {
                field(name, at, path, depth);
            }
        }

        private static boolean declaresLocal(CallableDeclaration<?> c, String name) {
            for (Parameter p : c.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return true;
                }
            }
            return !locals(c, name).isEmpty();
        }

        /** The local variables named {@code name} declared within {@code scope}, in order. */
        private static List<VariableDeclarator> locals(Node scope, String name) {
            UnitNodes nodes = UnitNodes.in(scope);
            if (nodes == null) {
                List<VariableDeclarator> out = new ArrayList<>();
                for (VariableDeclarationExpr d : scope.findAll(VariableDeclarationExpr.class)) {
                    for (VariableDeclarator v : d.getVariables()) {
                        if (v.getNameAsString().equals(name)) {
                            out.add(v);
                        }
                    }
                }
                return out;
            }
            return nodes.locals(name);
        }

        private void field(String name, Node at, String path, int depth) {
            Optional<TypeDeclaration> type = JavaNames.ancestor(at, TypeDeclaration.class);
            if (type.isEmpty()) {
                escaped = true;
                return;
            }
            uses(type.get(), name, true, path, depth);
        }

        /** Every read of {@code name} within {@code scope}: {@code name} and, for a field, {@code this.name}. */
        private void uses(Node scope, String name, boolean field, String path, int depth) {
            // the scope's names grouped once (a file with many sinks is not walked once per sink)
            UnitNodes nodes = UnitNodes.in(scope);
            List<NameExpr> names = nodes == null
                    ? scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))
                    : nodes.names(name);
            for (NameExpr use : names) {
                if (!isAssigned(use) && (!field || !shadowed(use, name))) {
                    value(use, path, depth + 1);
                }
            }
            if (field) {
                List<FieldAccessExpr> accesses = nodes == null
                        ? scope.findAll(FieldAccessExpr.class, n -> n.getNameAsString().equals(name))
                        : nodes.fieldAccesses(name);
                for (FieldAccessExpr use : accesses) {
                    if (use.getScope() instanceof ThisExpr && !isAssigned(use)) {
                        value(use, path, depth + 1);
                    }
                }
            }
        }

        private static boolean isAssigned(Expression use) {
            return use.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == use;
        }

        /** True when a local of the same name hides the field where {@code use} is. */
        private static boolean shadowed(NameExpr use, String name) {
            return JavaNames.ancestor(use, CallableDeclaration.class).map(c -> declaresLocal(c, name)).orElse(false);
        }

        /** The client passed as argument {@code i} of a call or a construction: the parameter's uses in the callee. */
        private void parameter(Node call, int i, String path, int depth) {
            List<CallableDeclaration<?>> callees = callees(call);
            if (callees.isEmpty()) {
                escaped = true; // a library method, or one the analysis cannot find
                return;
            }
            for (CallableDeclaration<?> callee : callees) {
                if (i < 0 || i >= callee.getParameters().size()) {
                    escaped = true;
                    continue;
                }
                String file = callee.findCompilationUnit().map(this::pathOf).orElse(path);
                uses(callee, callee.getParameter(i).getNameAsString(), false, file, depth);
            }
        }

        private String pathOf(CompilationUnit cu) {
            return files.getOrDefault(cu, home);
        }

        /** The project's declarations a call or construction may run, matched by name and argument count. */
        private List<CallableDeclaration<?>> callees(Node call) {
            List<CallableDeclaration<?>> out = new ArrayList<>();
            CompilationUnit cu = call.findCompilationUnit().orElse(null);
            if (cu == null) {
                return out;
            }
            if (call instanceof ObjectCreationExpr oc) {
                for (TypeDeclaration<?> t : typesNamed(cu, oc.getType().getNameWithScope())) {
                    for (ConstructorDeclaration c : t.getConstructors()) {
                        if (c.getParameters().size() == oc.getArguments().size()) {
                            out.add(c);
                        }
                    }
                }
                return out;
            }
            MethodCallExpr mc = (MethodCallExpr) call;
            List<TypeDeclaration<?>> owners = new ArrayList<>();
            Expression scope = mc.getScope().orElse(null);
            if (scope == null || scope instanceof ThisExpr) {
                JavaNames.ancestor(mc, TypeDeclaration.class).ifPresent(t -> owners.add((TypeDeclaration<?>) t));
            } else {
                typeOf(scope).ifPresent(written -> owners.addAll(typesNamed(cu, written)));
            }
            for (TypeDeclaration<?> t : owners) {
                for (MethodDeclaration m : t.getMethodsByName(mc.getNameAsString())) {
                    if (m.getParameters().size() == mc.getArguments().size() && m.getBody().isPresent()) {
                        out.add(m);
                    }
                }
            }
            return out;
        }

        /** The declared type of a variable, parameter or field named by {@code scope}, as written. */
        private static Optional<String> typeOf(Expression scope) {
            String name = scope instanceof NameExpr n ? n.getNameAsString()
                    : scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
            if (name == null) {
                return Optional.empty();
            }
            Optional<CallableDeclaration> callable = JavaNames.ancestor(scope, CallableDeclaration.class);
            if (callable.isPresent() && scope instanceof NameExpr) {
                for (Parameter p : ((CallableDeclaration<?>) callable.get()).getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        return Optional.of(p.getType().asString());
                    }
                }
                List<VariableDeclarator> declared = locals((Node) callable.get(), name);
                if (!declared.isEmpty()) {
                    return Optional.of(declared.get(0).getType().asString());
                }
            }
            Optional<TypeDeclaration> type = JavaNames.ancestor(scope, TypeDeclaration.class);
            return type.flatMap(t -> ((TypeDeclaration<?>) t).getFieldByName(name))
                    .map(f -> f.getVariable(0).getType().asString());
        }

        /** The project's declarations of the type written {@code written} in {@code cu}. */
        private List<TypeDeclaration<?>> typesNamed(CompilationUnit cu, String written) {
            List<TypeDeclaration<?>> out = new ArrayList<>();
            for (String fqn : JavaNames.typeCandidates(cu, written)) {
                JavaNames.typeByQualifiedName(cu, fqn).ifPresent(out::add);
                if (out.isEmpty()) {
                    for (Map.Entry<dev.miscan.core.parse.java.JavaView, TypeDeclaration<?>> d : index.declarations(fqn)) {
                        d.getValue().findCompilationUnit().ifPresent(u -> files.putIfAbsent(u, d.getKey().path()));
                        out.add(d.getValue());
                    }
                }
                if (!out.isEmpty()) {
                    break;
                }
            }
            return out;
        }

        /**
         * The calls of a method that returns the client (a getter, a factory): in its own file, and in the project's
         * files that name both the method and its type. None found: it is called from outside (a framework bean).
         */
        private void callers(MethodDeclaration m, String path, int depth) {
            String name = m.getNameAsString();
            int arity = m.getParameters().size();
            String owner = JavaNames.ancestor(m, TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t).getNameAsString())
                    .orElse("");
            List<MethodCallExpr> found = new ArrayList<>();
            CompilationUnit own = m.findCompilationUnit().orElse(null);
            if (own != null) {
                for (MethodCallExpr c : UnitNodes.of(own).calls(name)) {
                    if (c.getArguments().size() == arity) {
                        found.add(c);
                    }
                }
            }
            for (dev.miscan.core.parse.java.JavaView v : index.filesContaining(name + "(", owner)) {
                CompilationUnit u = v.unit().orElse(null);
                if (u == null || u == own || v.path().equals(path)) {
                    continue;
                }
                files.putIfAbsent(u, v.path());
                for (MethodCallExpr c : UnitNodes.of(u).calls(name)) {
                    if (c.getArguments().size() == arity && c.getScope().isPresent()) {
                        found.add(c);
                    }
                }
            }
            if (found.isEmpty() && m.isAnnotationPresent("Bean")) {
                injected(m, path, depth);
                return;
            }
            if (found.isEmpty()) {
                escaped = true;
                return;
            }
            for (MethodCallExpr c : found) {
                String file = c.findCompilationUnit().map(this::pathOf).orElse(path);
                value(c, file, depth + 1);
            }
        }

        /**
         * A framework bean (Spring's {@code @Bean}): the framework hands it to every constructor or method parameter
         * and every field of its type in the project. Any other mention of the type (a provider of it, a generic
         * type) is a use the analysis cannot follow.
         */
        private void injected(MethodDeclaration bean, String path, int depth) {
            String type = bean.getType().asString();
            if (type.contains("<") || type.isEmpty()) {
                escaped = true;
                return;
            }
            String simple = type.substring(type.lastIndexOf('.') + 1);
            for (dev.miscan.core.parse.java.JavaView v : index.filesContaining(simple)) {
                CompilationUnit u = v.unit().orElse(null);
                if (u == null) {
                    continue;
                }
                files.putIfAbsent(u, v.path());
                if (v.text().contains("<" + simple + ">") || v.text().contains(", " + simple + ">")) {
                    escaped = true;
                }
                UnitNodes nodes = UnitNodes.of(u);
                for (Parameter p : nodes.parametersOfType(simple)) {
                    JavaNames.ancestor(p, CallableDeclaration.class).ifPresent(c -> uses((Node) c,
                            p.getNameAsString(), false, v.path(), depth + 1));
                }
                for (VariableDeclarator d : nodes.instanceFieldsOfType(simple)) {
                    if (d.getInitializer().isEmpty()) {
                        field(d.getNameAsString(), d, v.path(), depth + 1);
                    }
                }
            }
        }
    }
}
