package dev.miscan.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Role's hand-written equals and hashCode behave as a record's generated ones (maps keyed by roles keep their order). */
class RoleTest {
    /** A record like Role, with the generated methods. */
    private record Generated(String name, String id) {
    }

    @Test
    void equalsAndHashCode_areTheGeneratedOnes() {
        String[][] pairs = {{"Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"},
            {"Storage Blob Data Reader", "other"}, {null, "x"}, {"x", null}, {null, null}, {"", ""}};
        for (String[] a : pairs) {
            assertThat(new Role(a[0], a[1]).hashCode()).isEqualTo(new Generated(a[0], a[1]).hashCode());
            for (String[] b : pairs) {
                assertThat(new Role(a[0], a[1]).equals(new Role(b[0], b[1])))
                        .isEqualTo(new Generated(a[0], a[1]).equals(new Generated(b[0], b[1])));
            }
        }
        Role role = new Role("a", "b");
        assertThat(role.equals(null)).isFalse();
        assertThat(role.equals(new Generated("a", "b"))).isFalse();
    }
}
