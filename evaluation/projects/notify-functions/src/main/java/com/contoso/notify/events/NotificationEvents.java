package com.contoso.notify.events;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;

public final class NotificationEvents {

    private final EventGridPublisherClient<CloudEvent> publisher;
    private final EventGridPublisherClient<CloudEvent> auditPublisher;

    public NotificationEvents() {
        this.publisher = new EventGridPublisherClientBuilder()
                .endpoint(System.getenv("EVENTGRID_TOPIC_ENDPOINT"))
                .credential(new AzureKeyCredential(System.getenv("EVENTGRID_TOPIC_KEY")))
                .buildCloudEventPublisherClient();
        this.auditPublisher = new EventGridPublisherClientBuilder()
                .endpoint("https://egt-contoso-audit.westeurope-1.eventgrid.azure.net/api/events")
                .credential(new DefaultAzureCredentialBuilder().build())
                .buildCloudEventPublisherClient();
    }

    public void sent(String notificationId) {
        CloudEvent e = new CloudEvent("/notify", "Contoso.Notification.Sent",
                BinaryData.fromObject(java.util.Map.of("id", notificationId)), CloudEventDataFormat.JSON, "application/json");
        publisher.sendEvent(e);
        auditPublisher.sendEvent(e);
    }
}
