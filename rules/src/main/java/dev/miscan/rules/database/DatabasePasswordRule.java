package dev.miscan.rules.database;

import dev.miscan.core.api.Detector;
import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

/** The four database password rules differ only in which engine and form they report and how to fix it. */
abstract class DatabasePasswordRule extends Detector {

    /** True for the candidates this rule reports. */
    abstract boolean reports(DatabasePasswords.Candidate c);

    abstract Remediation remediation(String server, String database);

    @Override
    public final Remediation exampleRemediation() {
        return remediation(null, null);
    }

    @Override
    public final void scan(Document doc, FindingSink sink) {
        ConfigSlots.report(doc, ruleId(), c -> report(doc, sink, c.secret() ? ruleId() : keyAuthOf(ruleId()), "config",
                c.offset(), c.text(), c.message(),
                Remedies.config(remediation(c.server(), null), c.slot()).withFix(ConfigSlots.fix(doc, c))));
        for (DatabasePasswords.Candidate c : DatabasePasswords.find(doc)) {
            if (reports(c)) {
                report(doc, sink, c.offset(), c.password(), "Password for the Azure database server '" + c.server()
                        + "' in a " + (c.jdbc() ? "JDBC URL" : "connection string") + ".",
                        remediation(c.server(), c.database()));
            }
        }
    }
}
