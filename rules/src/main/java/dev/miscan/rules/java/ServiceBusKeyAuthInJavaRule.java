package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-SERVICEBUS-KEY-AUTH",
        name = "java-service-bus-key-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "Azure Service Bus client in Java authenticates with a SAS key",
        description = "A Service Bus shared access policy key never expires; with `RootManageSharedAccessKey` it can send, receive and manage every entity of the namespace. Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Use `new ServiceBusClientBuilder().credential(\"<namespace>.servicebus.windows.net\", new DefaultAzureCredentialBuilder().build())`, grant **Azure Service Bus Data Sender** and/or **Data Receiver**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new ServiceBusClientBuilder().connectionString(\"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>\")",
        good = "new ServiceBusClientBuilder().credential(\"contoso.servicebus.windows.net\", new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "5.0",
        tags = {"java", "service-bus", "sink", "key-based-auth"},
        keywords = {"connectionstring", "azurenamedkeycredential", "azuresascredential", "connectionstringbuilder", "clientfactory"},
        precedence = 50)
public final class ServiceBusKeyAuthInJavaRule extends JavaSinkRule {
    public ServiceBusKeyAuthInJavaRule() {
        super(SinkFamily.SERVICE_BUS);
    }
}
