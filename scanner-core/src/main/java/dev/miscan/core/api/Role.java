package dev.miscan.core.api;

/** An Azure built-in role (or data-plane role) by its exact name and definition id. */
public record Role(String name, String id) {
    // equals and hashCode written out, with the values a record's generated ones have: the generated ones are
    // bootstrapped by invokedynamic at first use, ~50 method-handle classes that class-data sharing does not keep,
    // spun in every run while the catalogue's roles are put in maps

    @Override
    public boolean equals(Object o) {
        return o instanceof Role r && java.util.Objects.equals(name, r.name) && java.util.Objects.equals(id, r.id);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(name) + java.util.Objects.hashCode(id);
    }
}
