package dev.miscan.core.parse.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grouping answers as the walks it replaces would ({@code scope.findAll(...)} filtered by name or type), in
 * the same order, on this module's own sources: every name in every type and callable of a quarter of its files.
 */
class UnitNodesTest {

    @Test
    void answersAsFindAllOnEveryScopeAndNameOfThisModulesSources() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        // every fourth file (the walks it is compared with are what make this test slow)
        files = java.util.stream.IntStream.range(0, files.size()).filter(i -> i % 4 == 0).mapToObj(files::get).toList();
        int checked = 0;
        for (Path file : files) {
            CompilationUnit cu = JavaView.parse(file.toString(), Files.readString(file)).unit().orElseThrow();
            UnitNodes nodes = UnitNodes.of(cu);
            assertThat(UnitNodes.of(cu.getTypes().isEmpty() ? cu : cu.getType(0))).isSameAs(nodes);
            Set<String> names = new LinkedHashSet<>();
            cu.findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
            cu.findAll(FieldAccessExpr.class).forEach(n -> names.add(n.getNameAsString()));
            cu.findAll(MethodCallExpr.class).forEach(n -> names.add(n.getNameAsString()));
            cu.findAll(VariableDeclarator.class).forEach(n -> names.add(n.getNameAsString()));
            List<Node> scopes = new ArrayList<>(List.of(cu));
            scopes.addAll(cu.findAll(TypeDeclaration.class));
            scopes.addAll(cu.findAll(CallableDeclaration.class));
            for (String name : names) {
                for (Node scope : scopes) {
                    same(UnitNodes.within(scope, nodes.names(name)),
                            scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name)));
                    // the scope's own grouping answers as the unit's does within it
                    UnitNodes in = UnitNodes.in(scope);
                    same(in.names(name), UnitNodes.within(scope, nodes.names(name)));
                    same(in.fieldAccesses(name), UnitNodes.within(scope, nodes.fieldAccesses(name)));
                    same(in.locals(name), UnitNodes.within(scope, nodes.locals(name)));
                    same(in.fields(name), UnitNodes.within(scope, nodes.fields(name)));
                    same(in.callsOn(name), UnitNodes.within(scope, nodes.callsOn(name)));
                    same(in.callsPassing("credential", name), UnitNodes.within(scope, nodes.callsPassing("credential", name)));
                    same(UnitNodes.within(scope, nodes.fieldAccesses(name)),
                            scope.findAll(FieldAccessExpr.class, n -> n.getNameAsString().equals(name)));
                    List<VariableDeclarator> locals = new ArrayList<>();
                    scope.findAll(VariableDeclarationExpr.class).forEach(d -> d.getVariables().stream()
                            .filter(v -> v.getNameAsString().equals(name)).forEach(locals::add));
                    same(UnitNodes.within(scope, nodes.locals(name)), locals);
                    checked++;
                }
                same(nodes.calls(name), cu.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals(name)));
                same(nodes.callsOn(name), cu.findAll(MethodCallExpr.class,
                        c -> c.getScope().orElse(null) instanceof NameExpr r && r.getNameAsString().equals(name)));
                same(nodes.fields(name), cu.findAll(FieldDeclaration.class,
                        f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))));
            }
            // calls of several names merged, and the calls of a name that pass a name, as findAll meets them
            List<String> callNames = cu.findAll(MethodCallExpr.class).stream().map(MethodCallExpr::getNameAsString)
                    .distinct().toList();
            for (int i = 0; i + 2 < callNames.size(); i++) {
                Set<String> three = Set.of(callNames.get(i), callNames.get(i + 1), callNames.get(i + 2));
                same(nodes.calls(three), cu.findAll(MethodCallExpr.class, c -> three.contains(c.getNameAsString())));
            }
            Set<List<String>> passing = new LinkedHashSet<>();
            cu.findAll(MethodCallExpr.class).forEach(c -> c.getArguments().forEach(a -> {
                if (a instanceof NameExpr n) {
                    passing.add(List.of(c.getNameAsString(), n.getNameAsString()));
                }
            }));
            passing.add(List.of("credential", "nothing"));
            for (List<String> p : passing) {
                same(nodes.callsPassing(p.get(0), p.get(1)), cu.findAll(MethodCallExpr.class,
                        c -> c.getNameAsString().equals(p.get(0)) && c.getArguments().stream()
                                .anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(p.get(1)))));
            }
            Set<String> types = new LinkedHashSet<>();
            cu.findAll(Parameter.class).forEach(p -> types.add(UnitNodes.simpleName(p.getType().asString())));
            cu.findAll(VariableDeclarator.class).forEach(v -> types.add(UnitNodes.simpleName(v.getType().asString())));
            for (String type : types) {
                same(nodes.parametersOfType(type), cu.findAll(Parameter.class,
                        p -> type.equals(UnitNodes.simpleName(p.getType().asString()))));
                List<VariableDeclarator> fields = new ArrayList<>();
                cu.findAll(FieldDeclaration.class, f -> !f.isStatic()).forEach(f -> f.getVariables().stream()
                        .filter(v -> type.equals(UnitNodes.simpleName(v.getType().asString()))).forEach(fields::add));
                same(nodes.instanceFieldsOfType(type), fields);
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void aUnitsImportsAreAnsweredAsItsImportListReadsThem() {
        CompilationUnit cu = JavaView.parse("A.java", """
                package p;
                import static com.contoso.Keys.KEY;
                import com.azure.storage.blob.*;
                import com.azure.storage.blob.BlobServiceClientBuilder;
                import org.other.BlobServiceClientBuilder;
                import com.microsoft.aad.msal4j.ClientCredentialFactory;
                class A {}
                """).unit().orElseThrow();
        // the first single-type import of a simple name; static and on-demand imports are not type imports
        assertThat(JavaNames.importOf(cu, "BlobServiceClientBuilder")).contains("com.azure.storage.blob.BlobServiceClientBuilder");
        assertThat(JavaNames.importOf(cu, "KEY")).isEmpty();
        assertThat(JavaNames.importOf(cu, "blob")).isEmpty();
        assertThat(JavaNames.importOf(cu, "ClientCredentialFactory")).contains("com.microsoft.aad.msal4j.ClientCredentialFactory");
        // any import counts for a prefix, asked again and again
        for (int i = 0; i < 2; i++) {
            assertThat(JavaNames.importsFrom(cu, "com.contoso")).isTrue();
            assertThat(JavaNames.importsFrom(cu, "com.microsoft.aad.")).isTrue();
            assertThat(JavaNames.importsFrom(cu, "org.testcontainers")).isFalse();
        }
    }

    /** The same nodes (by identity) in the same order. */
    private static void same(List<? extends Node> actual, List<? extends Node> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).isSameAs(expected.get(i));
        }
    }
}
