package dev.miscan.rules.database;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
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
        keywords = {"jdbc:", "password", "pwd"},
        precedence = 10)
public final class MysqlPasswordRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.mysql(null, null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        for (DatabasePasswords.Candidate c : DatabasePasswords.find(doc)) {
            if (c.engine() == DatabasePasswords.Engine.MYSQL) {
                report(doc, sink, c.offset(), c.password(), "Password for the Azure database server '" + c.server()
                        + "' in a " + (c.jdbc() ? "JDBC URL" : "connection string") + ".",
                        Remedies.mysql(c.server(), c.database()));
            }
        }
    }
}
