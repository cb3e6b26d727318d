package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-JDBC-PASSWORD-AUTH",
        name = "java-jdbc-password-auth",
        tier = Tier.KEY_BASED_AUTH,
        summary = "JDBC connection to an Azure database authenticates with a password",
        description = "A SQL authentication password for Azure SQL Database, Azure Database for PostgreSQL or MySQL grants the database user's access from anywhere the server is reachable. A password for a database whose host the scan cannot see is reported too (Testcontainers, in-memory and local databases are not). Here the value comes from elsewhere (configuration, an environment variable, a parameter, a constant of another file): not a leak in this file, but key-based authentication that Managed Identity removes.",
        help = "Connect without a password: Azure SQL `authentication=ActiveDirectoryManagedIdentity` in the JDBC URL; PostgreSQL/MySQL the azure-identity-extensions authentication plugin (`spring.datasource.azure.passwordless-enabled=true` with Spring); create a database user for the identity and remove the password.",
        bad = "DriverManager.getConnection(\"jdbc:sqlserver://contoso.database.windows.net:1433;database=orders\", \"app\", password)",
        good = "DriverManager.getConnection(\"jdbc:sqlserver://contoso.database.windows.net:1433;database=orders;authentication=ActiveDirectoryManagedIdentity\")",
        securitySeverity = "5.0",
        tags = {"java", "database", "sink", "key-based-auth"},
        keywords = {"drivermanager", "setpassword", "datasourcebuilder", "database.windows.net", "database.azure.com"},
        precedence = 50)
public final class JdbcPasswordAuthInJavaRule extends JavaSinkRule {
    public JdbcPasswordAuthInJavaRule() {
        super(SinkFamily.JDBC);
    }
}
