package com.contoso.notify;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

public class OrderWebhookFunction {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    // order status lookup lives in the orders function app
    private static final String ORDER_STATUS_URL =
            "https://func-contoso-orders-prod.azurewebsites.net/api/orders/status?code=GMeHy8VWgrIYID89q9qRQo9vruN-J8qnY4g1l0WV4cV69q4auldvEg==";

    @FunctionName("OrderWebhook")
    public HttpResponseMessage run(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<String>> request,
            final ExecutionContext context) throws Exception {
        String orderId = request.getQueryParameters().get("orderId");
        HttpRequest lookup = HttpRequest.newBuilder(URI.create(ORDER_STATUS_URL + "&orderId=" + orderId)).GET().build();
        HttpResponse<String> status = HTTP.send(lookup, HttpResponse.BodyHandlers.ofString());

        HttpRequest forward = HttpRequest.newBuilder(URI.create("https://func-contoso-crm-prod.azurewebsites.net/api/order-events"))
                .header("x-functions-key", System.getenv("ORDERS_FUNC_KEY"))
                .POST(HttpRequest.BodyPublishers.ofString(status.body()))
                .build();
        HTTP.send(forward, HttpResponse.BodyHandlers.discarding());
        return request.createResponseBuilder(HttpStatus.ACCEPTED).build();
    }
}
