package dev.miscan.rules.database;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-SQL-JDBC-PASSWORD",
        name = "azure-sql-jdbc-password",
        tier = Tier.SECRET,
        summary = "Azure SQL password in a JDBC URL",
        description = "A `password=` in a `jdbc:sqlserver://<server>.database.windows.net` URL is a SQL authentication password: it never expires, is shared by every instance of the app and cannot be scoped to one identity.",
        help = "Use `authentication=ActiveDirectoryManagedIdentity` (mssql-jdbc 12.2+) or `ActiveDirectoryDefault` in the URL and drop user and password; create a contained user for the identity (`CREATE USER [<identity>] FROM EXTERNAL PROVIDER`) with only the database roles it needs, then enable Microsoft Entra-only authentication on the server.",
        bad = "jdbc:sqlserver://contoso.database.windows.net:1433;database=orders;user=app@contoso;password=<password>;encrypt=true",
        good = "jdbc:sqlserver://contoso.database.windows.net:1433;database=orders;encrypt=true;authentication=ActiveDirectoryManagedIdentity",
        securitySeverity = "9.1",
        tags = {"database", "password"},
        cwe = "CWE-259",
        keywords = {"jdbc:", "password", "pwd", "secret", "key", "connection", "token", "storage"},
        precedence = 10)
public final class SqlJdbcPasswordRule extends DatabasePasswordRule {

    @Override
    boolean reports(DatabasePasswords.Candidate c) {
        return c.engine() == DatabasePasswords.Engine.SQL && c.jdbc();
    }

    @Override
    Remediation remediation(String server, String database) {
        return Remedies.sqlServer(server, database);
    }
}
