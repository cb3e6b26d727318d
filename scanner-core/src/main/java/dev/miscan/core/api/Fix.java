package dev.miscan.core.api;

import java.util.List;

/**
 * A mechanical change that removes a credential: text edits in the finding's file, applied by
 * {@code mi-scan fix} and emitted as SARIF {@code fixes}. A fix never inserts a secret.
 *
 * @param description what the change does, one sentence
 * @param edits       non-overlapping edits of the finding's file
 */
public record Fix(String description, List<Edit> edits) {

    public Fix {
        edits = List.copyOf(edits);
    }

    /**
     * Replaces the region from ({@code startLine}, {@code startColumn}) to ({@code endLine}, {@code endColumn})
     * — 1-based, end column exclusive, columns in UTF-16 code units — with {@code text}.
     */
    public record Edit(int startLine, int startColumn, int endLine, int endColumn, String text) {
    }
}
