package dev.miscan.rules.database;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Remediation;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-SQL-CONNSTR-PASSWORD",
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
