package com.contoso.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The reporting database: its URL comes from the environment, its password is in the code. */
public class ReportingDatabase {
    Connection open() throws SQLException {
        return DriverManager.getConnection(System.getenv("REPORTING_DB_URL"), "reporting", "Rk4vW9qTz2Lm8xPn");
    }
}
