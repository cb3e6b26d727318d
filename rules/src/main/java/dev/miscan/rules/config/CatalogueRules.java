package dev.miscan.rules.config;

import dev.miscan.core.api.RuleDescriptor;
import dev.miscan.core.api.Tier;
import dev.miscan.core.catalogue.AzureCatalogue;
import dev.miscan.core.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of the services the Azure catalogue alone describes (no dedicated detector): for each, the rules file's
 * secret rule of that service and its key-based-auth rule. The catalogue names no rule; this joins the two by the
 * service key.
 */
public final class CatalogueRules {
    /** The two rules of one service. */
    public record Rules(String secret, String keyAuth) {
    }

    private static final Map<String, Rules> BY_SERVICE = load();

    private CatalogueRules() {
    }

    private static Map<String, Rules> load() {
        List<RuleDescriptor> rules = RuleRegistry.readRules(CatalogueRules.class.getClassLoader());
        Map<String, Rules> out = new LinkedHashMap<>();
        for (AzureCatalogue.Service s : AzureCatalogue.get().detectedFromCatalogue()) {
            List<RuleDescriptor> secret = rules.stream()
                    .filter(r -> r.service().equals(s.key()) && r.tier() == Tier.SECRET && !r.keyAuth().isEmpty())
                    .toList();
            if (secret.size() != 1) {
                throw new IllegalStateException("the catalogue service " + s.key()
                        + " needs exactly one secret rule with a keyAuth rule in the rules file, not " + secret.size());
            }
            out.put(s.key(), new Rules(secret.get(0).id(), secret.get(0).keyAuth()));
        }
        return Map.copyOf(out);
    }

    /** The rules of catalogue service {@code key}, when the catalogue alone describes it. */
    public static Optional<Rules> of(String serviceKey) {
        return Optional.ofNullable(BY_SERVICE.get(serviceKey));
    }

    /** The rule ids of the catalogue-described services {@code which} accepts, secret then key-based auth. */
    public static List<String> ruleIds(Predicate<AzureCatalogue.Service> which) {
        List<String> ids = new ArrayList<>();
        for (AzureCatalogue.Service s : AzureCatalogue.get().detectedFromCatalogue()) {
            if (which.test(s)) {
                ids.add(BY_SERVICE.get(s.key()).secret());
                ids.add(BY_SERVICE.get(s.key()).keyAuth());
            }
        }
        return List.copyOf(ids);
    }
}
