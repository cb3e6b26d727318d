package dev.miscan.rules.database;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.parse.Document;
import dev.miscan.rules.config.ConfigSlotDetector;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;

/** The four database password rules differ only in which engine and form they report and how to fix it. */
abstract class DatabasePasswordRule extends ConfigSlotDetector {

    /** True for the candidates this rule reports. */
    abstract boolean reports(DatabasePasswords.Candidate c);

    abstract Remediation remediation(String server, String database);

    @Override
    public final Remediation exampleRemediation() {
        return remediation(null, null);
    }

    /** A datasource slot's remediation names the server of the datasource URL beside it. */
    @Override
    protected final Remediation configRemediation(Document doc, ConfigSlots.Candidate c) {
        return Remedies.config(remediation(c.server(), null), c.slot());
    }

    /**
     * Unlike the other {@link ConfigSlotDetector}s: the slots first, and no slot fix on a password found in a URL or
     * connection string, so that where a datasource slot and a connection string hold the same password, the
     * slot's finding, which names the setting, is the one the engine keeps.
     */
    @Override
    public final void scan(Document doc, FindingSink sink) {
        reportConfigSlots(doc, sink);
        for (DatabasePasswords.Candidate c : DatabasePasswords.find(doc)) {
            if (reports(c)) {
                report(doc, sink, c.offset(), c.password(), "Password for the Azure database server '" + c.server()
                        + "' in a " + (c.jdbc() ? "JDBC URL" : "connection string") + ".",
                        remediation(c.server(), c.database()));
            }
        }
    }
}
