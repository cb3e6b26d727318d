package dev.miscan.rules.java;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.java.ConstantIndex;
import dev.miscan.core.parse.Document;
import java.util.Arrays;
import java.util.List;

/**
 * The Java sink analysis ({@link JavaSinks}) as a detector: a literal that reaches an Azure SDK builder, a
 * credential constructor, {@code DriverManager}, a Redis client, an API-key header or a {@code @Value} default
 * is reported under the service's secret rule; a sink fed from elsewhere under its key-based-auth rule. A secret
 * defined in another file of the scan (a constant that reaches a sink here) is reported at its definition,
 * through the scan's {@link ConstantIndex}. The rule list below is checked against {@link SinkFamily#rules()}.
 */
@DetectorInfo(
        rules = {"MI-STORAGE-SHAREDKEY", "MI-STORAGE-CONNSTR", "MI-STORAGE-SAS", "MI-STORAGE-KEY-AUTH",
                "MI-SERVICEBUS-CONNSTR", "MI-SERVICEBUS-KEY-AUTH", "MI-EVENTHUBS-CONNSTR", "MI-EVENTHUBS-KEY-AUTH",
                "MI-MESSAGING-SAS-TOKEN", "MI-COSMOS-KEY", "MI-COSMOS-KEY-AUTH", "MI-APPCONFIG-CONNSTR",
                "MI-APPCONFIG-KEY-AUTH", "MI-EVENTGRID-KEY", "MI-EVENTGRID-KEY-AUTH", "MI-SIGNALR-WEBPUBSUB-ACCESSKEY",
                "MI-SIGNALR-WEBPUBSUB-KEY-AUTH", "MI-SEARCH-APIKEY", "MI-SEARCH-KEY-AUTH", "MI-OPENAI-APIKEY",
                "MI-OPENAI-KEY-AUTH", "MI-CORE-KEYCREDENTIAL-LITERAL", "MI-KEYCREDENTIAL-KEY-AUTH",
                "MI-ID-CLIENT-SECRET", "MI-ID-CLIENT-SECRET-AUTH", "MI-KEYVAULT-SP-SECRET", "MI-ID-USERNAME-PASSWORD",
                "MI-ID-USERNAME-PASSWORD-AUTH", "MI-ID-CERT-PASSWORD", "MI-ID-CERT-PASSWORD-AUTH", "MI-REDIS-ACCESSKEY",
                "MI-REDIS-KEY-AUTH", "MI-DATABASE-PASSWORD", "MI-DATABASE-PASSWORD-AUTH", "MI-SQL-JDBC-PASSWORD",
                "MI-POSTGRES-JDBC-PASSWORD", "MI-MYSQL-JDBC-PASSWORD", "MI-API-KEY-HEADER", "MI-CREDENTIAL-PLACEHOLDER-DEFAULT",
                "MI-FUNCTIONS-KEY-AUTH", "MI-APIM-KEY-AUTH", "MI-EVENTGRID-KEY-AUTH", "MI-SEARCH-KEY-AUTH"},
        keywords = {"azurekeycredential", "azurenamedkeycredential", "azuresascredential", "keycredential", "connectionstring", "api-key", "ocp-apim-subscription-key", "x-functions-key", "aeg-sas-key", "aeg-sas-token", "configurationclientbuilder", "clientcertificatepassword", "pfxcertificate", "clientsecret", "createfromsecret", "clientcredential", "applicationtokencredentials", "cosmosclientbuilder", "cosmosclient", "documentclient", "masterkeyorresourcetoken", "eventgrid", "connectionstringbuilder", "setsaskey", "eventhubclient", "drivermanager", "setpassword", "datasourcebuilder", "database.windows.net", "database.azure.com", "apikey", "azureapikeycredential", ".redis.cache.windows.net", ".redis.azure.net", ".redis.cache.chinacloudapi.cn", ".redis.cache.usgovcloudapi.net", "searchclientbuilder", "searchindexclientbuilder", "searchindexerclientbuilder", "clientfactory", "sastoken", "storagesharedkeycredential", "cloudstorageaccount", "storagecredentials", "sharedkeycredentials", "usernamepasswordcredential", "@value", "webpubsub"},
        precedence = 5,
        kind = "java")
public final class JavaSinkDetector extends Detector {
    /** The rules above, and those of the services the Azure catalogue alone describes (their SDK builders). */
    private static final List<String> RULES = rules();

    private static List<String> rules() {
        List<String> ids = new java.util.ArrayList<>(List.of(JavaSinkDetector.class.getAnnotation(DetectorInfo.class).rules()));
        ids.addAll(dev.miscan.rules.config.CatalogueRules.ruleIds(s -> !s.javaBuilders().isEmpty()));
        return List.copyOf(ids);
    }

    @Override
    public List<String> ruleIds() {
        return RULES;
    }

    /** The client builders and constructors of Azure Storage the sink analysis knows, whose remediations name them. */
    public static List<String> storageClients() {
        return JavaSinks.clientsOf(SinkFamily.STORAGE);
    }

    @Override
    public Remediation exampleRemediation() {
        return JavaRemedies.of(SinkFamily.STORAGE, new JavaSinks.Target());
    }

    @Override
    public Remediation exampleRemediation(String ruleId) {
        JavaSinks.Target t = new JavaSinks.Target();
        if (ruleId.equals(SinkFamily.KEY_VAULT_SECRET_RULE)) {
            return JavaRemedies.keyVault(t);
        }
        SinkFamily family = Arrays.stream(SinkFamily.values())
                .filter(f -> ruleId.equals(f.secretRule) || ruleId.equals(f.keyAuthRule))
                .findFirst().orElse(SinkFamily.STORAGE);
        return JavaRemedies.of(family, t);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        if (doc.derived() || !doc.extension().equals("java")) {
            return;
        }
        List<JavaSinks.Found> found = doc.view(JavaSinks.VIEW);
        for (JavaSinks.Found f : found) {
            if (f.ruleId().equals(SinkFamily.VALUE_DEFAULT.secretRule) && found.stream().anyMatch(o -> o != f
                    && o.offset() == f.offset() && o.path().equals(f.path()) && o.secret().equals(f.secret()))) {
                continue; // a default that reaches a sink is that sink's credential
            }
            if (f.path().equals(doc.path())) {
                report(doc, sink, f.ruleId(), f.offset(), f.secret(), f.message(), f.remediation());
            } else {
                ConstantIndex index = doc.view(ConstantIndex.VIEW);
                index.document(f.path()).ifPresent(definition -> report(definition,
                        index.definitionSink(f.path()), f.ruleId(), f.offset(), f.secret(), f.message(),
                        f.remediation()));
            }
        }
    }
}
