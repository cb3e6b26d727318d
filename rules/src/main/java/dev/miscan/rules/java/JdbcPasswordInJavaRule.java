package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-JDBC-PASSWORD",
        name = "java-jdbc-password",
        tier = Tier.SECRET,
        summary = "Database password written in Java code and passed to a JDBC connection or data source",
        description = "A SQL authentication password for Azure SQL Database, Azure Database for PostgreSQL or MySQL grants the database user's access from anywhere the server is reachable. A password for a database whose host the scan cannot see is reported too (Testcontainers, in-memory and local databases are not). The credential is written in the code (directly, in a constant of any class, or assembled from literals), so everyone with the source or the binary has it.",
        help = "Connect without a password: Azure SQL `authentication=ActiveDirectoryManagedIdentity` in the JDBC URL; PostgreSQL/MySQL the azure-identity-extensions authentication plugin (`spring.datasource.azure.passwordless-enabled=true` with Spring); create a database user for the identity and remove the password.",
        bad = "DriverManager.getConnection(\"jdbc:sqlserver://contoso.database.windows.net:1433;database=orders\", \"app\", \"<password>\")",
        good = "DriverManager.getConnection(\"jdbc:sqlserver://contoso.database.windows.net:1433;database=orders;authentication=ActiveDirectoryManagedIdentity\")",
        securitySeverity = "9.1",
        tags = {"java", "database", "sink"},
        keywords = {"drivermanager", "setpassword", "datasourcebuilder", "database.windows.net", "database.azure.com"},
        precedence = 5)
public final class JdbcPasswordInJavaRule extends JavaSinkRule {
    public JdbcPasswordInJavaRule() {
        super(SinkFamily.JDBC);
    }
}
