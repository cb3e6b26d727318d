package dev.miscan.rules.data;

import dev.miscan.core.api.FindingSink;
import dev.miscan.core.api.Remediation;
import dev.miscan.core.api.Rule;
import dev.miscan.core.api.RuleInfo;
import dev.miscan.core.api.Tier;
import dev.miscan.core.parse.Document;
import dev.miscan.core.secrets.ConnectionStrings;
import dev.miscan.core.secrets.KeyShapes;
import dev.miscan.core.secrets.Placeholders;
import dev.miscan.rules.config.ConfigSlots;
import dev.miscan.rules.support.Remedies;
import java.net.URI;

@RuleInfo(
        id = "MI-APPCONFIG-CONNSTR",
        name = "app-configuration-access-key",
        tier = Tier.SECRET,
        summary = "Azure App Configuration connection string with an access key",
        description = "`Secret=` in an App Configuration connection string (`Endpoint=https://<store>.azconfig.io;"
                + "Id=…;Secret=…`) is an access key that reads (or writes) every key-value in the store, including"
                + " Key Vault references.",
        help = "Use `new ConfigurationClientBuilder().endpoint(\"https://<store>.azconfig.io\").credential(new"
                + " DefaultAzureCredentialBuilder().build())` (Spring: `spring.cloud.azure.appconfiguration.stores[0]"
                + ".endpoint`), grant **App Configuration Data Reader**, rotate the key and set `disableLocalAuth: true`.",
        bad = "Endpoint=https://settings.azconfig.io;Id=AbCd-l0-s0:1a2b3c;Secret=<access key>",
        good = "spring.cloud.azure.appconfiguration.stores[0].endpoint=https://settings.azconfig.io",
        securitySeverity = "7.5",
        tags = {"app-configuration", "connection-string"},
        keywords = {"azconfig", "password", "secret", "key", "connection", "sas", "token", "pwd", "storage"},
        precedence = 10)
public final class AppConfigurationConnectionStringRule extends Rule {

    @Override
    public Remediation exampleRemediation() {
        return Remedies.appConfiguration(null);
    }

    @Override
    public void scan(Document doc, FindingSink sink) {
        scanValues(doc, ConfigSlots.withSlotFixes(doc, sink));
        // after the value findings, so that for the same secret the value rule's message is kept
        ConfigSlots.report(doc, descriptor().id(), c -> report(doc, sink, c.offset(), c.text(), c.message(),
                Remedies.config(exampleRemediation(), c.slot()).withFix(ConfigSlots.fix(doc, c)), c.severity()));
    }

    private void scanValues(Document doc, FindingSink sink) {
        String text = doc.text();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int at : doc.occurrences("azconfig")) {
            ConnectionStrings.Segment seg = ConnectionStrings.segmentAround(text, at);
            var secret = seg.get("Secret");
            if (secret.isEmpty() || !seen.add(secret.get().offset()) || !seg.has("Id")) {
                continue;
            }
            String value = secret.get().value();
            if (Placeholders.isPlaceholder(value) || value.length() < 32 || !KeyShapes.looksRandom(value)) {
                continue;
            }
            String store = null;
            var endpoint = seg.get("Endpoint");
            if (endpoint.isPresent()) {
                try {
                    String host = URI.create(endpoint.get().value()).getHost();
                    store = host != null && host.contains(".") ? host.substring(0, host.indexOf('.')) : null;
                } catch (IllegalArgumentException e) {
                    store = null;
                }
            }
            report(doc, sink, secret.get().offset(), value, "App Configuration access key"
                    + (store != null ? " for store '" + store + "'" : "") + ".", Remedies.appConfiguration(store));
        }
    }
}
