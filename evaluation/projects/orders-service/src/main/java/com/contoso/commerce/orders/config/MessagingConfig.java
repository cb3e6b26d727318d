package com.contoso.commerce.orders.config;

import com.azure.core.credential.AzureNamedKeyCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MessagingConfig {

    @Bean
    public ServiceBusSenderClient orderCreatedSender(
            @Value("${orders.servicebus.connection-string}") String connectionString,
            @Value("${orders.servicebus.queue}") String queue) {
        return new ServiceBusClientBuilder()
                .connectionString(connectionString)
                .sender()
                .queueName(queue)
                .buildClient();
    }

    @Bean
    public EventHubProducerClient telemetryProducer(
            @Value("${orders.eventhubs.namespace}") String namespace,
            @Value("${orders.eventhubs.hub}") String hub) {
        return new EventHubClientBuilder()
                .credential(namespace, hub, new DefaultAzureCredentialBuilder().build())
                .buildProducerClient();
    }

    @Bean
    public EventHubProducerClient auditProducer() {
        // TODO move to managed identity once the audit namespace is migrated (OPS-2291)
        return new EventHubClientBuilder()
                .credential("evh-contoso-audit.servicebus.windows.net", "audit-events",
                        new AzureNamedKeyCredential("audit-writer", System.getenv("AUDIT_EH_KEY")))
                .buildProducerClient();
    }
}
