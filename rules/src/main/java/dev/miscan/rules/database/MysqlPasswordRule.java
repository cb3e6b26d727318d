package dev.miscan.rules.database;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-MYSQL-JDBC-PASSWORD",
        name = "azure-mysql-password",
        tier = Tier.SECRET,
        summary = "Azure Database for MySQL password in a JDBC URL or connection string",
        description = "A password for a `*.mysql.database.azure.com` server, in a JDBC URL (`password=` or `user:password@host`) or an ADO.NET-style connection string, is a database password shared by every instance of the app.",
        help = "Use the passwordless authentication plugin of `com.azure:azure-identity-extensions` (`defaultAuthenticationPlugin=com.azure.identity.extensions.jdbc.mysql.AzureMysqlAuthenticationPlugin`); Spring: `spring.datasource.azure.passwordless-enabled=true`.",
        bad = "jdbc:mysql://contoso.mysql.database.azure.com:3306/orders?user=app&password=<password>&sslMode=REQUIRED",
        good = "jdbc:mysql://contoso.mysql.database.azure.com:3306/orders?sslMode=REQUIRED&defaultAuthenticationPlugin=com.azure.identity.extensions.jdbc.mysql.AzureMysqlAuthenticationPlugin",
        securitySeverity = "9.1",
        tags = {"database", "password"},
        cwe = "CWE-259",
        keywords = {"jdbc:", "password", "pwd", "secret", "key", "connection", "token", "storage"},
        precedence = 10)
public final class MysqlPasswordRule extends DatabasePasswordRule {

    @Override
    boolean reports(DatabasePasswords.Candidate c) {
        return c.engine() == DatabasePasswords.Engine.MYSQL;
    }

    @Override
    Remediation remediation(String server, String database) {
        return Remedies.mysql(server, database);
    }
}
