package com.contoso.orders;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import java.util.List;

/** Sends order telemetry to the analytics event hub. */
public class TelemetryPublisher {
    private static final String EVENT_HUB_CONNECTION =
            "Endpoint=sb://orders-telemetry.servicebus.windows.net/;SharedAccessKeyName=send;"
            + "SharedAccessKey=bjNL1EQCCCan4Zj1dc2F7X1c6zNCsXx3g+AEh7OXcQw=;EntityPath=order-events";

    private final EventHubProducerClient producer = new EventHubClientBuilder()
            .connectionString(EVENT_HUB_CONNECTION)
            .buildProducerClient();

    public void publish(String json) {
        producer.send(List.of(new EventData(json)));
    }
}
