package dev.miscan.rules.config;

import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Tier;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The slot a key takes when the application named the setting itself and a setting beside it points at a
 * catalogue service whose keys have a known shape: the service's secret rule (the one rule of the rules file for
 * that service, or tagged with it, that has a key-based-auth twin), with the passwordless settings of its
 * configuration slots or of the catalogue. Such a slot has no fix ("inferred").
 */
final class InferredSlots {
    private static final Map<String, ConfigSlots.Slot> BY_SERVICE = load();

    private InferredSlots() {
    }

    /** The slot of a key of catalogue service {@code serviceKey}, or null when no rule reports its keys. */
    static ConfigSlots.Slot of(String serviceKey) {
        return BY_SERVICE.get(serviceKey);
    }

    /**
     * The slot of a connection string under a setting of the application's own naming that names exactly one
     * service ({@code inventory.storage.connection-string}, {@code BILLING_SB_CONNECTION} does not), or null: the
     * service's connection-string rule. A literal is judged by the value rules; a reference is key-based auth.
     */
    static ConfigSlots.Slot connectionString(String key) {
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        for (String svc : AzureCatalogue.get().servicesNamedIn(key)) {
            named.add(svc.startsWith("storage") ? "storage" : svc);
        }
        return named.size() == 1 ? CONNECTION_STRINGS.get(named.iterator().next()) : null;
    }

    private static final Map<String, ConfigSlots.Slot> CONNECTION_STRINGS = connectionStrings();

    /** Per service, its connection-string slot of the table, as an inferred slot (no fix). */
    private static Map<String, ConfigSlots.Slot> connectionStrings() {
        List<RuleDescriptor> rules = RuleRegistry.readRules(InferredSlots.class.getClassLoader());
        Map<String, ConfigSlots.Slot> out = new LinkedHashMap<>();
        for (ConfigSlots.Slot s : ConfigSlots.table()) {
            if (s.kind() != ConfigSlots.Kind.CONNSTR || s.rule().equals("DB")) {
                continue;
            }
            rules.stream().filter(r -> r.id().equals(s.rule())).findFirst().ifPresent(r -> out.putIfAbsent(r.service(),
                    new ConfigSlots.Slot(s.key(), s.rule(), s.kind(), "inferred", "", s.passwordless())));
        }
        return java.util.Collections.unmodifiableMap(out); // in catalogue order: rule lists built from it are stable
    }

    /** Every rule an inferred key may be reported under, secret then key-based auth. */
    static List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        List<RuleDescriptor> rules = RuleRegistry.readRules(InferredSlots.class.getClassLoader());
        for (ConfigSlots.Slot s : BY_SERVICE.values()) {
            if (!ids.contains(s.rule())) {
                ids.add(s.rule());
                rules.stream().filter(r -> r.id().equals(s.rule())).findFirst()
                        .ifPresent(r -> ids.add(r.keyAuth()));
            }
        }
        return List.copyOf(ids);
    }

    private static Map<String, ConfigSlots.Slot> load() {
        List<RuleDescriptor> rules = RuleRegistry.readRules(InferredSlots.class.getClassLoader());
        Map<String, ConfigSlots.Slot> out = new LinkedHashMap<>();
        for (AzureCatalogue.Service svc : AzureCatalogue.get().services()) {
            if (svc.keyShapes().isEmpty() || svc.key().startsWith("storage")) {
                continue; // storage keys have their own slot (an account name also says storage)
            }
            List<RuleDescriptor> own = secretRules(rules, r -> r.service().equals(svc.key()));
            if (own.isEmpty()) {
                own = secretRules(rules, r -> r.tags().contains(svc.key()));
            }
            if (own.size() != 1) {
                continue;
            }
            String rule = own.get(0).id();
            String passwordless = ConfigSlots.table().stream().filter(s -> s.rule().equals(rule))
                    .map(ConfigSlots.Slot::passwordless).filter(p -> !p.isEmpty()).findFirst()
                    .orElse(svc.detection() == null ? "" : svc.detection().passwordless());
            out.put(svc.key(), new ConfigSlots.Slot(Pattern.compile("(?!)"), rule, ConfigSlots.Kind.APIKEY, "inferred",
                    "", passwordless));
        }
        return java.util.Collections.unmodifiableMap(out); // in catalogue order: rule lists built from it are stable
    }

    private static List<RuleDescriptor> secretRules(List<RuleDescriptor> rules,
            java.util.function.Predicate<RuleDescriptor> which) {
        return rules.stream().filter(r -> r.tier() == Tier.SECRET && !r.keyAuth().isEmpty()).filter(which).toList();
    }
}
