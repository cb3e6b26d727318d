package com.contoso.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The reporting database: the URL from the environment names the server and signs in with the app's managed
 * identity ({@code ...;authentication=ActiveDirectoryManagedIdentity} for Azure SQL), so there is no password.
 */
public class ReportingDatabase {
    Connection open() throws SQLException {
        return DriverManager.getConnection(System.getenv("REPORTING_DB_URL"));
    }
}
