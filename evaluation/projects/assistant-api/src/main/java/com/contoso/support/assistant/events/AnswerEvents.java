package com.contoso.support.assistant.events;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

@Component
public class AnswerEvents {

    private final EventGridPublisherClient<CloudEvent> client;

    public AnswerEvents(@Value("${assistant.eventgrid.topic-endpoint}") String endpoint,
                        @Value("${assistant.eventgrid.topic-key}") String topicKey) {
        this.client = new EventGridPublisherClientBuilder()
                .endpoint(endpoint)
                .credential(new AzureKeyCredential(topicKey))
                .buildCloudEventPublisherClient();
    }

    public void answered(String conversationId, int tokens) {
        client.sendEvent(new CloudEvent("/assistant", "Contoso.Assistant.Answered",
                BinaryData.fromObject(Map.of("conversationId", conversationId, "tokens", tokens)),
                CloudEventDataFormat.JSON, "application/json"));
    }
}
