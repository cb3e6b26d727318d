package dev.miscan.rules.database;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-SQL-CONNSTR-PASSWORD",
        name = "azure-sql-connection-string-password",
        tier = Tier.SECRET,
        summary = "Azure SQL password in an ADO.NET or ODBC connection string",
        description = "A `Password=` or `Pwd=` in an ADO.NET or ODBC connection string whose `Server=` is an Azure SQL server (`*.database.windows.net`) is a SQL authentication password.",
        help = "Use `Authentication=Active Directory Managed Identity` (ADO.NET) or, from Java, `authentication=ActiveDirectoryManagedIdentity` in the JDBC URL; create a contained user for the identity with only the roles it needs, then enable Microsoft Entra-only authentication.",
        bad = "Server=tcp:contoso.database.windows.net,1433;Initial Catalog=orders;User ID=app;Password=<password>;Encrypt=True;",
        good = "Server=tcp:contoso.database.windows.net,1433;Initial Catalog=orders;Authentication=Active Directory Managed Identity;Encrypt=True;",
        securitySeverity = "9.1",
        tags = {"database", "password"},
        cwe = "CWE-259",
        keywords = {"jdbc:", "password", "pwd", "secret", "key", "connection", "token", "storage"},
        precedence = 10)
public final class SqlConnectionStringPasswordRule extends DatabasePasswordRule {

    @Override
    boolean reports(DatabasePasswords.Candidate c) {
        return c.engine() == DatabasePasswords.Engine.SQL && !c.jdbc();
    }

    @Override
    Remediation remediation(String server, String database) {
        return Remedies.sqlServer(server, database);
    }
}
