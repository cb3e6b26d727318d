package com.contoso.orders;

import com.azure.core.credential.TokenCredential;
import com.azure.core.models.CloudEvent;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;

/** Order status notifications with the app's managed identity: Event Grid, Web PubSub and Maps. */
public class Notifications {
    private static final TokenCredential IDENTITY = new DefaultAzureCredentialBuilder().build();

    private final EventGridPublisherClient<CloudEvent> partners = new EventGridPublisherClientBuilder()
            .endpoint("https://order-status.westeurope-1.eventgrid.azure.net/api/events")
            .credential(IDENTITY)
            .buildCloudEventPublisherClient();

    private final EventGridPublisherClient<CloudEvent> internal = new EventGridPublisherClientBuilder()
            .endpoint(System.getenv("INTERNAL_TOPIC_ENDPOINT"))
            .credential(IDENTITY)
            .buildCloudEventPublisherClient();

    private final WebPubSubServiceClient storefront = new WebPubSubServiceClientBuilder()
            .endpoint("https://orders-live.webpubsub.azure.com")
            .credential(IDENTITY)
            .hub("orders")
            .buildClient();

    /** Azure Maps clients take the same TokenCredential (with the Maps account's client id header). */
    private final TokenCredential maps = IDENTITY;

    public WebPubSubServiceClient backOffice() {
        return new WebPubSubServiceClientBuilder().endpoint("https://orders-live.webpubsub.azure.com").credential(IDENTITY)
                .hub("back-office").buildClient();
    }
}
