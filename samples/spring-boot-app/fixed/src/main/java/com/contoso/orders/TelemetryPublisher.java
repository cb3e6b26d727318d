package com.contoso.orders;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import java.util.List;

/** Sends order telemetry to the analytics event hub with the app's managed identity. */
public class TelemetryPublisher {
    private final EventHubProducerClient producer = new EventHubClientBuilder()
            .credential("orders-telemetry.servicebus.windows.net", "order-events",
                    new DefaultAzureCredentialBuilder().build())
            .buildProducerClient();

    public void publish(String json) {
        producer.send(List.of(new EventData(json)));
    }
}
