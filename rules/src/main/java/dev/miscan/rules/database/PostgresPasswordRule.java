package dev.miscan.rules.database;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
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
        keywords = {"jdbc:", "password", "pwd"},
        precedence = 10)
public final class PostgresPasswordRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.postgres(null, null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        for (DatabasePasswords.Candidate c : DatabasePasswords.find(doc)) {
            if (c.engine() == DatabasePasswords.Engine.POSTGRES) {
                report(doc, sink, c.offset(), c.password(), "Password for the Azure database server '" + c.server()
                        + "' in a " + (c.jdbc() ? "JDBC URL" : "connection string") + ".",
                        Remedies.postgres(c.server(), c.database()));
            }
        }
    }
}
