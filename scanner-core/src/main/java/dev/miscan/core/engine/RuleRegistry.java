package dev.miscan.core.engine;

import dev.miscan.core.api.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The rules found on the class path through {@link ServiceLoader}, sorted by id, checked for collisions. */
public final class RuleRegistry {
    private final List<Rule> rules;

    public RuleRegistry(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.descriptor().id()));
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (Rule r : sorted) {
            var d = r.descriptor();
            if (!ids.add(d.id()) || !names.add(d.name()) || !summaries.add(d.summary())) {
                throw new IllegalStateException("rule " + d.id() + " collides with another rule's id, name or summary");
            }
        }
        this.rules = List.copyOf(sorted);
    }

    public static RuleRegistry load() {
        return load(RuleRegistry.class.getClassLoader());
    }

    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(found::add);
        return new RuleRegistry(found);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> find(String id) {
        return rules.stream().filter(r -> r.descriptor().id().equalsIgnoreCase(id)).findFirst();
    }
}
