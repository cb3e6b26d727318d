package com.contoso.notify.clients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the loyalty points functions and the partner gateway in APIM. */
public class LoyaltyClient {

    private static final String LOYALTY_FN = "https://func-contoso-loyalty-prod.azurewebsites.net/api/points";
    private static final String LOCAL_FN = "http://localhost:7071/api/points";

    // APIM docs example header: "Ocp-Apim-Subscription-Key: {subscription key}"

    private final HttpClient http = HttpClient.newHttpClient();
    private final boolean local = "true".equals(System.getenv("LOCAL_FUNCTIONS"));

    public String points(String customerId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((local ? LOCAL_FN : LOYALTY_FN) + "?customer=" + customerId));
        if (!local) {
            b.header("x-functions-key", "ZLL3qKjuVflnFqv6bKnswfe-4xFmikoSI9BetvrynlHdzwunmjE12g==");
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public int partnerTier(String customerId) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://apim-contoso-shared.azure-api.net/partners/v2/tier/" + customerId))
                .header("Ocp-Apim-Subscription-Key", "4c9639ab5582b121c50fa4336db6a1cc")
                .GET().build();
        return Integer.parseInt(http.send(req, HttpResponse.BodyHandlers.ofString()).body().trim());
    }
}
