package com.contoso.inventory.messaging;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusErrorContext;
import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class StockEventsListener {

    private static final Logger log = LoggerFactory.getLogger(StockEventsListener.class);

    private final ServiceBusProcessorClient processor;

    public StockEventsListener(@Value("${inventory.servicebus.connection-string}") String connectionString,
                               @Value("${inventory.servicebus.queue}") String queue) {
        this.processor = new ServiceBusClientBuilder()
                .connectionString(connectionString)
                .processor()
                .queueName(queue)
                .processMessage(this::onMessage)
                .processError(this::onError)
                .buildProcessorClient();
    }

    @PostConstruct
    void start() {
        processor.start();
    }

    @PreDestroy
    void stop() {
        processor.close();
    }

    private void onMessage(ServiceBusReceivedMessageContext ctx) {
        log.info("stock reserved: {}", ctx.getMessage().getMessageId());
    }

    private void onError(ServiceBusErrorContext ctx) {
        log.warn("service bus error on {}", ctx.getEntityPath(), ctx.getException());
    }
}
