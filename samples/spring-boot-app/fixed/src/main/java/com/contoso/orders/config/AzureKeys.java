package com.contoso.orders.config;

/** Where the services of the order system are: endpoints only, no keys or passwords. */
public final class AzureKeys {
    public static final String REPORTS_ENDPOINT = "https://ordersreports.blob.core.windows.net";
    public static final String DB_URL = "jdbc:sqlserver://orders-sql.database.windows.net:1433;database=orders;encrypt=true;"
            + "authentication=ActiveDirectoryManagedIdentity";
    public static final String SEARCH_ENDPOINT = "https://orders-search.search.windows.net";

    private AzureKeys() {
    }
}
