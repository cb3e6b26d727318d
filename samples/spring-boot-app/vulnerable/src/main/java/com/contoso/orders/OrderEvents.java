package com.contoso.orders;

import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import org.springframework.beans.factory.annotation.Value;

/** Publishes order events to Service Bus (fulfilment) and Event Hubs (analytics). */
public class OrderEvents {
    private final ServiceBusSenderClient fulfilment = new ServiceBusClientBuilder()
            .connectionString("Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=tddcUkrSH1qShBhbbJZchrd7tB3GmqO2tUHAV+BnJ88=")
            .sender()
            .queueName("fulfilment")
            .buildClient();

    private final ServiceBusSenderClient returns = new ServiceBusClientBuilder()
            .connectionString(System.getenv("RETURNS_SERVICEBUS_CONNECTION"))
            .sender()
            .queueName("returns")
            .buildClient();

    private final EventHubProducerClient analytics = new EventHubClientBuilder()
            .connectionString("Endpoint=sb://orders-analytics.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=0MyAOLybc/wyjn6BA6Jphf8A9nOijwvLuIuAgurY74k=",
                    "order-events")
            .buildProducerClient();

    private final EventHubProducerClient audit;

    public OrderEvents(@Value("${orders.audit.eventhub-connection}") String auditConnection) {
        this.audit = new EventHubClientBuilder().connectionString(auditConnection, "audit").buildProducerClient();
    }
}
