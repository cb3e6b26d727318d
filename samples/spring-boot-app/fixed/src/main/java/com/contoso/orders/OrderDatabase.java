package com.contoso.orders;

import com.contoso.orders.config.AzureKeys;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The orders database (Azure SQL), signed in with the app's managed identity. */
public class OrderDatabase {
    Connection open() throws SQLException {
        return DriverManager.getConnection(AzureKeys.DB_URL);
    }
}
