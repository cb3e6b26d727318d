package dev.miscan.rules.java;

import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;

@RuleInfo(
        id = "MI-JAVA-VALUE-DEFAULT",
        name = "java-value-default",
        tier = Tier.SECRET,
        summary = "Credential written as the default of a Spring @Value placeholder",
        description = "In `@Value(\"${db.password:Summer2024!x}\")` the default after the colon is a literal in the code: it is used whenever the property is not set, so the credential ships with the application. Reported for properties whose name says they hold a credential.",
        help = "Remove the default (`@Value(\"${db.password}\")`) and, better, the credential itself: with Managed Identity the setting is not needed.",
        bad = "@Value(\"${azure.storage.account-key:<key>}\") String accountKey;",
        good = "@Value(\"${azure.storage.account-key}\") String accountKey;",
        securitySeverity = "7.5",
        tags = {"java", "spring", "sink"},
        keywords = {"@value"},
        precedence = 60)
public final class ValueDefaultInJavaRule extends JavaSinkRule {
    public ValueDefaultInJavaRule() {
        super(SinkFamily.VALUE_DEFAULT);
    }
}
