package dev.miscan.rules.database;

import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.rules.support.Remedies;

@RuleInfo(
        id = "MI-POSTGRES-JDBC-PASSWORD",
        name = "azure-postgresql-password",
        tier = Tier.SECRET,
        summary = "Azure Database for PostgreSQL password in a JDBC URL or connection string",
        description = "A password for a `*.postgres.database.azure.com` server, in a JDBC URL (`password=`) or an ADO.NET-style connection string, is a database password shared by every instance of the app.",
        help = "Use the passwordless authentication plugin of `com.azure:azure-identity-extensions` (`authenticationPluginClassName=com.azure.identity.extensions.jdbc.postgresql.AzurePostgresqlAuthenticationPlugin`, user = the identity name, no password); Spring: `spring.datasource.azure.passwordless-enabled=true`. Create the role with `pgaadauth_create_principal`.",
        bad = "jdbc:postgresql://contoso.postgres.database.azure.com:5432/orders?user=app&password=<password>&sslmode=require",
        good = "jdbc:postgresql://contoso.postgres.database.azure.com:5432/orders?sslmode=require&authenticationPluginClassName=com.azure.identity.extensions.jdbc.postgresql.AzurePostgresqlAuthenticationPlugin",
        securitySeverity = "9.1",
        tags = {"database", "password"},
        cwe = "CWE-259",
        keywords = {"jdbc:", "password", "pwd", "secret", "key", "connection", "token", "storage"},
        precedence = 10)
public final class PostgresPasswordRule extends DatabasePasswordRule {

    @Override
    boolean reports(DatabasePasswords.Candidate c) {
        return c.engine() == DatabasePasswords.Engine.POSTGRES;
    }

    @Override
    Remediation remediation(String server, String database) {
        return Remedies.postgres(server, database);
    }
}
