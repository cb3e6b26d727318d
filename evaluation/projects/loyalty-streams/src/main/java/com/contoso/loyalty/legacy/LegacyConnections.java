package com.contoso.loyalty.legacy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * Connections used by the one-off migration from the 2019 loyalty system.
 * Delete after LOY-77 is closed.
 */
public final class LegacyConnections {

    private static final String LEGACY_STORAGE =
            "DefaultEndpointsProtocol=https;AccountName=stcontosoloyaltyold;"
            + "AccountKey=yrjWEkARC06ArBk/IR1WU9WvgUjekmeHAEX5fy9sV3ktcEqZXqU5lbmMpBxZoPEn8d8ZV7cn3iAGq/4hTVEp+A==;"
            + "EndpointSuffix=core.windows.net";

    private static final String LEGACY_SQL_URL =
            "jdbc:sqlserver://sql-contoso-loyalty-old.database.windows.net:1433;database=loyalty;encrypt=true";

    private LegacyConnections() {
    }

    public static BlobContainerClient statementsArchive() {
        return new BlobContainerClientBuilder()
                .connectionString(LEGACY_STORAGE)
                .containerName("statements-2019")
                .buildClient();
    }

    public static Connection legacySql() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "loyalty_migrator");
        props.setProperty("password", "U3r=55Vg5f2BWH66843+");
        props.setProperty("loginTimeout", "30");
        return DriverManager.getConnection(LEGACY_SQL_URL, props);
    }

    public static Connection localSql() throws Exception {
        return DriverManager.getConnection("jdbc:sqlserver://localhost:1433;database=loyalty;encrypt=false", "sa", "Your_password123");
    }
}
