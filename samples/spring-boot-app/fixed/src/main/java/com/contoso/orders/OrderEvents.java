package com.contoso.orders;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusSenderClient;

/** Publishes order events to Service Bus (fulfilment) and Event Hubs (analytics) with the app's managed identity. */
public class OrderEvents {
    private static final TokenCredential IDENTITY = new DefaultAzureCredentialBuilder().build();

    private final ServiceBusSenderClient fulfilment = new ServiceBusClientBuilder()
            .credential("orders-bus.servicebus.windows.net", IDENTITY)
            .sender()
            .queueName("fulfilment")
            .buildClient();

    private final ServiceBusSenderClient returns = new ServiceBusClientBuilder()
            .credential("orders-returns.servicebus.windows.net", IDENTITY)
            .sender()
            .queueName("returns")
            .buildClient();

    private final EventHubProducerClient analytics = new EventHubClientBuilder()
            .credential("orders-analytics.servicebus.windows.net", "order-events", IDENTITY)
            .buildProducerClient();

    private final EventHubProducerClient audit = new EventHubClientBuilder()
            .credential("orders-audit.servicebus.windows.net", "audit", IDENTITY)
            .buildProducerClient();
}
