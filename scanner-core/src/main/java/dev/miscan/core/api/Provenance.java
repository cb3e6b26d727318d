package dev.miscan.core.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The commit that introduced a finding, for scans of git history and ranges.
 *
 * @param commit        full commit id (40 hex digits)
 * @param author        author name
 * @param email         author e-mail
 * @param date          author date
 * @param presentAtHead false when the secret is no longer in the tip of the scanned range (it was removed
 *                      later, but it is in the history and must still be rotated)
 */
public record Provenance(String commit, String author, String email, Instant date, boolean presentAtHead) {

    public Provenance {
        Objects.requireNonNull(commit);
        author = author == null ? "" : author;
        email = email == null ? "" : email;
        Objects.requireNonNull(date);
    }

    /** The abbreviated commit id shown to people. */
    public String shortCommit() {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    public Provenance withPresentAtHead(boolean present) {
        return new Provenance(commit, author, email, date, present);
    }
}
