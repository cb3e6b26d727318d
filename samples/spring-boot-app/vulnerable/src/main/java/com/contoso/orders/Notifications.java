package com.contoso.orders;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;

/** Order status notifications: Event Grid for partners, Web PubSub for the storefront, Maps for tracking. */
public class Notifications {
    private final EventGridPublisherClient<com.azure.core.models.CloudEvent> partners = new EventGridPublisherClientBuilder()
            .endpoint("https://order-status.westeurope-1.eventgrid.azure.net/api/events")
            .credential(new AzureKeyCredential("QOmnLuCMG+gwnrC8WCiY3uKFKqpiucBUKNjK8lCi+8U="))
            .buildCloudEventPublisherClient();

    private final EventGridPublisherClient<com.azure.core.models.CloudEvent> internal = new EventGridPublisherClientBuilder()
            .endpoint(System.getenv("INTERNAL_TOPIC_ENDPOINT"))
            .credential(new AzureKeyCredential(System.getenv("INTERNAL_TOPIC_KEY")))
            .buildCloudEventPublisherClient();

    private final WebPubSubServiceClient storefront = new WebPubSubServiceClientBuilder()
            .connectionString("Endpoint=https://orders-live.webpubsub.azure.com;AccessKey=rtiVqxBoWXeeDjQTvg3S1A0iNNZetbYHjUR8no6VYMI=;Version=1.0;")
            .hub("orders")
            .buildClient();

    private final AzureKeyCredential mapsKey = new AzureKeyCredential("e291df1671efc5a4cc2076b686efd1c1");
    private final AzureKeyCredential routingKey = new AzureKeyCredential(System.getenv("ROUTING_MAPS_KEY"));

    public WebPubSubServiceClient backOffice(String connectionString) {
        return new WebPubSubServiceClientBuilder().connectionString(connectionString).hub("back-office").buildClient();
    }
}
