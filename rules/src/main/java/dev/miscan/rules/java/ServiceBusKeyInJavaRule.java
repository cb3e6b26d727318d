package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-SERVICEBUS-KEY",
        name = "java-service-bus-key",
        tier = Tier.SECRET,
        summary = "Azure Service Bus SAS key written in Java code and passed to a Service Bus client",
        description = "A Service Bus shared access policy key never expires; with `RootManageSharedAccessKey` it can send, receive and manage every entity of the namespace. The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Use `new ServiceBusClientBuilder().credential(\"<namespace>.servicebus.windows.net\", new DefaultAzureCredentialBuilder().build())`, grant **Azure Service Bus Data Sender** and/or **Data Receiver**, rotate the key and set `disableLocalAuth: true`.",
        bad = "new ServiceBusClientBuilder().connectionString(\"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>\")",
        good = "new ServiceBusClientBuilder().credential(\"contoso.servicebus.windows.net\", new DefaultAzureCredentialBuilder().build())",
        securitySeverity = "9.1",
        tags = {"java", "service-bus", "sink"},
        keywords = {"connectionstring", "azurenamedkeycredential", "azuresascredential", "connectionstringbuilder", "clientfactory"},
        precedence = 5)
public final class ServiceBusKeyInJavaRule extends JavaSinkRule {
    public ServiceBusKeyInJavaRule() {
        super(SinkFamily.SERVICE_BUS);
    }
}
