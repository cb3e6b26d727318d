package dev.miscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.engine.RuleRegistry;
import dev.miscan.rules.java.JavaSinkDetector;
import dev.miscan.rules.support.Remedies;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java replacement we suggest compiles against the real Azure SDK (azure-sdk-bom, test scope):
 * the placeholder form of each rule and a form with values filled in, as findings produce them.
 */
class RemediationSnippetsCompileTest {

    @Test
    void everyJavaReplacementCompilesAgainstTheAzureSdk(@TempDir Path out) throws IOException {
        Map<String, Remediation> snippets = new LinkedHashMap<>();
        RuleRegistry registry = RuleRegistry.load();
        for (RuleDescriptor r : registry.rules()) {
            snippets.put(r.id(), registry.exampleRemediation(r));
        }
        snippets.put("storage-filled", Remedies.storageBlob("contosodata", "core.chinacloudapi.cn"));
        snippets.put("servicebus-filled", Remedies.serviceBus("contoso-bus"));
        snippets.put("eventhubs-filled", Remedies.eventHubs("contoso-events", "telemetry"));
        snippets.put("cosmos-filled", Remedies.cosmos("contoso-db"));
        snippets.put("appconfig-filled", Remedies.appConfiguration("settings"));
        snippets.put("eventgrid-filled", Remedies.eventGrid("https://orders.westeurope-1.eventgrid.azure.net/api/events"));
        // Java sinks: the replacement of every storage client the sink analysis knows, filled as findings fill it
        for (String builder : JavaSinkDetector.storageClients()) {
            snippets.put("storage-" + builder, Remedies.storageClient(builder, "contosodata", "core.windows.net", "invoices"));
        }
        snippets.put("storage-StorageSharedKeyCredential",
                Remedies.storageClient("StorageSharedKeyCredential", "contosodata", "core.windows.net", "invoices"));
        // every storage service of the Azure catalogue, as a key or connection string for it is remediated
        for (AzureCatalogue.Service service : AzureCatalogue.get().services()) {
            if (service.key().startsWith("storage-")) {
                snippets.put("catalogue-" + service.key(), Remedies.storage(service.key(), "contosodata", "core.windows.net"));
            }
        }
        snippets.put("servicebus-administration", Remedies.serviceBusAdministration("contoso-bus"));
        snippets.put("webpubsub-filled", Remedies.webPubSub("https://notify.webpubsub.azure.com", "chat"));
        snippets.put("search-filled", Remedies.search("https://hotels.search.windows.net", "hotels"));
        snippets.put("openai-filled", Remedies.azureAi("OpenAIClientBuilder", "https://contoso.openai.azure.com/"));
        snippets.put("ai-service-filled", Remedies.azureAi("TextAnalyticsClientBuilder",
                "https://contoso.cognitiveservices.azure.com/"));
        snippets.put("keyvault-filled", Remedies.keyVault("https://contoso-kv.vault.azure.net/"));
        snippets.put("redis-jedis-filled", Remedies.redisJedis("contoso-cache.redis.cache.windows.net"));
        snippets.put("token-credential", Remedies.tokenCredential("MapsSearchClientBuilder", "key"));
        for (String header : List.of("api-key", "Ocp-Apim-Subscription-Key", "x-functions-key", "aeg-sas-key")) {
            snippets.put("header-" + header, Remedies.apiKeyHeader(header, "search"));
        }

        List<JavaFileObject> sources = new ArrayList<>();
        int n = 0;
        for (var e : snippets.entrySet()) {
            if (e.getValue().language().equals("java")) {
                sources.add(source("Snippet" + n++, e.getValue().replacement()));
            }
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(8);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                "-Xlint:none", "-proc:none");
        boolean ok = compiler.getTask(null, null, diagnostics, options, null, sources).call();
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
                .toList();
        assertThat(errors).isEmpty();
        assertThat(ok).isTrue();
    }

    /** Wraps a snippet (imports, blank line, statements) in a compilable class. */
    private static JavaFileObject source(String className, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String code = imports + "\npublic class " + className + " {\n    void run() {\n" + body + "    }\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
