package com.contoso.orders;

import com.contoso.orders.config.AzureKeys;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The orders database (Azure SQL). */
public class OrderDatabase {
    private static final String URL = "jdbc:sqlserver://orders-sql.database.windows.net:1433;database=orders;encrypt=true";

    Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "orders_app", AzureKeys.DB_PASSWORD);
    }
}
