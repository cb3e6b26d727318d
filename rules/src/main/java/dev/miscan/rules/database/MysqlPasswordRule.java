package dev.miscan.rules.database;

import dev.miscan.core.api.DetectorInfo;
import dev.miscan.core.api.Remediation;
import dev.miscan.rules.support.Remedies;

@DetectorInfo(
        rules = "MI-MYSQL-JDBC-PASSWORD",
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
