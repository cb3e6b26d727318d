package com.contoso.orders.config;

/** Connection settings shared by the services of the order system. */
public final class AzureKeys {
    public static final String STORAGE_CONNECTION = "DefaultEndpointsProtocol=https;AccountName=ordersreports;"
            + "AccountKey=faZ8xjbHyw3tO+fFTupF7H4pKd0W9o3CAULw3QXWjXI6bPCzJCMp28jV43wTrlElGwIzEvqAmUVOTgdW41kbpg==;EndpointSuffix=core.windows.net";
    public static final String DB_PASSWORD = "z7gyMS1G7eeWZK";
    public static final String SEARCH_KEY = "69b9adca9576a983b36bfdfcd9e68590";

    private AzureKeys() {
    }
}
