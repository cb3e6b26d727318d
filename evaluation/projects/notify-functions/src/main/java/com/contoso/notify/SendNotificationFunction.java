package com.contoso.notify;

import com.azure.communication.sms.SmsClient;
import com.azure.communication.sms.SmsClientBuilder;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class SendNotificationFunction {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String APIM_BASE = "https://apim-contoso-shared.azure-api.net/notifications/v1";

    private final SmsClient sms = new SmsClientBuilder()
            .connectionString(System.getenv("ACS_CONNECTION_STRING"))
            .buildClient();

    @FunctionName("SendNotification")
    public void run(
            @ServiceBusQueueTrigger(name = "msg", queueName = "notifications", connection = "ServiceBusConnection") String message,
            final ExecutionContext context) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(APIM_BASE + "/email"))
                .header("Ocp-Apim-Subscription-Key", System.getenv("NOTIFY_APIM_KEY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        context.getLogger().info("email gateway answered " + response.statusCode());
    }

    public void sendSms(String to, String text) {
        sms.send("+4930123456789", to, text);
    }
}
