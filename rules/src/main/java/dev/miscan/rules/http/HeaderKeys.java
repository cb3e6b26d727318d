package dev.miscan.rules.http;

import java.util.Locale;

/**
 * The HTTP headers that carry an Azure key, and whose key: {@code x-functions-key} (Azure Functions),
 * {@code Ocp-Apim-Subscription-Key} (API Management), {@code aeg-sas-key} (Event Grid), {@code api-key}
 * (Azure OpenAI or AI Search, told apart by the endpoint the text names).
 */
public final class HeaderKeys {
    private HeaderKeys() {
    }

    /**
     * The key-based-auth rule of a header that sends a key read from elsewhere, or null when the header is not
     * an Azure key header or its service cannot be told. {@code context}: the text around the call, lower case.
     */
    public static String keyAuthRule(String header, String context) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "x-functions-key" -> "MI-FUNCTIONS-KEY-AUTH";
            // the header of API Management, also taken by Azure AI services (Translator, Vision): not API Management's then
            case "ocp-apim-subscription-key" -> context.contains("cognitive") ? null : "MI-APIM-KEY-AUTH";
            case "aeg-sas-key" -> "MI-EVENTGRID-KEY-AUTH";
            case "api-key" -> context.contains(".search.windows.net") ? "MI-SEARCH-KEY-AUTH"
                    : context.contains(".openai.azure.com") || context.contains(".cognitiveservices.azure.com")
                    ? "MI-OPENAI-KEY-AUTH" : null;
            default -> null;
        };
    }

    /** Whether {@code header} carries an Azure key. */
    public static boolean isKeyHeader(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "x-functions-key", "ocp-apim-subscription-key", "aeg-sas-key", "api-key" -> true;
            default -> false;
        };
    }
}
