package dev.miscan.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.miscan.core.api.Role;
import dev.miscan.core.parse.java.JavaNames;
import dev.miscan.rules.support.AzureRoles;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The least-privilege role of a client, chosen from what the code does with it: the builder chain
 * ({@code .sender()} or {@code .receiver()}, {@code buildProducerClient()} or {@code buildConsumerClient()}) or
 * the calls made on the client in the file ({@code downloadContent} only: a reader role; any {@code upload}: a
 * contributor role). When the client leaves the file's sight (returned, passed on) or nothing tells, there is
 * no choice and the remediation keeps both roles, narrowest first.
 */
final class ClientAccess {
    /** The chosen roles and what in the code chose them. */
    record Access(List<Role> roles, String seen) {
    }

    private static final List<String> WRITES = List.of("upload", "delete", "create", "set", "commit", "stage",
            "copy", "begin", "start", "undelete", "append", "put", "seal", "sync", "abort", "change", "release",
            "renew", "break", "acquire", "add", "merge", "index", "send", "getBlobOutputStream");
    private static final List<String> READS = List.of("download", "read", "list", "exists", "open", "find", "query",
            "get", "search", "autocomplete", "suggest");

    private ClientAccess() {
    }

    static Access of(SinkFamily family, String builder, Node sink, java.util.Map<String, Expression> chain,
            CompilationUnit cu) {
        switch (family) {
            case SERVICE_BUS -> {
                if (!builder.equals("ServiceBusClientBuilder")) {
                    return null;
                }
                if (chain.containsKey("sender")) {
                    return new Access(List.of(AzureRoles.SERVICE_BUS_DATA_SENDER), "sends (.sender())");
                }
                for (String r : List.of("receiver", "processor", "sessionReceiver", "sessionProcessor")) {
                    if (chain.containsKey(r)) {
                        return new Access(List.of(AzureRoles.SERVICE_BUS_DATA_RECEIVER), "receives (." + r + "())");
                    }
                }
                return null;
            }
            case EVENT_HUBS -> {
                if (builder.equals("EventProcessorClientBuilder")) {
                    return new Access(List.of(AzureRoles.EVENT_HUBS_DATA_RECEIVER), "receives (EventProcessorClient)");
                }
                if (builder.equals("EventHubBufferedProducerClientBuilder")) {
                    return new Access(List.of(AzureRoles.EVENT_HUBS_DATA_SENDER), "sends (buffered producer)");
                }
                for (String p : List.of("buildProducerClient", "buildAsyncProducerClient")) {
                    if (chain.containsKey(p)) {
                        return new Access(List.of(AzureRoles.EVENT_HUBS_DATA_SENDER), "sends (." + p + "())");
                    }
                }
                for (String c : List.of("buildConsumerClient", "buildAsyncConsumerClient")) {
                    if (chain.containsKey(c)) {
                        return new Access(List.of(AzureRoles.EVENT_HUBS_DATA_RECEIVER), "receives (." + c + "())");
                    }
                }
                return null;
            }
            case STORAGE -> {
                return builder.startsWith("Blob") || builder.equals("SpecializedBlobClientBuilder")
                        ? byCalls(sink, cu, AzureRoles.STORAGE_BLOB_DATA_READER, AzureRoles.STORAGE_BLOB_DATA_CONTRIBUTOR)
                        : null;
            }
            case APP_CONFIGURATION -> {
                return byCalls(sink, cu, AzureRoles.APP_CONFIGURATION_DATA_READER,
                        AzureRoles.APP_CONFIGURATION_DATA_OWNER);
            }
            case SEARCH -> {
                return builder.equals("SearchClientBuilder") ? byCalls(sink, cu, AzureRoles.SEARCH_INDEX_DATA_READER,
                        AzureRoles.SEARCH_INDEX_DATA_CONTRIBUTOR) : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Reader or writer role from the calls on the client the chain builds; null when they do not tell. */
    private static Access byCalls(Node sink, CompilationUnit cu, Role reader, Role writer) {
        Node top = sink;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == top) {
            top = p;
        }
        Node parent = top.getParentNode().orElse(null);
        String name;
        Node scope;
        if (parent instanceof VariableDeclarator v) {
            name = v.getNameAsString();
            scope = v.getParentNode().orElse(null) instanceof FieldDeclaration ? cu
                    : JavaNames.ancestor(v, CallableDeclaration.class).map(c -> (Node) c).orElse(cu);
        } else if (parent instanceof AssignExpr a && (a.getTarget() instanceof NameExpr
                || a.getTarget() instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) {
            name = a.getTarget() instanceof NameExpr n ? n.getNameAsString()
                    : ((FieldAccessExpr) a.getTarget()).getNameAsString();
            scope = cu;
        } else {
            return null; // returned or passed on: what happens to it is not in sight
        }
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        for (NameExpr use : scope.findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(name)) {
                continue;
            }
            Node p = use.getParentNode().orElse(null);
            if (p instanceof AssignExpr a && a.getTarget() == use) {
                continue;
            }
            if (!(p instanceof MethodCallExpr mc) || mc.getScope().orElse(null) != use) {
                return null; // the client escapes: returned, passed, stored elsewhere
            }
            collect(mc, writes, reads);
        }
        for (FieldAccessExpr use : scope.findAll(FieldAccessExpr.class)) {
            if (use.getScope() instanceof ThisExpr && use.getNameAsString().equals(name)
                    && !(use.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == use)) {
                if (!(use.getParentNode().orElse(null) instanceof MethodCallExpr mc) || mc.getScope().orElse(null) != use) {
                    return null;
                }
                collect(mc, writes, reads);
            }
        }
        if (!writes.isEmpty()) {
            return new Access(List.of(writer), "writes: " + String.join(", ", writes));
        }
        if (!reads.isEmpty()) {
            return new Access(List.of(reader), "only reads: " + String.join(", ", reads));
        }
        return null;
    }

    /** The calls of a chain that starts at the client: {@code client.getBlobClient(n).upload(…)}. */
    private static void collect(MethodCallExpr first, Set<String> writes, Set<String> reads) {
        Node n = first;
        while (n instanceof MethodCallExpr mc) {
            String m = mc.getNameAsString();
            boolean navigation = m.startsWith("get") && m.endsWith("Client");
            if (!navigation) {
                if (WRITES.stream().anyMatch(m::startsWith)) {
                    writes.add(m);
                } else if (READS.stream().anyMatch(m::startsWith)) {
                    reads.add(m);
                }
            }
            Node parent = mc.getParentNode().orElse(null);
            n = parent instanceof MethodCallExpr p && p.getScope().orElse(null) == mc ? p : null;
        }
    }
}
