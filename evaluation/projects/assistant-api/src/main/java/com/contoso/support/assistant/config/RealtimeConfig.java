package com.contoso.support.assistant.config;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class RealtimeConfig {

    @Bean
    WebPubSubServiceClient webPubSub(@Value("${assistant.webpubsub.connection-string}") String connectionString,
                                     @Value("${assistant.webpubsub.hub}") String hub) {
        return new WebPubSubServiceClientBuilder()
                .connectionString(connectionString)
                .hub(hub)
                .buildClient();
    }
}
